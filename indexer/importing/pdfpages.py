"""A PDF page as layout lines in reading order, and its bold passages (pdfplumber).

pdfplumber's layout text places each character on a grid, as `pdftotext -layout` does;
where two columns stand close, its grid can glue them ("integrated Better budget"). So
columns are found from the characters' own positions first: a gutter is an x position
in the middle half of the page that many lines leave blank (a gap of 8 points or more)
with text on both sides, and few write across; where the columns' baselines differ, no
line holds both, and the gutter is the band of x that as few rows cross as anywhere, with
many rows ending left of it and many starting right of it. Bands of lines that write
across it are read whole; between them, each stretch of two-column lines is read as its
left column, then its right. A band of white across the page (`BAND` rows' heights) ends a
stretch too, where both columns above it end a sentence: a box at the page's foot in two
columns of its own, or a chart, is read after the columns above it. Each piece is cropped
and read on pdfplumber's grid, and its bold characters are collected from the same map of
characters. Before all this a page set sideways is turned upright (`sideways`) and display
numerals become labels (`numerals`), and a text struck twice, a hair apart, is read once
(`without_overprint`).
"""

from __future__ import annotations

import re
from collections import defaultdict

from indexer.importing.blocks import ends_sentence
from indexer.importing.leads import BOLD, marked_lines
from indexer.importing.numerals import labelled, spliced
from indexer.importing.pdftables import regions, table_lines
from indexer.importing.sideways import upright

MIN_GAP = 8.0      # points: wider than any word space of justified text
PARTED = 6         # rows on each side of a gutter no row shows by itself
# A row's number: "3. Provide …", or a display numeral's ("3", see `numerals`).
NUMBER = re.compile(r"(\d{1,2})(?:[.)](?!\d)|\s)")
BAND = 2.5         # rows' heights: a band of white across the page this tall parts two stretches
# A list's marker standing alone left of a gap: "(a)", "iv)", "1.", "•". A list set with a
# hanging indent leaves a band of x blank right of its markers, no gutter of two columns.
MARKER = re.compile(r"\(?(?:[a-zA-Z]|[ivx]{1,4}|\d{1,2})[.)]|[\uf021-\uf0ff•▪●◦○■□➢►✓✔❖*–—-]|\(cid:\d{1,5}\)")


OVERPRINT = 0.5    # points: a character struck again this close to itself is the same one


def without_overprint(page):
    """The page with each character struck twice read once. Old word processors made bold by
    printing a word again a fraction of a point to the right, which a PDF keeps as two sets of
    characters, read interleaved: "UUNNIITTEEDD NNAATTIIOONNSS", "RReeccoommmmeennddaattiioonnss",
    a heading no rule knows. pdfplumber's `dedupe_chars` does this at three times the cost of
    reading the characters; this is one pass over them, and the page itself when none repeats."""
    seen: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    twice = set()
    for char in page.chars:
        text = char["text"]
        if not text.strip():
            continue
        x, y = char["x0"], char["top"]
        near = (seen.get((text, int(x) + dx, int(y) + dy), ()) for dx in (-1, 0, 1) for dy in (-1, 0, 1))
        if any(abs(x - a) <= OVERPRINT and abs(y - b) <= OVERPRINT for group in near for a, b in group):
            twice.add(id(char))
        else:
            seen[(text, int(x), int(y))].append((x, y))
    if not twice:
        return page
    return page.filter(lambda obj: obj.get("object_type") != "char" or id(obj) not in twice)


def page_text(page) -> tuple[list[str], list[str]]:
    """(lines, bold passages) of the page, columns in reading order, tables as
    `pdftables` lays them out; a page whose text runs sideways is read turned."""
    page = labelled(upright(page))
    lines, bold, boxed = [], [], False
    for box, table in regions(page, _rows(page)) or [(None, False)]:
        region = page.crop(box, strict=False) if box else page
        if lines and lines[-1] and (table is None or boxed):
            lines.append("")                # a box's edge ends a paragraph, above it and below
        boxed = table is None
        if table:
            lines += table_lines(region)
            bold += _bold_runs(region.get_textmap(layout=True).tuples)
            continue
        pieces = _pieces(region)
        for number, piece in enumerate(pieces):
            textmap = (region.crop(piece, strict=False) if piece else region).get_textmap(layout=True)
            if number and _side_ends(pieces[number - 1], piece, region, lines):
                lines.append("")
            tuples = spliced(textmap.tuples)
            lines += marked_lines(tuples)
            bold += _bold_runs(tuples)
    return lines, bold


def _side_ends(before: tuple, box: tuple, page, lines: list[str]) -> bool:
    """A column's last sentence ends right above a full-width band: the band is a new paragraph
    (the text beside a side box goes on below it, but the box itself ends there)."""
    from indexer.importing.blocks import ends_sentence

    written = [line for line in lines if line.strip()]
    full = box[0] <= page.bbox[0] and box[2] >= page.bbox[2]
    return (before[0] > page.bbox[0] and full and bool(written)
            and ends_sentence(written[-1].rstrip()))


