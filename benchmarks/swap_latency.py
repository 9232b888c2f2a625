"""Searches around a generation swap, under a steady stream of searches: the first search after
`kb index` swapped in a new generation, and every search while the worker opens and warms it in
the background, against the p50/p95 of the same stream before the swap.

    .venv/bin/python benchmarks/swap_latency.py --corpus 100000 --swaps 3

Writes benchmarks/swap-<N>.md. The searches run as a web worker runs them: `GET /api/search`
through the app's test client (`create_app`; the opening in the worker's background thread,
the request hooks counting the requests it gives way to); `kb index` runs as its own process
after one entry is edited to hold a new word, and the stream waits for it to finish (its CPU is
not the worker's). Checked: the new word is found in no entry before the swap and in the edited
entry alone after it. The edited entry is put back (and taken in by one more `kb index`) at the
end. `--append --label L` adds this run's rows to the report's table (another revision's code,
run from its own tree, beside this one's).
"""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from corpora import HERE, REPO, corpus, dev_queries, percentile, write_report
from latency import generated


def kb_index(paths) -> None:
    """`kb index` of the corpus in a process of its own, as an editor runs it; this tree's code."""
    env = {**os.environ, "KB_CONTENT_DIR": str(paths.content_dir), "KB_INDEX_DIR": str(paths.index_dir),
           "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-c", "from kb.cli import main; main()", "index", "--quiet"],
                   env=env, check=True, cwd=REPO, stdout=subprocess.DEVNULL)


def url(query: dict) -> str:
    """The /api/search URL of a benchmark query (q and filters)."""
    return "/api/search?" + urlencode({"q": query.get("q", ""), **(query.get("filters") or {})}, doseq=True)


def timed_search(client, address: str) -> tuple[float, dict]:
    """(ms, JSON answer) of one request."""
    start = time.perf_counter()
    response = client.get(address)
    ms = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (address, response.status_code, response.get_data(as_text=True)[:200])
    return ms, response.get_json()


def answered_by(resources) -> str:
    """The generation the worker answers from now."""
    return resources.searcher.generation


def stream(client, batch: list, start: int, count: int) -> tuple[list[float], int]:
    """(ms of each of `count` searches cycling through the batch, the next position)."""
    times = []
    for n in range(count):
        times.append(timed_search(client, batch[(start + n) % len(batch)])[0])
    return times, start + count


def one_swap(client, resources, paths, edited: Path, word: str, batch: list, position: int,
             steady: int) -> dict:
    """Steady searches, then an edit and `kb index`, then the stream goes on through the opening."""
    before, position = stream(client, batch, position, steady)
    probe = url({"q": word})
    assert timed_search(client, probe)[1]["total"] == 0, f"{word} is found before the edit"
    text = edited.read_text(encoding="utf-8")
    head, marker, tail = text.partition("\n## ")
    edited.write_text(head.rstrip() + f" Corrected by an editor: {word}.\n" + marker + tail, encoding="utf-8")
    old = answered_by(resources)
    kb_index(paths)
    during, started = [], time.perf_counter()
    while answered_by(resources) == old:      # a request answered from the old one, the opening going on
        ms, _ = timed_search(client, batch[position % len(batch)])
        position += 1
        during.append(ms)
    opened = (time.perf_counter() - started) * 1000
    on_new, found = timed_search(client, probe)
    names = [hit["path"].rsplit("/", 1)[-1] for hit in found["results"]]
    assert answered_by(resources) != old and names == [edited.name] and found["total"] == 1, names
    return {"p50": percentile(before, 0.5), "p95": percentile(before, 0.95), "max": max(before),
            "first": during[0] if during else float("nan"), "during": during, "opened": opened,
            "on_new": on_new, "load": os.getloadavg()[0], "position": position}


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--swaps", type=int, default=3)
    parser.add_argument("--steady", type=int, default=120, help="searches before each swap")
    parser.add_argument("--label", default="", help="what the code is (a row's first column)")
    parser.add_argument("--out", type=Path, help="default: benchmarks/swap-<corpus>.md")
    parser.add_argument("--append", action="store_true", help="add the rows to the report's table")
    args = parser.parse_args(argv)
    found = corpus(args.corpus, build=False)
    paths = found.paths
    from kb import create_app

    app = create_app({"CONTENT_DIR": str(paths.content_dir), "INDEX_DIR": str(paths.index_dir)})
    logging.getLogger("kb.access").setLevel(logging.WARNING)     # a line per request: not here
    resources, client = app.extensions["kb"], app.test_client()
    batch = [url(q) for q in dev_queries() + generated(resources.get_searcher())]
    stream(client, batch, 0, len(batch))       # every query once: the caches a worker has
    edited = sorted(paths.content_dir.rglob("gen-*.md"))[0]
    original = edited.read_text(encoding="utf-8")
    rows, position = [], 0
    try:
        for n in range(args.swaps):
            word = "qzswap" + "".join(chr(ord("a") + int(d)) for d in time.strftime("%H%M%S")) + chr(97 + n)
            swap = one_swap(client, resources, paths, edited, word, batch, position, args.steady)
            position = swap["position"]
            rows.append(row(args.label, n + 1, swap))
            print(rows[-1], file=sys.stderr)
    finally:
        edited.write_text(original, encoding="utf-8")
        kb_index(paths)
    out = args.out or HERE / f"swap-{args.corpus}.md"
    if args.append and out.exists():
        out.write_text(out.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(rows) + "\n",
                       encoding="utf-8")
        return
    command = "benchmarks/swap_latency.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(out, f"Searches around a generation swap ({args.corpus} entries)", command.strip(), [
        f"{len(batch)} queries (dev and generated, latency.py's), cycled; {args.steady} searches before "
        "each swap give the steady p50/p95/max; then `kb index` after an edit, in its own process; then "
        "the stream goes on while the worker opens and warms the new generation in the background (its "
        "first search is the one that notices the swap). Wall ms of `GET /api/search` through the test "
        "client (JSON included), one at a time; load is the 1-minute load average on 2 cores.", "",
        *HEADER, *rows])


HEADER = ["| code | swap | steady p50 ms | steady p95 ms | steady max ms | first search after the swap ms "
          "| searches while opening | their max ms | opening and warming ms | first search on the new "
          "generation ms | load |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]


def row(label: str, number: int, swap: dict) -> str:
    during = swap["during"]
    return (f"| {label} | {number} | {swap['p50']:.1f} | {swap['p95']:.1f} | {swap['max']:.1f} | "
            f"{swap['first']:.1f} | {len(during)} | {max(during, default=float('nan')):.1f} | "
            f"{swap['opened']:.0f} | {swap['on_new']:.1f} | {swap['load']:.1f} |")


if __name__ == "__main__":
    main()
