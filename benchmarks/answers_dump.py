"""Every answer of the benchmark query sets on one index, as JSON lines, to diff two builds.

    .venv/bin/python benchmarks/answers_dump.py --corpus 100000 --index benchmarks/index-100000 \
        --out /tmp/answers-after.jsonl
    diff /tmp/answers-before.jsonl /tmp/answers-after.jsonl && echo identical

latency.py's query sets (dev, own, hard, generated), pages 1 and 2, each answer as the API gives
it (`to_dict()`, the engine's deadline lifted): a change of the build or the engine that must not change
what is found is checked by the two files being equal, line for line.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from corpora import corpus, open_searcher
from latency import requests

from indexer.search import ranking


def answers(paths) -> list[str]:
    ranking.TIME_LIMIT = 600.0        # a loaded machine's deadline is no difference between two builds
    searcher = open_searcher(paths)
    lines = []
    for group, batch in requests(paths.load_taxonomy(), searcher).items():
        for number, request in enumerate(batch):
            for page in (1, 2):
                found = searcher.search(dataclasses.replace(request, page=page)).to_dict()
                lines.append(json.dumps({"group": group, "query": number, "page": page, **found},
                                        ensure_ascii=False, sort_keys=True))
    return lines


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--index", help="the index directory (default: the corpus's own)")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    found = corpus(args.corpus, build=False)
    if args.index:
        found = dataclasses.replace(found, index=Path(args.index).resolve())
    lines = answers(found.paths)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} answers written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
