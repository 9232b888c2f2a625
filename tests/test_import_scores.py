"""Scoring `kb import` on real reports against their ground truth (tests/fixtures/reports/README.md).

Each report found (../shared/reports-dev, the folders of KB_TEST_REPORTS) is imported from
its PDF and from its `-layout` text; recall, clean, precision and type are held to the aims
(each report ≥ 0.85 on every score, all reports together ≥ AIMS), except where FLOORS
records what the importer reaches today: a gap to close, never a place to hide one.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import find_items
from indexer.importing.reading import read_document
from indexer.importing.scoring import AIMS, EACH, Score, load_truths, report_files, report_folders, score
from kb.settings import ROOT

TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
TRUTHS = load_truths(Path(__file__).parent / "fixtures" / "reports")
FOLDERS = report_folders(ROOT)
# Reports whose scores stay below the aims today, with the floor each reaches (see the
# report of benchmarks/import_scores.py for the figures and why).
FLOORS: dict[str, dict[str, float]] = {
    # Most of its items are bold passages of the narrative (informal recommendations):
    # only a PDF's fonts tell them, and the text has none.
    "jiu-unep-management-review-2025": {"recall": 0.2, "clean": 0.2},
    "jiu-system-wide-sexual-exploitation-abuse-2025": {"recall": 0.3, "clean": 0.3},
    "undp-global-evaluation-policy-review-2024": {"clean": 0.77},
    # Chapter 6's sub-sections are its recommendations, titles leading; boxes in a side column.
    "unhcr-global-data-information-management-2019": {"recall": 0.0, "clean": 0.0, "precision": 0.0},
}
OVERALL_FLOORS: dict[str, float] = {"recall": 0.5, "clean": 0.5}

CASES = [pytest.param(truth, path, id=path.name,
                      marks=[pytest.mark.slow] if path.suffix == ".pdf" else [])
         for truth in TRUTHS for path in report_files(truth, FOLDERS)]
MISSING = [truth.report["file"] for truth in TRUTHS if not report_files(truth, FOLDERS)]


@cache
def scored(path: Path, truth_path: Path) -> Score:
    truth = next(t for t in TRUTHS if t.path == truth_path)
    items, _ = find_items(read_document(path), TAXONOMY)
    return score(truth.items, [(item.kind, item.body) for item in items])


def floor(slug: str, name: str) -> float:
    return min(EACH, FLOORS.get(slug, {}).get(name, EACH))


@pytest.mark.parametrize(("truth", "path"), CASES)
def test_each_report_imports_within_the_aims(truth, path):
    result = scored(path, truth.path)
    ratios = result.ratios()
    low = {name: round(value, 3) for name, value in ratios.items()
           if value < floor(truth.report["slug"], name)}
    assert not low, (f"{path.name}: {low}; missed {result.misses[:5]}, junk {result.junk[:5]}")


def test_all_reports_together_reach_the_aims():
    if MISSING:
        print(f"\nreports not found (skipped): {', '.join(MISSING)}")
    text_cases = [(truth, path) for truth in TRUTHS for path in report_files(truth, FOLDERS)
                  if path.suffix != ".pdf"]
    if not text_cases:
        pytest.skip(f"no report file found in {', '.join(map(str, FOLDERS))}")
    total = Score()
    for truth, path in text_cases:
        total += scored(path, truth.path)
    ratios = total.ratios()
    print("\noverall (text):", {name: round(value, 3) for name, value in ratios.items()})
    low = {name: round(value, 3) for name, value in ratios.items()
           if value < min(AIMS[name], OVERALL_FLOORS.get(name, AIMS[name]))}
    assert not low


def test_the_scorer_counts_what_the_readme_defines():
    truth = [{"type": "lesson", "first": "Involve parents early", "last": "in schools."},
             {"type": "recommendation", "first": "Fund the plan", "last": "state budget."}]
    drafts = [("lesson", "Involve parents-early, always in schools."),
              ("lesson", "Fund the plan from the state budget. And more."),
              ("recommendation", "Thank the donors.")]
    result = score(truth, drafts)
    assert result.ratios() == {"recall": 1.0, "clean": 0.5, "precision": 2 / 3, "type": 0.5}
    assert result.junk == ["Thank the donors."]
