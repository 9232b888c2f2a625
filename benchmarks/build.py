"""Index build speed: a full build (entries/s), an unchanged tree and one edited entry, on a
generated corpus.

    .venv/bin/python benchmarks/build.py               # 20000 entries; writes benchmarks/build.md
    .venv/bin/python benchmarks/build.py --entries 100000
    .venv/bin/python benchmarks/build.py --entries 100000 --in-place   # no full build
    .venv/bin/python benchmarks/build.py --entries 100000 --in-place --before "nothing changed=20.48 s"

A named edit (`kb index PATH`) is timed beside the plain one, and the web app's first search
after a swap beside the background opening of the new generation.

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


def timed(paths, index: Path, full: bool = False, named=None):
    """(report, wall s, this process's CPU s, the pool's CPU s) of one build (of the `named`
    paths only, as `kb index PATH...`, when given)."""
    def children():
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return usage.ru_utime + usage.ru_stime
    start, cpu, child = time.perf_counter(), time.process_time(), children()
    report = build_index(paths.content_dir, index, paths.taxonomy, paths.base, full=full,
                         encoder=encoder(paths), semantic_limit=paths.semantic_limit, paths=named)
    return report, time.perf_counter() - start, time.process_time() - cpu, children() - child


def row(step: str, report, wall: float, cpu: float, pool: float, rate: bool = False) -> str:
    free = report.entries / max(cpu, (cpu + pool) / 2) if rate else 0
    rates = f"{report.entries / wall:.0f} | {free:.0f}" if rate else " | "
    return (f"| {step} | {report.entries} | {report.added + report.updated} | {wall:.2f} | {cpu:.2f} | "
            f"{pool:.2f} | {rates} | {BEFORE.get(step.split(' (')[0], '')} |")


def first_search_after_swap(paths, index: Path, edited: Path, word: str) -> list[str]:
    """The web app's searches around a swap: the worker's first search after `kb index` swapped
    in a new generation (answered from the warm one while the new one opens in the background),
    how long the opening and warming took, and the first search on the new generation."""
    from indexer.search.request import SearchRequest
    from kb import create_app

    started = time.perf_counter()
    app = create_app({"CONTENT_DIR": str(paths.content_dir), "INDEX_DIR": str(index)})
    at_start = time.perf_counter() - started
    resources = app.extensions["kb"]
    request = SearchRequest(q=word, limit=10)
    edit_one(paths.content_dir, word)
    timed(paths, index)
    started = time.perf_counter()
    before = resources.get_searcher().search(request)
    first = time.perf_counter() - started
    started = time.perf_counter()
    resources.wait_until_open(600)
    opened = time.perf_counter() - started
    started = time.perf_counter()
    after = resources.get_searcher().search(request)
    on_new = time.perf_counter() - started
    assert edited.name not in [h.path.rsplit("/", 1)[-1] for h in before.hits], "served before the swap?"
    assert [h.path.rsplit("/", 1)[-1] for h in after.hits] == [edited.name], "the edit is not served"
    return ["Searches around a swap, as a web worker does them (`create_app`, then `kb index` after an "
            "edit, then the same query before and after the new generation is open):", "",
            "| step | ms |", "|---|---:|",
            f"| app start: open and warm the served generation | {at_start * 1000:.0f} |",
            f"| first search after the swap (answered from the warm generation; the new one opens in "
            f"the background) | {first * 1000:.1f} |",
            f"| opening and warming the new generation, in the background | {opened * 1000:.0f} |",
            f"| first search on the new generation (finds the edit) | {on_new * 1000:.1f} |"]


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
    named_word = word + "b"
    edit_one(paths.content_dir, named_word)
    rows.append(row(f"one entry edited, named (`kb index {edited.name}`)",
                    *timed(paths, index, named=[edited])))
    hits = found_paths(paths, named_word)
    assert [h.rsplit("/", 1)[-1] for h in hits] == [edited.name], f"the named edit is not served: {hits}"
    swap = first_search_after_swap(paths, index, edited,
                                   "qz" + "".join(chr(ord("a") + int(d)) for d in time.strftime("%H%M%S")))
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
             "for the word each edit added finds the edited entry alone; the deleted entry's update "
             f"removed one. Load average (1/5/15 min) before and after: {loads}.", "", *swap]
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/build.py " + " ".join(argv if argv is not None else sys.argv[1:])
    name = HERE / ("build.md" if args.entries == "20000" else f"build-{args.entries}.md")
    write_report(name, f"Index build ({args.entries} entries)", command.strip(), [
        "A full build reads, checks and analyses (pymorphy3 lemmas, Snowball stems, the snippet word "
        "index) every entry in a pool of processes, and one writer files the postings into a new "
        "generation; an update links the served generation's files, re-reads only the files whose "
        "size or mtime changed, and swaps it in. Figures include the swap. `kb index` shows a "
        "progress bar for each phase, saying what it does: looking for changed files, reading and "
        "analysing (N processes), writing postings (merging N sorted runs), merging small segments, "
        "writing the manifest and checking parallel links, sealing and swapping in.", "", *rows])


if __name__ == "__main__":
    main()
