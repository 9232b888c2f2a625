"""What opening the served generation costs a web worker, step by step, the old way and the new
in one process on one index: the seal's check (every file hashed, or the stat check and the
files whose stat moved) and the title and report orders (sorted at open, or mapped from the
build's sort-*.npy). Each row is the CPU and wall time of one call; the check that both ways
give the same orders is part of the run.

    .venv/bin/python benchmarks/open_cost.py --corpus 100000
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
from corpora import corpus, machine
from whoosh import index as whoosh_index

from indexer.index import integrity, sort_orders
from indexer.index.build import current_generation


def timed(call):
    """(wall ms, CPU ms, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--generation", type=Path, help="a sealed generation directory (default: "
                        "the corpus index's served one)")
    args = parser.parse_args(argv)
    if args.generation:
        generation = args.generation
    else:
        paths = corpus(args.corpus, build=False).paths
        generation = paths.index_dir / current_generation(paths.index_dir)
    size = sum(p.stat().st_size for p in generation.iterdir() if p.is_file())
    print(f"{generation} ({size / 1e6:.0f} MB), {machine()}, load {os.getloadavg()[0]:.1f}")
    rows = [("seal: every file hashed (before)", lambda: integrity.verify(generation, full=True)),
            ("seal: stat, hash what moved (now)", lambda: integrity.verify(generation, full=False))]
    reader = whoosh_index.open_dir(str(generation)).reader()
    for column in sort_orders.COLUMNS:
        rows.append((f"{column} order sorted at open (before)",
                     lambda c=column: sort_orders.compute(reader, c)))
        rows.append((f"{column} order mapped (now)",
                     lambda c=column: np.asarray(sort_orders.load(generation, reader, c)).sum()))
    print("| step | wall ms | CPU ms |\n|---|---:|---:|")
    for name, call in rows:
        wall, cpu, _ = timed(call)
        print(f"| {name} | {wall:.1f} | {cpu:.1f} |")
    for column in sort_orders.COLUMNS:
        mapped = sort_orders.load(generation, reader, column)
        assert np.array_equal(mapped, sort_orders.compute(reader, column))
    print("orders identical: yes", file=sys.stderr)


if __name__ == "__main__":
    main()
