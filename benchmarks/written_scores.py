"""Score `kb import` on the reports we wrote in other agencies' templates; write benchmarks/written-scores.md.

    .venv/bin/python benchmarks/written_scores.py [--misses] [--only SUBSTRING]

Each source of tests/fixtures/reports/written/ is rendered (tests/writtenreports.py) to PDF,
.docx and `pdftotext -layout` text in a temporary folder, imported, and scored against the
truth its source marks (tests/fixtures/reports/README.md).
"""

from __future__ import annotations

import argparse
import datetime
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from import_scores import KEYS, score_file  # noqa: E402
from writtenreports import FORMATS, SLUGS, render_all  # noqa: E402

from indexer.content.taxonomy import load_taxonomy  # noqa: E402
from indexer.importing.scoring import AIMS, Score  # noqa: E402


def run(folder: Path, only: str = "", misses: bool = False) -> tuple[list[str], dict[str, Score]]:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
    rows, totals = [], {fmt: Score() for fmt in FORMATS}
    for slug in SLUGS:
        if only and only not in slug:
            continue
        for fmt, (path, truth) in render_all(slug, folder).items():
            report = truth["report"]
            result, row = score_file(path, truth["items"], taxonomy, [report["organisation"], report["lang"]],
                                     misses)
            totals[fmt] += result
            rows.append(row)
    return rows, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="Print missed items and junk drafts.")
    parser.add_argument("--only", default="", help="Only the reports whose slug holds this.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        rows, totals = run(Path(folder), args.only, args.misses)
    now = datetime.datetime.now(datetime.UTC)
    lines = ["# Import scores on the written reports", "",
             f"`python benchmarks/written_scores.py`, {now:%Y-%m-%d %H:%M} UTC. "
             "Reports written in other agencies' templates (tests/fixtures/reports/written/), rendered to "
             "PDF, .docx and `pdftotext -layout` text; scores as in tests/fixtures/reports/README.md; aims: "
             + ", ".join(f"{k} ≥ {v}" for k, v in AIMS.items()) + ".", "",
             "| file | organisation | lang | items | drafts | recall | clean | precision | type | seconds |",
             "|---|---|---|---|---|---|---|---|---|---|", *rows]
    for fmt, total in totals.items():
        ratios = total.ratios()
        lines.append(f"| **all .{fmt}** | | | {total.items} | {total.drafts} | "
                     + " | ".join(f"**{ratios[k]:.2f}**" for k in KEYS) + " | |")
    text = "\n".join(lines + [""])
    print(text)
    if not args.only:
        (ROOT / "benchmarks" / "written-scores.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
