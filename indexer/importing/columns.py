"""Two-column pages of a layout text read in order: the left column, then the right.

A layout text (`pdftotext -layout`, our PDF reading) puts a two-column page's columns side
by side on each line. A page has two columns where a gutter runs down it: a character
position at which many lines hold a run of three spaces or more, text on both sides, and
no line writes across it in that stretch. The page is cut into stretches: a line that
writes across the gutter (a full-width heading, a wide paragraph) ends a stretch; inside
a stretch the left halves are read first, then the right halves.

A half left empty beside a line of the other column is no paragraph break unless the line
above it in its column ended a sentence: the two columns' line spacing differs, so the
empty half is often only the other column's extra line.

A line that holds only two numerals, one a column ("1      3", two boxes' labels set large),
ends a stretch too: the left one stays where it is, the right one goes above the right
column of the stretch below (see `boxes`).
"""

from __future__ import annotations

import re

GAP = re.compile(r" {3,}")
NUMERAL = re.compile(r"\d{1,2}")


def read_columns(lines: list[str]) -> list[str]:
    """The page's lines in reading order (unchanged where the page has one column)."""
    gutter = find_gutter(lines)
    if gutter is None:
        return lines
    out: list[str] = []
    stretch: list[str] = []
    carried = ""            # the right column's box numeral, set on the left one's line
    for line in [*lines, None]:
        pair = _numerals(line, gutter) if line is not None else None
        if line is None or pair or _crosses(line, gutter):
            two = _two_sided(stretch, gutter) >= 3
            out += _halves(stretch, gutter, carried) if two else stretch
            carried = "" if two else carried
            if pair:
                out.append(pair[0])
                carried = pair[1]
            elif line is not None:
                out.append(line)
            stretch = []
        else:
            stretch.append(line)
    return out


def _numerals(line: str, gutter: int) -> tuple[str, str] | None:
    """The two box numerals a line sets side by side, one a column ("1      3"), or None."""
    left, right = line[:gutter].strip(), line[gutter:].strip()
    return (left, right) if NUMERAL.fullmatch(left) and NUMERAL.fullmatch(right) else None


def find_gutter(lines: list[str], least: int = 4) -> int | None:
    """The gutter's character position, or None: the place most two-sided lines leave blank."""
    width = max((len(line) for line in lines), default=0)
    if width < 60:
        return None
    votes = [0] * (width + 1)
    for line in lines:
        for gap in GAP.finditer(line):
            if gap.start() > 0 and line[:gap.start()].strip() and gap.end() < len(line):
                for position in range(gap.start() + 1, gap.end() - 1):
                    votes[position] += 1
    middle = range(width // 5, 4 * width // 5)
    best = max(middle, key=lambda x: (votes[x], -abs(x - width // 2)), default=None)
    return best if best is not None and votes[best] >= least else None


def _two_sided(stretch: list[str], gutter: int) -> int:
    """How many lines of the stretch hold prose on both sides of the gutter (not a chart's labels)."""
    return sum(_prose(line[:gutter]) and _prose(line[gutter:]) for line in stretch)


def _prose(half: str) -> bool:
    text = half.strip()
    letters = sum(c.isalpha() for c in text)
    return len(text.split()) >= 3 and letters >= 0.6 * len(text) and not re.search(r" {5,}", text)


def _crosses(line: str, gutter: int) -> bool:
    """Whether the line writes across the gutter (no white space around it)."""
    if len(line) <= gutter or not line.strip():
        return False
    around = line[max(0, gutter - 1):gutter + 2]
    return bool(around.strip())


def _halves(stretch: list[str], gutter: int, numeral: str = "") -> list[str]:
    """The stretch's left column, then its right one (under the box numeral it carries, if any)."""
    lefts = [line[:gutter].rstrip() for line in stretch]
    rights = [line[gutter:].rstrip() for line in stretch]
    left, right = _column(lefts, rights), _column(rights, lefts)
    right = [numeral, *right] if numeral and right else right
    return left + [""] + right if left and right else left + right


def _column(halves: list[str], others: list[str]) -> list[str]:
    """One column's lines; an empty half beside the other column's text is usually none."""
    out: list[str] = []
    for half, beside in zip(halves, others, strict=True):
        if half.strip():
            out.append(half)
            continue
        last = out[-1].rstrip() if out else ""
        if last and (not beside.strip() or last.endswith((".", "!", "?", ":"))):
            out.append("")
    return out
