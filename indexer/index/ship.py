"""Shipping a built generation to a replica's index directory: copy, verify, the same atomic swap.

Replicas build nothing and keep no state of their own: one machine builds a generation from
the content in git, and each replica receives a copy (`kb ship`), checked against the seal
its build wrote, and swapped in by the same atomic rename as a local build. A replica's
workers pick it up at their next request, as after `kb index`.
"""

from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

from indexer.errors import IndexCorruptError, IndexMissingError
from indexer.index import integrity
from indexer.index.build import build_lock, current_generation, point_current


def served_generation_dir(index_dir: Path) -> Path:
    """The generation directory that an index directory serves."""
    name = current_generation(index_dir)
    if name is None or not (Path(index_dir) / name).is_dir():
        raise IndexMissingError(f"no index in {index_dir}: run `kb index` first")
    return Path(index_dir) / name


def ship_generation(generation: Path, index_dir: Path, wait: float = 60.0) -> str:
    """Copy a sealed generation into `index_dir` (unless there already) and make it current."""
    generation, index_dir = Path(generation), Path(index_dir)
    if not (generation / integrity.SEAL).is_file():
        raise IndexCorruptError(f"{generation} is not a sealed generation: ship one that "
                                "`kb index` built")
    integrity.verify(generation)
    index_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(index_dir, wait):
        target = index_dir / generation.name
        if target.exists():
            if not filecmp.cmp(target / integrity.SEAL, generation / integrity.SEAL, shallow=False):
                raise IndexCorruptError(f"{target} exists and is another build than {generation}; "
                                        "remove it or build a new generation")
        else:
            tmp = index_dir / f"{generation.name}.tmp"
            shutil.rmtree(tmp, ignore_errors=True)
            shutil.copytree(generation, tmp, ignore=shutil.ignore_patterns("*.lock"))
            integrity.verify(tmp)
            tmp.rename(target)
        integrity.verify(target)
        return point_current(index_dir, target)
