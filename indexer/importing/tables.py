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
A header of two cells, the first naming the kind ("Recommendation on key performance area |
Expected Results", a draft policy review's), heads such a first-column table too, and its
first cell stays as the table's heading (the section's title may name its findings first);
rows flush with the numbers that title the rows below them ("Policy and Institutional level")
are no item's words; the table goes on over a page break without its header, and ends where
running text runs on below it or a row's number goes back ("4. Conclusion" after row 23).
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
    if len(cells) < (2 if cells and (NUMBER.match(cells[0][1]) or KIND.match(cells[0][1])) else 3) \
            or len(line.split()) > 12:
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


def _group_row(cell: str, start: int, lines: list[str], at: int, column: list) -> bool:
    """Whether a line of the item column titles the numbered rows below it ("Policy and
    Institutional level", "Response and Recovery"): a few words flush with the rows' numbers,
    a capital first, no sentence's end, and the next line a numbered row."""
    words = cell.split()
    if not words or len(cell) - len(cell.lstrip()) > start - max(0, start - 2) + 1 \
            or not words[0][0].isupper() \
            or len(words) > 8 or cell.rstrip()[-1] in ".;:!?" or CELL_ROW.match(cell):
        return False
    below = next((line for line in lines[at + 1:] if line.strip()), "")
    return bool(CELL_ROW.match(below[max(0, column[0] - 2):column[1]]))


def _title(line: str) -> str:
    """What stays of a table's header line: nothing, or the item column's name where the header
    has only it and one column beside it ("Recommendation on key performance area | Expected
    Results"): the table's own heading, where the section's title ("Findings and
    Recommendations of …") names its findings first."""
    cells = _cells(line)
    return cells[0][1] if len(cells) == 2 and KIND.match(cells[0][1]) else ""


def _runs_on(line: str, start: int, end: int, out: list[str]) -> bool:
    """Whether the line, after an empty one, is running text below the table: one run of
    words from the item column's left edge well past its right one ("NAPA provides a
    process for …" under a one-row table), where a row's line leaves a gap at the edge."""
    cells = _cells(line)
    return bool(out) and not out[-1].strip() and len(cells) == 1 and cells[0][0] <= start + 1 \
        and len(line.rstrip()) > end + 10


def _under(line: str, header: str) -> bool:
    """Whether each word of the line stands under a cell of the header: the header's words
    wrapped inside their cells, a narrow first column's too ("Re" / "c#" under "Rec #")."""
    cells = _cells(header)
    return all(any(start - 2 <= word.start() <= start + len(text) for start, text in cells)
               for word in re.finditer(r"\S+", line))


def _crosses(line: str, end: int) -> bool:
    """Whether the line writes across the item column's edge: running text below the table."""
    return 0 < end < len(line) and line[end - 1:end + 1].strip() == line[end - 1:end + 1]


def read_tables(lines: list[str], carried: dict | None = None) -> list[str]:
    """The page's lines, each table of numbered items read as a numbered list, each ILO
    template's item as its marked line (`templates`).

    `carried` holds, from one page to the next, a table whose item column comes first and
    whose rows ran to the page's foot: the next page goes on with its rows, without the
    header, as long as its first lines are rows, rows' titles or a row's further words."""
    lines = read_templates(lines)
    out: list[str] = []
    column: list | None = None
    rows, header = 0, (0, "")
    coded: list[tuple[int, str]] = []
    hanging = False                         # the rows' further lines stand right of their numbers
    last = 0                                # the number of the table's last row
    if carried and carried.get("column"):
        column, rows, hanging, last = (list(carried["column"]), carried["rows"], carried["hanging"],
                                       carried["last"])
    fresh = column is not None              # a carried table, not yet seen going on here
    for at, line in enumerate(lines):
        if fresh and line.strip():
            fresh = False
            if not _goes_on(line, column, hanging, lines, at):
                column = None
        if column is None:
            column, rows, header, coded, last = _header(line), 0, (len(out), line), [], 0
            out.append(_title(line) if column else line)
            continue
        if not line.strip():
            out.append(line)
            continue
        start, end, first, response, kind = column
        cell = line[max(0, start - 2):end]
        row = CELL_ROW.match(cell) if first else ROW.match(line)
        if first and row and not row.group(2) and int(row.group(1)) <= last:
            out.append(line)                # a number going back: the next chapter ("4. Conclusion")
            column = None
            continue
        last = int(row.group(1)) if first and row else last
        if first and not row and (rows == 0 or hanging) and _group_row(cell, start, lines, at, column):
            out.append("")                  # a row titling the rows below it: no item's words
            continue
        hanging = hanging or bool(first and rows and not row and cell.strip()
                                  and len(cell) - len(cell.lstrip()) > start - max(0, start - 2) + 1)
        if not row and rows == 0 and (not cell.strip() if first else len(line.split()) <= 3
                                      and (not line[:max(0, start - 1)].strip() or _under(line, header[1]))):
            column[3] = response or bool(RESPONSE.search(line))    # "response (agree / …"
            continue                        # the header's words wrapped onto a line of their own
            # (beside the item column, or a few words under its cells: «Приорите» / «т»)
        if (not row and rows == 0 or line[:max(0, start - 1)].strip() and not row
                or first and (_crosses(line, end) or not row and _runs_on(line, start, end, out))):
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
    if carried is not None:
        carried.update(column=column if column and column[2] and rows and not column[3] else None,
                       rows=rows, hanging=hanging, last=last)
    return out


def _goes_on(line: str, column: list, hanging: bool, lines: list[str], at: int) -> bool:
    """Whether a page's first line goes on with the table carried from the page before: a
    numbered row, a row titling rows below it, or a row's further words set right of the
    rows' numbers and kept inside the item column."""
    start, end = column[0], column[1]
    cell = line[max(0, start - 2):end]
    if CELL_ROW.match(cell) or _group_row(cell, start, lines, at, column):
        return True
    indent = len(cell) - len(cell.lstrip())
    return hanging and indent > start - max(0, start - 2) + 1 and not _crosses(line, end)
