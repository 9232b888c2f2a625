"""A PDF paragraph led by a bold sentence: an item's start, as a bullet is.

Many reports (UNICEF's, UNDP's) set no label before their recommendations: a bold lead
sentence opens each one, and the paragraph goes on in roman, often with no blank line
between one item and the next. Word's reading marks such a paragraph as a list item
(`reading._bold_lead`); this does the same for a PDF's layout lines. A line opens a lead
when its first character is bold, the bold run starts there (not carried over from the
line above), it runs three words or more, ends a sentence, is no label ("Recommendation
3:"), and roman text follows it. The line then gets a bullet in its margin ("• "), its
words left where they stand, so the rules for bulleted lists read the item whole.
A text file has no fonts, so its lead sentences stay plain lines.
"""

from __future__ import annotations

import re

from indexer.importing.labels import item_label

BOLD = re.compile(r"bold|black|heavy|demi|semibold|,B\b", re.I)
LEAD_WORDS = 3
SENTENCE_END = (".", "!", "?")
FULL = 0.7         # a lead's line that wraps is this share of the next line's length at least


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
    if indent == len(line) or not chars[at][1] or _carried(lines, number, chars, at):
        return line
    lead, end = [], at
    while end < len(chars) and (chars[end][1] or chars[end][0].isspace()):
        lead.append(chars[end][0])
        end += 1
    lead_text = " ".join("".join(lead).split())
    last = number + "".join(lead).rstrip().count("\n")
    # the lead's written lines (the grid has blank ones between)
    spanned = [len(written.rstrip()) for written in lines[number:last + 1] if written.strip()]
    short = any(this < FULL * below for this, below in zip(spanned, spanned[1:], strict=False))
    if (end == len(chars) or len(lead_text.split()) < LEAD_WORDS or not lead_text.endswith(SENTENCE_END)
            or short or item_label(lead_text) is not None):
        return line
    return (line[:indent - 2] if indent >= 2 else "") + "• " + line[indent:]


def _carried(lines: list[str], number: int, chars: list[tuple[str, bool]], at: int) -> bool:
    """Whether the bold run at `at` is carried over from the written line above: that line
    ends in bold and is no short line (a bold heading right above a lead is not its start)."""
    above = next((line for line in reversed(lines[:number]) if line.strip()), "")
    for char, bold in reversed(chars[:at]):
        if not char.isspace():
            return bold and len(above.rstrip()) >= FULL * len(lines[number].rstrip())
    return False
