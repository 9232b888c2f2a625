"""A report's list of contents with no page numbers, which the walker passes over.

A PDF's contents lines end in leaders and a page number, and the walker knows them by that
(and by the chapter 1 it meets again), so a paged document is left to those rules.
A web page saved as text ("On this page", then its headings a line each) and a Word document
typed without a contents field list the headings bare: "1. Introduction", …, "5. Lessons
Learned", "List of Appendices". Read as headings they open the chapters they name, and the
executive summary and acronyms below them would be read as chapter 5's lessons. The list
is the run of one-line, heading-like blocks under a "Contents" heading, no page number after
any; it ends at the first block that is not one (a sentence, a paragraph, a PDF's entry with
its page), or at a heading it already listed (the report's own, after it). The headings it
lists are the report's chapters: one of them met in the text ends the executive summary,
which a report whose headings are not numbered ends no other way.
"""

from __future__ import annotations

import re

from indexer.importing.blocks import Block
from indexer.importing.sections import OUTLINE

CONTENTS = re.compile(r"(?:table\s+of\s+)?contents|on\s+this\s+page|содержание|оглавление", re.I)
# A contents entry's page number, leaders before it or not: "Introduction .... 5", "Annex 2 41".
PAGE_NUMBER = re.compile(r"(?:\.{2,}|…+|\s)\s*\d{1,3}\s*$")
ENTRY_WORDS = 14        # an entry's words at most
MIN_ENTRIES = 3         # fewer entries than this under "Contents": no list of contents


def contents_blocks(blocks: list[Block]) -> tuple[set[int], set[str]]:
    """The indices of the blocks that are a list of contents (see the module), and the
    headings it lists, casefolded. A block of short lines may hold the list whole, the cover's
    last lines above it: "Prepared by …", "Table of contents", "Executive summary", …"""
    found: set[int] = set()
    titles: set[str] = set()
    if len({block.page for block in blocks}) > 1:
        return found, titles        # a paged document: its contents had page numbers (see module)
    for start, block in enumerate(blocks):
        if len(block.lines) == 1 and CONTENTS.fullmatch(block.head.strip()):
            run = _entries(blocks, start + 1)
            if len(run) >= MIN_ENTRIES:
                found.update(run)
                titles.update(_chapters([blocks[i].head.strip() for i in run]))
        elif len(block.lines) > MIN_ENTRIES and (inside := _listed_inside(block)):
            found.add(start)
            titles.update(_chapters(inside))
    return found, titles


def _chapters(entries: list[str]) -> list[str]:
    """The entries that name chapters, casefolded: all of them, or where some are numbered, the
    numbered one first and those after it (the unnumbered ones above are the summary's parts:
    "Executive Summary", "Lessons Learned", "1. Introduction")."""
    first = next((n for n, entry in enumerate(entries) if OUTLINE.fullmatch(entry)), 0)
    return [entry.casefold() for entry in entries[first:]]


def _listed_inside(block: Block) -> list[str]:
    """The entries of a list of contents set in the block below its "Contents" line."""
    lines = [line.strip() for line in block.lines]
    at = next((n for n, line in enumerate(lines) if CONTENTS.fullmatch(line)), None)
    entries = lines[at + 1:] if at is not None else []
    if len(entries) < MIN_ENTRIES or not all(_entry_line(line) for line in entries):
        return []
    return entries


def _entries(blocks: list[Block], start: int) -> list[int]:
    run, seen = [], set()
    for index in range(start, len(blocks)):
        block = blocks[index]
        if not _entry(block):
            # Body text below: the last heading-like line above it is the body's first heading
            # ("Executive summary" over its first paragraph), the list having ended before it.
            if run and _body(block):
                run.pop()
            break
        title = block.head.strip().casefold()
        if title in seen:
            break                   # the report's own heading, which the list began with
        seen.add(title)
        run.append(index)
    return run


def _body(block: Block) -> bool:
    """A paragraph of running text: several lines, or a sentence of eight words or more; not
    a numbered line (a long contents entry: "4.1 There is no standard definition … gap.")."""
    head = block.head.strip()
    return not OUTLINE.fullmatch(head) and (len(block.lines) > 1 or len(head.split()) >= 8)


def _entry(block: Block) -> bool:
    return len(block.lines) == 1 and _entry_line(block.head.strip())


def _entry_line(head: str) -> bool:
    """A bare heading on a line of its own: a page number after it is a PDF's contents entry
    (the walker knows those), a full stop a sentence's end."""
    return (bool(head) and len(head.split()) <= ENTRY_WORDS and not PAGE_NUMBER.search(head)
            and not head.endswith((".", ",", ";", "!", "?")))
