"""Pages of a layout text made into the report's running lines, with each line's page.

`page_lines(document)` reads each page in turn:
1. a draft's review balloons in the margin go (`balloons`); running headers and footers go:
   a line among a page's first or last three written
   lines whose form (digits aside, spaces collapsed) recurs at the top or foot of at least
   three pages and a fifth of them; so do page numbers ("12", "- 12 -", "Page 1 sur 30",
   "31 |51", "стр. 4") there (not a footnote's number standing over its words), and a page's
   number that two columns' reading left mid-page, at the foot of the left one (known by the
   offset the other pages' numbers keep from their places in the file), and a UN
   document's symbol standing alone ("DP/2025/14", however few the pages), and
   contents lines (dot leaders and a page number) anywhere,
   or a contents page's lines without leaders (a wide gap, then page numbers that rise);
2. footnotes go: the page's last paragraphs that open with a number which the page's
   text carries as a marker glued to a word or mark ("System)2 offers", "projects20.");
   the marker goes too;
3. a table of numbered items is read as a numbered list (`tables.read_tables`), and two
   columns are read in order (`columns.read_columns`), and a box's display numeral, on a line
   of its own or glued to the first word, made its paragraph's number (`boxes`);
4. lines lose their indentation; the first written line of a page starts with a space,
   which is how the rest of the road knows a page starts there (as in plain text).
A Word document's lines ("styled") need none of it and only gain their pages.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.importing.balloons import drop_balloons
from indexer.importing.boxes import labelled_boxes
from indexer.importing.cleaning import PAGE_NUMBER, TOC_LINE, clean_lines
from indexer.importing.columns import read_columns
from indexer.importing.reading import Document
from indexer.importing.tables import read_tables

EDGE = 3
PAGE_FORM = re.compile(
    r"(?:page|p\.|стр\.?|страница|pag\.?|página)?\s*[-–—]?\s*\d{1,4}\s*[-–—]?"
    r"(?:\s*(?:of|из|sur|de|/|\|)\s*\d{1,4})?", re.I)
# A contents line laid out without leaders: its title, a wide gap, its page number.
GAPPED_TOC = re.compile(r"\s*\S.*[^\W\d_)].*?\s{3,}(\d{1,3}|[ivxl]{1,5})\s*")
# Under a contents title, an entry may keep one space before its page number.
SPACED_TOC = re.compile(r"\s*\S.{0,100}[^\W\d_)]\s(\d{1,3}|[ivxl]{1,5})\s*")
CONTENTS_TITLE = re.compile(r"\s*(?:(?:table\s+of\s+)?contents|содержание|оглавление|table\s+des\s+matières"
                            r"|índice|sommaire)\s*", re.I)
FOOTNOTE = re.compile(r"\s*(\d{1,3})(?:\s+(?=\S)(?!\d)|\s*$)")
# A UN document's symbol, its running header on every page however few ("DP/2025/14",
# "E/ICEF/2025/7", "JIU/REP/2023/8", "A/HRC/55/L.1").
SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.()-]*){1,5}(?<=\d)")
# A footnote's marker glued to a word ("System2") or to the mark after a lower-case word or
# a closing mark ("projects.20", "(2014).3"); never a section's number ("II.1", "2.1").
GLUED = r"(?:(?<=[^\W\d_])|(?<=[a-zа-яё)”»\"’%][.,;:)”»\"’])|(?<=[)”»\"’][.,;:]))"


def page_lines(document: Document) -> tuple[list[str], list[int]]:
    """The report's lines and, line by line, the 1-based page each stands on."""
    if document.form == "plain":
        return _plain(list(document.pages[0].lines))
    if document.form == "styled":
        return _pages_joined([(page.number, list(page.lines)) for page in document.pages])
    pages = [drop_balloons([line.replace("\t", "    ").replace("\xa0", " ").rstrip() for line in page.lines])
             for page in document.pages]
    furniture, folios = _running(pages), _folios(pages)
    cleaned, carried = [], {}    # a table of items going on over a page break (`read_tables`)
    for number, lines in enumerate(pages, 1):
        contents = _contents_lines(lines)
        moved = _moved_folio(lines, folios.get(number, ""))
        lines = [line for n, line in enumerate(lines)
                 if n not in contents and n != moved and not _is_furniture(line, lines, furniture)]
        lines = labelled_boxes(read_columns(_drop_footnotes(read_tables(lines, carried))))
        cleaned.append((number, [line.strip() for line in lines]))
    return _pages_joined(cleaned)


def _plain(lines: list[str]) -> tuple[list[str], list[int]]:
    """A plain text's cleaned lines; a line opening with white space starts a page."""
    kept = clean_lines("\n".join(lines))
    pages, page = [], 1
    for number, line in enumerate(kept):
        page += number > 0 and line[:1].isspace() and bool(line.strip())
        pages.append(page)
    return kept, pages


def _pages_joined(pages: list[tuple[int, list[str]]]) -> tuple[list[str], list[int]]:
    out, numbers = [], []
    for number, lines in pages:
        first = True
        for line in lines:
            if first and line:
                line, first = " " + line, False
            out.append(line)
            numbers.append(number)
    return out, numbers


