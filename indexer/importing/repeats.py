"""Executive-summary repeats: merged into the chapter item they repeat, cited in `source.also`."""

from __future__ import annotations

import re

from indexer.importing.sections import Item
from indexer.importing.words import normal_words, similarity


def merge_repeats(items: list[Item], threshold: float = 0.8, loose: float = 0.5) -> list[Item]:
    """Chapter items, then the summary items of a kind the chapters have none of.

    A summary item `threshold` similar to a chapter item of the same part and kind is cited
    in that item's `source.also`; then, among those left, one only `loose` similar (the
    summary's shorter paraphrase). The chapter's wording stays the body unless the
    summary's says a sentence more.
    """
    chapter = [item for item in items if not item.summary]
    taken: set[int] = set()
    repeats = [item for item in items if item.summary]
    for least in (threshold, loose):
        left = []
        for repeat in repeats:
            scored = [(similarity(normal_words(repeat.body), normal_words(item.body)), n)
                      for n, item in enumerate(chapter) if n not in taken
                      and (item.part, item.kind) == (repeat.part, repeat.kind)]
            score, best = max(scored, default=(0.0, -1))
            if score < least:
                left.append(repeat)
                continue
            taken.add(best)
            _merge(chapter[best], repeat)
        repeats = left
    # The summary's short list repeats the chapter's items in other words; where the chapter
    # has items of that kind, it holds them all. Only a report that has its items in the
    # summary alone keeps the summary's.
    held = {(item.part, item.kind) for item in chapter}
    return chapter + [repeat for repeat in repeats if (repeat.part, repeat.kind) not in held]


def _merge(item: Item, repeat: Item) -> None:
    """Cite the repeat in the item; take its wording (and cite the item's place) when it
    says a sentence more, so the body and its citation always agree."""
    # A labelled box repeated in a two-column summary is the box's words; what follows it
    # there is the summary's own text, so its wording is never taken for the fuller one.
    if repeat.labelled or _sentences(repeat.body) <= _sentences(item.body):
        item.also.append(repeat.place())
        return
    item.also.append(item.place())
    item.body, item.section, item.page = repeat.body, repeat.section, repeat.page
    item.paragraph, item.item = repeat.paragraph, repeat.item


def _sentences(text: str) -> int:
    text = re.sub(r"\s*\((?:see|см\.)[^)]*\)", "", text)
    return len(re.findall(r"[.!?](?:\s|$)", text.strip() + " "))