def _rows(page) -> list[tuple[float, float, list]]:
    """The page's characters grouped in rows: (top, bottom, chars by x)."""
    rows: dict[int, list] = defaultdict(list)
    for char in page.chars:
        if char["text"].strip():
            rows[round(char["top"] / 3)].append(char)
    return [(min(c["top"] for c in cs), max(c["bottom"] for c in cs), sorted(cs, key=lambda c: c["x0"]))
            for _, cs in sorted(rows.items())]


def _gaps(chars: list) -> list[tuple[float, float]]:
    pairs = zip(chars, chars[1:], strict=False)
    return [(a["x1"], b["x0"]) for a, b in pairs if b["x0"] - a["x1"] >= MIN_GAP]


def _unjustified(gaps: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The gaps no justified line made: a justified line's wide word spaces are as wide as
    the one beside them; a gutter is as wide as its page makes it."""
    widths = [end - start for start, end in gaps]
    return [gap for n, gap in enumerate(gaps)
            if not any(0 <= m < len(gaps) and abs(widths[m] - widths[n]) <= 0.5 for m in (n - 1, n + 1))]


def _gutter(page, rows) -> float | None:
    """The gutter's x: voted by the rows that hold both columns, else parted by the page's rows."""
    return _voted(page, rows) or _parted(page, rows)


def _voted(page, rows) -> float | None:
    """The x that most rows leave blank between text on both sides of it, less the rows that
    write across it: where one stretch's gutter is a little left of another's (a box's text
    reaching further right), the x both leave blank."""
    left, right = _middle(page)
    votes: dict[int, int] = defaultdict(int)
    for _, _, chars in rows:
        for start, end in _unjustified(_gaps(chars)):
            if _hanging(chars, end):
                continue
            for x in range(int(max(start, left)) + 1, int(min(end, right))):
                votes[x] += 1
    if not votes:
        return None
    inks = [_ink(chars) for _, _, chars in rows]
    best = max(votes, key=lambda x: (votes[x] - _crossing(inks, x), votes[x], -abs(x - (left + right) / 2)))
    return float(best) if votes[best] >= 4 else None


def _crossing(inks: list[list[tuple[float, float]]], x: float) -> int:
    return sum(any(a < x < b for a, b in ink) for ink in inks)


def _middle(page) -> tuple[float, float]:
    return page.bbox[0] + page.width / 4, page.bbox[0] + 3 * page.width / 4


def _parted(page, rows) -> float | None:
    """The gutter of two columns whose baselines differ, each row holding one of them: the
    middle of the widest band of x (MIN_GAP or more) that as few rows as anywhere write
    across, with more rows of text ending left of it and more starting right of it (PARTED
    each at least) than twice the rows that cross it: a page of one column has no rows
    standing right of its middle, only its paragraphs' last lines ending left of it."""
    low, high = _middle(page)
    inks = [_ink(chars) for _, _, chars in rows]
    best, band = None, []
    for x in range(int(low), int(high) + 1):
        crossing = _crossing(inks, x)
        left = sum(ink[0][0] < x and not any(a < x < b for a, b in ink) and not _hanging(chars, x)
                   for ink, (_, _, chars) in zip(inks, rows, strict=True))
        right = sum(ink[-1][1] > x and not any(a < x < b for a, b in ink) for ink in inks)
        sides = min(left, right)
        score = sides - crossing if sides >= PARTED and sides > 2 * crossing else None
        if score is not None and band and band[-1][0] == x - 1 and band[-1][1] == score:
            band.append((x, score))
        else:
            band = [(x, score)] if score is not None else []
        if band and band[-1][0] - band[0][0] >= MIN_GAP and (best is None or (score, len(band)) > best[0]):
            best = ((score, len(band)), (band[0][0] + band[-1][0]) / 2)
    return best[1] if best else None


def _hanging(chars: list, x: float) -> bool:
    """Whether all the row holds left of x is a list's marker (a hanging indent's)."""
    return bool(MARKER.fullmatch("".join(c["text"] for c in chars if c["x1"] <= x).strip()))


def _ink(chars: list) -> list[tuple[float, float]]:
    """The row's runs of text, (x0, x1) each, split where a gap of MIN_GAP or more opens."""
    runs = [[chars[0]["x0"], chars[0]["x1"]]]
    for char in chars[1:]:
        if char["x0"] - runs[-1][1] >= MIN_GAP:
            runs.append([char["x0"], char["x1"]])
        else:
            runs[-1][1] = max(runs[-1][1], char["x1"])
    return [(a, b) for a, b in runs]


def _crosses(chars: list, x: float) -> bool:
    if not chars or chars[0]["x0"] >= x or chars[-1]["x1"] <= x:
        return False
    return not any(start <= x <= end for start, end in _gaps(chars))


def _pieces(page) -> list[tuple | None]:
    """Crop boxes in reading order; [None] (the whole page) when it has one column."""
    rows = _rows(page)
    x = _gutter(page, rows)
    if x is None:
        return [None]
    x0, top, x1, bottom = page.bbox
    pieces, stretch = [], []

    def close(stretch, below=None):
        if not stretch:
            return
        # A stretch a band of white ends keeps the band: each column's grid ends in blank lines.
        upper, lower = stretch[0][0] - 1, (below if below is not None else stretch[-1][1]) + 1
        if _two_columns(stretch, x):
            pieces.extend([(x0, upper, x, lower), (x, upper, x1, lower)])
        else:
            pieces.append((x0, upper, x1, lower))

    height = sorted(bottom - top for top, bottom, _ in rows)[len(rows) // 2]
    for row in rows:
        if _crosses(row[2], x):
            close(stretch)
            stretch = []
            pieces.append((x0, row[0] - 1, x1, row[1] + 1))
        else:
            if stretch and row[0] - stretch[-1][1] >= BAND * height and _both_end(stretch, x) and not (
                    _numbered_on(stretch, rows, row, x)):
                close(stretch, row[0] - 2)
                stretch = []
            stretch.append(row)
    close(stretch)
    return _merged(pieces, x0, x1)


def _numbered_on(stretch: list, rows: list, row: tuple, x: float) -> bool:
    """Whether the left column's numbers go on across the band: its last number above is n and
    the first below n + 1, while the right column above holds higher ones (boxes 1, 2 over
    each other on the left, 3, 4 on the right): the columns are read whole, each in turn."""
    def numbers(part, keep):
        found = []
        for _, _, chars in part:
            kept = [c for c in chars if keep(c)]
            label = next((c["label"] for c in kept if c.get("label")), "")   # a display numeral's
            if (m := NUMBER.match(label + " " if label else "".join(c["text"] for c in kept).strip())):
                found.append(int(m.group(1)))
        return found

    left, right = _sides(x)
    below = rows[rows.index(row):]
    above_left, above_right = numbers(stretch, left), numbers(stretch, right)
    below_left = numbers(below, left)
    return bool(above_left and below_left and above_right) and below_left[0] == above_left[-1] + 1 and (
        min(above_right) > below_left[0])


def _sides(x: float):
    """Whether a character stands in the left column of a gutter at x, and in the right one."""
    return (lambda c: c["x1"] <= x), (lambda c: c["x0"] >= x)


def _both_end(stretch: list, x: float) -> bool:
    """Whether each column of the stretch ends a sentence on its last row: above a band of
    white across the page, the stretch's columns are read whole before the columns below
    (a box at a page's foot, set in two columns of its own)."""
    sides = []
    for keep in _sides(x):
        last = next((cs for _, _, cs in reversed(stretch) if any(keep(c) for c in cs)), None)
        if last is not None:
            sides.append(ends_sentence("".join(c["text"] for c in last if keep(c))))
    return bool(sides) and all(sides)


def _two_columns(stretch: list, x: float) -> bool:
    """Whether a stretch of rows none of which crosses x holds two columns: three rows or more
    of text on each side (a row may hold both); or two where no row holds both, the columns'
    baselines differing (read whole, their lines would alternate)."""
    left = [cs[0]["x0"] < x for _, _, cs in stretch]
    right = [cs[-1]["x1"] > x for _, _, cs in stretch]
    sides = min(sum(left), sum(right))
    return sides >= 3 or sides >= 2 and not any(a and b for a, b in zip(left, right, strict=True))


def _merged(pieces: list[tuple], x0: float, x1: float) -> list[tuple]:
    """Consecutive full-width pieces as one (pdfplumber's grid keeps their blank lines)."""
    out: list[tuple] = []
    for piece in pieces:
        if out and piece[0] == x0 and piece[2] == x1 and out[-1][0] == x0 and out[-1][2] == x1:
            out[-1] = (x0, out[-1][1], x1, piece[3])
        else:
            out.append(piece)
    return out


def _bold_runs(tuples) -> list[str]:
    """Runs of bold characters; white space does not end a run, a regular character does."""
    runs, run = [], []
    for char, obj in tuples:
        if obj is not None and not char.isspace() and not BOLD.search(obj.get("fontname", "")):
            if run:
                runs.append("".join(run).strip())
            run = []
        elif obj is not None and not char.isspace():
            run.append(char)
        elif run:
            run.append("\n" if char == "\n" else " ")
    if run:
        runs.append("".join(run).strip())
    return [re.sub(r"[ \t]+", " ", r) for r in runs if r]
