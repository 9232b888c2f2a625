"""A draft's review comments printed in its right margin: Word's balloons, no part of the report.

A draft saved to PDF with its comments shown ("Commented [DC-U119]: Are you saying …",
"Formatted: Highlight") sets each balloon in the margin beside the line it comments on. A
layout text has the balloon's first line after a wide gap on the body's line, its other lines
alone in that column; a PDF's reading glues the first line to the body's, a space between.
The balloon goes from its marker to the line's end, and on a page that has such a marker
after a wide gap, so does whatever stands after a wide gap at or right of the leftmost
marker's column (the balloons' other lines): the body's own lines end left of it. A
reading that sets the margin after the body leaves the balloons as the page's last lines,
each opening with its marker, its other lines at the same indentation: they go from the
first marker on.
"""

from __future__ import annotations

import re

# Word's balloon markers: a comment's author initials and number, or a formatting change.
MARK = re.compile(r"(?<=\s)(?:Commented \[[^\]\s]{1,16}\]:|Formatted:|Deleted:|Inserted:)")
GAP = re.compile(r"\s{3,}(?=\S)")
MARGIN = 40         # a balloon stands right of this column at least
SLACK = 2           # a balloon's lines may start this much left of its marker


def drop_balloons(lines: list[str]) -> list[str]:
    """The page's lines without the review balloons in its margin (see the module)."""
    lines = lines[:_margin_read_last(lines)]
    marks = [(line, match) for line in lines if (match := MARK.search(line))
             and match.start() >= MARGIN]
    if not marks:
        return lines
    gapped = [match.start() for line, match in marks if line[:match.start()].endswith("   ")
              or not line[:match.start()].strip()]
    column = min(gapped) - SLACK if gapped else None
    return [_cut(line, column) for line in lines]


def _margin_read_last(lines: list[str]) -> int:
    """Where the balloons begin when the page's reading set its margin after its body: from a
    line that opens with a marker to the page's end, every line a marker's or going on one at
    its indentation. The page's length when they are not there."""
    for start, line in enumerate(lines):
        if not _opens(line):
            continue
        indent = len(line) - len(line.lstrip())
        if all(not other.strip() or _opens(other)
               or len(other) - len(other.lstrip()) == indent for other in lines[start:]):
            return start
    return len(lines)


def _opens(line: str) -> bool:
    return bool(MARK.match(" " + line.lstrip(), 1))


def _cut(line: str, column: int | None) -> str:
    match = MARK.search(line)
    if match and match.start() >= MARGIN:
        return line[:match.start()].rstrip()
    if column is None:
        return line
    for gap in GAP.finditer(line):
        if gap.end() >= column:     # a balloon's line, alone in the margin or beside the body's
            return line[:gap.start()].rstrip()
    return line
