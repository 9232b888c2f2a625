"""Bold passages of a PDF's narrative that recommend: items no heading or label announces.

Some reports (the Joint Inspection Unit's, say) set their informal recommendations in
bold inside the running text. A bold passage (`Page.bold`) is such an item when it
- is a sentence or more (eight words or more), not a heading, a label or a contents line,
  nor the lead-in of a list below it (it ends in a colon: "I encourage Member States, …:");
- recommends: its words ask for something ("should", "encourage", "recommend", "urge",
  "request", "call on", "advise", "suggest", "propose"; «следует», «рекомендуется»…), or
  the evaluator believes that something could be done ("believe that … could be");
- stands in the report's body (not on a page of the executive summary or the annexes);
- is running text, not set in display type (a cover's motto, a pull quote: a few words a line);
- is not already (part of) an item found otherwise, such as a labelled recommendation.
A bold run is cut where a numbered heading follows a sentence's end inside it (the bold
heading of the next chapter right under a bold last sentence is no part of it), and a
run is carried on over a page turn only when no running text follows it on its page: a
paragraph's bold side heading ("Plethora of reporting mechanisms") has its paragraph
after it, so the bold sentence that opens the next page is not its continuation.
A text file has no fonts, so this finds nothing there.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.importing.blocks import DANGLING, HEADING_WORDS, Vocabulary, ends_sentence, join_lines
from indexer.importing.labels import item_label
from indexer.importing.layout import PAGE_FORM as PAGE_NUMBER
from indexer.importing.layout import form_of
from indexer.importing.reading import Document
from indexer.importing.sections import Item, Part
from indexer.importing.words import normal_words

ASKING = re.compile(r"\b(?:should|must|recommend(?:s|ed|ing)?|encourag(?:es?|ed|ing)|urg(?:es?|ed|ing)|"
                    r"request(?:s|ed)?|calls? on|advis(?:es?|ed)|suggest(?:s|ed|ing)?|propos(?:es?|ed)|"
                    r"invit(?:es?|ed)|следует|необходимо|рекомендует\w*|предлага\w*|должн\w*)\b"
                    # the evaluator's view of what could be done: "the Inspectors believe that … could"
                    r"|\b(?:believes?|considers?|are\s+of\s+the\s+view|is\s+of\s+the\s+view)\s+that\b"
                    r"[^.;]*\b(?:could|would)\b", re.I)
DISPLAY = 3        # words a line, or fewer: a passage set in display type
FINDING = re.compile(r"\b(?:finding|conclusion|вывод)\s+\d{1,2}\b", re.I)
HEADING = re.compile(r"\s*(?:[IVXLC]{1,6}|[A-ZА-Я]|\d{1,2}(?:\.\d{1,2})*)\.\s+[^\W\d_]")
# A part of a document named at a heading's start: "Annex", "Draft decision V", «Приложение».
PART = re.compile(r"\s*(?:annex|appendix|chapter|draft\s+(?:decision|resolution)|"
                  r"(?:resolution|decision)\s+\d|"
                  r"приложение|глава|проект\s+(?:решения|резолюции))\b", re.I)
SEPARATOR = re.compile(r"\s*[_—–-]{5,}\s*")
NOT_ITEM = re.compile(r"\s*(?:key\s+)?(?:finding|conclusion|figure|table|box|вывод|заключение|"
                      r"таблица|рисунок)s?\b", re.I)


def bold_items(document: Document, items: list[Item], pages: dict[int, tuple[str, bool]],
               vocabulary: Vocabulary, part: Part) -> list[Item]:
    """Items from the document's bold passages; `pages` maps a page to (section title, in body)."""
    known = [normal_words(item.body) for item in items]
    found = []
    for number, run in _passages(document):
        title, body = pages.get(number, ("", False))
        text = join_lines(run, vocabulary)
        if not body or _display(run) or not _is_item(text, number):
            continue
        words = normal_words(text)
        if any(words[:60] in other or other[:60] in words for other in known):
            continue
        known.append(words)
        found.append(Item("recommendation", part, title, None, None, None, "", part.country,
                          False, [("p", [text])], body=text, page=number))
    return found


