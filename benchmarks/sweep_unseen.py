"""Run `kb import` on every PDF of a folder of reports it has never seen; one JSON line per file.

    .venv/bin/python benchmarks/sweep_unseen.py PDF_DIR OUT.jsonl [--jobs 2] [--timeout 120]
                                                 [--keep DIR]
    .venv/bin/python benchmarks/sweep_unseen.py OUT.jsonl --summary

Each file is imported as a fresh report (slug `sweep-<n>`) into a throwaway content tree and
`--out` folder (under a temporary directory, or DIR with `--keep`, where the drafts stay to be
read), exactly as an editor would run it: `.venv/bin/kb import FILE --report SLUG --out DIR`,
under `timeout`. Per file: the exit code (124: timed out), the last line of stderr, seconds,
whether a traceback was printed, and the drafts written with their types (the `type:` of each
draft's front matter). `--summary` prints the counts benchmarks/sweep-unseen.md
reports: files, crashes, timeouts, slow files (> 30 s), the distribution of drafts per file.
Used on the ~600 UN documents of littlehifive/ai-un-report not among the truths' sources.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / ".venv" / "bin" / "kb"


def draft_types(out_dir: Path) -> list[str]:
    """The `type:` of every draft's front matter under `out_dir`."""
    types = []
    for path in sorted(out_dir.rglob("*.md")) if out_dir.is_dir() else []:
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[1:40]:
            if line.startswith("type:"):
                types.append(line.split(":", 1)[1].strip())
                break
    return types


def run_one(number: int, path: Path, work: Path, timeout: float) -> dict:
    slug = f"sweep-{number}"
    content, out = work / slug / "content", work / slug / "out"
    content.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, KB_CONTENT_DIR=str(content), KB_INDEX_DIR=str(work / slug / "index"))
    start = time.perf_counter()
    proc = subprocess.run(["timeout", str(int(timeout)), str(KB), "import", str(path), "--report", slug,
                           "--out", str(out)], env=env, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - start
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    types = draft_types(out)
    return {"file": path.name, "slug": slug, "rc": proc.returncode, "seconds": round(seconds, 2),
            "traceback": "Traceback (most recent call last)" in proc.stderr,
            "stderr": lines[-1] if lines else "", "stdout": proc.stdout.strip().splitlines()[-1:],
            "drafts": len(types), "types": dict(collections.Counter(types)), "out": str(out)}


BINS = (("0", 0), ("1-5", 5), ("6-20", 20), ("21-50", 50), ("> 50", float("inf")))


def summary(records: list[dict]) -> str:
    bins = collections.Counter()
    for r in records:
        n = r["drafts"]
        bins[next(name for name, top in BINS if n <= top)] += 1
    crashes = [r for r in records if r["traceback"]]
    refused = [r for r in records if r["rc"] not in (0, 124) and not r["traceback"]]
    lines = [f"files {len(records)}", f"tracebacks {len(crashes)}", f"clear refusals {len(refused)}",
             f"timeouts {sum(r['rc'] == 124 for r in records)}",
             f"slow (> 30 s) {sum(r['seconds'] > 30 for r in records)}",
             f"with drafts {sum(r['drafts'] > 0 for r in records)}, "
             f"drafts {sum(r['drafts'] for r in records)}",
             "drafts per file: " + ", ".join(f"{name}: {bins[name]}" for name, _ in BINS),
             f"seconds: total {sum(r['seconds'] for r in records):.0f}, max "
             f"{max((r['seconds'] for r in records), default=0):.1f}"]
    lines += [f"  traceback {r['file']}: {r['stderr']}" for r in crashes]
    lines += [f"  refused {r['file']} (rc {r['rc']}): {r['stderr']}" for r in refused]
    lines += [f"  slow {r['file']}: {r['seconds']} s" for r in records if r["seconds"] > 30]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("pdf_dir", type=Path, nargs="?")
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=120)
    parser.add_argument("--keep", type=Path, default=None)
    parser.add_argument("--summary", action="store_true", help="only print the counts of OUT.jsonl")
    args = parser.parse_args()
    if args.summary:
        print(summary([json.loads(line) for line in args.out.read_text().splitlines() if line.strip()]))
        return 0
    files = sorted(p for p in args.pdf_dir.iterdir() if p.suffix.lower() == ".pdf")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kb-sweep-"))
    with ThreadPoolExecutor(max_workers=args.jobs) as pool, args.out.open("w") as sink:
        numbered = enumerate(files, 1)
        for record in pool.map(lambda item: run_one(item[0], item[1], work, args.timeout), numbered):
            sink.write(json.dumps(record) + "\n")
            sink.flush()
            print(f"{record['rc']:>3} {record['seconds']:6.1f}s {record['drafts']:>3} {record['file']}",
                  file=sys.stderr)
    print(summary([json.loads(line) for line in args.out.read_text().splitlines()]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
