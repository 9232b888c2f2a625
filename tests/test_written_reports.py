"""Scoring `kb import` on the reports we wrote in other agencies' templates (tests/writtenreports.py).

Each source in tests/fixtures/reports/written/ is rendered to PDF, .docx and `pdftotext -layout`
text, imported by the real reading and item-finding code, and scored against the truth the
source marks (tests/fixtures/reports/README.md). Every file is held to the aims (≥ EACH on
every score) except where FLOORS records what the importer reaches today: a gap to close
(figures in benchmarks/written-scores.md), never a place to hide one.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest
from writtenreports import FORMATS, SLUGS, render_all, source

from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import find_items
from indexer.importing.reading import read_document
from indexer.importing.scoring import EACH, Score, score, squeezed
from kb.settings import ROOT

TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
# What the importer reaches today where it is below EACH, by file (2026-12-03, session 13; the
# shapes are in written/MISSES.md).
FLOORS: dict[str, dict[str, float]] = {
    "helvetas-final-evaluation-armenia-rural-tourism-2022.pdf": {"clean": 0.71},
    "unhcr-evaluation-tajikistan-refugee-inclusion-2023.docx": {"recall": 0.8, "clean": 0.8,
                                                                "precision": 0.8},
}


@cache
def folder() -> Path:
    """One temporary folder for the session's rendered files, removed when the tests end."""
    import atexit
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="written-reports-"))
    atexit.register(shutil.rmtree, path, True)
    return path


@cache
def rendered_all(slug: str) -> dict[str, tuple[Path, dict]]:
    formats = FORMATS if shutil.which("pdftotext") else ("pdf", "docx")
    return render_all(slug, folder(), formats)


def rendered(slug: str, fmt: str) -> tuple[Path, dict]:
    if fmt not in rendered_all(slug):
        pytest.skip("pdftotext not found: install Debian's poppler-utils (`make test` does)")
    return rendered_all(slug)[fmt]


def scored(slug: str, fmt: str) -> Score:
    path, truth = rendered(slug, fmt)
    items, _ = find_items(read_document(path), TAXONOMY)
    return score(truth["items"], [(item.kind, item.body) for item in items])


CASES = [pytest.param(slug, fmt, id=f"{slug}.{fmt}", marks=[pytest.mark.slow] if fmt == "pdf" else [])
         for slug in SLUGS for fmt in FORMATS]


@pytest.mark.parametrize(("slug", "fmt"), CASES)
def test_each_written_report_imports_within_its_floors(slug, fmt):
    result = scored(slug, fmt)
    floors = FLOORS.get(f"{slug}.{fmt}", {})
    low = {name: round(value, 3) for name, value in result.ratios().items()
           if value < min(EACH, floors.get(name, EACH))}
    assert not low, f"{slug}.{fmt}: {low}; missed {result.misses[:5]}, junk {result.junk[:5]}"


def test_the_floors_name_only_written_reports():
    assert {name.rsplit(".", 1)[0] for name in FLOORS} <= set(SLUGS)


@pytest.mark.parametrize("slug", SLUGS)
def test_each_written_report_is_a_whole_report_with_its_items_on_their_pages(slug):
    import pdfplumber

    path, truth = rendered(slug, "pdf")
    with pdfplumber.open(path) as pdf:
        pages = [squeezed(page.extract_text() or "") for page in pdf.pages]
    assert 15 <= len(pages) <= 40, f"{slug}: {len(pages)} pages"
    assert truth["items"] and truth["not_items"], slug
    for item in truth["items"]:
        assert item["type"] in ("recommendation", "lesson", "good-practice")
        assert len(item["first"].split()) >= 5 and item["last"], item
        # the page holds the opening words (a table cell's first line at least)
        assert squeezed(" ".join(item["first"].split()[:2])) in pages[item["page"] - 1], item
    cells = [bool(item.get("cell")) for item in source(slug).items]
    for item, cell in zip(truth["items"], cells, strict=True):
        if not cell:  # a cell's lines are interleaved with its row's other cells
            near = pages[item["page"] - 1:item["page"] + 2]
            assert any(squeezed(item["last"]) in page for page in near), item


def test_the_source_says_where_items_begin_and_end():
    from written_source import parse

    body = """# 4. Recommendations

The evaluation recommends the following.

{R 1}
**Recommendation 1 (priority: high):**|| Fund the plan^[See annex.] from the state budget.
• first point of it;
Responsible: the Ministry.

{/}

{N a management response}
Management response: agreed.

## 4.2 Lessons

{L}
+ a) | **A bold lead.** The lesson's own words end here.

| Recommendation | Owner |
| {R 2}2.|| Train the staff of the district offices every year. | Ministry |
| {+}2.1 Keep a register of the trained staff. | Office |
"""
    src = parse({"slug": "t", "lang": "en"}, body)
    assert [(i["type"], i["number"], i["section"], i["first"], i["last"]) for i in src.items] == [
        # a line that is no list line joins the block before it; footnotes and labels are cut
        ("recommendation", "1", "4", "Fund the plan from the state budget.",
         "point of it; Responsible: the Ministry."),
        ("lesson", None, "4.2", "A bold lead. The lesson's own words end",
         "The lesson's own words end here."),
        ("recommendation", "2", "4.2", "Train the staff of the district offices every",
         "a register of the trained staff."),
    ]
    assert [n["why"] for n in src.not_items] == ["a management response"]


def test_a_box_titled_by_its_label_opens_the_item_of_its_paragraphs():
    from written_source import parse

    body = """# 3. Findings

{L 1}
@box Lesson 1||
Registries last when the ministry runs them.
Their data are then used by the districts.
@endbox

{/}

Findings prose after the box.
"""
    src = parse({"slug": "t", "lang": "en"}, body)
    assert [(i["type"], i["number"], i["first"], i["last"]) for i in src.items] == [
        ("lesson", "1", "Registries last when the ministry runs them. Their",
         "are then used by the districts.")]
