"""Report records: validation, the check of entries against them, and a second report beside the seed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from indexer.content.check import check_content
from indexer.content.reports import load_reports, read_report
from indexer.content.taxonomy import load_taxonomy
from indexer.index.build import build_index
from kb.settings import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
BAD = FIXTURES / "bad-reports"
SECOND = FIXTURES / "second-report"
TAXONOMY_FILE = ROOT / "content" / "taxonomy.yaml"
TAXONOMY = load_taxonomy(TAXONOMY_FILE)


def two_report_tree(target: Path) -> Path:
    """The fixture entries of PROACT-CAR, its record, and the second report's record and entries."""
    shutil.copytree(FIXTURES / "content", target)
    shutil.copytree(ROOT / "content" / "reports", target / "reports")
    shutil.copytree(SECOND, target, dirs_exist_ok=True)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- records --------------------------------------------------------------------------------

def test_the_seed_record_holds_the_report_and_its_objectives():
    record = TAXONOMY.reports["proact-car-2013"]
    assert record.organisation == "ilo" and record.evaluation_type == "interim" and record.year == 2013
    assert set(record.countries) == {"kazakhstan", "kyrgyzstan", "tajikistan", "central-asia"}
    assert list(record.objectives) == ["io1-policy", "io2-capacity", "io3-services", "io4-knowledge"]
    assert list(record.parts) == ["car", "kz", "kg", "tj"]
    assert all(labels["ru"].startswith(f"КЦ{n}:") for n, labels in enumerate(record.objectives.values(), 1))
    assert len(record.evaluators) == 3 and record.title["en"] and record.title["ru"]
    # The objectives moved: the taxonomy file keeps only the shared ones.
    assert TAXONOMY.objective_owner("io1-policy") == "proact-car-2013"
    assert TAXONOMY.objective_owner("project-design") is None
    assert TAXONOMY.label("objectives", "io3-services", "ru").startswith("КЦ3")
    assert TAXONOMY.slugs("reports") == ["proact-car-2013"] and TAXONOMY.slugs("years") == ["2013"]


@pytest.mark.parametrize("name, line, fragment", [
    ("bad-yaml", 9, "not valid YAML"),
    ("slug-mismatch", 1, "differs from the file name `slug-mismatch.yaml`"),
    ("unknown-key", 5, "unknown report key `organization` (did you mean `organisation`?)"),
    ("unknown-organisation", 4, "unknown organisations slug `unpd`"),
    ("unknown-evaluation-type", 6, "unknown evaluation-types slug `finale` (did you mean `final`?)"),
    ("bad-year", 7, "`year` must be a year"),
    ("unknown-country", 8, "unknown countries slug `nigerai` (did you mean `nigeria`?)"),
    ("unknown-language", 9, "unknown langs slug `fr`"),
    ("missing-label", 13, "`objectives.missing-label-o1` needs a label in ru"),
    ("missing-key", 1, "missing report key `evaluators`"),
    ("bad-sha256", 11, "`source.sha256` must be 64"),
    ("bad-source-key", 11, "unknown key `source.path`"),
    ("not-a-mapping", 1, "must be a mapping"),
])
def test_each_record_error_names_file_line_and_fix(name, line, fragment):
    found = read_report(BAD / f"{name}.yaml", f"bad-reports/{name}.yaml", TAXONOMY)
    assert isinstance(found, list), f"{name} should not load"
    messages = [str(p) for p in found]
    assert any(m.startswith(f"bad-reports/{name}.yaml:{line}:") and fragment in m for m in messages), messages


def test_a_draft_record_may_be_incomplete():
    found = read_report(BAD / "draft-incomplete.yaml", "draft-incomplete.yaml", TAXONOMY)
    assert not isinstance(found, list), found
    assert found.draft and found.year == 2021 and found.organisation == "" and found.title["ru"] == ""
    assert found.label("ru") == "Evaluation found in a file"


