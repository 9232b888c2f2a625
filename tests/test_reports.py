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
SECOND_TITLE = "Final evaluation of the girls' education programme in northern Nigeria (2021)"


def two_report_tree(target: Path) -> Path:
    """The fixture entries of PROACT-CAR, its record, and the second report's record and entries."""
    shutil.copytree(FIXTURES / "content", target)
    (target / "reports").mkdir()
    shutil.copy(ROOT / "content" / "reports" / "proact-car-2013.yaml", target / "reports")
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
    assert "proact-car-2013" in TAXONOMY.slugs("reports") and "2013" in TAXONOMY.slugs("years")


@pytest.mark.parametrize("name, line, fragment", [
    ("bad-yaml", 9, "not valid YAML"),
    ("slug-mismatch", 1, "differs from the file name `slug-mismatch.yaml`"),
    ("unknown-key", 5, "unknown report key `organization` (did you mean `organisation`?)"),
    ("unknown-organisation", 4, "unknown organisations slug `unpd` (did you mean `undp`?)"),
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


# --- a second report beside PROACT-CAR: pages, facets, filters, CLI ----------------------------

@pytest.fixture(scope="module")
def two_reports(tmp_path_factory):
    """A real index over the fixture entries of both reports, and the app serving it."""
    from kb import create_app

    base = tmp_path_factory.mktemp("two-reports")
    tree = two_report_tree(base / "content")
    report = build_index(tree, base / "index", TAXONOMY_FILE, ROOT)
    assert not report.problems, report.problems
    app = create_app({"CONTENT_DIR": str(tree), "INDEX_DIR": str(base / "index"), "TESTING": True})
    return app


@pytest.fixture
def client2(two_reports):
    return two_reports.test_client()


def soup_of(client, url, lang="en"):
    from bs4 import BeautifulSoup

    response = client.get(url, headers={"Accept-Language": lang})
    assert response.status_code == 200, (url, response.data[:300])
    return BeautifulSoup(response.data, "html.parser")


def test_the_report_page_lists_its_record_counts_and_items_by_section(client2):
    soup = soup_of(client2, "/reports/unicef-nigeria-2021")
    assert soup.h1.text.startswith("Final evaluation of the girls' education") and soup.h1["lang"] == "en"
    record = soup.select_one("section.record")
    assert record.select_one("dd.organisation a")["href"] == "/browse/organisations/unicef"
    assert record.select_one("dd.year a")["href"] == "/browse/years/2021"
    assert record.select_one("dd.evaluation-type a").text == "Final evaluation"
    assert "NGA-GEP3" in record.select_one("dd.project").text
    assert [a["href"] for a in record.select("dd.countries a")] == [
        "/browse/countries/nigeria", "/browse/countries/west-and-central-africa"]
    assert [a["href"] for a in record.select("ul.objectives a")] == [
        "/browse/objectives/gep-enrolment", "/browse/objectives/gep-teachers"]
    counts = {tr["data-type"]: int(tr.td.text) for tr in soup.select("section.counts tr[data-type]")}
    assert counts == {"recommendation": 2, "lesson": 1, "good-practice": 0}
    sections = {s["data-section"]: [li.a["href"] for li in s.select("li.item")]
                for s in soup.select("section.section")}
    assert sections == {"6": ["/entries/ngr-rec-01-school-based-management",
                              "/entries/ngr-rec-02-female-teacher-bursaries"],
                        "7": ["/entries/ngr-lesson-01-mothers-associations"]}
    first = soup.select_one("li.item")
    assert first.select_one(".place").text == "paragraph 1"
    assert first.select_one(".type").text == "Recommendation"
    assert not soup.select(".item .draft")


def test_the_report_page_shows_drafts_for_review_when_asked(client2):
    soup = soup_of(client2, "/reports/unicef-nigeria-2021?drafts=1")
    counts = {tr["data-type"]: int(tr.td.text) for tr in soup.select("section.counts tr[data-type]")}
    assert counts["good-practice"] == 1
    (draft,) = soup.select('section.section[data-section="8"] li.item')
    assert draft.select_one(".draft") and "paragraph 3" in draft.select_one(".place").text


def test_the_seed_report_page_groups_its_parts_in_the_records_order(client2):
    soup = soup_of(client2, "/reports/proact-car-2013")
    # Parts in the record's order; an entry citing no part comes last, under a heading saying so.
    assert [p["data-part"] for p in soup.select("section.part")] == ["car", "kz", "kg", "tj", ""]
    assert soup.select('section.part[data-part=""] h3')[0].text == "No part given"
    assert soup.select_one('section.part[data-part="kg"] h3').text == "Annex 6b: Kyrgyzstan country study"
    assert len(soup.select("ul.objectives li")) == 4
    main = [s["data-section"] for s in soup.select('section.part[data-part="car"] section.section')]
    assert main == sorted(main, key=lambda s: [int(n) for n in s.split(".")])


def test_the_report_page_speaks_russian(client2):
    soup = soup_of(client2, "/reports/unicef-nigeria-2021", "ru")
    assert soup.html["lang"] == "ru"
    assert soup.h1.text.startswith("Итоговая оценка программы") and soup.h1["lang"] == "ru"
    assert soup.select_one(".title-translated")["lang"] == "en"
    assert soup.select_one("dd.organisation").text.strip() == "ЮНИСЕФ"
    assert soup.select_one("ul.objectives a").text.startswith("Результат 1")
    assert "Организация" in [dt.text for dt in soup.select("section.record dt")]
    proact = soup_of(client2, "/reports/proact-car-2013", "ru")
    assert proact.select_one("ul.objectives a").text.startswith("КЦ1:")


def test_the_reports_page_lists_every_report(client2):
    soup = soup_of(client2, "/reports")
    rows = {tr["data-report"]: tr for tr in soup.select("tr[data-report]")}
    assert list(rows) == ["unicef-nigeria-2021", "proact-car-2013"]   # newest first
    assert rows["unicef-nigeria-2021"].select_one("td.count").text == "3"
    assert rows["unicef-nigeria-2021"].th.a["href"] == "/reports/unicef-nigeria-2021"


def test_an_unknown_report_is_a_404_that_names_the_nearest(client2):
    response = client2.get("/api/reports/unicef-nigeria-2012")
    assert response.status_code == 404
    assert "did you mean `unicef-nigeria-2021`?" in response.get_json()["error"]["message"]
    assert client2.get("/reports/nothing-like-it").status_code == 404


def test_the_api_gives_the_record_and_items(client2):
    data = client2.get("/api/reports/unicef-nigeria-2021").get_json()
    assert data["report"]["organisation"] == "unicef" and data["total"] == 3
    assert data["counts"] == {"recommendation": 2, "lesson": 1}
    assert {i["source"]["section"] for i in data["items"]} == {"6", "7"}
    listed = client2.get("/api/reports").get_json()["reports"]
    assert {r["slug"]: r["entries"] for r in listed}["unicef-nigeria-2021"] == 3


def test_search_facets_and_filters_by_report_organisation_year_and_type(client2):
    every = client2.get("/api/search?limit=1").get_json()
    facets = every["facets"]
    assert {"type", "lang", "country", "objective", "stakeholder"} <= set(facets)
    assert facets["report"] == {"proact-car-2013": every["total"] - 3, "unicef-nigeria-2021": 3}
    assert facets["organisation"] == {"ilo": every["total"] - 3, "unicef": 3}
    assert facets["year"] == {"2013": every["total"] - 3, "2021": 3}
    assert facets["evaluation_type"] == {"interim": every["total"] - 3, "final": 3}
    assert facets["objective"]["gep-enrolment"] == 2
    for query in ("report=unicef-nigeria-2021", "organisation=unicef", "year=2021", "evaluation_type=final"):
        data = client2.get(f"/api/search?{query}").get_json()
        assert data["total"] == 3 and {r["id"][:3] for r in data["results"]} == {"ngr"}, query
    both = client2.get("/api/search?year=2021&year=2013&limit=1").get_json()
    assert both["total"] == every["total"]
    mixed = client2.get("/api/search?organisation=unicef&objective=gep-enrolment").get_json()
    assert {r["id"] for r in mixed["results"]} == {"ngr-rec-01-school-based-management",
                                                   "ngr-lesson-01-mothers-associations"}
    assert mixed["facets"]["organisation"] == {"unicef": 2}


def test_the_old_objective_filters_and_urls_still_work(client2):
    data = client2.get("/api/search?objective=io1-policy").get_json()
    assert data["total"] > 0 and all("io1-policy" in r["objectives"] for r in data["results"])
    assert data["facets"]["report"] == {"proact-car-2013": data["total"]}
    soup = soup_of(client2, "/browse/objectives/io1-policy")
    assert "IO1: child labour in national policy" in soup.h1.text
    index = soup_of(client2, "/browse/objectives/")
    hrefs = [a["href"] for a in index.select("ul.browse a")]
    assert "/browse/objectives/io1-policy" in hrefs and "/browse/objectives/gep-enrolment" in hrefs


@pytest.mark.parametrize("facet, value, label", [
    ("reports", "unicef-nigeria-2021", SECOND_TITLE),
    ("organisations", "unicef", "UNICEF"),
    ("years", "2021", "2021"),
    ("evaluation-types", "final", "Final evaluation"),
])
def test_browse_pages_of_the_report_facets(client2, facet, value, label):
    index = soup_of(client2, f"/browse/{facet}/")
    links = {a["href"]: a.text for a in index.select("ul.browse a")}
    assert links[f"/browse/{facet}/{value}"] == label
    soup = soup_of(client2, f"/browse/{facet}/{value}")
    assert {a["href"] for a in soup.select("ol.hits li.hit h2 a")} == {
        "/entries/ngr-rec-01-school-based-management", "/entries/ngr-rec-02-female-teacher-bursaries",
        "/entries/ngr-lesson-01-mothers-associations"}


def test_the_search_page_offers_the_new_facets(client2):
    soup = soup_of(client2, "/search?q=girls")
    groups = {s.h3.text: {a.select_one(".label").text: int(a.select_one(".count").text)
                          for a in s.select("a")} for s in soup.select("aside.facets section.facet")}
    assert groups["Organisation"] == {"UNICEF": groups["Report"][SECOND_TITLE]}
    assert "Year" in groups and "Evaluation type" in groups
    ru = soup_of(client2, "/search?q=girls", "ru")
    assert "Организация" in [h.text for h in ru.select("aside.facets h3")]


def test_an_entry_page_links_to_its_report(client2):
    soup = soup_of(client2, "/entries/ngr-rec-01-school-based-management")
    assert soup.select_one(".citation cite a")["href"] == "/reports/unicef-nigeria-2021"


def test_kb_search_filters_by_the_report_facets(two_reports, monkeypatch):
    import json

    from click.testing import CliRunner

    from kb.cli import main

    monkeypatch.setenv("KB_CONTENT_DIR", two_reports.config["CONTENT_DIR"])
    monkeypatch.setenv("KB_INDEX_DIR", two_reports.config["INDEX_DIR"])
    runner = CliRunner()
    for args in (["--report", "unicef-nigeria-2021"], ["--organisation", "unicef"], ["--year", "2021"],
                 ["--evaluation-type", "final"]):
        result = runner.invoke(main, ["search", "", "--json", *args])
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["total"] == 3 and all(r["id"].startswith("ngr-") for r in data["results"]), args
        assert data["facets"]["lang"] == {"en": 3}, args
    bad = runner.invoke(main, ["search", "", "--json", "--organisation", "unicfe"])
    assert bad.exit_code == 1 and "did you mean `unicef`?" in bad.stderr and bad.stderr.count("\n") == 1


def test_a_long_report_is_shown_a_page_at_a_time(client2, monkeypatch):
    import kb.reports

    monkeypatch.setattr(kb.reports, "PAGE_ITEMS", 2)
    first = soup_of(client2, "/reports/unicef-nigeria-2021")
    second = soup_of(client2, "/reports/unicef-nigeria-2021?page=2")
    ids = [li.a["href"] for soup in (first, second) for li in soup.select("li.item")]
    assert len(ids) == len(set(ids)) == 3 and len(first.select("li.item")) == 2
    assert first.select_one(".pagination a")["href"] == "/reports/unicef-nigeria-2021?page=2"
    counts = {tr["data-type"]: int(tr.td.text) for tr in second.select("section.counts tr[data-type]")}
    assert counts["recommendation"] == 2   # the counts are the whole report's on every page
    for bad in ("x", "²", "0", "-1", "99999999999"):
        assert client2.get(f"/reports/unicef-nigeria-2021?page={bad}").status_code == 400, bad
    assert client2.get("/api/reports/unicef-nigeria-2021?page=0").get_json()["error"]["status"] == 400
    assert client2.get("/api/reports/unicef-nigeria-2021?page=2").get_json()["items"][0]["id"] == ids[2][9:]


# --- vocabularies that grow without code ------------------------------------------------------

def test_every_country_is_in_the_vocabulary_with_both_labels():
    countries = TAXONOMY.vocabularies["countries"]
    assert len(countries) >= 249 + 20     # ISO 3166-1 and the regions
    for slug in ("nigeria", "cabo-verde", "cote-d-ivoire", "kazakhstan", "kyrgyzstan", "tajikistan",
                 "central-asia", "west-and-central-africa", "global"):
        assert countries[slug]["en"] and countries[slug]["ru"], slug
    assert countries["nigeria"]["ru"] == "Нигерия" and countries["kyrgyzstan"]["ru"] == "Кыргызстан"
    import re

    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) for slug in countries)
    organisations = TAXONOMY.vocabularies["organisations"]
    assert {"ilo", "undp", "iom", "unicef", "fao", "unhcr", "wfp", "unfpa", "unep", "un-women", "who",
            "unesco", "world-bank", "adb", "eu", "osce", "giz"} <= set(organisations)


