"""A Word document's body in reading order, its tables of items read as the lists they are.

`body_lines(document)` walks the body as Word lays it out, paragraphs and tables in turn
(`wordtext.inner_content`: block content controls opened), and gives, block by block,
(page break before?, lines):
- a contents entry goes: a paragraph in one of Word's `TOC n` styles, or "title<TAB>page";
- a table of items (a header cell names a kind: "Recommendation", «Рекомендация»; no cell
  names a management response) gives each numbered row ("1.", "2.") as a list item "N) …"
  made of its item cell, and its sub-rows ("1.1", "1.2") as that item's bullets; the other
  cells (responsibility, priority, date) are not the item's words;
- a template table of one item ("LL Element | Text": a row whose first cell describes or
  summarises a lesson or good practice) gives its item's marked line (`templates`);
- a table of one cell (a box: "Lesson 2", a case study) gives its paragraphs, as text;
- any other table (data, a matrix, a list of people) gives nothing, as before.
"""

from __future__ import annotations

import re

from indexer.importing.sections import COLUMN_TITLES
from indexer.importing.templates import template_kind, template_line
from indexer.importing.wordtext import inner_content, shown_text

KIND = re.compile("|".join(f"(?:{p})" for p in COLUMN_TITLES.values()), re.I)
RESPONSE = re.compile(r"management\s+response|ответ\s+руководства|key\s+actions?|action\s+owner", re.I)
CONTENTS = re.compile(r".*\S\t+\s*(?:\d{1,4}|[ivxlc]{1,6})\s*", re.I)
ROW = re.compile(r"\s*(\d{1,2})(\.\d{1,2})?\.?\s+(?=\S)")
NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2})?\.?")


def body_lines(document, paragraph_lines) -> list[tuple[bool, list[str]]]:
    """(page break before, lines) of each block of the body, in reading order."""
    from docx.table import Table

    blocks, rows = [], []
    for block in inner_content(document._body):
        if isinstance(block, Table) and (panel := _panel(block)) is not None:
            if rows:
                blocks.append((False, table_lines(rows)))
                rows = []
            blocks += [(False, paragraph_lines(paragraph)) for paragraph in panel]
            continue
        if isinstance(block, Table):
            table = _rows(block)
            if rows and table and _another(table, rows):
                blocks.append((False, table_lines(rows)))
                rows = []
            rows += table
            continue
        if rows:
            blocks.append((False, table_lines(rows)))
            rows = []
        if not _contents_entry(block):
            blocks.append((bool(block.rendered_page_breaks), paragraph_lines(block)))
    if rows:
        blocks.append((False, table_lines(rows)))
    return blocks


def _another(table: list[list[str]], rows: list[list[str]]) -> bool:
    """Whether a table right after `rows` is a table of its own, not their next rows (Word
    keeps a table cut row by row, its header apart, as so many tables): its rows are of
    another width, or it has a header of its own (it names a kind of item or a management
    response, or repeats the first row above, as ILO's template tables do)."""
    return (len(table[0]) != len(rows[-1]) or table[0] == rows[0]
            or any(KIND.match(cell) or RESPONSE.search(cell) for cell in table[0]))


def _panel(table) -> list | None:
    """The paragraphs of a table of one cell: a box set in the text ("Lesson 2", a case study),
    whose words are the report's as any paragraph's; None for a table of rows and columns."""
    if len(table.rows) != 1 or len({id(cell._tc) for cell in table.rows[0].cells}) != 1:
        return None
    return list(table.rows[0].cells[0].paragraphs)


def _contents_entry(paragraph) -> bool:
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    return style.startswith("toc") or bool(CONTENTS.fullmatch(shown_text(paragraph)))


def _rows(table) -> list[list[str]]:
    """The table's rows, each its distinct cells' text (a merged cell counted once)."""
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(" ".join(" ".join(shown_text(p) for p in cell.paragraphs).split()))
        rows.append(cells)
    return rows


def table_lines(rows: list[list[str]]) -> list[str]:
    """The lines a table gives: its items as a numbered list, or nothing."""
    if not rows or any(RESPONSE.search(cell) for cell in rows[0]):
        return []
    column = next((n for n, cell in enumerate(rows[0]) if KIND.match(cell)), None)
    if column is not None and len(rows[0]) >= 2:
        return _item_rows(rows[1:], column)
    return _template(rows)


def _item_rows(rows: list[list[str]], column: int) -> list[str]:
    out: list[str] = []
    for cells in rows:
        text = cells[column] if column < len(cells) else ""
        if column and NUMBER.fullmatch(cells[0]) and not ROW.match(text):
            text = f"{cells[0].rstrip('.')}. {text}"        # its number in a column of its own ("#")
        match = ROW.match(text)
        if not match:
            continue
        if match.group(2) and out:          # a sub-row: a bullet of the row's item
            out += ["", f"• {text.strip()}"]
        else:                               # "N) words", as `tables` reads a layout text's row
            out += ["", f"{match.group(1)}) {text[match.end():]}"]
    return out


def _template(rows: list[list[str]]) -> list[str]:
    for cells in rows:
        if len(cells) == 2 and cells[1] and (kind := template_kind(cells[0])):
            return ["", template_line(kind, cells[1]), ""]
    return []
