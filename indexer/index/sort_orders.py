"""Each document's position in title and report order, written by the build beside the
generation's Whoosh files (`sort-<column>.npy`) and memory-mapped by every searcher.

Sorting 100 000 titles is one C call that holds the GIL for tens of ms: done in a worker, at
each open, it stalled every request of that worker (issue 10). The positions depend on the
document numbers of the whole generation, so every build writes them anew after its commit
(an update never links them from the generation before). An update keeps the segments it linked
in their order, and with them their documents' numbers, up to the first one its commit merged:
those documents keep their order among themselves, taken from the generation before, and only the
documents after them (the commit's own, and those of the small segments it merged) are read and
put in by binary search (`write`'s `before`). That gives the very positions a sort of the whole
generation gives (ties in document order), at 100 000 entries in tens of ms, not the 1.6 s of
reading every value. A generation without the files (built before them), or with files of another
length, has them computed at open, as before.
"""

from __future__ import annotations

from bisect import bisect_right
from pathlib import Path

import numpy as np

COLUMNS = ("title_sort", "path")
PATTERN = "sort-*.npy"


def _path(directory: Path, column: str) -> Path:
    return Path(directory) / f"sort-{column}.npy"


def compute(reader, column: str) -> np.ndarray:
    """Each document's position when the documents are sorted by a sortable column."""
    values = list(reader.column_reader(column))
    ranks = np.empty(len(values), dtype=np.int64)
    ranks[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
    return ranks


def segments(reader) -> list[tuple[str, int]]:
    """The (segment id, documents) of a reader's segments, in document-number order."""
    return [(leaf.segment().segment_id(), leaf.doc_count_all()) for leaf, _ in reader.leaf_readers()]


def write(directory: Path, reader, before: tuple[Path, list[tuple[str, int]]] | None = None) -> None:
    """Write every column's positions (at build, after the commit). `before`: the directory and
    `segments` of the generation this one was linked from, whose positions are updated."""
    kept = _kept(segments(reader), before[1]) if before else 0
    for column in COLUMNS:
        ranks = _updated(before[0], reader, column, kept) if kept else None
        np.save(_path(directory, column), compute(reader, column) if ranks is None else ranks,
                allow_pickle=False)


def _kept(now: list[tuple[str, int]], then: list[tuple[str, int]]) -> int:
    """How many documents, from the first, keep their numbers: those of the segments the two
    generations share, in the same order, before the first that differs."""
    kept = 0
    for segment, other in zip(now, then, strict=False):   # one may have more
        if segment != other:
            break
        kept += segment[1]
    return kept


def _updated(before: Path, reader, column: str, kept: int) -> np.ndarray | None:
    """The positions from the generation before's, for its first `kept` documents, and the
    others' values put in among theirs; None if that generation's positions cannot be read."""
    try:
        old = np.load(_path(before, column), allow_pickle=False)
    except (OSError, ValueError):
        return None
    if old.ndim != 1 or len(old) < kept:
        return None
    if not np.array_equal(np.sort(old), np.arange(len(old))):
        return None                         # not positions: a damaged file
    order = np.empty_like(old)
    order[old] = np.arange(len(old))        # the documents by position
    order = order[order < kept]             # the kept documents, in their order
    values = reader.column_reader(column)
    fresh = list(range(kept, reader.doc_count_all()))
    fresh.sort(key=values.__getitem__)      # stable: equal values in document order
    # Each goes after every kept document of a value not greater (ties: kept ones come first).
    points = np.array([bisect_right(order, values[d], key=values.__getitem__) for d in fresh],
                      dtype=np.int64)
    ranks = np.empty(reader.doc_count_all(), dtype=np.int64)
    positions = np.arange(len(order), dtype=np.int64)
    ranks[order] = positions + np.searchsorted(points, positions, side="right")
    ranks[np.array(fresh, dtype=np.int64)] = points + np.arange(len(fresh), dtype=np.int64)
    return ranks


def load(directory: Path | None, reader, column: str) -> np.ndarray:
    """The positions the build wrote (memory-mapped), or computed now when there are none."""
    if directory is not None:
        try:
            ranks = np.load(_path(directory, column), mmap_mode="r", allow_pickle=False)
        except (OSError, ValueError):
            ranks = None
        if ranks is not None and ranks.shape == (reader.doc_count_all(),):
            return ranks
    return compute(reader, column)