def _passages(document: Document) -> list[tuple[int, list[str]]]:
    """(page, lines) of each bold passage: running headers out, one cut by a page turn re-joined."""
    forms = Counter(form_of(line) for page in document.pages for run in page.bold
                    for line in set(run.split("\n")) if len(line.strip()) >= 8)
    passages: list[tuple[int, list[str]]] = []
    last_on_page = False
    for page in document.pages:
        first = True
        for run in page.bold:
            lines = [line.strip() for line in run.split("\n") if _kept(line.strip(), forms)]
            if not lines:
                continue
            for piece in _cut_at_headings(lines):
                if (first and last_on_page and piece[0][:1].islower()
                        and not ends_sentence(passages[-1][1][-1])):
                    passages[-1][1].extend(piece)
                else:
                    passages.append((page.number, piece))
                first = False
            last_on_page = _ends_page(page.lines, passages[-1][1])
    return passages


def _cut_at_headings(lines: list[str]) -> list[list[str]]:
    """A run's lines in pieces: a numbered heading after a sentence's end starts a new one, and
    so do the run's last line or two when they end no sentence and read as a title: the
    next sub-section's bold heading right under a bold paragraph ("Closing the financing gap
    and investing in catalytic interventions to" / "drive impact")."""
    pieces = [[lines[0]]]
    for line in lines[1:]:
        if HEADING.match(line) and ends_sentence(pieces[-1][-1]) and not ends_sentence(line):
            pieces.append([])
        pieces[-1].append(line)
    last = pieces[-1]
    for size in (1, 2):
        tail = last[-size:]
        if len(last) > size and ends_sentence(last[-size - 1]) and _title(tail):
            pieces[-1:] = [last[:-size], tail]
            break
    return pieces


def _title(lines: list[str]) -> bool:
    """Lines that read as a heading: a capital first, at most a heading's words, no sentence's
    end, no word a title does not end on."""
    words = " ".join(lines).split()
    return (lines[0][:1].isupper() and len(words) <= HEADING_WORDS and not ends_sentence(lines[-1])
            and not any(ends_sentence(line) for line in lines) and words[-1].lower() not in DANGLING
            and not lines[-1].endswith((",", ";", ":", "-", "–")))


def _ends_page(lines: tuple[str, ...], passage: list[str]) -> bool:
    """Whether no running text follows the passage on its page (footnotes and numbers aside)."""
    spaced = [" ".join(line.split()) for line in lines]
    first, last = (" ".join(line.split()) for line in (passage[0], passage[-1]))
    start = next((n for n, line in enumerate(spaced) if first and first in line), len(spaced))
    at = next((n for n in range(start, len(spaced)) if last in spaced[n]), None)
    if at is None:
        return True
    if len(spaced[at].split(last, 1)[1].split()) >= 3:     # roman words go on after it on its line
        return False
    for line in spaced[at + 1:]:
        if SEPARATOR.fullmatch(line):
            return True
        if len(line.split()) >= 4:
            return False
    return True


def _kept(line: str, forms: Counter) -> bool:
    """Not blank, not a page number, not a running header (a line recurring on three pages)."""
    return bool(line) and not PAGE_NUMBER.fullmatch(line) and (len(line) < 8 or forms[form_of(line)] < 3)


def _display(lines: list[str]) -> bool:
    """Whether the passage is set in display type, DISPLAY words a line or fewer over three
    lines or more: a cover's motto or a pull quote ("For aid to" / "be effective," / …), not
    running text, whose lines hold twice as many words or more."""
    words = sum(len(line.split()) for line in lines)
    return len(lines) >= 3 and words <= DISPLAY * len(lines)


def _is_item(text: str, page: int) -> bool:
    words = text.split()
    if len(words) < 8 or ". ." in text or "…" in text or "...." in text:
        return False
    if sum(len(word) == 1 for word in words) > len(words) / 4:      # a table's letters
        return False
    if not ends_sentence(text) and (len(words) < 15 or page == 1 or HEADING.match(text) or PART.match(text)):
        # A heading, however long: the cover's title ("Request for the inclusion of an item in
        # the provisional agenda …"), a chapter's, an annex's or a draft decision's ("Annex
        # Resolution 2025/1 Request to strengthen …", "III. Proposed draft decision on …").
        # A longer bold passage elsewhere may be the bold part of a sentence ("… the Inspector
        # proposes the creation of …" before a footnote).
        return False
    if text.endswith(":"):          # "I encourage all stakeholders, …:": it names who the list asks
        return False
    if item_label(text) or NOT_ITEM.match(text) or FINDING.search(text):
        return False
    return bool(ASKING.search(text))
