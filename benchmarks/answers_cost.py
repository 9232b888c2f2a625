"""What the answer a question asks for (question words' `answers:`, issue 11) costs per search.

    .venv/bin/python benchmarks/answers_cost.py              # writes benchmarks/answers-cost.md
    .venv/bin/python benchmarks/answers_cost.py --repeat 9 --no-write

On the real content, one searcher opened as the web app opens it with the answers and one
without, over the same queries, interleaved query by query (the machine is shared: both see
the same load). CPU time of this thread per whole search, the query-vector cache off (every
run encodes its query, with the answer's words when the question asks for one).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import statistics
import sys
import time

import yaml
from corpora import REPO, corpus, dev_queries, open_searcher, percentile, write_report

import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy
from indexer.search.request import parse_search_args

HERE = REPO / "benchmarks"
OWN = REPO / "tests" / "relevance" / "queries.yaml"


def queries(questions) -> dict[str, list[dict]]:
    own = yaml.safe_load(OWN.read_text(encoding="utf-8"))["queries"]
    dev = dev_queries()
    asking = [q for q in dev + own if questions.asked(q["q"].split())]
    return {"dev, all": dev, "own, all": own, "asking an answer (dev and own)": asking,
            "the other questions (dev and own)": [q for q in dev + own if q["category"] == "question"
                                                  and q not in asking]}


def measure(searchers: dict, requests: list, repeat: int) -> dict[str, list[float]]:
    """CPU ms per search of each searcher, each query run by both in turn (which first alternates)."""
    found = {name: [] for name in searchers}
    for round_ in range(repeat):
        for number, request in enumerate(requests):
            for name, searcher in sorted(searchers.items(), reverse=bool((round_ + number) % 2)):
                start = time.thread_time()
                searcher.search(request)
                found[name].append((time.thread_time() - start) * 1000)
    return found


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)
    paths = corpus("real").paths
    taxonomy = load_taxonomy(paths.taxonomy)
    on = open_searcher(paths)
    off = open_searcher(paths, questions=dataclasses.replace(on.questions, answers=()))
    semantic.QUERY_CACHE = 0
    rows = ["| queries | n | asking an answer | runs | off CPU mean | on CPU mean | added mean "
            "| off p50 / p95 | on p50 / p95 | load |", "|---|---:|---:|---:|---:|---:|---:|---|---|---:|"]
    for group, items in queries(on.questions).items():
        requests = [parse_search_args({"q": q["q"], "limit": "10", **(q.get("filters") or {})}, taxonomy)
                    for q in items]
        asking = sum(bool(on.questions.asked(r.q.split())) for r in requests)   # a phrase, maybe unused
        found = measure({"off": off, "on": on}, requests, args.repeat)
        a, b = found["off"], found["on"]
        rows.append(f"| {group} | {len(items)} | {asking} | {len(a)} | {statistics.mean(a):.2f} "
                    f"| {statistics.mean(b):.2f} | {statistics.mean(b) - statistics.mean(a):+.2f} "
                    f"| {percentile(a, 0.5):.2f} / {percentile(a, 0.95):.2f} "
                    f"| {percentile(b, 0.5):.2f} / {percentile(b, 0.95):.2f} | {os.getloadavg()[0]:.1f} |")
        print(rows[-1], file=sys.stderr)
    if not args.no_write:
        command = "benchmarks/answers_cost.py " + " ".join(argv if argv is not None else sys.argv[1:])
        title = "The cost of the answer a question asks for"
        write_report(HERE / "answers-cost.md", title, command.strip(), [
            "CPU milliseconds of one whole search on the real content (200 entries), the semantic layer "
            "on, the query-vector cache off; `off`: the same searcher without the question words' "
            "`answers:`, each query run by both in turn. *asking an answer*: queries holding an asking "
            "phrase (how long, who should pay, why...); the others cost the same by construction, "
            "apart from looking for the phrases.", "", *rows])


if __name__ == "__main__":
    main()
