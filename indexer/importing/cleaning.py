"""Plain text of a report without its page furniture: footnotes, headers, footers, contents."""

from __future__ import annotations

import re
from collections import Counter

from indexer.importing.blocks import BULLET, LETTER, is_page_start

PAGE_NUMBER = re.compile(
    r"(?:page|стр\.?|страница)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|из)\s*\d{1,4})?", re.I)
# A contents line's leaders and page number: dots, ellipses or Word's underline tab leader
# ("6. LESSONS LEARNED ________ 24").
TOC_LINE = re.compile(r"(?:(?:\.\s?){4,}|…{2,}|_{4,})\s*\d{1,4}\s*$")
RULE_LINE = re.compile(r"\s*_{10,}\s*")


def clean_lines(text: str) -> list[str]:
    """The report's lines without footnotes, headers, footers, page numbers and contents."""
    lines = [line.replace("\xa0", " ").replace("\f", " ").rstrip()
             for line in _drop_footnotes(text.replace("\r\n", "\n").split("\n"))]
    furniture = _furniture(lines)
    return [line for number, line in enumerate(lines) if number not in furniture]


def _is_rule(line: str) -> bool:
    """A footnote rule: a run of no-break spaces (this extraction) or of underscores."""
    return (line.count("\xa0") >= 10 and not line.replace("\xa0", "").strip()) or bool(
        RULE_LINE.fullmatch(line))


def _drop_footnotes(lines: list[str]) -> list[str]:
    """The lines without footnote blocks, and without the blocks' markers in the text."""
    kept, block, last = [], None, 0
    for line in [*lines, ""]:
        if block is not None and line.strip() and not line[0].isspace():
            block.append(line)
            continue
        if block is not None:
            numbers, last = _footnote_numbers(block, last)
            for footnote in numbers:
                _drop_marker(kept, footnote)
        block = [] if _is_rule(line) else None
        kept += [] if block is not None else [line]
    return kept[:-1]


def _footnote_numbers(block: list[str], last: int) -> tuple[list[int], int]:
    """The numbers of the footnotes in a block, read in sequence after footnote `last`."""
    numbers = []
    for line in block:
        if line.startswith(str(last + 1)):
            last += 1
            numbers.append(last)
        elif not numbers and (match := re.match(r"(\d{1,3})(?=\D)", line)):
            last = int(match.group(1))
            numbers.append(last)
    return numbers, last


def _drop_marker(kept: list[str], footnote: int, window: int = 80) -> None:
    """Remove the footnote's marker from the nearest line above that carries it."""
    marker = re.compile(rf"(?:(?<={LETTER})|(?<=[.,;:)”»\"’])\s?){footnote}(?!\w)")
    for number in range(len(kept) - 1, max(-1, len(kept) - 1 - window), -1):
        matches = list(marker.finditer(kept[number]))
        if matches:
            start, end = matches[-1].span()
            kept[number] = kept[number][:start] + kept[number][end:]
            return


def _furniture(lines: list[str]) -> set[int]:
    """Line numbers of contents lines, page numbers and running headers or footers."""
    counts, drop = Counter(_form(line) for line in lines if line.strip()), set()
    for number in range(len(lines)):
        if _is_furniture(lines, number, counts, drop):
            drop.add(number)
    return drop


def _form(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _is_furniture(lines: list[str], number: int, counts: Counter, drop: set[int]) -> bool:
    line, form = lines[number].strip(), _form(lines[number])
    if line and (TOC_LINE.search(line) or PAGE_NUMBER.fullmatch(line)):
        return True
    after = lines[number + 1] if number + 1 < len(lines) else " "
    apart = number == 0 or not lines[number - 1].strip() or number - 1 in drop
    edge = is_page_start(lines[number]) or is_page_start(after)   # at a page's top or foot
    return (apart and edge and counts[form] >= 3 and len(form) >= 20 and not form.endswith(":")
            and not (BULLET.match(line) or line[:1].isdigit()))
