"""Repeats: an executive summary's, or a chapter item restated further on, merged into the
item they repeat and cited in its `source.also`."""

from __future__ import annotations

from indexer.importing.sections import Item
from indexer.importing.words import normal_words, similarity

ARTICLES = {"a", "an", "the"}   # what a restatement may add or drop


def merge_repeats(items: list[Item], threshold: float = 0.8, loose: float = 0.5) -> list[Item]:
    """Chapter items, then the summary items of a kind the chapters have none of.

    A summary item `threshold` similar to a chapter item of the same part and kind is cited
    in that item's `source.also`; then, among those left, one only `loose` similar (the
    summary's shorter paraphrase). The chapter's wording is the body, even where the
    summary words it at more length: the chapter is where the item stands, and its
    citation says so (the summary's place is in `also`).
    """
    chapter = merge_restated([item for item in items if not item.summary])
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
    """Cite the repeat in the item, whose body and place stay the chapter's."""
    item.also.append(repeat.place())


def merge_restated(items: list[Item]) -> list[Item]:
    """Each item once: one restated word for word further on, of the same part and kind (a
    web page's recommendations repeated above the management response, a report that sets
    them out in its conclusions and again in its action plan), is cited in the first one's
    `source.also`. Word for word but for punctuation, case and articles: two items that
    differ in any other word, a name, a number, a "not" ("… in Kazakhstan" / "… in
    Kyrgyzstan"), are two items."""
    first: dict[tuple, Item] = {}
    kept: list[Item] = []
    for item in items:
        words = tuple(word for word in normal_words(item.body).split() if word not in ARTICLES)
        key = (item.part, item.kind, words)
        if words and key in first:
            _merge(first[key], item)
        else:
            first.setdefault(key, item)
            kept.append(item)
    return kept
