"""A PDF page's tables laid out as `pdftotext -layout` lays them: cells far apart, words close.

pdfplumber's layout grid gives each character the width of a body-text character; a
table's smaller print then runs its cells together ("1. Sharpen the strategic Strategic
Country office") and its columns no longer line up from row to row, so no rule can read
which words belong to which column. `regions(page, rows)` cuts the page into bands: a table is
a ruled table of two columns or more (pdfplumber's `find_tables`), or a band of rows that
opens at a row of three cells or more (runs of words at least `MIN_GAP` apart, each of two
letters or digits at least) and goes on while no row writes across one of that row's
column starts, a later row starting cells at two of them. `table_lines(band)` lays a
band's words out on a grid finer than its print, a cell starting where its column starts
and at least three spaces after the cell before, the words of a cell one space apart, as
`tables.read_tables` expects.
"""

from __future__ import annotations

from itertools import pairwise
from statistics import median

MIN_GAP = 8.0       # points: wider than a word space, narrower than a cell's padding
SLACK = 4.0         # points a cell may start left of its column
SPACE = 1.0         # points between two characters that make a word space


def _cells(chars: list) -> list[tuple[float, float, str]]:
    """(x0, x1, text) of each run of characters whose gaps are all narrower than MIN_GAP."""
    cells: list[list] = []
    for char in chars:
        if cells and char["x0"] - cells[-1][-1]["x1"] < MIN_GAP:
            cells[-1].append(char)
        else:
            cells.append([char])
    return [(run[0]["x0"], run[-1]["x1"], run[0]["text"] + "".join(
        (" " if b["x0"] - a["x1"] > SPACE else "") + b["text"] for a, b in zip(run, run[1:], strict=False)))
        for run in cells]


def _justified(cells: list[tuple[float, float, str]]) -> bool:
    """A justified line stretched wide (in one column or two): a single word with gaps as
    wide on both sides; a table's cells stand as far apart as their columns' widths make."""
    gaps = [b[0] - a[1] for a, b in zip(cells, cells[1:], strict=False)]
    return any(abs(gaps[n] - gaps[n + 1]) <= 0.5 and " " not in cells[n + 1][2] for n in range(len(gaps) - 1))


def _starts(cells: list[tuple[float, float, str]]) -> list[float] | None:
    """The column starts of a table's opening row: three cells of words or more, else None."""
    worded = [cell for cell in cells if sum(c.isalnum() for c in cell[2]) >= 2]
    return [cell[0] for cell in cells[1:]] if len(worded) >= 3 and not _justified(cells) else None


def _writes_across(cells: list[tuple[float, float, str]], starts: list[float]) -> bool:
    return any(x0 < start - SLACK and x1 > start + SLACK for x0, x1, _ in cells for start in starts)


def _aligned(cells: list[tuple[float, float, str]], starts: list[float]) -> bool:
    """Whether a later row starts cells at two of the opening row's column starts (two
    columns of justified text share one, the right column's edge)."""
    return not _justified(cells) and sum(
        any(abs(x0 - start) <= SLACK for x0, _, _ in cells[1:]) for start in starts) >= 2


def _text_bands(rows) -> list[tuple[float, float]]:
    """Bands of rows laid out in columns: an opening row of three cells or more, then rows
    that write across none of its column starts, one of them with cells at two such starts
    (a justified line's wide word spaces line up with nothing)."""
    bands: list[tuple[float, float]] = []
    starts, band, aligned = None, None, False
    for top, bottom, chars in [*rows, (0.0, 0.0, None)]:
        cells = _cells(chars) if chars else []
        if chars and starts is not None and not _writes_across(cells, starts):
            band, aligned = (band[0], bottom), aligned or _aligned(cells, starts)
            continue
        if band and aligned:
            bands.append(band)
        starts = _starts(cells) if chars else None
        band, aligned = ((top, bottom) if starts is not None else None), False
    return bands


def _ruled(page) -> list[tuple[float, float]]:
    """The bands of the page's ruled tables of two columns or more (a box of one cell is none)."""
    if not page.lines and not page.rects:
        return []
    return [(table.bbox[1], table.bbox[3]) for table in page.find_tables()
            if max(len(row.cells) for row in table.rows) >= 2]


