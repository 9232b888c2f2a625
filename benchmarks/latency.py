"""In-process search latency: one whole search (spelling, query, filters, facet counts, the first
page with snippets), as `/api/search` runs it, over the development queries, our own relevance
queries, a hard set and generated ones (words, ORs, phrases, prefixes, browsing with filters).

    .venv/bin/python benchmarks/latency.py                       # real and 100000 entries
    .venv/bin/python benchmarks/latency.py --corpus real --repeat 3
    .venv/bin/python benchmarks/latency.py --corpus 100000      # writes latency-100000.md

Writes benchmarks/latency.md. Wall time and this thread's CPU time are both given: the
machine is shared, and CPU time is what a search costs whatever else runs. No result cache
exists, so every run is a full search. Generated corpora and their indexes are made on first use.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import time

import yaml
from corpora import HERE, REPO, corpus, dev_queries, open_searcher, percentile, write_report

import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy
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
OWN = REPO / "tests" / "relevance" / "queries.yaml"
# Figures before this issue (issue 10), same script on the same machine, 2026-12-01 08:48
# (`latency.py --corpus real --repeat 3`, wall ms, machine loaded) and the issue's own figures.
BEFORE = {("real", "dev"): "p50 6.1, p95 25.9 (wall); CPU p50 3.7, p95 6.1",
          ("real", "hard"): "p50 4.3, p95 7.4 (wall)",
          ("100000", "dev"): "p50 23.9, p95 72.2, max 79.8 (wall)",
          ("100000", "hard"): "p50 17.1, p95 55.3, max 58.2 (wall)",
          ("100000", "generated"): "HTTP 1 conn: p50 71, p95 288, max 1600"}
AIMS = {"real": "p50 ≤ 1, p95 ≤ 2", "100000": "p95 ≤ 50, max ≤ 200"}


def generated(searcher: KbSearcher, count: int = 60, seed: int = 7) -> list[dict]:
    """Queries made from the index's own words: single words, three-word ORs, two-word phrases
    (adjacent words of stored bodies), prefixes and browsing with filters."""
    rng = random.Random(seed)
    words = [w for w in searcher.vocabulary().words() if len(w) > 3 and w.isalpha()]
    words.sort()
    docs = list(searcher.reader.all_doc_ids())
    pick = lambda: rng.choice(words)  # noqa: E731
    queries = []
    for _ in range(count // 5):
        queries.append({"q": pick()})
        queries.append({"q": " OR ".join(pick() for _ in range(3))})
        body = (searcher.reader.stored_fields(rng.choice(docs)).get("body") or "").split()
        start = rng.randrange(max(1, len(body) - 1))
        queries.append({"q": '"' + " ".join(body[start:start + 2]).strip(".,;:()«»\"") + '"'})
        queries.append({"q": pick()[:4] + "*"})
        queries.append({"q": "", "filters": rng.choice([{"lang": "ru"}, {"type": "lesson"},
                                                        {"lang": "en", "type": "recommendation"}])})
    return queries


def requests(taxonomy, searcher: KbSearcher) -> dict[str, list]:
    """Parsed SearchRequests by group."""
    def parse(query):
        args = {"q": query.get("q", ""), **{k: v for k, v in (query.get("filters") or {}).items()}}
        return parse_search_args(args, taxonomy)
    own = yaml.safe_load(OWN.read_text(encoding="utf-8"))["queries"]
    return {"dev": [parse(q) for q in dev_queries()], "own": [parse(q) for q in own],
            "hard": [parse(q) for q in HARD], "generated": [parse(q) for q in generated(searcher)]}


def measure(searcher: KbSearcher, batch: list, repeat: int) -> dict:
    """Milliseconds per search over the batch, each query `repeat` times: wall percentiles of every
    run; percentiles of each query's best run (its cost when it had a core to itself); the mean
    CPU per search (one CPU-clock read per batch: on this VM a read costs up to milliseconds)."""
    wall, best, thread, first, estimated = [], [], [], [], 0
    gc.collect()
    start_cpu = time.process_time()
    for request in batch:
        runs, cpus = [], []
        for _ in range(repeat):
            start, start_thread = time.perf_counter(), time.thread_time()
            results = searcher.search(request)
            runs.append((time.perf_counter() - start) * 1000)
            cpus.append((time.thread_time() - start_thread) * 1000)
            estimated += bool(results.extras.get("estimated"))
        wall += runs
        best.append(min(runs))
        thread.append(min(cpus))
        first.append(cpus[0])    # its first run: no per-process analysis cache has seen the query
    cpu = (time.process_time() - start_cpu) * 1000 / len(wall)
    return {"n": len(wall), "estimated": estimated, "cpu": cpu,
            **{f"{kind}{p}": percentile(values, p / 100)
               for kind, values in (("wall", wall), ("best", best), ("thread", thread), ("first", first))
               for p in (50, 95)},
            "wallmax": max(wall), "bestmax": max(best), "threadmax": max(thread)}


def first_search(paths, request) -> tuple[float, float]:
    """(ms to open and warm a generation, ms of the first search on it)."""
    start = time.perf_counter()
    searcher = open_searcher(paths)
    opened = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    searcher.search(request)
    first = (time.perf_counter() - start) * 1000
    searcher.close()
    return opened, first


def row(name: str, searcher: KbSearcher, group: str, batch: list, repeat: int) -> str:
    f = measure(searcher, batch, repeat)
    load = os.getloadavg()[0]
    text = (f"| {name} | {searcher.count()} | {group} ({len(batch)}) | {f['n']} | "
            f"{f['wall50']:.2f} | {f['wall95']:.2f} | {f['wallmax']:.1f} | {f['best50']:.2f} | "
            f"{f['best95']:.2f} | {f['bestmax']:.1f} | {f['thread50']:.2f} | {f['thread95']:.2f} | "
            f"{f['threadmax']:.1f} | {f['first50']:.2f} | {f['first95']:.2f} | {f['cpu']:.2f} | "
            f"{f['estimated']} | {load:.1f} | "
            f"{AIMS.get(name, '')} | {BEFORE.get((name, group.split(',')[0]), '')} |")
    print(text, file=sys.stderr)
    return text


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", action="append", help="real or a number of entries (repeatable)")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each query")
    parser.add_argument("--as-is", action="store_true",
                        help="search the index as it is, without bringing it up to date first")
    args = parser.parse_args(argv)
    names = args.corpus or ["real", "100000"]
    rows = ["| corpus | entries | queries | runs | wall p50 | wall p95 | wall max | best p50 | "
            "best p95 | best max | CPU p50 | CPU p95 | CPU max | first CPU p50 | first CPU p95 | CPU mean | "
            "estimated | load | aim | "
            "before this issue |",
            "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|"]
    firsts = []
    cache = semantic.QUERY_CACHE
    semantic.QUERY_CACHE = 0        # no query-vector cache: every run encodes its query
    for name in names:
        paths = corpus(name, build=not args.as_is).paths
        taxonomy = load_taxonomy(paths.taxonomy)
        searcher = open_searcher(paths)
        groups = requests(taxonomy, searcher)
        opened, first = first_search(paths, groups["dev"][0])
        firsts.append(f"| {name} | {'yes' if searcher.semantic is not None else 'no'} | {opened:.0f} | "
                      f"{first:.1f} |")
        for group, batch in groups.items():
            rows.append(row(name, searcher, group, batch, args.repeat))
        if searcher.semantic is not None:      # the semantic layer's cost, measured beside it
            lexical = open_searcher(paths, encoder=None)
            for group in ("dev", "own"):
                rows.append(row(name, lexical, f"{group}, lexical only", groups[group], args.repeat))
                semantic.QUERY_CACHE = cache
                rows.append(row(name, searcher, f"{group}, query vectors cached", groups[group], args.repeat))
                semantic.QUERY_CACHE = 0
            lexical.close()
        searcher.close()
    command = "benchmarks/latency.py " + " ".join(argv if argv is not None else sys.argv[1:])
    out = "latency.md" if "real" in names else f"latency-{'-'.join(names)}.md"
    write_report(HERE / out, "Search latency, in process", command.strip(), [
        "One whole search as `/api/search` runs it: spelling, query, filters, facet counts over every "
        "filter, and the first page of 10 hits with snippets; milliseconds. `dev` is the shared "
        "development set (`../shared/eval/queries-dev.yaml`), `own` our relevance set "
        "(`tests/relevance/queries.yaml`), `hard` very common words, OR lists, prefixes and browsing, "
        "`generated` queries made of the index's own words (single words, three-word ORs, two-word "
        "phrases, prefixes, browsing with filters). Generated corpora come from "
        "`benchmarks/generate_corpus.py`. The searcher is opened as the web app opens it (question "
        "words, thesaurus, and the semantic layer when the generation has embeddings: up to "
        "KB_SEMANTIC_LIMIT entries); `lexical only` rows are the same queries, same run, without "
        "it. The machine is shared (other helpers' suites and builds; *load* is the 1-minute load "
        "average on 2 cores when the row was taken): *wall* is every run as measured, "
        "waiting for the CPU included; *best* takes each query's fastest of its runs, what the "
        "search costs when it has a core; *CPU p50/p95/max* take each query's least thread CPU time "
        "of its runs (what it costs whatever else the machine runs); *first CPU* takes each "
        "query's first run, before "
        "the per-process caches of query analysis and variant queries have seen it (a reader's new "
        "query); *CPU mean* is the process's "
        "CPU time per search over the batch. There "
        "is no result cache, and the query-vector cache is off (every run encodes its query) except "
        "in the `query vectors cached` rows.", "", *rows, "",
        "First search after a generation is opened (opening warms the field lengths, facet masks, "
        "sort orders, spelling vocabulary and the model, so the first reader's search does not):", "",
        "| corpus | semantic layer | open and warm ms | first search ms |", "|---|---|---:|---:|", *firsts])


if __name__ == "__main__":
    main()
