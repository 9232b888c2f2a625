"""Index build speed: a full build (entries/s), an unchanged tree and one edited entry, on a
generated corpus.

    .venv/bin/python benchmarks/build.py               # 20000 entries; writes benchmarks/build.md
    .venv/bin/python benchmarks/build.py --entries 100000
    .venv/bin/python benchmarks/build.py --entries 100000 --in-place   # no full build
    .venv/bin/python benchmarks/build.py --entries 100000 --in-place --before "nothing changed=20.48 s"

The corpus comes from generate_corpus.py. A full build replaces the corpus's own index
(benchmarks/index-N) with the same `build_index` as `kb index` (so the other benchmarks then
search what was just built); `--in-place` skips it and measures only the unchanged tree and
the edit and the deletion (the edited entry is searched for the word the edit put in it, the
deleted one must be gone; the deleted file is put back and taken in again afterwards). `--before
STEP=FIGURE` (repeatable) fills the comparison column, e.g. with the figures of the code before a
change measured on the same corpus. The index's document count is checked against the entries.
CPU time is given beside wall time, this process's and its analysis workers': the machine is shared, and
"on two free cores" = entries / max(writer CPU, all CPU / 2) is what the build would do alone.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

from corpora import HERE, corpus, encoder, write_report

from indexer.index.build import build_index, open_generation

BEFORE = {"full build": "20000: 209 entries/s; 100000: 107 entries/s, 15 min, no progress after reading",
          "nothing changed": "20000: 0.47 s", "one entry edited": "20000: 0.53 s"}


def edit_one(content: Path, word: str) -> Path:
    """Change the words of one entry, as an editor's correction would, adding `word`."""
    path = next(iter(sorted(content.rglob("gen-*.md"))))
    text = path.read_text(encoding="utf-8")
    marker = "\n## "
    head, _, tail = text.partition(marker)
    path.write_text(head.rstrip() + f" Corrected by an editor: {word}.\n" + marker + tail, encoding="utf-8")
    return path


def found_paths(paths, query: str) -> list[str]:
    """The paths of the entries a search over the served generation finds."""
    from corpora import open_searcher

    from indexer.search.request import SearchRequest

    results = open_searcher(paths, encoder=None).search(SearchRequest(q=query, limit=100))
    return [hit.path for hit in results.hits]


def timed(paths, index: Path, full: bool = False):
    """(report, wall s, this process's CPU s, the pool's CPU s) of one build."""
    def children():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    start, cpu, child = time.perf_counter(), time.process_time(), children()
    report = build_index(paths.content_dir, index, paths.taxonomy, paths.base, full=full,
                         encoder=encoder(paths), semantic_limit=paths.semantic_limit)
    return report, time.perf_counter() - start, time.process_time() - cpu, children() - child


def row(step: str, report, wall: float, cpu: float, pool: float, rate: bool = False) -> str:
    free = report.entries / max(cpu, (cpu + pool) / 2) if rate else 0
    rates = f"{report.entries / wall:.0f} | {free:.0f}" if rate else " | "
    return (f"| {step} | {report.entries} | {report.added + report.updated} | {wall:.2f} | {cpu:.2f} | "
            f"{pool:.2f} | {rates} | {BEFORE.get(step.split(' (')[0], '')} |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", default="20000")
    parser.add_argument("--in-place", action="store_true", help="no full build: the corpus's own index")
    parser.add_argument("--before", action="append", default=[], metavar="STEP=FIGURE",
                        help="the comparison column's figure for a step (nothing changed, one entry edited, "
                        "one entry deleted)")
    args = parser.parse_args(argv)
    BEFORE.update(item.split("=", 1) for item in args.before)
    found = corpus(args.entries, build=args.in_place)
    paths = found.paths
    rows = ["| step | entries | re-read | wall s | writer CPU s | pool CPU s | entries/s (wall) | "
            "entries/s on two free cores | before this issue |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    index = found.index
    load = []
    if not args.in_place:
        load.append(os.getloadavg())
        rows.append(row("full build", *timed(paths, index, full=True), rate=True))
        load.append(os.getloadavg())
    timed(paths, index)                  # settle: the manifest of the last build is read once
    load.append(os.getloadavg())
    same = timed(paths, index)
    rows.append(row(f"nothing changed (\"{same[0].summary().split(':')[0]}\")", *same))
    word = f"kbedit{time.strftime('%H%M%S')}"
    edited = edit_one(paths.content_dir, word)
    rows.append(row(f"one entry edited (`{edited.name}`)", *timed(paths, index)))
    hits = found_paths(paths, word)
    assert [h.rsplit("/", 1)[-1] for h in hits] == [edited.name], f"the edit is not served: {hits}"
    victim = sorted(paths.content_dir.rglob("gen-*.md"))[-1]
    aside = victim.with_name(".deleted-" + victim.name)
    victim.rename(aside)
    deleted = timed(paths, index)
    rows.append(row(f"one entry deleted (`{victim.name}`)", *deleted))
    assert deleted[0].removed == 1, deleted[0].summary()
    ix, _ = open_generation(index)
    with ix.searcher() as searcher:
        key = os.path.relpath(victim, paths.base)
        assert searcher.document(path=key) is None, f"{key} is still served after its deletion"
    load.append(os.getloadavg())
    aside.rename(victim)
    assert timed(paths, index)[0].added == 1
    ix, _ = open_generation(index)
    with ix.reader() as reader:
        held = reader.doc_count()
    loads = " → ".join("/".join(f"{x:.1f}" for x in avg) for avg in load) or "see above"
    files = len(list(paths.content_dir.rglob("gen-*.md")))
    rows += ["", f"Check: the index holds {held} documents for {files} generated entry files; a search "
             "for the word the edit added finds the edited entry alone; the deleted entry's update "
             f"removed one. Load average (1/5/15 min) before and after: {loads}."]
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/build.py " + " ".join(argv if argv is not None else sys.argv[1:])
    name = HERE / ("build.md" if args.entries == "20000" else f"build-{args.entries}.md")
    write_report(name, f"Index build ({args.entries} entries)", command.strip(), [
        "A full build reads, checks and analyses (pymorphy3 lemmas, Snowball stems, the snippet word "
        "index) every entry in a pool of processes, and one writer files the postings into a new "
        "generation; an update links the served generation's files, re-reads only the files whose "
        "size or mtime changed, and swaps it in. Figures include the swap. `kb index` shows a "
        "progress bar for each phase (reading and analysing, writing postings).", "", *rows])


if __name__ == "__main__":
    main()