def _boxes(page, ruled: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The bands of the page's boxes (a wide rectangle, drawn or filled: a "Lesson 2" panel)
    outside its tables: a box's text is a paragraph of its own, however little space is around it."""
    x0, top, x1, bottom = page.bbox
    found: list[list[float]] = []
    for rect in sorted((r for r in page.rects if r["width"] >= 0.4 * (x1 - x0)), key=lambda r: r["top"]):
        if found and abs(rect["top"] - found[-1][1]) <= 1 and abs(rect["x0"] - found[-1][2]) <= 1:
            found[-1][1] = rect["bottom"]          # a panel drawn as rectangles stacked, one per line
        else:
            found.append([rect["top"], rect["bottom"], rect["x0"], rect["x1"]])
    return sorted((upper, lower) for upper, lower, left, right in found
                  if 12 <= lower - upper <= 0.6 * (bottom - top)
                  and not any(above - 1 <= upper <= below + 1 for above, below in ruled)
                  and _alone(page, upper, lower, left, right))


def _alone(page, upper: float, lower: float, left: float, right: float) -> bool:
    """Whether the box holds text in one column and none stands beside it (a side box in a
    column of text, numerals by a panel, a panel of two columns: no paragraph of its own)."""
    rows: dict[int, list] = {}
    for char in page.chars:
        if upper <= (char["top"] + char["bottom"]) / 2 <= lower and not char["text"].isspace():
            if char["x0"] < left - 1 or char["x1"] > right + 1:
                return False
            rows.setdefault(round(char["top"]), []).append(char)
    lines = [sorted(row, key=lambda c: c["x0"]) for _, row in sorted(rows.items())]
    starts = [line[0]["x0"] for line in lines]
    gaps = (b["x0"] - a["x1"] for line in lines for a, b in pairwise(line))
    # every line starts at the box's one left edge, and its text ends a sentence (no highlight
    # drawn behind a paragraph's first line)
    return bool(rows) and max(starts) - min(starts) < 0.2 * (right - left) and all(
        gap < 3 * MIN_GAP for gap in gaps) and lines[-1][-1]["text"] in ".!?:;»)\""


def regions(page, rows) -> list[tuple[tuple, bool | None]]:
    """(box, is a table) of the page's bands, top to bottom; [] when the page has no table
    and no box. A box's band (None) is no table: its text is read as text, set apart."""
    ruled = _ruled(page)
    inside = [row for row in rows if not any(top - 1 <= row[0] <= bottom + 1 for top, bottom in ruled)]
    boxes = _boxes(page, ruled)
    bands = sorted(ruled + _text_bands(inside) + boxes)
    if not bands:
        return []
    x0, top, x1, bottom = page.bbox
    out, above = [], top
    for upper, lower in bands:
        if upper - 1 > above:
            out.append(((x0, above, x1, upper - 1), False))
        out.append(((x0, max(above, upper - 1), x1, lower + 1), None if (upper, lower) in boxes else True))
        above = lower + 1
    if above < bottom:
        out.append(((x0, above, x1, bottom), False))
    return out


def table_lines(band) -> list[str]:
    """The band's rows as layout lines: a cell at its column, three spaces after the one before."""
    # Words by the gaps between letters alone: a space glyph of another line can lie over a word
    # ("Recommend ation 4." where a stray space sorts between the d and the a).
    letters = band.filter(lambda obj: obj.get("object_type") != "char" or not obj["text"].isspace())
    words = letters.extract_words(x_tolerance=1.5, keep_blank_chars=False)
    if not words:
        return []
    grid = 0.75 * median((w["x1"] - w["x0"]) / max(1, len(w["text"])) for w in words)
    left = band.bbox[0]
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"] / 3), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) < 3:
            lines[-1].append(word)
        else:
            lines.append([word])
    out, last = [], None
    for line in lines:
        height = line[0]["bottom"] - line[0]["top"]
        if last is not None and line[0]["top"] - last > 0.9 * height:
            out.append("")                  # a row's padding: the next row starts apart
        out.append(_laid_out(sorted(line, key=lambda w: w["x0"]), left, grid))
        last = line[0]["bottom"]
    return out


def _laid_out(words: list[dict], left: float, grid: float) -> str:
    text, previous = "", None
    for word in words:
        if previous is None:
            at = round((word["x0"] - left) / grid)
        elif word["x0"] - previous["x1"] >= MIN_GAP:
            at = max(len(text) + 3, round((word["x0"] - left) / grid))
        else:
            at = len(text) + 1
        text = text.ljust(at) + word["text"]
        previous = word
    return text
