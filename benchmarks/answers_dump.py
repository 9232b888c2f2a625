"""Every benchmark query's whole answer, written to a file, so two versions of the code can be diffed.

    .venv/bin/python benchmarks/answers_dump.py /tmp/before.jsonl          # on the code before
    .venv/bin/python benchmarks/answers_dump.py /tmp/after.jsonl           # on the code after
    diff /tmp/before.jsonl /tmp/after.jsonl && echo identical
    .venv/bin/python benchmarks/answers_dump.py /tmp/after.jsonl --corpus 100000 \
        --index benchmarks/index-100000                                  # two builds of one corpus

One line per answer: the dev, own, hard and generated queries of latency.py on the real corpus
(or `--corpus N`, a generated one, on the index `--index` names as it stands, not rebuilt),
pages 1 and 2, with the semantic layer and without; each line the CONTRACT object (ids in order,
scores, totals, facet counts, snippets, suggestion, why a hit is there). `--pages` adds the HTML
of `/search` for the dev, own and hard queries in both interface languages (the app's test
client), so a change to the page's view models or templates is held to the same bytes.
Phrase checks have no time limit here (a loaded machine would turn some totals into estimates,
which is the load, not the code).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from urllib.parse import urlencode

from corpora import corpus, open_searcher
from latency import requests

import indexer.search.ranking as ranking
import indexer.search.semantic as semantic
from indexer.content.taxonomy import load_taxonomy


def answers(paths) -> list[str]:
    """JSON lines: (layer, set, query number, page) -> the search's to_dict()."""
    lines = []
    for layer, parts in (("semantic", {}), ("lexical", {"encoder": None})):
        searcher = open_searcher(paths, **parts)
        batches = requests(load_taxonomy(paths.taxonomy), searcher)
        for name, batch in batches.items():
            for number, request in enumerate(batch):
                for page in (1, 2):
                    found = searcher.search(request.with_(page=page)).to_dict()
                    lines.append(json.dumps({"layer": layer, "set": name, "n": number, "page": page,
                                             "answer": found}, ensure_ascii=False, sort_keys=True))
        searcher.close()
    return lines


def pages(found) -> list[str]:
    """JSON lines: the /search page of each dev, own and hard query, in English and Russian."""
    from kb import create_app

    app = create_app({"CONTENT_DIR": str(found.content), "INDEX_DIR": str(found.index)})
    client = app.test_client()
    paths = found.paths
    batches = requests(load_taxonomy(paths.taxonomy), open_searcher(paths, encoder=None))
    lines = []
    for name in ("dev", "own", "hard"):
        for number, request in enumerate(batches[name]):
            query = urlencode(request.to_args())
            for prefix in ("", "/ru"):
                response = client.get(f"{prefix}/search?{query}")
                lines.append(json.dumps({"set": name, "n": number, "url": f"{prefix}/search?{query}",
                                         "status": response.status_code,
                                         "html": response.get_data(as_text=True)}, ensure_ascii=False))
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the file to write (JSON lines)")
    parser.add_argument("--pages", action="store_true", help="also the /search pages' HTML")
    parser.add_argument("--corpus", default="real", help="real, or a generated corpus's size")
    parser.add_argument("--index", help="an index directory to read as it is (default: the corpus's own, "
                                        "brought up to date)")
    args = parser.parse_args(argv)
    semantic.QUERY_CACHE = 0
    ranking.TIME_LIMIT = 1e9    # phrase checks run to the end: a loaded machine's estimates are no change
    found = corpus(args.corpus, build=not args.index)
    if args.index:
        found = dataclasses.replace(found, index=Path(args.index).resolve())
    lines = answers(found.paths) + (pages(found) if args.pages else [])
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} answers written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