def test_an_objective_slug_belongs_to_one_report_only(tmp_path):
    shutil.copy(ROOT / "content" / "reports" / "proact-car-2013.yaml", tmp_path)
    shutil.copy(BAD / "objective-clash.yaml", tmp_path)   # a 2020 report, first by file name
    reports, problems = load_reports(tmp_path, TAXONOMY.with_reports({}), tmp_path)
    # The published, older record keeps the slug, though the other comes first by name.
    assert list(reports) == ["objective-clash", "proact-car-2013"]
    assert list(reports["objective-clash"].objectives) == []
    assert "io1-policy" in reports["proact-car-2013"].objectives
    (problem,) = problems
    assert str(problem).startswith("objective-clash.yaml:13:")
    assert "`io1-policy` is already declared by proact-car-2013.yaml" in problem.message


def test_check_reports_records_and_entries_of_the_wrong_report(tmp_path):
    tree = two_report_tree(tmp_path / "content")
    shutil.copy(BAD / "unknown-organisation.yaml", tree / "reports")
    entry = tree / "unicef-nigeria-2021" / "main" / "ngr-rec-02-female-teacher-bursaries.md"
    edit(entry, "[gep-teachers]", "[gep-teachers, io1-policy]")
    other = tree / "kz-rec-03-involve-regional-akimats.md"
    edit(other, "report: proact-car-2013", "report: proact-car-2031")
    report = check_content(tree, TAXONOMY_FILE, tmp_path)
    messages = [str(p) for p in report.problems]
    assert any(m.startswith("content/reports/unknown-organisation.yaml:4: unknown organisations slug")
               for m in messages), messages
    assert any("ngr-rec-02-female-teacher-bursaries.md:8: objective `io1-policy` belongs to report "
               "`proact-car-2013`, not to this entry's report `unicef-nigeria-2021`" in m for m in messages)
    assert any("kz-rec-03-involve-regional-akimats.md" in m and "names no report record" in m
               and "did you mean `proact-car-2013`?" in m for m in messages), messages
    assert len(messages) == 3, messages


def test_the_repository_records_and_entries_check_clean():
    report = check_content(ROOT / "content", TAXONOMY_FILE, ROOT)
    assert report.clean, [str(p) for p in report.problems]


# --- the build -------------------------------------------------------------------------------

def _stored(index_dir, entry_id):
    from indexer.index.build import open_generation

    ix, _ = open_generation(index_dir)
    with ix.searcher() as searcher:
        return dict(searcher.document(id=entry_id))


def test_entries_take_organisation_year_and_type_from_their_record(tmp_path):
    tree = two_report_tree(tmp_path / "content")
    index = tmp_path / "index"
    first = build_index(tree, index, TAXONOMY_FILE, tmp_path)
    assert not first.problems, first.problems
    stored = _stored(index, "ngr-rec-01-school-based-management")
    assert (stored["report"], stored["organisation"], stored["year"], stored["evaluation_type"]) == (
        "unicef-nigeria-2021", "unicef", "2021", "final")
    assert _stored(index, "car-rec-17-part-time-legal-expertise")["organisation"] == "ilo"
    # A record's change re-indexes its own entries, and only them.
    record = tree / "reports" / "unicef-nigeria-2021.yaml"
    edit(record, "year: 2021", "year: 2022")
    second = build_index(tree, index, TAXONOMY_FILE, tmp_path)
    assert not second.full and second.updated == 4 and second.added == 0, second.summary()
    assert _stored(index, "ngr-lesson-01-mothers-associations")["year"] == "2022"
    # A record that breaks drops its entries with problems saying why.
    edit(record, "year: 2022", "year: next")
    third = build_index(tree, index, TAXONOMY_FILE, tmp_path)
    messages = [str(p) for p in third.problems]
    assert any("unicef-nigeria-2021.yaml:9: `year` must be a year" in m for m in messages), messages
    assert sum("names no report record" in m for m in messages) == 4
    assert third.entries == first.entries - 4
