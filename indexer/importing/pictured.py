"""Headings set as pictures, named by the contents (pdfplumber).

Some reports set their chapter titles as pictures (word art, a heading pasted as an image):
the text layer has no line for them, so a chapter of recommendations whose title is a
picture reads as the end of the chapter before it. The contents still name those chapters,
with their pages. A picture is a heading's when it is a strip, a line high (8-30 points) and
three times as wide as high at least, set between the page's header and footer with no text
beside it and text below it. Each page's strips, top to bottom, are the contents entries
listed for that page whose titles the text never shows, in order, where the two are as many;
the PDF's page of a listed page is the one the entries found in the text show (the same, most
often). The title goes in as a line of its own above the line of text below its strip. A
layout text (`pdftotext -layout`) has no pictures, only the space each took: a gap of blank
lines stands for a strip. Either way only where a chapter of items is among the unseen ones.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.importing.sections import kind_of

# A contents entry: its title, leaders, its page ("Recommendations ........ 14").
ENTRY = re.compile(r"\s*(\S.*?\S)\s*(?:\.{3,}|…+)\s*(\d{1,3})\s*$")
LOW, HIGH = 8.0, 30.0       # points: a strip's height, a line of heading type
WIDE = 3.0                  # a strip's width over its height, at least ("ANNEX")
MARGIN = 0.08               # of the page's height: its header and footer, where logos stand
GAP = 3                     # blank lines a layout text sets for a heading's line and its space


def strips(page) -> list[str]:
    """The page's heading strips, top to bottom, each as the letters of the text line below it."""
    found = []
    for image in sorted(page.images, key=lambda image: image["top"]):
        top, bottom = image["top"], image["bottom"]
        high, wide = bottom - top, image["x1"] - image["x0"]
        if not (LOW <= high <= HIGH and wide >= WIDE * high
                and MARGIN * page.height < top and bottom < (1 - MARGIN) * page.height):
            continue
        if any(char["bottom"] > top and char["top"] < bottom and char["text"].strip()
               for char in page.chars):
            continue                            # text beside it: a logo or an icon in a line
        below = [char for char in page.chars if char["top"] >= bottom - 1 and char["text"].strip()]
        if not below:
            continue
        first = min(char["top"] for char in below)
        row = sorted((char for char in below if char["top"] - first < 2), key=lambda char: char["x0"])
        found.append(_letters("".join(char["text"] for char in row)))
    return found


def gaps(lines: tuple[str, ...]) -> list[str]:
    """A layout text's page: the lines below a gap of `GAP` blank lines or more, each as its
    letters, where a pictured heading leaves its space and nothing else (not the page's first
    line, nor its number at the foot)."""
    found, blank, written = [], 0, False
    for line in lines:
        if not line.strip():
            blank += 1
            continue
        if written and blank >= GAP and not line.strip().isdigit():
            found.append(_letters(line))
        blank, written = 0, True
    return found


def name_pictured(pages: list[tuple[str, ...]], found: dict[int, list[str]]) -> list[tuple[str, ...]]:
    """The pages' lines (1-based page n is pages[n - 1]) with each pictured heading's title put in
    above the line below its strip (`found`: each page's `strips`), as the contents name it."""
    if not any(found.values()):
        return pages
    entries, shown = [], {}
    for number, lines in enumerate(pages, 1):
        for line in lines:
            if match := ENTRY.match(line):
                entries.append((match.group(1), int(match.group(2)), number))
            elif words := _words(line):
                shown.setdefault(words, []).append(number)
    # The PDF's page of a listed page: as the entries found on a later page show.
    shifts = Counter(page - listed for title, listed, at in entries
                     for page in shown.get(_words(title), []) if page > at)
    shift = shifts.most_common(1)[0][0] if shifts else 0
    missing: dict[int, list[str]] = {}
    for title, listed, at in entries:
        if not any(page > at for page in shown.get(_words(title), [])):
            missing.setdefault(listed + shift, []).append(title)
    if not any(kind_of(title) for titles in missing.values() for title in titles):
        return pages                    # no chapter of items is unseen: nothing to find
    pages = list(pages)
    for number, anchors in found.items():
        titles = missing.get(number, [])
        if not titles or len(titles) != len(anchors) or not 1 <= number <= len(pages):
            continue
        lines, start = list(pages[number - 1]), 0
        for title, anchor in zip(titles, anchors, strict=True):
            at = next((n for n in range(start, len(lines)) if _below(lines[n], anchor)), None)
            if at is None:
                continue
            lines[at:at] = ["", title, ""]
            start = at + 3
        pages[number - 1] = tuple(lines)
    return pages


def _below(line: str, anchor: str) -> bool:
    """Whether the line is the one the strip stands over: its letters begin with the row's, or
    (the row a column's or a table's cell) the row's begin with its own, ten letters at least."""
    letters = _letters(line)
    return bool(anchor) and letters.startswith(anchor) or len(letters) >= 10 and anchor.startswith(letters)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
