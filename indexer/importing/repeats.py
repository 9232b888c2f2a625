"""Executive-summary repeats: merged into the chapter item they repeat, cited in `source.also`."""

from __future__ import annotations

from indexer.importing.sections import Item
from indexer.importing.words import fuller, normal_words, similarity


def merge_repeats(items: list[Item], threshold: float = 0.8) -> list[Item]:
    """Chapter items, then the summary items that repeat none of them (`threshold` similar
    to a chapter item of the same part and kind: cited in its `source.also` instead)."""
    chapter = [item for item in items if not item.summary]
    kept, taken = list(chapter), set()
    for repeat in (item for item in items if item.summary):
        scored = [(similarity(normal_words(repeat.body), normal_words(item.body)), n)
                  for n, item in enumerate(chapter) if n not in taken
                  and (item.part, item.kind) == (repeat.part, repeat.kind)]
        score, best = max(scored, default=(0.0, -1))
        if score < threshold:
            kept.append(repeat)
            continue
        taken.add(best)
        chapter[best].also.append(repeat.place())
        if fuller(repeat.body, chapter[best].body):
            chapter[best].body = repeat.body
    return kept
