"""Index build speed: a full build (entries/s) and taking in one edited entry, on a generated corpus.

    .venv/bin/python benchmarks/build.py                 # 20000 entries; writes benchmarks/build.md
    .venv/bin/python benchmarks/build.py --entries 2000

The corpus comes from generate_corpus.py; the index is built into a fresh temporary directory
with the same `build_index` as `kb index`, then one entry is edited and the index updated.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpora import HERE, corpus, write_report

from indexer.index.build import build_index


def edit_one(content: Path) -> Path:
    """Change the words of one entry, as an editor's correction would."""
    path = next(iter(sorted(content.rglob("gen-*.md"))))
    text = path.read_text(encoding="utf-8")
    marker = "\n## "
    head, _, tail = text.partition(marker)
    path.write_text(head.rstrip() + " Corrected by an editor.\n" + marker + tail, encoding="utf-8")
    return path


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", default="20000")
    args = parser.parse_args(argv)
    found = corpus(args.entries)
    paths = found.paths
    index = Path(tempfile.mkdtemp(prefix="kb-build-bench-"))
    try:
        start = time.perf_counter()
        full = build_index(paths.content_dir, index, paths.taxonomy, paths.base, full=True)
        full_seconds = time.perf_counter() - start
        start = time.perf_counter()
        same = build_index(paths.content_dir, index, paths.taxonomy, paths.base)
        same_seconds = time.perf_counter() - start
        edited = edit_one(paths.content_dir)
        start = time.perf_counter()
        update = build_index(paths.content_dir, index, paths.taxonomy, paths.base)
        update_seconds = time.perf_counter() - start
    finally:
        shutil.rmtree(index, ignore_errors=True)
    rows = ["| step | entries | re-read | seconds | rate |", "|---|---:|---:|---:|---:|",
            f"| full build | {full.entries} | {full.added} | {full_seconds:.1f} | "
            f"{full.entries / full_seconds:.0f} entries/s |",
            f"| nothing changed | {same.entries} | {same.added + same.updated} | {same_seconds:.2f} | |",
            f"| one entry edited (`{edited.name}`) | {update.entries} | {update.updated} | "
            f"{update_seconds:.2f} | |"]
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/build.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "build.md", "Index build", command.strip(), [
        "A full build reads, checks, analyses (pymorphy3 lemmas, Snowball stems) and writes every "
        "entry into a new generation; an update copies the served generation, re-reads only the "
        "files whose size, mtime or digest changed, and swaps it in. Figures include the swap.",
        "", *rows])


if __name__ == "__main__":
    main()
