"""A management response is no evaluation: its recommendations are quoted from the report it answers.

An organisation's response to an evaluation (or to an inspection body's reports) repeats each
recommendation it answers, then its actions, owners and dates. Those recommendations are the
evaluation's items, to be imported from the evaluation itself; the response holds none of its
own. The document says what it is in its title, on its first page, as a line of its own.
"""

from __future__ import annotations

import re

from indexer.importing.reading import Document

# Title lines of a response document, in English and Russian. A line must begin with one:
# "The present document provides the management response to…" is the summary, not the title,
# and an evaluation report that carries its response in an annex is titled as the evaluation.
RESPONSE_TITLE = re.compile(
    r"^\s*(?:"
    r"management(?:'s)? response (?:to|of|on)\b"
    r"|(?:[\w-]+ ){0,3}(?:report|response) (?:on|to) the (?:implementation of (?:the )?)?recommendations\b"
    r"|(?:ответ|позиция|реакция) руководства\b"
    r"|(?:[\w-]+ ){0,3}(?:доклад|отчёт|отчет|ответ) (?:о|об|на) (?:выполнении )?рекомендаци"
    r")",
    re.IGNORECASE)
TITLE_PAGES = 1      # the cover: where a document names itself
TITLE_LINE = 160     # characters: longer lines are prose, not a title


def response_title(document: Document) -> str | None:
    """The title line that makes the document a management response, or None."""
    for page in document.pages[:TITLE_PAGES]:
        for line in page.lines:
            text = " ".join(line.split())
            if len(text) <= TITLE_LINE and RESPONSE_TITLE.match(text):
                return text
    return None
