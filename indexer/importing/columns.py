"""Two-column pages of a layout text read in order: the left column, then the right.

A layout text (`pdftotext -layout`, our PDF reading) puts a two-column page's columns side
by side on each line. A page has two columns where a gutter runs down it: a character
position at which many lines hold a run of three spaces or more, text on both sides, and
no line writes across it in that stretch. The page is cut into stretches: a line that
writes across the gutter (a full-width heading, a wide paragraph) ends a stretch; inside
a stretch the left halves are read first, then the right halves.

A band of white across the page (`BAND` empty lines or more) ends a stretch too, where both
columns above it end a sentence: a box at the page's foot set in two columns of its own, or
a chart's labels, is read after both columns above it, not its left half after the left
column and its right half after the right one.

A half left empty beside a line of the other column is no paragraph break unless the line
above it in its column ended a sentence: the two columns' line spacing differs, so the
empty half is often only the other column's extra line.

A line that holds only two numerals, one a column ("1      3", two boxes' labels set large),
ends a stretch too: each goes above its column of the two-column stretch below (see
`boxes`); a line across the gutter between them and the boxes ("The executive heads … are
called on to:") is the page's, neither box's.

A stretch whose lines each keep to one side is one column, unless a left column's sentence
breaks off, the right column's lines stand below it, and the sentence goes on under them
(a lower-case word): the boxes are set a little apart in height, and the left one is read
to its end first.
"""

from __future__ import annotations

import re

GAP = re.compile(r" {3,}")
NUMERAL = re.compile(r"\d{1,2}")
BAND = 3           # empty lines across a page that part two stretches of columns


def read_columns(lines: list[str]) -> list[str]:
    """The page's lines in reading order (unchanged where the page has one column)."""
    gutter = find_gutter(lines)
    if gutter is None:
        return lines
    out: list[str] = []
    stretch: list[str] = []
    carried = ("", "")      # the box numerals set side by side above the boxes, left and right
    for line in [*lines, None]:
        pair = _numerals(line, gutter) if line is not None else None
        band = line is not None and bool(line.strip()) and _after_band(stretch, gutter)
        if line is None or pair or band or _crosses(line, gutter):
            if any(written.strip() for written in stretch):
                two = _two_sided(stretch, gutter) >= 3
                cut = len(stretch) if two else _resumed(stretch, gutter)
                two = cut is not None
                out += (_halves(stretch[:cut], gutter, carried) + stretch[cut:] if two
                        else _left_numeral(carried) + stretch)
                carried = ("", "" if two else carried[1])
            else:
                out += stretch
            stretch = []
            if pair:
                out += _left_numeral(carried)
                carried = pair
            elif band:
                stretch = [line]
            elif line is not None:
                out.append(line)
        else:
            stretch.append(line)
    return out + _left_numeral(carried)


def _after_band(stretch: list[str], gutter: int) -> bool:
    """Whether the stretch ends in a band of white across the page (BAND empty lines or more)
    below columns that each end a sentence: what stands below it (a box at the page's foot set
    in two columns of its own, a chart's labels) is read after both columns above, not each
    half after its own column."""
    if len(stretch) <= BAND or any(line.strip() for line in stretch[-BAND:]):
        return False
    sides = []
    for half in (lambda line: line[:gutter], lambda line: line[gutter:]):
        last = next((half(line).strip() for line in reversed(stretch) if half(line).strip()), None)
        if last is not None:
            sides.append(last.endswith((".", "!", "?", ";")))
    return bool(sides) and all(sides)


def _left_numeral(carried: tuple[str, str]) -> list[str]:
    return [carried[0]] if carried[0] else []


def _resumed(stretch: list[str], gutter: int) -> int | None:
    """Where the left column's paragraph ends (a line number of the stretch) when its sentence
    breaks off above the right column's lines and goes on below them (a lower-case word): two
    boxes set side by side, a little apart in height. None if no sentence does."""
    written = [n for n, line in enumerate(stretch) if line.strip()]
    left = [bool(stretch[n][:gutter].strip()) for n in written]
    for k in range(1, len(written) - 1):
        if not (left[k - 1] and not left[k]):
            continue
        after = next((m for m in range(k, len(written)) if left[m]), None)
        if (after is not None and not stretch[written[k - 1]].rstrip().endswith((".", "!", "?", ":", ";"))
                and stretch[written[after]].strip()[:1].islower()):
            return next((n for n in range(written[after], len(stretch)) if not stretch[n].strip()),
                        len(stretch))
    return None


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


def _halves(stretch: list[str], gutter: int, numerals: tuple[str, str] = ("", "")) -> list[str]:
    """The stretch's left column, then its right one, each under the box numeral it carries."""
    lefts = [line[:gutter].rstrip() for line in stretch]
    rights = [line[gutter:].rstrip() for line in stretch]
    left, right = _column(lefts, rights), _column(rights, lefts)
    left = [numerals[0], *left] if numerals[0] else left
    right = [numerals[1], *right] if numerals[1] and right else right
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
