"""A table of items in a layout text, read as the numbered list it is.

Some reports set their recommendations in a table: a header row whose cells name the
columns ("#  Recommendation  Addressee  Priority", «№  Рекомендация  Кому  Срок»), then a
row per item, its number in the first column and its words wrapped inside the column the
header names for the kind. A layout text (`pdftotext -layout`) keeps the columns side by
side, so the words of one item are cut across many lines and mixed with the other cells.

`read_tables(lines)` finds such a table on a page: a header line of three cells or more
(runs of three spaces apart; two when the first is "#" or "№"), one of them naming a kind
of item (recommendation, lesson, good practice), and below it rows whose first cell is a
number. Each row becomes "N. words of the item's column…", its continuation lines the
column's further words, so
the walker reads a numbered list; the other cells (addressee, priority, status) go.
A table without a numbered first column (a management response's "Recommendation |
Response | Key actions") is left as it is.
"""

from __future__ import annotations

import re

from indexer.importing.sections import KIND_TITLES

KIND = re.compile("|".join(f"(?:{p})" for p in KIND_TITLES.values()), re.I)
NUMBER = re.compile(r"(?:#|№|No\.?|N°)$", re.I)
ROW = re.compile(r"\s*(\d{1,2})\.?(?=\s{2,}|$)")


def _cells(line: str) -> list[tuple[int, str]]:
    """(start, text) of each cell: runs of words at least three spaces apart."""
    cells: list[tuple[int, str]] = []
    for match in re.finditer(r"\S+(?:(?: {1,2})\S+)*", line):
        cells.append((match.start(), match.group(0)))
    return cells


def _header(line: str) -> tuple[int, int] | None:
    """(start, end) of the item column when the line is such a table's header, else None."""
    cells = _cells(line)
    if len(cells) < (2 if cells and NUMBER.match(cells[0][1]) else 3) or len(line.split()) > 12:
        return None
    for n, (start, text) in enumerate(cells[1:], 1):
        if KIND.match(text) and (NUMBER.match(cells[0][1]) or n == 1):
            end = cells[n + 1][0] if n + 1 < len(cells) else 10_000
            return start, end
    return None


def read_tables(lines: list[str]) -> list[str]:
    """The page's lines, each table of numbered items read as a numbered list."""
    out: list[str] = []
    column: tuple[int, int] | None = None
    rows = 0
    for line in lines:
        if column is None:
            column = _header(line)
            rows = 0
            out.append("" if column else line)
            continue
        if not line.strip():
            out.append(line)
            continue
        start, end = column
        row = ROW.match(line)
        if not row and rows == 0 or line[:max(0, start - 1)].strip() and not row:
            column = None                   # the table has ended (or never had numbered rows)
            out.append(line)
            continue
        words = " ".join(line[max(0, start - 2):end].split())
        if row:
            rows += 1
            out += ["", f"{row.group(1)}. {words}"]
        elif words:
            out.append(f"   {words}")
    return out
