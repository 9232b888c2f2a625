"""A PDF paragraph led by a bold sentence: an item's start, as a bullet is.

Many reports (UNICEF's, UNDP's) set no label before their recommendations: a bold lead
sentence opens each one, and the paragraph goes on in roman, often with no blank line
between one item and the next. Word's reading marks such a paragraph as a list item
(`reading._bold_lead`); this does the same for a PDF's layout lines. A line opens a lead
when its first character is bold, the bold run starts there (not carried over from the
line above), it runs three words or more, ends a sentence, is no label ("Recommendation
3:"), and roman text follows it. The line then gets a bullet in its margin ("• "), its
words left where they stand, so the rules for bulleted lists read the item whole. A bold
run whose roman words begin only on a line below, its own last line short of that line,
is a heading that ends in a full stop, not a lead. A line whose bold run opens with a typed
list marker ("(iii) Pilot the …") has its marker already: it gets no bullet before it.
A paragraph set wholly in bold (the Expert Mechanism's recommendations, "102. States should
…") has no lead: what follows its bold run is the next paragraph's roman number (or the page's
folio), not its own roman words, and a mark on some such paragraphs (those whose last line happens to be long)
would make the others continuations of the one above.
A text file has no fonts, so its lead sentences stay plain lines.

A document that numbers its every paragraph (the UN's: "20. **Climate change impacts were
…** The independent …") sets the bold lead after the paragraph's number, the number in
roman: the lead is read the same way (no bold run can be carried over a roman number), and
its bullet goes after the number ("20. • Climate …"), the number kept, so the blocks know
a numbered paragraph led in bold (`blocks.Block.lead`).

A bold title run in before the roman text of its line, with no stop after it ("Home
Improvement  This recommendation is to …", as USAID's contractors set their
recommendations under a sector heading), leads its paragraph the same way: a few words
with a capital first (title or sentence case: "Debt restructuring", «Ремонт жилья»), no digit,
no label, a capital opening the roman words a space or two after. A Word paragraph's bold first
run is read by the same rule (`reading._bold_lead`).
"""

from __future__ import annotations

import re

from indexer.importing.blocks import BULLET
from indexer.importing.labels import item_label

BOLD = re.compile(r"bold|black|heavy|demi|semibold|,B\b", re.I)
LEAD_WORDS = 3
SENTENCE_END = (".", "!", "?")
FULL = 0.7         # a lead's line that wraps is this share of the next line's length at least
RUN_IN_WORDS = 6   # a run-in title's words at most
RUN_IN_GAP = 4     # the spaces between a run-in title and its text at most (a table's columns are wider)
# A paragraph's own number before its bold lead ("20. "), set in roman.
PARAGRAPH_NUMBER = re.compile(r"\d{1,3}\.\s*")


def marked_lines(tuples) -> list[str]:
    """The textmap's lines (its (char, obj) tuples), a bullet before each bold lead."""
    chars = [(char, obj is not None and not char.isspace() and bool(BOLD.search(obj.get("fontname", ""))))
             for char, obj in tuples]
    marked, start = [], 0
    lines = "".join(char for char, _ in chars).split("\n")
    for number, line in enumerate(lines):
        marked.append(_marked(lines, number, chars, start))
        start += len(line) + 1
    return marked


def _marked(lines: list[str], number: int, chars: list[tuple[str, bool]], start: int) -> str:
    line = lines[number]
    indent = len(line) - len(line.lstrip())
    at = start + indent
    if indent == len(line):
        return line
    if (numbered := PARAGRAPH_NUMBER.match(line, indent)) and not chars[at][1]:
        after = start + numbered.end()
        if numbered.end() < len(line) and chars[after][1] and _lead(lines, number, chars, after):
            space = "" if numbered.group().endswith(" ") else " "   # "13.Climate": the grid ate it
            return line[:numbered.end()] + space + "• " + line[numbered.end():]
        return line
    if not chars[at][1] or _carried(lines, number, chars, at):
        return line
    if BULLET.match(line):
        return line                 # a typed marker ("(iii) ") in bold before the lead: the list's own
    if _run_in_title(line[indent:], chars[at:at + len(line) - indent]) or _lead(lines, number, chars, at):
        return (line[:indent - 2] if indent >= 2 else "") + "• " + line[indent:]
    return line


def _lead(lines: list[str], number: int, chars: list[tuple[str, bool]], at: int) -> bool:
    """Whether the bold run opening at `at` on line `number` is a lead sentence (see the module)."""
    lead, end = [], at
    while end < len(chars) and (chars[end][1] or chars[end][0].isspace()):
        lead.append(chars[end][0])
        end += 1
    lead_text = " ".join("".join(lead).split())
    last = number + "".join(lead).rstrip().count("\n")
    # the lead's written lines (the grid has blank ones between)
    spanned = [len(written.rstrip()) for written in lines[number:last + 1] if written.strip()]
    short = any(this < FULL * below for this, below in zip(spanned, spanned[1:], strict=False))
    if "\n" in "".join(lead)[len("".join(lead).rstrip()):]:
        # the roman words begin on a line below: a heading whose last line stops short
        # ("… in Four Regions of the Country."), not a lead wrapping into its paragraph
        below = next((len(written.rstrip()) for written in lines[last + 1:] if written.strip()), 0)
        short = short or spanned[-1] < FULL * below
    if "\n" in "".join(lead) and "".join(char for char, _ in chars[end:end + 3]).lstrip()[:1].isdigit():
        return False    # the next paragraph's number follows, or the page's: a paragraph wholly in bold
    return not (end == len(chars) or len(lead_text.split()) < LEAD_WORDS
                or not lead_text.endswith(SENTENCE_END) or short or item_label(lead_text) is not None)


def _run_in_title(text: str, flags: list[tuple[str, bool]]) -> bool:
    """Whether the line opens with a bold title run in before roman words ("Loan Guarantees
    Given the potential value …"): a heading of a paragraph, not a heading of its own line."""
    end = 0
    while end < len(text) and (flags[end][1] or text[end].isspace()):
        end += 1
    title, rest = text[:end], text[end:]
    gap = len(title) - len(title.rstrip())
    return 1 <= gap <= RUN_IN_GAP and run_in_title(title, rest)


def run_in_title(title: str, rest: str) -> bool:
    """Whether a bold `title` run in before the roman `rest` of its paragraph leads it: a few
    words in title case or in sentence case ("Home Improvement", "Debt restructuring", «Ремонт
    жилья»), no stop, no digit, no bracket (a chart's box: "Third Tier (Tercer Piso)"), no
    label, and a capital opening the roman words."""
    words, rest = title.split(), rest.strip()
    later = words[1:]
    cased = all(word[:1].isupper() or len(word) < 4 for word in later) or all(
        word[:1].islower() for word in later)
    return bool(words and len(words) <= RUN_IN_WORDS and words[0][:1].isupper() and cased
                and rest[:1].isupper() and len(rest.split()) >= 3
                and not title.rstrip().endswith(tuple(".,;:!?-–—")) and not any(c in "()[]" for c in title)
                and not any(c.isdigit() for c in title) and item_label(title.strip()) is None)


def _carried(lines: list[str], number: int, chars: list[tuple[str, bool]], at: int) -> bool:
    """Whether the bold run at `at` is carried over from the written line above: that line
    ends in bold and is no short line (a bold heading right above a lead is not its start)."""
    above = next((line for line in reversed(lines[:number]) if line.strip()), "")
    for char, bold in reversed(chars[:at]):
        if not char.isspace():
            return bold and len(above.rstrip()) >= FULL * len(lines[number].rstrip())
    return False
