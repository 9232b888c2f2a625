"""Where a search's time goes: cProfile over every benchmark query (dev, own, hard, generated),
after one unprofiled pass, the top functions by their own time and by cumulative time.

    .venv/bin/python benchmarks/search_profile.py --corpus 100000     # writes benchmarks/profile-100000.md
    .venv/bin/python benchmarks/search_profile.py --corpus real

The searcher is opened as latency.py opens it; no result cache, the query-vector cache off.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

from corpora import HERE, REPO, corpus, open_searcher, write_report
from latency import requests

import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy

TOP = 20
# The same profile of the code before the postings arrays (2026-12-01 14:45, 100 000 entries,
# load 6.8): 243 searches in 67.8 s, by own time.
BEFORE = """   ncalls  tottime  percall  cumtime  percall filename:lineno(function)
   211118   16.427    0.000   16.427    0.000 {built-in method _pickle.loads}
   145368    5.911    0.000    5.911    0.000 {built-in method zlib.decompress}
 18005321    4.479    0.000    4.479    0.000 whoosh/util/numlists.py:17(delta_decode)
   142938    3.846    0.000   31.388    0.000 whoosh/codec/whoosh3.py:1122(_read_ids)
   328346    3.107    0.000    3.107    0.000 {built-in method numpy.asarray}
     5368    2.456    0.000   45.300    0.008 indexer/search/ranking.py:208(_terms)
6092/1066    2.344    0.000   59.553    0.056 indexer/search/ranking.py:277(union)
   144440    2.197    0.000    3.915    0.000 whoosh/codec/whoosh3.py:952(_goto)
    18226    1.800    0.000   39.394    0.002 indexer/search/postings.py:138(_leaf_postings)
     1538    0.223    0.000   11.080    0.007 indexer/search/postings.py:68(positions)"""


def profile(name: str) -> list[str]:
    paths = corpus(name).paths
    searcher = open_searcher(paths)
    batches = requests(load_taxonomy(paths.taxonomy), searcher)
    every = [r for batch in batches.values() for r in batch]
    for request in every:            # the caches a served worker has after its first searches
        searcher.search(request)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    for request in every:
        searcher.search(request)
    profiler.disable()
    seconds = time.perf_counter() - start
    rows = [f"### {name} ({searcher.count()} entries): {len(every)} searches in {seconds:.1f} s under the "
            f"profiler, load {os.getloadavg()[0]:.1f}", ""]
    for order, title in (("tottime", "by own time"), ("cumulative", "by cumulative time")):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(order).print_stats(TOP)
        lines = [line for line in out.getvalue().splitlines() if line.strip()]
        table = lines[next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")):]
        rows += [f"{title}:", "", "```", *table, "```", ""]
    searcher.close()
    return rows


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="100000", help="real or a number of entries")
    args = parser.parse_args(argv)
    semantic.QUERY_CACHE = 0
    rows = profile(args.corpus)
    if args.corpus == "100000":
        rows += ["Before the postings arrays (same script's queries, by own time; paths shortened):", "",
                 "```", BEFORE, "```"]
    command = "benchmarks/search_profile.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / f"profile-{args.corpus}.md", "Search profile", command.strip(), [
        "cProfile over every query of latency.py (dev, own, hard, generated), after one pass "
        "unprofiled (the caches a worker has after its first searches). The profiler's own cost "
        f"inflates many small calls. Repository: {REPO.name}.", "", *rows])


if __name__ == "__main__":
    main()