def form_of(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _edges(lines: list[str]) -> list[str]:
    written = [line for line in lines if line.strip()]
    return written[:EDGE] + written[-EDGE:] if len(written) > 2 * EDGE else written


def _running(pages: list[list[str]]) -> set[str]:
    """Forms of the lines that recur at the pages' edges: running headers and footers."""
    counts = Counter(form for lines in pages for form in {form_of(line) for line in _edges(lines)})
    least = max(3, len(pages) // 5)
    return {form for form, count in counts.items() if count >= least and len(form) > 3}


def _folios(pages: list[list[str]]) -> dict[int, str]:
    """Each page's printed number, where the bare numbers at the pages' edges keep one offset
    from their pages' places (three pages and a fifth of them at least): file page 18 prints 16."""
    offsets = Counter(number - int(text) for number, lines in enumerate(pages, 1)
                      for text in {line.strip() for line in _edges(lines)}
                      if text.isdigit() and len(text) <= 4)
    offset, count = offsets.most_common(1)[0] if offsets else (0, 0)
    if count < max(3, len(pages) // 5):
        return {}
    return {number: str(number - offset) for number in range(1, len(pages) + 1) if number > offset}


def _moved_folio(lines: list[str], folio: str) -> int | None:
    """The line of a page's printed number that the reading of its columns moved off the
    page's edge (the foot of the left column, above the right one), else None."""
    if not folio or any(line.strip() == folio for line in _edges(lines)):
        return None
    return next((n for n, line in enumerate(lines) if line.strip() == folio), None)


def _contents_lines(lines: list[str]) -> set[int]:
    """A contents page's lines without dot leaders: four or more, their page numbers rising;
    set apart by a wide gap, or by a single space in the run of lines under a "Contents" title."""
    found = [(n, m.group(1)) for n, line in enumerate(lines) if (m := GAPPED_TOC.fullmatch(line))]
    return _rising(found) or _rising(_under_title(lines))


def _under_title(lines: list[str]) -> list[tuple[int, str]]:
    """The entries right under a contents title, up to the first line that is none."""
    title = next((n for n, line in enumerate(lines) if CONTENTS_TITLE.fullmatch(line)), len(lines))
    found: list[tuple[int, str]] = []
    for n in range(title + 1, len(lines)):
        if match := SPACED_TOC.fullmatch(lines[n]) or GAPPED_TOC.fullmatch(lines[n]):
            found.append((n, match.group(1)))
        elif lines[n].strip():
            break
    return found


def _rising(found: list[tuple[int, str]]) -> set[int]:
    numbers = [_page_value(page) for _, page in found]
    if len(found) < 4 or numbers != sorted(numbers) or len(set(numbers)) < 2:
        return set()
    return {n for n, _ in found}


def _page_value(number: str) -> int:
    """A contents entry's page: a roman front-matter page comes before page 1."""
    return int(number) if number.isdigit() else 0


def _is_furniture(line: str, lines: list[str], running: set[str]) -> bool:
    text = line.strip()
    if not text:
        return False
    if TOC_LINE.search(text):
        return True
    if line not in _edges(lines):
        return False
    if form_of(line) in running or SYMBOL.fullmatch(text):
        return True
    return bool(PAGE_FORM.fullmatch(text) or PAGE_NUMBER.fullmatch(text)) and not _footnote_number(
        line, lines, running)


def _footnote_number(line: str, lines: list[str], running: set[str]) -> bool:
    """A bare number low on the page with a footnote's words under it ("86" over "JIU/REP/2023/8,
    recommendation 5."): the footnote's number on its own line, not the page's number."""
    written = [n for n, other in enumerate(lines) if other.strip()]
    at = max(n for n in written if lines[n] == line)
    below = [lines[n].strip() for n in written if n > at and form_of(lines[n]) not in running]
    return (line.strip().isdigit() and at > len(lines) / 2 and bool(below)
            and len(below[0].split()) >= 3 and not PAGE_FORM.fullmatch(below[0]))


def _drop_footnotes(lines: list[str]) -> list[str]:
    """The page without the footnotes at its foot, and without their markers above."""
    paragraphs = _paragraph_starts(lines)
    cut = len(lines)
    for number in range(len(paragraphs) - 1, -1, -1):
        start = paragraphs[number]
        match = FOOTNOTE.match(lines[start])
        if match and _marker(lines[:start], match.group(1)):
            cut = start
            continue
        above = FOOTNOTE.match(lines[paragraphs[number - 1]]) if number else None
        if not (above and lines[start].strip()[:1].islower()):   # a footnote's second paragraph
            break
    if cut == len(lines):
        return lines
    body = lines[:cut]
    for start in paragraphs:
        if start >= cut and (match := FOOTNOTE.match(lines[start])):
            _drop_marker(body, match.group(1))
    return body


def _paragraph_starts(lines: list[str]) -> list[int]:
    """Line numbers where a paragraph starts: after a blank line, or a footnote's number."""
    starts = []
    for number, line in enumerate(lines):
        if line.strip() and (number == 0 or not lines[number - 1].strip()
                             or FOOTNOTE.match(line) and starts):
            starts.append(number)
    return starts


def _marker(lines: list[str], number: str) -> bool:
    """Whether the text above carries the footnote's marker: glued, or a superscript's own line."""
    pattern = re.compile(rf"{GLUED}{number}(?!\d)")
    return any(pattern.search(line) or line.strip() == number for line in lines)


def _drop_marker(lines: list[str], number: str) -> None:
    pattern = re.compile(rf"{GLUED}{number}(?!\d)")
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() == number:
            del lines[index]
            return
        if pattern.search(lines[index]):
            lines[index] = pattern.sub("", lines[index], count=1)
            return
