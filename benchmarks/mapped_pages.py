"""What a worker keeps resident of the mapped index, with the postings arrays' maps advised
MADV_RANDOM and with the kernel's default read-ahead (as the searcher maps them), in one run.

    .venv/bin/python benchmarks/mapped_pages.py --corpus 100000

Each variant runs in a fresh process (its own page tables; the page cache is shared): open the
served generation as the web app does, run every benchmark query once (latency.py's dev, own,
hard and generated sets), then read /proc/self/smaps. Prints one table row per variant: the
resident MiB of the postings arrays, of Whoosh's segment files and of the heap, and the
batch's wall p50/p95 (the search's cost must not grow with fewer pages faulted ahead).
"""

from __future__ import annotations

import argparse
import mmap
import os
import subprocess
import sys
import time

from corpora import corpus, open_searcher, percentile
from memory import mapped_files


def measure(name: str, advise: bool) -> str:
    """One variant, in this process: the row of the table."""
    import latency

    from indexer.index.arrays import NAMES

    paths = corpus(name, build=False).paths
    searcher = open_searcher(paths)
    for _, _, arrays in searcher.postings.leaves if advise else ():
        for array in (getattr(arrays, n) for n in NAMES if arrays is not None):
            if getattr(array.base, "_mmap", None) is not None:     # a view of np.load's memmap
                array.base._mmap.madvise(mmap.MADV_RANDOM)
    groups = latency.requests(paths.load_taxonomy(), searcher)
    times = []
    for batch in groups.values():
        for request in batch:
            start = time.perf_counter()
            searcher.search(request)
            times.append((time.perf_counter() - start) * 1000)
    kinds = mapped_files()
    mib = {kind.split(" (")[0]: resident / 2**20 for kind, (_, resident) in kinds.items()}
    label = "MADV_RANDOM" if advise else "default read-ahead (this code)"
    return (f"| {label} | {len(times)} | {mib.get('postings arrays', 0):.0f} | "
            f"{mib.get('Whoosh segment files', 0):.0f} | {mib.get('anonymous', 0):.0f} | "
            f"{percentile(times, 0.5):.1f} | {percentile(times, 0.95):.1f} | {os.getloadavg()[0]:.1f} |")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--variant", choices=["random", "default"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.variant:
        print(measure(args.corpus, args.variant == "random"))
        return
    print("| arrays mapped | searches | arrays resident MiB | segments resident MiB | heap MiB | "
          "wall p50 ms | wall p95 ms | load |\n|---|---:|---:|---:|---:|---:|---:|---:|")
    for variant in ("default", "random", "default", "random"):     # twice, interleaved
        done = subprocess.run([sys.executable, __file__, "--corpus", args.corpus, "--variant", variant],
                              capture_output=True, text=True, check=True)
        print(done.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
