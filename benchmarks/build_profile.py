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
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

from corpora import HERE, corpus, write_report

from indexer.index import writer
from indexer.index.schema import make_schema
from indexer.index.tree import scan

TOP = 14


def top_lines(profile: cProfile.Profile, count: int = TOP) -> list[str]:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(count)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("ncalls"))
    return [line.replace(str(Path(sys.prefix)), "…").replace(str(HERE.parent), ".")
            for line in lines[start:] if line.strip()]


def analyse(items, taxonomy, base, profile=None) -> tuple[list, float]:
    writer._init(taxonomy, base)
    start = time.process_time()
    if profile:
        profile.enable()
    docs = [doc for _, entry, doc in map(writer._load, items) if doc is not None]
    if profile:
        profile.disable()
    return docs, time.process_time() - start


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
    args = parser.parse_args(argv)
    paths = corpus(args.corpus, build=False).paths
    taxonomy = paths.load_taxonomy()
    items = [(Path(path), key, stat) for key, path, stat in scan(paths.content_dir, paths.base).files]
    items = items[:args.entries]
    analyse(items[:200], taxonomy, paths.base)          # the morphology caches as a long build has them
    docs, analysis_cpu = analyse(items, taxonomy, paths.base)
    writer_cpu = write([dict(d) for d in docs])
    profiles = {"analysis": cProfile.Profile(), "writer": cProfile.Profile()}
    analyse(items, taxonomy, paths.base, profiles["analysis"])
    write(docs, profiles["writer"])
    n = len(docs)
    sections = [
        f"{n} entries of the {args.corpus}-entry generated corpus. CPU per entry without the profiler: "
        f"analysis {analysis_cpu / n * 1000:.2f} ms (each of the pool's processes), writer "
        f"{writer_cpu / n * 1000:.2f} ms (the one writing process, commit included). On two cores "
        "a full build runs at most at entries / max(writer CPU, (analysis + writer CPU) / 2): "
        f"{n / max(writer_cpu, (analysis_cpu + writer_cpu) / 2):.0f} entries/s (the pickling between the "
        "processes, the manifest and the seal come on top).", ""]
    for name, profile in profiles.items():
        sections += [f"## {name}, top {TOP} functions by own time (cProfile)", "", "```",
                     *top_lines(profile), "```", ""]
    command = "benchmarks/build_profile.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / "build-profile.md", "Index build profile", command.strip(), sections)


if __name__ == "__main__":
    main()
