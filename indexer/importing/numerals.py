"""Display numerals: an item's number set as a big glyph in its box's margin (pdfplumber).

Leaflets and highlights (the JIU's "What the JIU recommends") number their items with a
numeral several lines tall beside each box of text, not with "1." in the text's own line.
Read as it stands, such a glyph sits on one row of the page: it glues itself to a word of
that row ("1identification"), and where it reaches into the gutter the page's two columns
are read as one. `labelled(page)` takes each display numeral out of the page (a digit, or
two, at least DISPLAY times as wide or as tall as the page's median letter) and hands its
number to the first letter of the box beside it: the topmost row starting right of the
numeral or over it, from a letter's height above the numeral's top (reckoned from its width
where the font gives it no height) to its foot. `spliced(tuples)` writes "N. " before that
letter in a piece's textmap, in the line's margin, so the item reads as a numbered one.
"""

from __future__ import annotations

from statistics import median

DISPLAY = 3.0      # times the page's median letter (width or height)
TALL = 1.2         # a numeral's height to its width, where its font gives it none
MIN_GAP = 8.0      # points between two runs of a row (pdfpages.MIN_GAP)


def labelled(page):
    """The page without its display numerals, each one's number on the letter it labels."""
    letters = [char for char in page.chars if char["text"].strip()]
    if len(letters) < 20:
        return page
    width = median(char["x1"] - char["x0"] for char in letters)
    height = median(char["bottom"] - char["top"] for char in letters)
    big = [char for char in letters
           if char["x1"] - char["x0"] >= DISPLAY * width or char["bottom"] - char["top"] >= DISPLAY * height]
    numerals = _numerals(big)
    if not numerals or len(numerals) > 12:
        return page
    small = [char for char in page.chars if not any(char is c for c in big)]
    labels, taken = {}, set()
    for numeral in numerals:
        if (target := _beside(numeral, small, width, height)) is not None:
            labels[id(target)] = "".join(char["text"] for char in numeral)
            taken |= {id(char) for char in numeral}
    if not labels:
        return page
    from pdfplumber.page import FilteredPage

    out = FilteredPage(page, lambda obj: True)
    out._objects = {kind: list(objects) for kind, objects in page.objects.items()}
    out._objects["char"] = [{**char, "label": labels[id(char)]} if id(char) in labels else char
                            for char in page.chars if id(char) not in taken]
    return out


def _numerals(big: list[dict]) -> list[list[dict]]:
    """Runs of big glyphs side by side that are numerals of one or two digits ("12", not "73%"
    or a cover's "2023")."""
    runs: list[list[dict]] = []
    for char in sorted(big, key=lambda c: (round(c["bottom"]), c["x0"])):
        last = runs[-1][-1] if runs else None
        if last and abs(last["bottom"] - char["bottom"]) < 2 and char["x0"] - last["x1"] < 2:
            runs[-1].append(char)
        else:
            runs.append([char])
    return [run for run in runs if len(run) <= 2 and all(char["text"].isdigit() for char in run)]


def _beside(numeral: list[dict], chars: list[dict], width: float, height: float) -> dict | None:
    """The first letter of the topmost row that starts over or right of the numeral, from a
    letter's height above its top to its foot: the first line of the box it numbers."""
    x0, x1 = numeral[0]["x0"], numeral[-1]["x1"]
    bottom = max(char["bottom"] for char in numeral)
    tall = max(max(char["bottom"] - char["top"] for char in numeral), TALL * (x1 - x0) / len(numeral))
    top = bottom - tall
    starts = []
    for char in chars:
        if not char["text"].strip() or not (top - height <= char["top"] <= bottom):
            continue
        if x0 - width <= char["x0"] <= x1 + 3 * width + (x1 - x0) and _starts_run(char, chars):
            starts.append(char)
    return min(starts, key=lambda c: (round(c["top"]), c["x0"]), default=None)


def _starts_run(char: dict, chars: list[dict]) -> bool:
    """Whether no letter of its row stands within MIN_GAP left of it."""
    return not any(other is not char and other["text"].strip() and abs(other["top"] - char["top"]) < 2
                   and 0 <= char["x0"] - other["x1"] < MIN_GAP and other["x0"] < char["x0"]
                   for other in chars)


def spliced(tuples) -> list:
    """The textmap's (char, obj) tuples, "N. " written before each labelled letter, over the
    margin's spaces where the line has them."""
    out: list = []
    for char, obj in tuples:
        if obj is not None and obj.get("label"):
            label = f"{obj['label']}. "
            room = 0
            while room < len(label) and out and out[-1][0] == " ":
                out.pop()
                room += 1
            out += [(letter, None) for letter in label]
        out.append((char, obj))
    return out
