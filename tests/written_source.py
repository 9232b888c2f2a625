"""Reading a written report's source (tests/fixtures/reports/written/*.report) into blocks.

A source is a front matter of `key: value` lines, a line `===`, then the body, one block
per paragraph (blank lines between):

    @cover / @toc / @break / @columns 2 / @filler 3   page furniture and generated findings prose
    + #. | text   @filler 3 numbered                 paragraphs numbered through the report (12., 13., ...)
    # 1. Title   ## 1.1 Title   ### Title             headings (level by the number of #)
    • text   ▪ text   – text   ➢ text   o text   - text  a bullet with that glyph ("-" draws •);
                                                    two spaces per level of indent
    + 1. | text   + a) | text   + Recommendation 2: | text    a labelled paragraph (hanging label)
    | cell | cell |                                 a table row (the first row is the header)
    @box Title ... @endbox                          a boxed panel (one-cell table); "@box Урок 1||" titles
                                                    a box whose paragraphs are the item it opens
    **bold** in any text; ^[a footnote] after a word; `||` ends a run-in label ("**R1.**|| text")

Front matter `hyphenate: yes` breaks the PDF's long words across lines with hyphens, as a
typesetter does («самоуправ-» / «ления»).

Items are marked, not guessed: `{R 3}`, `{L}`, `{GP 2}` (type, number) alone on a line opens an
item at the next block; it runs over the following blocks until `{/}`, the next marker or a
heading. In a table, a cell opening with `{R 1}` opens an item, `{+}` marks a later cell of the
same item's text. `{N why}` before a block (or opening a cell) records it as a not-item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

GLYPHS = "•▪–➢o◦✓-■►"
MARKER = re.compile(r"^\{(R|L|GP)(?: ([^}\s]+))?(?: section=([^}]+))?\}$")
TYPES = {"R": "recommendation", "L": "lesson", "GP": "good-practice"}
CELL_MARK = re.compile(r"^\{(R|L|GP|N|\+)(?: ([^}]*))?\}\s*")
FIRST, LAST = 8, 6


@dataclass
class Block:
    kind: str                       # cover toc heading para bullet labelled table box break columns filler
    text: str = ""
    level: int = 0                  # heading level; bullet/labelled indent depth
    label: str = ""                 # bullet glyph or hanging label
    rows: list[list[str]] | None = None
    lines: list[str] = field(default_factory=list)   # cover lines, box paragraphs
    item: int | None = None         # index of the item this block opens or continues
    opens: bool = False
    not_item: str = ""              # why this block is not an item


@dataclass
class Source:
    meta: dict
    blocks: list[Block]
    items: list[dict]               # type, number, section, first, last (page filled by the writer)
    not_items: list[dict]           # block index, what, why


def plain(text: str) -> str:
    """Text without markup: no **, no footnotes, the run-in label separator dropped."""
    text = re.sub(r"\^\[[^\]]*\]", "", text)
    return text.replace("**", "").replace("||", " ").replace("  ", " ").strip()


def after_label(text: str) -> str:
    return plain(text.split("||", 1)[1]) if "||" in text else plain(text)


def opening(block: Block) -> str:
    """The words an item opened at this block begins with: a box's title after its label
    ("Lesson 2||" titles a box whose paragraphs are the lesson), then its paragraphs."""
    if block.kind == "box":
        return " ".join(t for t in [after_label(block.text), *map(plain, block.lines)] if t)
    return after_label(block.text)


def closing(block: Block) -> str:
    if block.kind == "box":
        return " ".join(t for t in [after_label(block.text), *map(plain, block.lines)] if t)
    return plain(block.text or " ".join(block.lines))


def words(text: str, n: int, last: bool = False) -> str:
    parts = text.split()
    return " ".join(parts[-n:] if last else parts[:n])


def load(path: Path) -> Source:
    head, _, body = Path(path).read_text(encoding="utf-8").partition("\n===\n")
    meta = {}
    for line in head.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            meta[key.strip()] = value.strip()
    return parse(meta, body)


def chunks(body: str) -> list[list[str]]:
    """The body's paragraphs (blank-line separated), a box kept whole."""
    out, cur, in_box = [], [], False
    for line in body.splitlines():
        if line.startswith("@box"):
            in_box = True
        if not line.strip() and not in_box:
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(line)
        if line.startswith("@endbox"):
            in_box = False
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def parse(meta: dict, body: str) -> Source:
    src = Source(meta, [], [], [])
    pending, why, open_item, section, counter = None, "", None, "", 0
    for lines in chunks(body):
        first = lines[0].strip()
        if m := MARKER.match(first):
            pending = (TYPES[m[1]], m[2], m[3])
            lines = lines[1:]
            if not lines:
                continue
            first = lines[0].strip()
        if first == "{/}":
            open_item = None
            continue
        if first.startswith("{N "):
            why = first[3:-1]
            lines = lines[1:]
            if not lines:
                continue
        for block in expanded(meta, blocks_of(lines), len(src.blocks)):
            if block.kind == "labelled" and block.label == "#.":  # the report's running paragraph numbers
                counter += 1
                block.label = f"{counter}."
                if pending and pending[1] is None:
                    pending = (pending[0], str(counter), pending[2])
            if block.kind == "heading":
                open_item = None
                section = heading_section(block.text) or section
            if block.kind == "table":
                open_item = table_items(src, block, section, open_item)
            elif pending and block.kind not in ("break", "columns"):
                kind, number, sect = pending
                src.items.append({"type": kind, "number": number, "section": sect or section,
                                  "first": words(opening(block), FIRST), "last": "", "page": None,
                                  "block": len(src.blocks)})
                open_item = len(src.items) - 1
                block.opens, pending = True, None
            if open_item is not None and block.kind not in ("heading", "break", "columns", "table"):
                block.item = open_item
                src.items[open_item]["last"] = words(closing(block), LAST, True)
            if why:
                block.not_item, why = why, ""
                src.not_items.append({"block": len(src.blocks), "what": words(plain(block.text or " ".join(
                    block.lines or (block.rows or [[""]])[0])), 10), "why": block.not_item})
            src.blocks.append(block)
    return src


