"""A PDF page as layout lines in reading order, and its bold passages (pdfplumber).

pdfplumber's layout text places each character on a grid, as `pdftotext -layout` does;
where two columns stand close, its grid can glue them ("integrated Better budget"). So
columns are found from the characters' own positions first: a gutter is an x position
in the middle half of the page that many lines leave blank (a gap of 8 points or more)
with text on both sides. Bands of lines that write across it are read whole; between
them, each stretch of two-column lines is read as its left column, then its right. Each
piece is cropped and read on pdfplumber's grid, and its bold characters are collected
from the same map of characters.
"""

from __future__ import annotations

import re
from collections import defaultdict

from indexer.importing.leads import BOLD, marked_lines
from indexer.importing.pdftables import regions, table_lines

MIN_GAP = 8.0      # points: wider than any word space of justified text


def page_text(page) -> tuple[list[str], list[str]]:
    """(lines, bold passages) of the page, columns in reading order, tables as
    `pdftables` lays them out."""
    lines, bold = [], []
    for box, table in regions(page, _rows(page)) or [(None, False)]:
        region = page.crop(box, strict=False) if box else page
        if table:
            lines += table_lines(region)
            bold += _bold_runs(region.get_textmap(layout=True).tuples)
            continue
        pieces = _pieces(region)
        for number, piece in enumerate(pieces):
            textmap = (region.crop(piece, strict=False) if piece else region).get_textmap(layout=True)
            if number and _side_ends(pieces[number - 1], piece, region, lines):
                lines.append("")
            lines += marked_lines(textmap.tuples)
            bold += _bold_runs(textmap.tuples)
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
    left, right = page.bbox[0] + page.width / 4, page.bbox[0] + 3 * page.width / 4
    votes: dict[int, int] = defaultdict(int)
    for _, _, chars in rows:
        for start, end in _unjustified(_gaps(chars)):
            for x in range(int(max(start, left)) + 1, int(min(end, right))):
                votes[x] += 1
    if not votes:
        return None
    best = max(votes, key=lambda x: (votes[x], -abs(x - (left + right) / 2)))
    return float(best) if votes[best] >= 4 else None


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

    def close(stretch):
        if not stretch:
            return
        upper, lower = stretch[0][0] - 1, stretch[-1][1] + 1
        two = sum(bool(cs) and cs[0]["x0"] < x < cs[-1]["x1"] for _, _, cs in stretch)
        if two >= 3:
            pieces.extend([(x0, upper, x, lower), (x, upper, x1, lower)])
        else:
            pieces.append((x0, upper, x1, lower))

    for row in rows:
        if _crosses(row[2], x):
            close(stretch)
            stretch = []
            pieces.append((x0, row[0] - 1, x1, row[1] + 1))
        else:
            stretch.append(row)
    close(stretch)
    return _merged(pieces, x0, x1)


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
