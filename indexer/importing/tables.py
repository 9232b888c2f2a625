"""A table of items in a layout text, read as the numbered list it is.

Some reports set their recommendations in a table: a header row whose cells name the
columns ("#  Recommendation  Addressee  Priority", «№  Рекомендация  Кому  Срок»), then a
row per item, its number in the first column and its words wrapped inside the column the
header names for the kind. A layout text (`pdftotext -layout`) keeps the columns side by
side, so the words of one item are cut across many lines and mixed with the other cells.

`read_tables(lines)` finds such a table on a page: a header line of three cells or more
(runs of three spaces apart; two when the first is "#" or "№"), one of them naming a kind
of item (recommendation, lesson, good practice), and below it rows whose first cell is a
number. Each row becomes "N) words of the item's column…", its continuation lines the
column's further words, so
the walker reads a numbered list; the other cells (addressee, priority, status) go.
Other tables name the kind in their first column and number the item inside its cell (WFP:
"Recommendation | Recommendation grouping | Responsibility | ... | Priority | By when", rows
"1. Sharpen …" with sub-rows "1.1 Support …"): the header's words may wrap over lines of their
own ("on grouping", "when"); each row becomes "N) words of the first column…", each sub-row
a bullet "• N.M words…" of that item, until a line writes across the item column's edge.
The UNDP-GEF evaluations' summary table of recommendations ("Rec #  TE Recommendation  Entity
Responsible  Time frame") numbers its rows by category: a row "A  Category 1: Sustainability"
titles the rows "A.1", "A.2" under it and is no item; each coded row becomes a label line
("Recommendation A.1: words…", `labels`), so the item keeps its code as its number.
A table without numbered rows is left as it is; the rows of one whose header names a
management response ("Recommendation | Management response | Key actions") go: they quote
the items, as the report's own list gives them.
"""

from __future__ import annotations

import re

from indexer.importing.sections import COLUMN_TITLES
from indexer.importing.templates import read_templates

KIND = re.compile("|".join(f"(?:{p})" for p in COLUMN_TITLES.values()), re.I)
NUMBER = re.compile(r"(?:(?:rec|ref)\.?\s*)?(?:#|№|No\.?|N°)$", re.I)
# An evaluation's abbreviation before the item column's name: "TE Recommendation", "MTR recommendations".
ABBREVIATED = re.compile(r"(?-i:[A-Z]{2,4})\s+(?=\S)")
NUMBER_GLUED = re.compile(r"(#|№|No\.?|N°)\s+(\S.*)", re.I)
ROW = re.compile(r"\s*(\d{1,2}|(?-i:[A-Z])[.-]?\d{1,2}(?:\.\d{1,2})?|(?-i:[A-H]))\.?(?=\s{2,}|$)")
CODED = re.compile(r"(?-i:[A-Z])")
LABEL_WORD = {"recommendation": "Recommendation", "lesson": "Lesson", "good-practice": "Good practice"}
# A row whose number opens the item's own cell: "1. Sharpen …", "1.1 Support …", "2) Invest …".
CELL_ROW = re.compile(r"\s*(\d{1,2})(\.\d{1,2})?[.)]?\s+(?=\S)")
RESPONSE = re.compile(r"management\s+response|ответ\s+руководства|key\s+actions?|action\s+owner|"
                      r"agree|согласн", re.I)


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each cell: runs of words at least three spaces apart."""
    cells: list[tuple[int, str]] = []
    for match in re.finditer(r"\S+(?:(?: {1,2})\S+)*", line):
        cells.append((match.start(), match.group(0)))
    return cells


def _header(line: str) -> list | None:
    """[start, end, first, response, kind] of the item column when the line is such a table's
    header, else None; `first` when the item column is the table's first, its rows numbered
    inside it; `response` when the header names a management response (its rows go); `kind`
    the kind the item column names, when it is not the first (None when it is)."""
    cells = _cells(line)
    if cells and (glued := NUMBER_GLUED.match(cells[0][1])):   # "№ Рекомендация": a narrow number column
        cells[:1] = [(cells[0][0], glued.group(1)), (cells[0][0] + glued.start(2), glued.group(2))]
    if len(cells) < (2 if cells and NUMBER.match(cells[0][1]) else 3) or len(line.split()) > 12:
        return None
    response = any(RESPONSE.search(text) for _, text in cells)
    if KIND.match(cells[0][1]):
        return [cells[0][0], cells[1][0], True, response, None]
    for n, (start, text) in enumerate(cells[1:], 1):
        if (kind := _names_kind(text)) and (NUMBER.match(cells[0][1]) or n == 1):
            end = cells[n + 1][0] if n + 1 < len(cells) else 10_000
            return [start, end, False, response, kind]
    return None


def _names_kind(text: str) -> str | None:
    """The kind of item a column's name names ("Recommendation", "TE Recommendation"), or None."""
    text = text[m.end():] if (m := ABBREVIATED.match(text)) else text
    if not KIND.match(text):
        return None
    return next(kind for kind, pattern in COLUMN_TITLES.items() if re.match(pattern, text, re.I))


