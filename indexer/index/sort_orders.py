"""Each document's position in title and report order, written by the build beside the
generation's Whoosh files (`sort-<column>.npy`) and memory-mapped by every searcher.

Sorting 100 000 titles is one C call that holds the GIL for tens of ms: done in a worker, at
each open, it stalled every request of that worker (issue 10). The positions depend on the
document numbers of the whole generation, so every build writes them anew after its commit
(an update never links them from the generation before). A generation without the files
(built before them), or with files of another length, has them computed at open, as before.
"""

from __future__ import annotations

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


def write(directory: Path, reader) -> None:
    """Write every column's positions (at build, after the commit)."""
    for column in COLUMNS:
        np.save(_path(directory, column), compute(reader, column), allow_pickle=False)


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
