"""Score `kb import` on every report with a ground truth; print and write benchmarks/import-scores.md.

    .venv/bin/python benchmarks/import_scores.py [--misses] [--only SUBSTRING] [--seeds N]

Reports are looked for in ../shared/reports-dev and the folders of KB_TEST_REPORTS; each is
imported from its PDF and from its `.txt` (pdftotext -layout) where both are found. Then
the synthetic reports of tests/reportgen.py (benchmarks/synthetic_scores.py), N seeds of
every style, language and form, are scored into a second table by style (--seeds 0: none).
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from indexer.content.taxonomy import load_taxonomy  # noqa: E402
from indexer.importing.importer import find_items  # noqa: E402
from indexer.importing.reading import read_document  # noqa: E402
from indexer.importing.scoring import (  # noqa: E402
    AIMS,
    Score,
    load_truths,
    report_files,
    report_folders,
    score,
)

KEYS = ("recall", "clean", "precision", "type")


def score_file(path: Path, truth_items: list, taxonomy, cells: list[str], misses: bool) -> tuple[Score, str]:
    """Import one file, score it against its truth: the score and its table row (`cells` first)."""
    start = time.perf_counter()
    items, _ = find_items(read_document(path), taxonomy)
    seconds = time.perf_counter() - start
    result = score(truth_items, [(item.kind, item.body) for item in items])
    ratios = result.ratios()
    row = (f"| {' | '.join([path.name, *cells])} | {result.items} | {result.drafts} | "
           + " | ".join(f"{ratios[k]:.2f}" for k in KEYS) + f" | {seconds:.1f} |")
    if misses:
        print(f"== {path.name}", *(f"  missed: {m}" for m in result.misses),
              *(f"  junk:   {j}" for j in result.junk), sep="\n")
    return result, row


def run(only: str = "", misses: bool = False) -> tuple[list[str], Score]:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
    rows, total = [], Score()
    for truth in load_truths(ROOT / "tests" / "fixtures" / "reports"):
        for path in report_files(truth, report_folders(ROOT)):
            if only and only not in path.name:
                continue
            result, row = score_file(path, truth.items, taxonomy, [truth.report.get("organisation", "")],
                                     misses)
            total += result
            rows.append(row)
    return rows, total


def synthetic_table(seeds: int) -> list[str]:
    """The synthetic reports' scores by style and by form (PDF, .docx, the PDF's -layout text)."""
    import synthetic_scores

    totals = synthetic_scores.run(seeds, synthetic_scores.reportgen.STYLES, False)
    names = [*synthetic_scores.reportgen.STYLES, "pdf", "docx", "txt", "all"]
    return ["## Synthetic reports", "",
            f"`python benchmarks/synthetic_scores.py --seeds {seeds}`: tests/reportgen.py's styles, each in "
            "English and Russian, as PDF, .docx and the PDF's `pdftotext -layout` text, seeds "
            f"0-{seeds - 1}.", "", *synthetic_scores.table({k: totals[k] for k in names if k in totals}), ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="Print missed items and junk drafts.")
    parser.add_argument("--only", default="", help="Only the files whose name holds this.")
    parser.add_argument("--seeds", type=int, default=2, help="Seeds of synthetic reports (0: none).")
    args = parser.parse_args()
    rows, total = run(args.only, args.misses)
    ratios = total.ratios()
    command = "python benchmarks/import_scores.py" + (
        f" (KB_TEST_REPORTS={os.environ['KB_TEST_REPORTS']})" if os.environ.get("KB_TEST_REPORTS") else "")
    lines = ["# Import scores", "",
             f"`{command}`, {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC. Scores as defined "
             "in tests/fixtures/reports/README.md; aims: "
             + ", ".join(f"{k} ≥ {v}" for k, v in AIMS.items()) + ", each report ≥ 0.85.", "",
             "| file | organisation | items | drafts | recall | clean | precision | type | seconds |",
             "|---|---|---|---|---|---|---|---|---|", *rows,
             f"| **all** | | {total.items} | {total.drafts} | "
             + " | ".join(f"**{ratios[k]:.2f}**" for k in KEYS) + " | |", ""]
    if args.seeds and not args.only:
        lines += synthetic_table(args.seeds)
    text = "\n".join(lines)
    print(text)
    if not args.only:
        (ROOT / "benchmarks" / "import-scores.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