def expanded(meta: dict, blocks: list[Block], at: int) -> list[Block]:
    """`@filler N` made into N paragraphs of findings prose."""
    from written_filler import paragraphs

    out = []
    for block in blocks:
        if block.kind == "filler":  # "@filler 3" or "@filler 3 numbered" (running paragraph numbers)
            n, _, numbered = block.text.partition(" ")
            seed = f"{meta.get('slug')}:{at}"
            out += [Block("labelled", text=t, label="#.") if numbered else Block("para", text=t)
                    for t in paragraphs(meta, int(n or 2), seed)]
        else:
            out.append(block)
    return out


def heading_section(text: str) -> str:
    t = plain(text)
    m = re.match(r"^((?:Annex|Appendix|Приложение|Chapter|Глава|Раздел)\s+[\dIVXА-Я]+"
                 r"|[\dIVX]+(?:\.\d+)*)\.?\s", t)
    return m[1] if m else t


def table_items(src: Source, block: Block, section: str, open_item: int | None) -> int | None:
    """Cells opening items ({R 1}) or continuing them ({+}); the markers are cut from the text."""
    for row in block.rows:
        for k, cell in enumerate(row):
            m = CELL_MARK.match(cell)
            if not m:
                continue
            text = cell[m.end():]
            row[k] = text
            if m[1] == "N":
                src.not_items.append({"block": len(src.blocks), "what": words(plain(text), 10), "why": m[2]})
                continue
            if m[1] != "+":
                src.items.append({"type": TYPES[m[1]], "number": m[2] or None, "section": section,
                                  "first": words(after_label(text), FIRST), "last": "", "page": None,
                                  "cell": True})
                open_item = len(src.items) - 1
            if open_item is not None:
                src.items[open_item]["last"] = words(plain(text), LAST, True)
    return open_item


def blocks_of(lines: list[str]) -> list[Block]:
    first = lines[0]
    s = first.strip()
    if s.startswith("@box"):
        return [Block("box", text=s[4:].strip(), lines=[ln.strip() for ln in lines[1:-1] if ln.strip()])]
    if s.startswith("@"):
        word, _, arg = s[1:].partition(" ")
        if word == "cover":
            return [Block("cover", lines=[ln.strip() for ln in lines[1:]])]
        return [Block(word, text=arg)]
    if m := re.match(r"^(#+)\s+(.*)", s):
        return [Block("heading", text=m[2], level=len(m[1]))]
    if s.startswith("|"):
        rows = [[c.strip() for c in re.split(r"(?<!\|)\|(?!\|)", ln.strip()[1:-1])] for ln in lines]
        return [Block("table", rows=rows)]
    out = []
    for line in lines:  # list lines each make a block; other lines join the block before
        depth = (len(line) - len(line.lstrip(" "))) // 2
        t = line.strip()
        if m := re.match(r"^\+ (.+?) \| (.*)", t):
            out.append(Block("labelled", text=m[2], label=m[1], level=depth))
        elif len(t) > 2 and t[0] in GLYPHS and t[1] == " ":
            out.append(Block("bullet", text=t[2:], label="•" if t[0] == "-" else t[0], level=depth))
        elif out:
            out[-1].text += " " + t
        else:
            out.append(Block("para", text=t))
    return out
