"""Sub-sections of items titled by a sentence of their own.

A report may head each recommendation with a short sentence standing alone as a title, then
say it out in plain paragraphs ("If you produce data, publish it." over "Transparency applies
to everyone. …"). The sentence is no heading of the kind "Policy clarification" is: it says
what to do, so it leads the item, and the paragraphs below are the item's, up to the next such
title or heading. One such sentence alone is a section's first line, not a title: a section is
read this way only when two or more of them stand in it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from indexer.importing.blocks import Block
from indexer.importing.labels import item_label
from indexer.importing.sections import INTRODUCES

TITLE_WORDS = range(3, 13)
# A title cut after its conjunction, its last words on the next line: "Conclusions &" over
# "Recommendations", as a wide display type sets it.
CUT = re.compile(r".*\S\s+(?:&|and|и)", re.I)
LOOKAHEAD = 40      # blocks searched for the section's next title


def sentence_title(block: Block, after: Block | None = None) -> str:
    """The block's first line when it is a short sentence set as a title over prose, else "":
    "If you have data, use it." alone over "There's more and more data out there. …", or
    over it in one block; a PDF's bold title line, which `leads` bullets, standing alone."""
    if block.number is not None or not block.lines or block.bullet and (
            len(block.lines) > 1 or not block.head.startswith("• ")):
        return ""
    head = " ".join(block.lines[0].split()).removeprefix("• ")
    if len(block.lines) == 1 and not (after and _prose_below(after, head)):
        return ""
    words = head.split()
    if len(words) not in TITLE_WORDS or not head[:1].isupper() or not head.endswith((".", "!")):
        return ""
    if INTRODUCES.search(head) or item_label(head) is not None:
        return ""
    rest = [line.strip() for line in block.lines[1:] if line.strip()]
    # Over its paragraph with no blank line between: a line much shorter than the paragraph's
    # and a new sentence below it; a paragraph's own first line runs the column's width.
    if rest and (not rest[0][:1].isupper() or len(head) > 0.7 * max(len(line) for line in rest)):
        return ""
    return head


def _prose_below(block: Block, title: str) -> bool:
    """Plain running words, no bullet or number, twice the title's words at least: a title's
    paragraph, not the next one-sentence paragraph of a section written in them."""
    words = len(" ".join(block.lines).split())
    return (not block.bullet and block.number is None and block.head[:1].isupper()
            and words >= max(8, 2 * len(title.split())))


def titles_ahead(blocks: list[Block], index: int, ends) -> bool:
    """Whether another sentence title follows the one at `index` before a block that `ends`
    the section (a heading, a label)."""
    ahead = blocks[index + 1:index + 2 + LOOKAHEAD]
    for block, after in zip(ahead, ahead[1:], strict=False):
        if ends(block):
            return False
        if sentence_title(block, after):
            return True
    return False


def cut_title(block: Block, after: Block | None) -> Block | None:
    """The heading a title cut across two lines makes, "Conclusions &" and "Recommendations"
    making "Conclusions & Recommendations", as one block; None for any other block."""
    if not (after and len(block.lines) == 1 and len(after.lines) == 1 and CUT.fullmatch(block.head.strip())):
        return None
    rest = after.head.strip()
    if after.bullet or after.number is not None or not rest[:1].isupper() or len(rest.split()) > 4:
        return None
    head = f"{' '.join(block.head.split())} {rest}"
    return replace(block, head=head, lines=[head])
