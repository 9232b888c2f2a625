"""Search latency before and after, interleaved in one process: the ranking engine, the query
builder, the explanations, the rule for when the semantic layer is needed
(`KbSearcher._words_suffice`), the fusion with the similarity ranking and the facet counts of a
git revision (`--rev`) against the working tree's, over the same open generation, each query
run alternately by both. On a loaded machine only figures taken
side by side compare; each query's least thread CPU time of its runs is what it costs.

    .venv/bin/python benchmarks/latency_ab.py --rev f3c5d37 --corpus 100000 --repeat 3

Writes benchmarks/latency-ab-<corpus>.md. The index is searched as it is (not brought up to date).
"""

from __future__ import annotations

import argparse
import inspect
import os
import subprocess
import sys
import time
import types

from corpora import HERE, REPO, corpus, open_searcher, percentile, write_report
from latency import requests

import indexer.search.searcher as searcher_module
import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy


def _module(name: str, rev: str, path: str, patch=None) -> types.ModuleType:
    """A module of the given revision, loaded under its own name beside today's."""
    source = subprocess.run(["git", "show", f"{rev}:{path}"], capture_output=True, text=True, check=True,
                            cwd=REPO).stdout
    module = types.ModuleType(name)
    module.__file__ = f"<{rev}:{path}>"
    sys.modules[name] = module
    exec(compile(patch(source) if patch else source, module.__file__, "exec"), module.__dict__)  # noqa: S102
    return module


def _explainer(rev: str):
    """The revision's explanations (one without `docs` evaluated each query over every document)."""
    made = _module("explain_before", rev, "indexer/search/explain.py").Explainer
    if "docs" in inspect.signature(made.__init__).parameters:
        return made
    return lambda engine, built, similarity, session=None, docs=None: made(engine, built, similarity, session)


def _exists(rev: str, path: str) -> bool:
    return subprocess.run(["git", "cat-file", "-e", f"{rev}:{path}"], cwd=REPO,
                          capture_output=True).returncode == 0


def _before_imports(pruned: bool):
    """A patch making a module of the revision import the revision's engine, builder and pruner."""
    def patch(source: str) -> str:
        source = source.replace("from indexer.search.ranking import", "from ranking_before import")
        source = source.replace("from indexer.search.query import", "from query_before import")
        if pruned:
            source = source.replace("from indexer.search.prune import", "from prune_before import")
        return source
    return patch


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rev", required=True, help="the revision to compare with")
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    semantic.QUERY_CACHE = 0
    ranking = _module("ranking_before", args.rev, "indexer/search/ranking.py")
    # The revision's modules see each other: a pruner of today's would not know the revision's
    # AtLeast and Equivalents (another class each) and leave their subtrees unpruned.
    pruned = _exists(args.rev, "indexer/search/prune.py")
    before = _before_imports(pruned)
    if pruned:
        _module("prune_before", args.rev, "indexer/search/prune.py", before)
    query = _module("query_before", args.rev, "indexer/search/query.py", before)
    rule = _module("searcher_before", args.rev, "indexer/search/searcher.py", before)
    fusion = _module("semantic_before", args.rev, "indexer/search/semantic.py").fuse
    paths = corpus(args.corpus, build=False).paths
    searcher = open_searcher(paths)
    versions = {"before": (ranking.Engine(searcher.searcher, searcher.postings), query.build_query,
                           _explainer(args.rev),
                           types.MethodType(rule.KbSearcher._words_suffice, searcher), fusion,
                           types.MethodType(rule.KbSearcher._facets, searcher)),
                "after": (searcher.engine, searcher_module.build_query, searcher_module.Explainer,
                          searcher._words_suffice, searcher_module.fuse, searcher._facets)}
    groups = requests(load_taxonomy(paths.taxonomy), searcher)
    costs = {"before": {}, "after": {}}
    for group, batch in groups.items():
        for number, request in enumerate(batch):
            least = dict.fromkeys(versions, float("inf"))
            for run in range(args.repeat):
                # Whichever runs second finds the caches warm (an A/A run gave it 5-10 % less):
                # the order alternates from run to run and from query to query.
                order = list(versions.items())
                for name, (engine, build, explainer, suffice, fuse, facets) in \
                        order[::-1] if (run + number) % 2 else order:
                    searcher.engine, searcher._words_suffice, searcher._facets = engine, suffice, facets
                    searcher_module.build_query, searcher_module.Explainer = build, explainer
                    searcher_module.fuse = fuse
                    start = time.thread_time()
                    searcher.search(request)
                    least[name] = min(least[name], (time.thread_time() - start) * 1000)
            for name in versions:
                costs[name][group, number] = least[name]
    load = os.getloadavg()[0]
    rows = ["| queries | before p50 | before p95 | before max | before mean | after p50 | after p95 | "
            "after max | after mean |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for group, batch in groups.items():
        cells = []
        for name in versions:
            values = [v for (g, _), v in costs[name].items() if g == group]
            cells += [f"{percentile(values, share):.1f}" for share in (0.5, 0.95)]
            cells += [f"{max(values):.1f}", f"{sum(values) / len(values):.2f}"]
        rows.append(f"| {group} ({len(batch)}) | " + " | ".join(cells) + " |")
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/latency_ab.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / f"latency-ab-{args.corpus}.md", "Search latency before and after, interleaved",
                 command, [
                     "One whole search as `/api/search` runs it (latency.py's queries), thread CPU ms, "
                     f"each query's least of {args.repeat} runs; *before* is revision `{args.rev}`'s "
                     "ranking engine, query builder, explanations, rule for when the query is "
                     "encoded, fusion and facet counts, *after* the working tree's, run "
                     "alternately query by query over one open generation of "
                     f"{searcher.count()} entries. Load average at the end: {load:.1f} on 2 cores (other "
                     "helpers' work): the pairs compare, the absolute figures are inflated by it. Which "
                     "of the two runs first alternates from run to run and query to query (the second "
                     "finds the caches warm), and the revision's query builder is pruned by its own "
                     "pruner: an A/A run (`--rev HEAD`, no change) gives both the same figures.",
                     "", *rows])
    searcher.close()


if __name__ == "__main__":
    main()
