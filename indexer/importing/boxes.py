"""A layout text's display numerals made into the numbers of the boxes they label.

A report that sets its recommendations in numbered boxes prints each box's numeral large,
on a line of its own above the box's first line or beside it; `pdftotext -layout` gives the
numeral a line to itself ("  4") or glues it to the first word ("5Establish, by 2024, …").
`labelled_boxes(lines)` writes each as the numbered paragraph it is ("4. As members of the
CEB …"), as `numerals` does for a PDF's characters: a numeral of one or two digits alone on
its line, the next written line opening with a capital; or glued to a capitalised word of
lower-case letters at a line's start. A numeral under a rule ("__________") is a
footnote's.
"""

from __future__ import annotations

import re

ALONE = re.compile(r"\s*(\d{1,2})\s*")
GLUED = re.compile(r"(\s*)(\d{1,2})([A-ZА-ЯЁ][a-zа-яё]{2,}\b.*)")
RULE = re.compile(r"[_\-–—=]{5,}")
WITHIN = 3          # blank lines at most between a numeral and its box's first line


def labelled_boxes(lines: list[str]) -> list[str]:
    """The lines with each box's numeral written as its paragraph's number (see the docstring)."""
    out = list(lines)
    for number, line in enumerate(out):
        if glued := GLUED.fullmatch(line):
            out[number] = f"{glued.group(1)}{glued.group(2)}. {glued.group(3)}"
        elif (alone := ALONE.fullmatch(line)) and 0 < int(alone.group(1)) and not _under_rule(out, number):
            below = _first_written(out, number + 1)
            if below is not None and out[below].strip()[:1].isupper() and len(out[below].split()) >= 3:
                out[below] = f"{alone.group(1)}. {out[below].strip()}"
                out[number] = ""
    return out


def _under_rule(lines: list[str], number: int) -> bool:
    """Whether a rule ("__________") stands right above: a footnote's number, not a box's."""
    above = next((line.strip() for line in reversed(lines[max(0, number - WITHIN - 1):number])
                  if line.strip()), "")
    return bool(RULE.fullmatch(above))


def _first_written(lines: list[str], start: int) -> int | None:
    for number in range(start, min(len(lines), start + WITHIN + 1)):
        if lines[number].strip():
            return number
    return None
