"""A management response is no evaluation: its recommendations are quoted from the report it answers.

An organisation's response to an evaluation (or to an inspection body's reports) repeats each
recommendation it answers, then its actions, owners and dates. Those recommendations are the
evaluation's items, to be imported from the evaluation itself; the response holds none of its
own. The document says what it is in its title, on its first page, as a line of its own.
"""

from __future__ import annotations

import re

from indexer.importing.reading import Document

# Who reports, named between "Report" and "on the recommendations" ("Report of UNDP on the
# recommendations of the JIU", "Report of the Executive Director on the implementation of the
# recommendations of …", «Доклад ПРООН о рекомендациях …»): a few words, none a verb.
ORGANISATION = r"(?:the )?[\w-]+(?: [\w-]+){0,3}?"
# Title lines of a response document, in English and Russian, after the organisation's name
# and a colon or not ("UNDP: Report on the recommendations of the United Nations Board of
# Auditors for 2023: Status of implementation"). A line must begin with one:
# "The present document provides the management response to…" is the summary, not the title,
# and an evaluation report that carries its response in an annex is titled as the evaluation.
RESPONSE_TITLE = re.compile(
    r"^\s*(?:"
    r"management(?:'s)? response (?:to|of|on)\b"
    rf"|(?:[\w-]+: )?(?:[\w-]+ ){{0,3}}(?:report|response)(?: (?:of|by) {ORGANISATION})? (?:on|to) the "
    r"(?:(?:status of )?implementation of (?:the )?)?recommendations\b"
    r"|(?:ответ|позиция|реакция) руководства\b"
    rf"|(?:[\w-]+: )?(?:[\w-]+ ){{0,3}}(?:доклад|отчёт|отчет|ответ)(?: {ORGANISATION})? (?:о|об|на) "
    r"(?:выполнении )?"
    r"рекомендаци"
    r")",
    re.IGNORECASE)
TITLE_PAGES = 1      # the cover: where a document names itself
TITLE_LINE = 160     # characters: longer lines are prose, not a title


def response_title(document: Document) -> str | None:
    """The title line that makes the document a management response, or None.

    A title set in display type breaks where the line is full, not where its phrase ends
    ("Report of the United Nations Development Programme on the" / "recommendations of …"):
    a line is also read with the one under it."""
    for page in document.pages[:TITLE_PAGES]:
        lines = [text for text in (" ".join(line.split()) for line in page.lines) if text]
        for at, text in enumerate(lines):
            for title in (text, " ".join(lines[at:at + 2])):
                if len(title) <= TITLE_LINE and RESPONSE_TITLE.match(title):
                    return title
    return None
