"""The ILO's templates of one lesson or one good practice: a two-column table, wherever it stands.

The ILO states its lessons learned and emerging good practices in standard templates,
most often in annexes ("LL Element | Text", «Элемент ИУ | Текст»): a table of two
columns, one row of which describes or summarises the item ("Brief description of lesson
learned", "Brief summary of the good practice", «Краткое описание извлечённого урока»,
«Краткое описание передовой практики»); that row's second cell is the item's text. The
template, not the chapter it stands in, says what it holds: its item is kept even in an
annex, which opens no section of its own.

`template_line(kind, text)` is the one line either reading gives for such an item, marked
so that the walker knows it (`template_item`); `read_templates(lines)` finds the rows in
a layout text, where the label's words and the text's words share lines, side by side.
"""

from __future__ import annotations

import re

from indexer.importing.sections import KIND_TITLES

DESCRIBES = re.compile(r"описани|описыва|brief|description|summary|краткое", re.I)
MARK = "\u2063"                              # an invisible separator: no report writes it
KINDS = ("lesson", "good-practice")
CELLS = re.compile(r"\S+(?: {1,2}\S+)*")


def template_kind(label: str) -> str | None:
    """The kind a template row's label describes ("Brief description of lesson learned")."""
    if not DESCRIBES.search(label):
        return None
    found = sorted((m.start(), kind) for kind in KINDS if (m := re.search(KIND_TITLES[kind], label, re.I)))
    return found[0][1] if found else None


def template_line(kind: str, text: str) -> str:
    return f"{MARK}{kind}{MARK} {text}"


def template_item(line: str) -> tuple[str, str] | None:
    """(kind, text) of a template's item line, else None."""
    if not line.startswith(MARK):
        return None
    kind, _, text = line[1:].partition(MARK)
    return (kind, text.strip()) if kind in KINDS else None


def read_templates(lines: list[str]) -> list[str]:
    """The page's lines, each template row describing an item made one marked line."""
    out, number = [], 0
    while number < len(lines):
        row = _row(lines, number)
        if row is None:
            out.append(lines[number])
            number += 1
            continue
        end, kind, text = row
        out += ["", template_line(kind, text), ""]
        number = end
    return out


def _row(lines: list[str], start: int) -> tuple[int, str, str] | None:
    """(end, kind, text) of the template row opening at `start`, else None."""
    cells = [(m.start(), m.group(0)) for m in CELLS.finditer(lines[start])]
    if len(cells) != 2 or not DESCRIBES.search(cells[0][1]):
        return None
    column = cells[1][0]
    label, text, end = [cells[0][1]], [cells[1][1]], start + 1
    while end < len(lines) and lines[end].strip():
        left, right = lines[end][:max(0, column - 1)].strip(), lines[end][max(0, column - 1):].strip()
        if left and not left[:1].islower():
            break                                # the next row's label
        label.append(left)
        text.append(right)
        end += 1
    kind = template_kind(" ".join(label))
    return (end, kind, " ".join(" ".join(text).split())) if kind else None
