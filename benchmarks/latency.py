"""In-process search latency: one whole search (spelling, query, filters, facet counts, the first
page with snippets), as `/api/search` runs it, over the development queries and a few harder ones.

    .venv/bin/python benchmarks/latency.py                       # real, 20000 and 100000 entries
    .venv/bin/python benchmarks/latency.py --corpus real --repeat 3

Writes benchmarks/latency.md. Generated corpora and their indexes are made on first use.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time

from corpora import HERE, corpus, dev_queries, percentile, write_report

from indexer.content.glossary import load_glossary
from indexer.content.taxonomy import load_taxonomy
from indexer.index.build import open_generation
from indexer.search.request import parse_search_args
from indexer.search.searcher import KbSearcher

# Beyond the development set: what a user types that costs most (very common words, long
# OR lists, prefixes, browse with and without filters).
HARD = [
    {"q": "child labour project"}, {"q": "детского труда проекта"}, {"q": "the and of project"},
    {"q": "мониторинг OR обучение OR школы OR дети OR родители OR учителя"},
    {"q": "pro*"}, {"q": "де*"}, {"q": ""}, {"q": "", "filters": {"lang": "ru", "type": "lesson"}},
    {"q": "проект", "filters": {"country": "kyrgyzstan"}},
    {"q": "\"child labour\" monitoring"}, {"q": "ltncrbq nhel"},
]


def requests(taxonomy) -> dict[str, list]:
    """Parsed SearchRequests by group: the development queries and the hard ones."""
    def parse(query):
        args = {"q": query.get("q", ""), **{k: v for k, v in (query.get("filters") or {}).items()}}
        return parse_search_args(args, taxonomy)
    return {"dev": [parse(q) for q in dev_queries()], "hard": [parse(q) for q in HARD]}


def measure(searcher: KbSearcher, batch: list, repeat: int) -> dict:
    """Milliseconds per search over the batch, each query `repeat` times; how many totals were estimates."""
    for request in batch:          # warm-up, untimed: caches and lazily built masks
        searcher.search(request)
    times, estimated = [], 0
    gc.collect()
    for _ in range(repeat):
        for request in batch:
            start = time.perf_counter()
            results = searcher.search(request)
            times.append((time.perf_counter() - start) * 1000)
            estimated += bool(results.extras.get("estimated"))
    return {"n": len(times), "p50": percentile(times, 0.5), "p95": percentile(times, 0.95),
            "max": max(times), "estimated": estimated}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="real or a number of entries (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    args = parser.parse_args(argv)
    names = args.corpus or ["real", "20000", "100000"]
    aims = {"real": 10, "20000": 30, "100000": 100}
    rows = ["| corpus | entries | queries | runs | p50 ms | p95 ms | max ms | estimated totals | aim p95 |",
            "|---|---:|---|---:|---:|---:|---:|---:|---:|"]
    for name in names:
        found = corpus(name)
        paths = found.paths
        ix, generation = open_generation(paths.index_dir)
        searcher = KbSearcher(ix, generation, load_glossary(paths.glossary))
        for group, batch in requests(load_taxonomy(paths.taxonomy)).items():
            figures = measure(searcher, batch, args.repeat)
            aim = aims.get(name, "")
            rows.append(f"| {name} | {searcher.count()} | {group} ({len(batch)}) | {figures['n']} | "
                        f"{figures['p50']:.1f} | {figures['p95']:.1f} | {figures['max']:.1f} | "
                        f"{figures['estimated']} | {f'≤ {aim}' if aim else ''} |")
            print(rows[-1], file=sys.stderr)
        searcher.close()
    command = "benchmarks/latency.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "latency.md", "Search latency, in process", command.strip(), [
        "One whole search as `/api/search` runs it: spelling, query, filters, facet counts over every "
        "filter, and the first page of 10 hits with snippets. `dev` is the shared development set "
        "(`../shared/eval/queries-dev.yaml`); `hard` holds very common words, OR lists, prefixes and "
        "browsing, which cost most. Generated corpora come from `benchmarks/generate_corpus.py` "
        "(the seed report's own words, half Russian, half English).", "", *rows])


if __name__ == "__main__":
    main()