def _coded_rows(out: list[str], coded: list[tuple[int, str]], kind: str | None) -> None:
    """Write a table's rows numbered by a code ("A.1", "B2", "C") as label lines of the kind
    its header names; a letter row that codes later rows ("A" over "A.1") titles a category
    and goes. Why: the walker reads labels whatever their number, not "A.1)" as a list."""
    codes = {code for _, code in coded}
    for at, code in coded:
        titles = len(code) == 1 and any(c != code and c.startswith(code) for c in codes)
        out[at] = "" if titles else f"{LABEL_WORD.get(kind or '', 'Recommendation')} {code}: {out[at]}"


def _under(line: str, header: str) -> bool:
    """Whether each word of the line stands under a cell of the header: the header's words
    wrapped inside their cells, a narrow first column's too ("Re" / "c#" under "Rec #")."""
    cells = _cells(header)
    return all(any(start - 2 <= word.start() <= start + len(text) for start, text in cells)
               for word in re.finditer(r"\S+", line))


def _crosses(line: str, end: int) -> bool:
    """Whether the line writes across the item column's edge: running text below the table."""
    return 0 < end < len(line) and line[end - 1:end + 1].strip() == line[end - 1:end + 1]


def read_tables(lines: list[str]) -> list[str]:
    """The page's lines, each table of numbered items read as a numbered list, each ILO
    template's item as its marked line (`templates`)."""
    lines = read_templates(lines)
    out: list[str] = []
    column: list | None = None
    rows, header = 0, (0, "")
    coded: list[tuple[int, str]] = []
    for line in lines:
        if column is None:
            column, rows, header, coded = _header(line), 0, (len(out), line), []
            out.append("" if column else line)
            continue
        if not line.strip():
            out.append(line)
            continue
        start, end, first, response, kind = column
        cell = line[max(0, start - 2):end]
        row = CELL_ROW.match(cell) if first else ROW.match(line)
        if not row and rows == 0 and (not cell.strip() if first else len(line.split()) <= 3
                                      and (not line[:max(0, start - 1)].strip() or _under(line, header[1]))):
            column[3] = response or bool(RESPONSE.search(line))    # "response (agree / …"
            continue                        # the header's words wrapped onto a line of their own
            # (beside the item column, or a few words under its cells: «Приорите» / «т»)
        if (not row and rows == 0 or line[:max(0, start - 1)].strip() and not row
                or first and _crosses(line, end)):
            if rows == 0:                   # no table: the line was a heading's ("6. Уроки   и   опыт")
                out[header[0]] = header[1]
            if coded:
                _coded_rows(out, coded, kind)
                coded = []
            column = None                   # the table has ended (or never had numbered rows)
            out.append(line)
            continue
        # (a row's number, left of a narrow item column's edge, is no word of the item)
        left = max(0, start - 2, row.end() if row else 0)
        words = " ".join((cell[row.end():] if first and row else line[left:end]).split())
        rows += bool(row)
        if response:
            out.append("")                  # a management response quotes the items: no item
        elif row and first and row.group(2):
            out += ["", f"• {row.group(1)}{row.group(2)} {words}"]
        elif row and CODED.match(row.group(1)):   # "A.1": written as a label once the table ends
            coded.append((len(out) + 1, row.group(1)))
            out += ["", words]
        elif row:                           # "N) …": a list item, never a heading ("1. Introduction")
            out += ["", f"{row.group(1)}) {words}"]
        elif words:
            out.append(f"   {words}")
    if coded and column:
        _coded_rows(out, coded, column[4])
    return out