def test_a_region_may_not_also_be_a_country(tmp_path):
    from indexer.errors import ContentError

    text = TAXONOMY_FILE.read_text(encoding="utf-8").replace(
        "  global: {en: Global", "  nigeria: {en: Nigeria (the region), ru: Нигерия}\n  global: {en: Global")
    (tmp_path / "taxonomy.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="`nigeria` is both a region and a country"):
        load_taxonomy(tmp_path / "taxonomy.yaml")


def test_a_new_organisation_and_stakeholder_need_only_the_vocabulary_file(tmp_path, monkeypatch):
    """Add them to a copy of the taxonomy (KB_TAXONOMY), use them, and they filter and label."""
    import json

    from click.testing import CliRunner

    from kb import create_app
    from kb.cli import main

    text = TAXONOMY_FILE.read_text(encoding="utf-8")
    text = text.replace("organisations:", "organisations:\n  acme-fund: {en: Acme Fund, ru: Фонд «Акме»}", 1)
    text = text.replace("stakeholders:", "stakeholders:\n  farmers: {en: Farmers, ru: Фермеры}", 1)
    taxonomy = tmp_path / "vocabulary.yaml"
    taxonomy.write_text(text, encoding="utf-8")
    tree = two_report_tree(tmp_path / "content")
    edit(tree / "reports" / "unicef-nigeria-2021.yaml", "organisation: unicef", "organisation: acme-fund")
    edit(tree / "unicef-nigeria-2021" / "main" / "ngr-rec-02-female-teacher-bursaries.md",
         "[government, donors]", "[government, farmers]")
    monkeypatch.setenv("KB_CONTENT_DIR", str(tree))
    monkeypatch.setenv("KB_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("KB_TAXONOMY", str(taxonomy))
    runner = CliRunner()
    assert runner.invoke(main, ["check"]).exit_code == 0
    assert runner.invoke(main, ["index", "-q"]).exit_code == 0
    result = json.loads(runner.invoke(main, ["search", "", "--json", "--organisation", "acme-fund",
                                             "--stakeholder", "farmers"]).output)
    assert [r["id"] for r in result["results"]] == ["ngr-rec-02-female-teacher-bursaries"]
    client = create_app({"TESTING": True}).test_client()
    soup = soup_of(client, "/reports/unicef-nigeria-2021", "ru")
    assert soup.select_one("dd.organisation").text.strip() == "Фонд «Акме»"


def test_a_draft_record_written_for_an_import_reads_back(tmp_path):
    from indexer.content.reports import record_text

    path = tmp_path / "iom-nigeria-2021.yaml"
    path.write_text(record_text({"slug": "iom-nigeria-2021", "title": {"en": "Final evaluation: «returns»"},
                                 "organisation": "iom", "year": 2021, "languages": ["en"],
                                 "source": {"file": "a b.pdf", "sha256": "0" * 64}}), encoding="utf-8")
    found = read_report(path, path.name, TAXONOMY)
    assert not isinstance(found, list), found
    assert found.draft and found.title == {"en": "Final evaluation: «returns»", "ru": ""}
    assert (found.organisation, found.year, found.source["file"]) == ("iom", 2021, "a b.pdf")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["slug: iom-nigeria-2021", "draft: true"]
    with pytest.raises(ValueError, match="organization"):
        record_text({"slug": "x", "organization": "iom"})


def test_check_reports_entries_outside_their_reports_folder_or_declared_parts(tmp_path):
    tree = two_report_tree(tmp_path / "content")
    main = tree / "unicef-nigeria-2021" / "main"
    (tree / "unicef-nigeria-2021" / "annex").mkdir()
    (main / "ngr-rec-01-school-based-management.md").rename(
        tree / "unicef-nigeria-2021" / "annex" / "ngr-rec-01-school-based-management.md")
    (main / "ngr-lesson-01-mothers-associations.md").rename(
        tree / "unicef-nigeria-2021" / "ngr-lesson-01-mothers-associations.md")
    wrong = main / "ngr-rec-02-female-teacher-bursaries.md"
    edit(wrong, "report: unicef-nigeria-2021", "report: proact-car-2013")
    edit(wrong, "objectives: [gep-teachers]", "objectives: [project-design]")
    (tree / "proact-car-2013" / "car").mkdir(parents=True)
    (tree / "car-rec-17-part-time-legal-expertise.md").rename(
        tree / "proact-car-2013" / "car" / "car-rec-17-part-time-legal-expertise.md")   # in place: clean
    (tree / "old-name" / "car").mkdir(parents=True)
    (tree / "car-rec-27-work-with-employers.md").rename(
        tree / "old-name" / "car" / "car-rec-27-work-with-employers.md")
    messages = [str(p) for p in check_content(tree, TAXONOMY_FILE, tmp_path).problems]
    assert sorted(messages) == sorted([
        "content/unicef-nigeria-2021/annex/ngr-rec-01-school-based-management.md:13: the file sits in part "
        "folder `annex/`, not a part of report `unicef-nigeria-2021` (reports/unicef-nigeria-2021.yaml "
        "`parts`); allowed: main",
        "content/unicef-nigeria-2021/ngr-lesson-01-mothers-associations.md:13: the file sits in "
        "`unicef-nigeria-2021/` itself, not a part of report `unicef-nigeria-2021` "
        "(reports/unicef-nigeria-2021.yaml `parts`); allowed: main",
        "content/unicef-nigeria-2021/main/ngr-rec-02-female-teacher-bursaries.md:12: `source.report` is "
        "`proact-car-2013`, but the file sits in the folder of report `unicef-nigeria-2021`: cite "
        "`unicef-nigeria-2021` or move the file to `proact-car-2013/<part>/`",
        "content/old-name/car/car-rec-27-work-with-employers.md:12: the file sits in `old-name/`, which is "
        "no report's folder; entries of `source.report` `proact-car-2013` go in `proact-car-2013/<part>/`",
    ]), messages
    # A draft record (an import not yet reviewed) need not declare its parts yet.
    edit(tree / "reports" / "unicef-nigeria-2021.yaml", "draft: false", "draft: true")
    messages = [str(p) for p in check_content(tree, TAXONOMY_FILE, tmp_path).problems]
    assert not any("not a part of report" in m for m in messages), messages
    assert any("`source.report` is `proact-car-2013`" in m for m in messages), messages
