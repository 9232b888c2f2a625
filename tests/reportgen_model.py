"""The shapes a synthetic report takes on its way to a file (see reportgen)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FIRST, LAST = 8, 6          # words kept for an item's `first` and `last`


@dataclass
class Block:
    """One paragraph-like piece of the report, in reading order.

    kind: cover | toc | heading | para | item | sub | cont | addressee | boldline (a bold title on a
    line of its own) | table | pagebreak.
    `tag` marks the block that opens an item ("item:3"), a not-item ("not:1") or a
    chapter ("chapter:4"); the PDF writer reports the page each tag lands on. `note`
    is a footnote to the block, printed at the foot of the page the block lands on.
    """

    kind: str
    text: str = ""
    level: int = 1
    label: str = ""
    lead: str = ""
    rows: list[list[str]] | None = None
    tag: str | None = None
    note: str = ""          # a footnote: the PDF marks the text and prints the note at the page's foot


@dataclass
class Report:
    """A composed report: its blocks, its truth without pages, and its page furniture."""

    slug: str
    title: str
    lang: str
    style: str
    meta: dict
    header: str
    footer: str
    blocks: list[Block] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    not_items: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    toc: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Draft:
    """One item before layout: bold lead, text, sub-points, follow-on paragraph, summary form."""

    type: str
    lead: str
    text: str
    subs: list[str] = field(default_factory=list)
    follow: str = ""
    short: str = ""


def key(text: str) -> str:
    """Letters and digits only, lowercased: how the scorer compares words."""
    return re.sub(r"[\W_]+", "", text.lower())
