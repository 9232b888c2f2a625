"""A list announced by the sentence above it: "The main lessons learned … are as follows:".

Outside any section that names its kind, a report may still give its items as a list,
the paragraph above saying what they are: "The main lessons learned reconfirm similar
observations … and are as follows:" over "(a) …", "(b) …". The list is then a section of
its own of that kind, ending where the list ends. The announcing sentence is the
paragraph's last; it ends in a colon and announces one kind ("the following lessons", "the
lessons learned … are summarized below", «следующие рекомендации»: not "the recommendations' outcomes
included:"), and is the report's own voice: not
others' views reported ("Stakeholders made the following recommendations:") nor an
earlier report's items told over ("The 2019 evaluation made seven recommendations:").
"""

from __future__ import annotations

import re

from indexer.importing.blocks import Block
from indexer.importing.sections import KIND_TITLES

SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZА-ЯЁ(])")
# Others' words, reported; another report's items, told over.
REPORTED = re.compile(r"\b(?:interviewees?|respondents?|stakeholders?|participants?|partners?|informants?|"
                      r"beneficiaries|staff|made|issued|adopted|"
                      r"респондент\w*|участник\w*|партн[её]р\w*|сделал\w*)\b", re.I)


def _announces(kind: str) -> re.Pattern:
    named = KIND_TITLES[kind]
    return re.compile(rf"\b(?:following|следующ\w+)\s+(?:\w+\s+){{0,3}}(?:{named})[^:]*:$|"
                      rf"(?:{named})[^:]*?\b(?:are|were|is|следующ\w+)(?:\s+[\w-]+){{0,3}}\s*:$", re.I)


ANNOUNCES = {kind: _announces(kind) for kind in KIND_TITLES}


def announced_kind(block: Block, after: Block | None) -> str | None:
    """The kind of the items listed right under this paragraph, when it announces them."""
    if block.bullet or after is None or not after.bullet:
        return None
    text = " ".join(" ".join(block.lines).split())
    last = SENTENCE.split(text)[-1]
    kinds = [kind for kind, pattern in ANNOUNCES.items() if pattern.search(last)]
    if len(kinds) != 1 or REPORTED.search(last):
        return None
    return kinds[0]
