"""A report's list of contents with no page numbers, which the walker passes over.

A PDF's contents lines end in leaders and a page number, and the walker knows them by that.
A web page saved as text ("On this page", then its headings a line each) and a Word document
typed without a contents field list the headings bare: "1. Introduction", …, "5. Lessons
Learned", "List of Appendices". Read as headings they open the chapters they name, and the
executive summary and acronyms below them would be read as chapter 5's lessons. The list
is the run of one-line, heading-like blocks under a "Contents" heading, no page number after
any; it ends at the first block that is not one (a sentence, a paragraph, a PDF's entry with
its page), or at a heading it already listed (the report's own, after it).
"""

from __future__ import annotations

import re

from indexer.importing.blocks import Block

CONTENTS = re.compile(r"(?:table\s+of\s+)?contents|on\s+this\s+page|содержание|оглавление", re.I)
# A contents entry's page number, leaders before it or not: "Introduction .... 5", "Annex 2 41".
PAGE_NUMBER = re.compile(r"(?:\.{2,}|…+|\s)\s*\d{1,3}\s*$")
ENTRY_WORDS = 14        # an entry's words at most
MIN_ENTRIES = 3         # fewer entries than this under "Contents": no list of contents


def contents_blocks(blocks: list[Block]) -> set[int]:
    """The indices of the blocks that are entries of a list of contents (see the module)."""
    found: set[int] = set()
    for start, block in enumerate(blocks):
        if len(block.lines) == 1 and CONTENTS.fullmatch(block.head.strip()):
            run = _entries(blocks, start + 1)
            if len(run) >= MIN_ENTRIES:
                found.update(run)
    return found


def _entries(blocks: list[Block], start: int) -> list[int]:
    run, seen = [], set()
    for index in range(start, len(blocks)):
        block = blocks[index]
        if not _entry(block):
            break
        title = block.head.strip().casefold()
        if title in seen:
            break                   # the report's own heading, which the list began with
        seen.add(title)
        run.append(index)
    return run


def _entry(block: Block) -> bool:
    """A bare heading on a line of its own: a page number after it is a PDF's contents entry
    (the walker knows those), a full stop a sentence's end."""
    head = block.head.strip()
    return (len(block.lines) == 1 and bool(head) and len(head.split()) <= ENTRY_WORDS
            and not PAGE_NUMBER.search(head) and not head.endswith((".", ",", ";", "!", "?")))
