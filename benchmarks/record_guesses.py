"""How the draft record's guesses match each truth's report; write benchmarks/record-guesses.md.

    .venv/bin/python benchmarks/record_guesses.py [--only SUBSTRING]

`kb import` writes a new report's record as a draft (indexer/importing/records.py): its title,
organisation, year and language guessed from the file. Each report with a ground truth
(tests/fixtures/reports/*.truth.yaml), found in ../shared/reports-dev or the folders of
KB_TEST_REPORTS, is read from its file (the PDF where there is one) and its record's guesses
set beside the truth's `report`: organisation, year and language must be equal; the title is
shown, a match when one begins the other, case and punctuation aside (a cover's title is often
the truth's without its subtitle).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from corpora import write_report  # noqa: E402

from indexer.content import datafile  # noqa: E402
from indexer.importing.reading import read_document  # noqa: E402
from indexer.importing.records import new_record  # noqa: E402
from indexer.importing.scoring import load_truths, report_folders  # noqa: E402

FIELDS = ("organisation", "year", "language", "title")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", str(text).casefold()).split())


def title_matches(guess: str, truth: str) -> bool:
    """One title begins the other, case and punctuation aside ("Aid Transparency Index 2014" and
    "Aid Transparency Index 2014: Germany Report"); an empty guess matches nothing."""
    guess, truth = _plain(guess), _plain(truth)
    return bool(guess) and (truth.startswith(guess) or guess.startswith(truth))


def guesses(path: Path, slug: str, organisations: dict) -> dict:
    """The draft record's organisation, year, language and title for the file."""
    record = yaml.safe_load(new_record(read_document(path), slug, organisations))
    title = record["title"]["en"] or record["title"]["ru"]
    return {"organisation": record["organisation"] or "", "year": record["year"],
            "language": record["languages"][0], "title": title}


def report_file(report: dict, folders: list[Path]) -> Path | None:
    """The report's own file (its PDF, .docx, …), where found."""
    name = Path(report["file"]).name
    return next((folder / name for folder in folders if (folder / name).is_file()), None)


def compare(guess: dict, report: dict) -> dict[str, bool]:
    """Each field: whether the guess is the truth's."""
    return {"organisation": guess["organisation"] == report["organisation"],
            "year": str(guess["year"]) == str(report["year"]),
            "language": guess["language"] == report["lang"],
            "title": title_matches(guess["title"], report["title"])}


def _cell(ok: bool, guess, truth) -> str:
    return "ok" if ok else f"**{guess or '—'}** (truth {truth})"


def run(only: str = "") -> tuple[list[str], dict[str, int], int]:
    organisations = yaml.load((ROOT / "content" / "taxonomy.yaml").read_text(encoding="utf-8"),
                              Loader=datafile.SAFE_LOADER)["organisations"]
    folders = report_folders(ROOT)
    rows, right, count = [], dict.fromkeys(FIELDS, 0), 0
    for truth in load_truths(ROOT / "tests" / "fixtures" / "reports"):
        report = truth.report
        path = report_file(report, folders)
        if path is None or only and only not in report["slug"]:
            continue
        guess = guesses(path, report["slug"], organisations)
        good = compare(guess, report)
        count += 1
        for field in FIELDS:
            right[field] += good[field]
        title = guess["title"].replace("|", "/")[:60]
        organisation = _cell(good["organisation"], guess["organisation"], report["organisation"])
        rows.append(f"| {report['slug']} | {organisation}"
                    f" | {_cell(good['year'], guess['year'], report['year'])}"
                    f" | {_cell(good['language'], guess['language'], report['lang'])}"
                    f" | {'ok' if good['title'] else 'differs'}: {title} |")
        print(rows[-1], file=sys.stderr)
    return rows, right, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="Only the reports whose slug holds this.")
    args = parser.parse_args()
    rows, right, count = run(args.only)
    totals = " · ".join(f"{field} {right[field]}/{count}" for field in FIELDS)
    sections = ["Each report with a ground truth, its file read as `kb import` reads it; the draft "
                "record's guesses against the truth's `report` (a **bold** value is a wrong guess, the "
                "truth's value beside it). Title: ok when one begins the other, case and "
                "punctuation aside.", "", f"Right: {totals}.", "",
                "| report | organisation | year | language | title guessed |", "|---|---|---|---|---|",
                *rows, f"| **{count} reports** | **{right['organisation']}** | **{right['year']}** | "
                f"**{right['language']}** | **{right['title']}** |"]
    folders = os.environ.get("KB_TEST_REPORTS", "")
    command = "python benchmarks/record_guesses.py" + (f" (KB_TEST_REPORTS={folders})" if folders else "")
    print(totals)
    if not args.only:
        write_report(ROOT / "benchmarks" / "record-guesses.md", "Draft record guesses on the real reports",
                     command, sections)


if __name__ == "__main__":
    main()
