"""Where a full build's time goes: cProfile of the analysis (one process) and of the writer.

    .venv/bin/python benchmarks/build_profile.py                 # 3000 entries of corpus-100000
    .venv/bin/python benchmarks/build_profile.py --entries 2000 --corpus 20000

The first `--entries` files of a generated corpus are read and analysed in this process as the
pool's workers do it (`writer._load`), then written by the one writer (`PreparedWriter`) into a
scratch index; each half is profiled on its own and its top functions by own time are written
to benchmarks/build-profile.md, with the cost per entry measured without the profiler.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from corpora import HERE, corpus, write_report

from indexer.index import writer
from indexer.index.schema import make_schema
from indexer.index.tree import scan

TOP = 14
REPO_NAME = HERE.parent.name


def top_lines(profile: cProfile.Profile, count: int = TOP) -> list[str]:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(count)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return [line.replace(str(Path(sys.prefix)), "…").replace(str(HERE.parent), ".")
            for line in lines[start:] if line.strip()]


def analyse(items, taxonomy, base, profile=None) -> tuple[list, float, list]:
    """(documents, CPU s, the pool's results as the writer receives them, pickled)."""
    try:
        writer._init(taxonomy, base, texts=False)     # as a build without embeddings (100 000) runs it
    except TypeError:                                  # the code before that choice, for a comparison
        writer._init(taxonomy, base)
    start = time.process_time()
    if profile:
        profile.enable()
    results = list(map(writer._load, items))
    if profile:
        profile.disable()
    cpu = time.process_time() - start
    # the document is the last part of a result (this code's (Entry, doc), older code's (item, Entry, doc))
    pickled = [bytes(ForkingPickler.dumps(r)) for r in results]
    return [r[-1] for r in results if r[-1] is not None], cpu, pickled


def received(pickled: list) -> float:
    """CPU s the writer spends unpickling the pool's results (its result thread does it)."""
    start = time.process_time()
    for data in pickled:
        ForkingPickler.loads(data)
    return time.process_time() - start


def write(docs, profile=None) -> float:
    from whoosh import index as whoosh_index

    folder = Path(tempfile.mkdtemp(prefix="kb-profile-"))
    try:
        ix = whoosh_index.create_in(str(folder), make_schema())
        start = time.process_time()
        if profile:
            profile.enable()
        with writer.PreparedWriter(ix, limitmb=256) as w:
            for doc in docs:
                w.add_document(**doc)
        if profile:
            profile.disable()
        return time.process_time() - start
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=3000)
    parser.add_argument("--corpus", default="100000")
    parser.add_argument("--no-write", action="store_true",
                        help="print the CPU figures only: no profile, no report")
    args = parser.parse_args(argv)
    paths = corpus(args.corpus, build=False).paths
    taxonomy = paths.load_taxonomy()
    items = [(Path(path), key, stat) for key, path, stat in scan(paths.content_dir, paths.base).files]
    items = items[:args.entries]
    analyse(items[:200], taxonomy, paths.base)          # the morphology caches as a long build has them
    docs, analysis_cpu, pickled = analyse(items, taxonomy, paths.base)
    receive_cpu = received(pickled)
    writer_cpu = write([dict(d) for d in docs])
    n = len(docs)
    total_writer = writer_cpu + receive_cpu
    figures = (f"analysis {analysis_cpu / n * 1000:.2f}, receiving {receive_cpu / n * 1000:.2f} "
               f"({sum(map(len, pickled)) / n / 1024:.1f} KiB pickled per entry), writing "
               f"{writer_cpu / n * 1000:.2f} ms/entry; at most "
               f"{n / max(total_writer, (analysis_cpu + total_writer) / 2):.0f} entries/s on two cores")
    print(f"{REPO_NAME}: {figures} (load {os.getloadavg()[0]:.1f})", file=sys.stderr)
    if args.no_write:
        return
    profiles = {"analysis": cProfile.Profile(), "writer": cProfile.Profile()}
    analyse(items, taxonomy, paths.base, profiles["analysis"])
    write(docs, profiles["writer"])
    sections = [
        f"{n} entries of the {args.corpus}-entry generated corpus. CPU per entry without the profiler: "
        f"analysis {analysis_cpu / n * 1000:.2f} ms (each of the pool's processes), receiving the pool's "
        f"results {receive_cpu / n * 1000:.2f} ms (unpickling {sum(map(len, pickled)) / n / 1024:.1f} KiB "
        "per "
        f"entry, in the writing process), writer {writer_cpu / n * 1000:.2f} ms (commit included). On two "
        "cores a full build runs at most at entries / max(writer CPU, (analysis + writer CPU) / 2), "
        "receiving counted in the writer's: "
        f"{n / max(total_writer, (analysis_cpu + total_writer) / 2):.0f} entries/s (the manifest and the "
        f"seal come on top). Load average {os.getloadavg()[0]:.1f}.", ""]
    for name, profile in profiles.items():
        sections += [f"## {name}, top {TOP} functions by own time (cProfile)", "", "```",
                     *top_lines(profile), "```", ""]
    command = "benchmarks/build_profile.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "build-profile.md", "Index build profile", command.strip(), sections)


if __name__ == "__main__":
    main()
