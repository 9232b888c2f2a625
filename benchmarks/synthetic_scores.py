"""Score `kb import` on the synthetic reports of tests/reportgen.py, by style; print the table.

    .venv/bin/python benchmarks/synthetic_scores.py [--seeds 3] [--style STYLE] [--misses]

Each style is written in English and Russian, as PDF, .docx and the PDF's `pdftotext
-layout` text (where pdftotext is installed), for each seed; the table is what
benchmarks/import-scores.md carries under "Synthetic reports".
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import reportgen  # noqa: E402

from indexer.content.taxonomy import load_taxonomy  # noqa: E402
from indexer.importing.importer import find_items  # noqa: E402
from indexer.importing.reading import read_document  # noqa: E402
from indexer.importing.scoring import Score, score  # noqa: E402

KEYS = ("recall", "clean", "precision", "type")


def files(folder: Path, style: str, lang: str, seed: int) -> list[tuple[str, Path, dict]]:
    """(form, path, truth) of one report: its PDF, its .docx and the PDF's layout text."""
    out = []
    for fmt in reportgen.FORMATS:
        path, truth = reportgen.make_report(folder, style=style, lang=lang, fmt=fmt, seed=seed)
        out.append((fmt, path, truth))
        if fmt == "pdf" and shutil.which("pdftotext"):
            text = path.with_suffix(".txt")
            subprocess.run(["pdftotext", "-layout", str(path), str(text)], check=True)
            out.append(("txt", text, truth))
    return out


def run(seeds: int, styles: tuple[str, ...], misses: bool, by_form: bool = False) -> dict[str, Score]:
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
    totals: dict[str, Score] = defaultdict(Score)
    with tempfile.TemporaryDirectory() as folder:
        for style in styles:
            for lang in reportgen.LANGS:
                for seed in range(seeds):
                    for form, path, truth in files(Path(folder), style, lang, seed):
                        items, _ = find_items(read_document(path), taxonomy)
                        result = score(truth["items"], [(i.kind, i.body) for i in items])
                        totals[style] += result
                        totals[form] += result
                        if by_form:
                            totals[f"{style} {form}"] += result
                        totals["all"] += result
                        if misses and (result.misses or result.junk):
                            print(f"== {style} {lang} {form} seed {seed}",
                                  *(f"  missed: {m}" for m in result.misses),
                                  *(f"  junk:   {j}" for j in result.junk), sep="\n")
    return totals


def table(totals: dict[str, Score]) -> list[str]:
    rows = ["| style / form | items | drafts | recall | clean | precision | type |",
            "|---|---|---|---|---|---|---|"]
    for name, total in totals.items():
        ratios = total.ratios()
        bold = "**" if name == "all" else ""
        rows.append(f"| {bold}{name}{bold} | {total.items} | {total.drafts} | "
                    + " | ".join(f"{bold}{ratios[k]:.2f}{bold}" for k in KEYS) + " |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--style", action="append", choices=reportgen.STYLES)
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--by-form", action="store_true", help="a row for each style in each form too")
    args = parser.parse_args()
    styles = tuple(args.style or reportgen.STYLES)
    totals = run(args.seeds, styles, args.misses, args.by_form)
    forms = [f"{style} {form}" for style in styles for form in ("pdf", "docx", "txt")] if args.by_form else []
    ordered = {k: totals[k] for k in [*reportgen.STYLES, *forms, "pdf", "docx", "txt", "all"] if k in totals}
    print("\n".join(table(ordered)))


if __name__ == "__main__":
    main()
