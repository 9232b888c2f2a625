"""What the report facets cost: one whole search counting the first five facets, then all of them.

    .venv/bin/python benchmarks/facets.py                  # real and 20000 entries
    .venv/bin/python benchmarks/facets.py --corpus real --repeat 5

Writes benchmarks/facets.md. Both figures come from the same process and the same
searcher, alternating query by query, so the shared machine's noise hits both alike.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time

from corpora import HERE, corpus, percentile, write_report
from latency import requests

import indexer.search.searcher as searcher_module
from indexer.content.glossary import load_glossary
from indexer.index.build import open_generation
from indexer.search.request import FILTERS
from indexer.search.searcher import KbSearcher

BEFORE = ("type", "lang", "country", "objective", "stakeholder")   # the facets before report records


def timed(searcher: KbSearcher, request, filters: dict) -> float:
    searcher_module.FILTERS = filters
    start = time.perf_counter()
    searcher.search(request)
    return (time.perf_counter() - start) * 1000


def measure(searcher: KbSearcher, batch: list, repeat: int) -> dict[str, list[float]]:
    """Milliseconds per search with the first five facets and with all, alternating."""
    variants = {"5 facets": {k: FILTERS[k] for k in BEFORE}, f"{len(FILTERS)} facets": dict(FILTERS)}
    for request in batch:
        for filters in variants.values():
            timed(searcher, request, filters)
    times = {name: [] for name in variants}
    gc.collect()
    for _ in range(repeat):
        for request in batch:
            for name, filters in variants.items():
                times[name].append(timed(searcher, request, filters))
    searcher_module.FILTERS = FILTERS
    return times


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="real or a number of entries (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    args = parser.parse_args(argv)
    rows = ["| corpus | entries | facets | runs | p50 ms | p95 ms | mean ms |",
            "|---|---:|---|---:|---:|---:|---:|"]
    for name in args.corpus or ["real", "20000"]:
        paths = corpus(name).paths
        ix, generation = open_generation(paths.index_dir)
        searcher = KbSearcher(ix, generation, load_glossary(paths.glossary))
        batch = [r for group in requests(paths.load_taxonomy()).values() for r in group]
        for variant, values in measure(searcher, batch, args.repeat).items():
            rows.append(f"| {name} | {searcher.count()} | {variant} | {len(values)} | "
                        f"{percentile(values, 0.5):.2f} | {percentile(values, 0.95):.2f} | "
                        f"{sum(values) / len(values):.2f} |")
            print(rows[-1], file=sys.stderr)
        searcher.close()
    command = "benchmarks/facets.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "facets.md", "The cost of the report facets", command.strip(), [
        "One whole search (the development and hard queries of `latency.py`) counting the five "
        "facets of before the report records, then every facet (report, organisation, year and "
        "evaluation type added), alternating query by query in one process. The machine is shared "
        "and noisy: compare the rows of one run, not runs.", "", *rows])


if __name__ == "__main__":
    main()
