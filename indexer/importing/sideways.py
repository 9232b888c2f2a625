"""A PDF page whose text runs sideways, turned so that it reads across (pdfplumber).

A landscape table (an annex's recommendations matrix, a management response) is often set
on a portrait page with its text turned a quarter: the reader turns the paper, the PDF
does not (no /Rotate). pdfplumber reads such a page's letters as columns one letter wide,
a word a line. `upright(page)` gives the page as its reader sees it once turned: when most
of its letters run down the page (or up it), every object's box is turned a quarter so that
they run across, and the rest of the reading (rows, gutters, tables, bold) works unchanged.
A page that reads across already is given back as it is.
"""

from __future__ import annotations

SIDEWAYS = 0.5     # share of the page's letters that must run sideways to turn it


def upright(page):
    """The page, or a derived page whose objects are turned to read across."""
    letters = [char for char in page.chars if char["text"].strip()]
    turned = [char for char in letters if not char.get("upright", True)]
    if not letters or len(turned) <= SIDEWAYS * len(letters):
        return page
    down = sum(char["matrix"][1] < 0 for char in turned) >= len(turned) / 2
    return _turned(page, down)


def _turned(page, down: bool):
    from pdfplumber.page import FilteredPage

    x0, top, x1, bottom = page.bbox
    width, height = x1 - x0, bottom - top

    def turn(obj: dict) -> dict:
        if down:        # the text runs down the page: its top is the reader's left edge
            box = (obj["top"] - top, x1 - obj["x1"], obj["bottom"] - top, x1 - obj["x0"])
        else:           # it runs up: the page's foot is the reader's left edge
            box = (bottom - obj["bottom"], obj["x0"] - x0, bottom - obj["top"], obj["x1"] - x0)
        return {**obj, "x0": box[0], "top": box[1], "x1": box[2], "bottom": box[3],
                "doctop": box[1], "y0": width - box[3], "y1": width - box[1],
                "width": box[2] - box[0], "height": box[3] - box[1], "upright": True}

    turned = FilteredPage(page, lambda obj: True)
    turned._objects = {kind: [turn(obj) for obj in objects if "x0" in obj and "top" in obj]
                       for kind, objects in page.objects.items() if kind != "curve"}
    turned.bbox = (0, 0, height, width)
    return turned
