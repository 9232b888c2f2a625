"""The published reports of the repository's own content, checked against their hand-made truth.

Each report imported beside PROACT-CAR has a ground-truth file (tests/fixtures/reports/<slug>.truth.yaml,
made by reading the report). Here, on the real content tree and a real index of it: the record says
what the truth says, every truth item is exactly one reviewed entry that starts with the item's first
words and ends with its last, the report page and the search API show the report beside PROACT-CAR,
and the seed's old URLs and filters still give what they gave.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from indexer.content.check import check_content
from indexer.content.entries import read_entry
from indexer.content.taxonomy import load_taxonomy
from indexer.index.build import build_index
from kb import create_app
from kb.settings import ROOT

CONTENT = ROOT / "content"
TAXONOMY = load_taxonomy(CONTENT / "taxonomy.yaml")
TRUTH = Path(__file__).parent / "fixtures" / "reports"
SEED = "proact-car-2013"

# Reports published from their truth files: a query in each language that must reach them, and how
# many chapter items the executive summary repeats (cited in `source.also`, never entries of their own).
PUBLISHED = {
    "iom-wca-environment-climate-2022": {
        "ru": ("изменение климата и миграция", "wca-rec-05-multi-year-mecc-roadmap"),
        "en": ("Green Office Group", "wca-rec-03-reactivate-green-office-group"),
        "summary_repeats": 5,
    },
    "iom-nigeria-reintegration-2022": {
        "ru": ("реинтеграция мигрантов", "srarp-rec-09-involve-communities-and-youth"),
        "en": ("private sector employment referral", "srarp-rec-11-engage-private-sector"),
        "summary_repeats": 18,      # the executive summary numbers 18 of the 24 recommendations
    },
}


def norm(text: str) -> str:
    """Words as the truth's scorer compares them: letters and digits only, lowercased."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def truth_of(slug: str) -> dict:
    return yaml.safe_load((TRUTH / f"{slug}.truth.yaml").read_text(encoding="utf-8"))


def entries_of(slug: str) -> list:
    return [read_entry(path) for path in sorted((CONTENT / slug).glob("*/*.md"))]


def seed_files() -> list:
    return entries_of(SEED)


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    index = tmp_path_factory.mktemp("real-index")
    report = build_index(CONTENT, index, CONTENT / "taxonomy.yaml", ROOT)
    assert not report.problems, report.problems
    app = create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index), "TESTING": True})
    return app.test_client()


def test_the_content_tree_checks_clean():
    report = check_content(CONTENT, CONTENT / "taxonomy.yaml", ROOT)
    assert [str(p) for p in report.problems] == [] and report.files > len(seed_files())


@pytest.mark.parametrize("slug", PUBLISHED)
def test_the_record_says_what_the_truth_says(slug):
    truth, record = truth_of(slug)["report"], TAXONOMY.reports[slug]
    assert not record.draft and record.organisation == truth["organisation"] == "iom"
    assert record.evaluation_type == truth["evaluation_type"] and record.year == truth["year"]
    assert set(record.countries) == set(truth["countries"]) and record.languages == (truth["lang"],)
    assert record.source["sha256"] == truth["sha256"] and record.source["url"] == truth["source"]
    assert record.source["file"] == truth["file"] and record.evaluators and record.project["code"]
    assert record.title["en"] and record.title["ru"] and record.objectives
    for objective, labels in record.objectives.items():
        assert labels["en"] and labels["ru"] and TAXONOMY.objective_owner(objective) == slug


@pytest.mark.parametrize("slug", PUBLISHED)
def test_every_truth_item_is_one_reviewed_entry_whole_and_alone(slug):
    items, entries = truth_of(slug)["items"], entries_of(slug)
    assert len(entries) == len(items)
    unmatched = list(entries)
    for item in items:
        first, last = norm(item["first"]), norm(item["last"])
        (entry,) = [e for e in unmatched if norm(e.original).startswith(first)
                    and norm(e.original).endswith(last)]
        unmatched.remove(entry)
        assert entry.type == item["type"], entry.id
        assert (entry.source.page, entry.source.section) == (item["page"], item["section"]), entry.id
        assert entry.source.report == slug and entry.path.parent.name in TAXONOMY.reports[slug].parts
    cited = [e for e in entries if e.source.also]
    assert len(cited) == PUBLISHED[slug]["summary_repeats"]
    places = [place for e in cited for place in e.source.also]
    assert all(place["section"] == "Executive summary" and place["page"] < 10 for place in places)
    for entry in entries:
        assert not entry.draft and entry.lang == "en" and entry.title_translated, entry.id
        assert entry.translation and "## Перевод" in entry.body, entry.id
        assert set(entry.objectives) <= set(TAXONOMY.reports[slug].objectives) | {"project-design"}


@pytest.mark.parametrize("slug", PUBLISHED)
def test_the_report_page_shows_the_record_and_the_counts_per_type(client, slug):
    from bs4 import BeautifulSoup

    response = client.get(f"/reports/{slug}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.data, "html.parser")
    record = TAXONOMY.reports[slug]
    assert soup.h1.text.strip() == record.title["en"]
    assert soup.select_one("dd.organisation a")["href"] == "/browse/organisations/iom"
    assert soup.select_one("dd.year").text.strip() == str(record.year)
    assert record.project["code"] in soup.select_one("dd.project").text
    assert soup.select_one("dd.source a")["href"] == record.source["url"]
    assert [a["href"].rsplit("/", 1)[1] for a in soup.select("ul.objectives a")] == list(record.objectives)
    counts = {tr["data-type"]: int(tr.td.text) for tr in soup.select("section.counts tr[data-type]")}
    expected = Counter(item["type"] for item in truth_of(slug)["items"])
    assert {t: n for t, n in counts.items() if n} == dict(expected)
    linked = {a["href"] for a in soup.select("section.section li.item a")}
    assert linked == {f"/entries/{e.id}" for e in entries_of(slug)}
    sections = {s["data-section"] for s in soup.select("section.section")}
    assert sections == {item["section"] for item in truth_of(slug)["items"]}


@pytest.mark.parametrize("slug", PUBLISHED)
def test_search_facets_and_filters_reach_the_report(client, slug):
    record, total = TAXONOMY.reports[slug], len(truth_of(slug)["items"])
    every = client.get("/api/search?limit=1").get_json()
    assert every["facets"]["report"][slug] == total
    assert every["facets"]["report"][SEED] == len(seed_files())
    for query in (f"report={slug}", f"report={slug}&organisation=iom", f"report={slug}&year={record.year}",
                  f"report={slug}&evaluation_type={record.evaluation_type}"):
        data = client.get(f"/api/search?{query}&limit=100").get_json()
        assert data["total"] == total
        assert {r["id"] for r in data["results"]} == {e.id for e in entries_of(slug)}
    tagged = Counter(o for e in entries_of(slug) for o in e.objectives if o in record.objectives)
    assert tagged, "no entry carries one of the report's own objectives"
    for objective, n in tagged.items():
        assert every["facets"]["objective"][objective] == n
        data = client.get(f"/api/search?objective={objective}&limit=100").get_json()
        assert data["total"] == n and data["facets"]["report"] == {slug: n}


@pytest.mark.parametrize("slug, lang", [(slug, lang) for slug in PUBLISHED for lang in ("ru", "en")])
def test_a_query_in_either_language_finds_the_english_items(client, slug, lang):
    query, expected = PUBLISHED[slug][lang]
    data = client.get("/api/search", query_string={"q": query, "limit": 5}).get_json()
    assert expected in [r["id"] for r in data["results"]], (query, [r["id"] for r in data["results"]])
    assert data["results"][0]["lang"] == "en" or lang == "en"


def test_the_seed_report_urls_and_filters_give_what_they_gave(client):
    seed = seed_files()
    assert len(seed) == 164
    data = client.get(f"/api/search?report={SEED}&limit=1").get_json()
    assert data["total"] == 164 and data["facets"]["organisation"] == {"ilo": 164}
    for objective in ("io1-policy", "io2-capacity", "io3-services", "io4-knowledge"):
        tagged = {e.id for e in seed if objective in e.objectives}
        found = client.get(f"/api/search?objective={objective}&limit=100").get_json()
        assert {r["id"] for r in found["results"]} == tagged
        assert found["facets"]["report"] == {SEED: len(tagged)}
    kyrgyzstan = client.get("/api/search?country=kyrgyzstan&limit=1").get_json()
    assert kyrgyzstan["total"] == sum("kyrgyzstan" in e.countries for e in seed)
    page = client.get(f"/reports/{SEED}")
    assert page.status_code == 200 and b"PROACT-CAR" in page.data
    assert client.get("/entries/car-rec-17-part-time-legal-expertise").status_code == 200
    assert client.get("/browse/objectives/io1-policy").status_code == 200


def truth_ids(slug: str) -> list[str]:
    """The entry of each truth item, in the truth file's order: the report's reading order."""
    entries, ids = entries_of(slug), []
    for item in truth_of(slug)["items"]:
        first, last = norm(item["first"]), norm(item["last"])
        ids += [e.id for e in entries
                if norm(e.original).startswith(first) and norm(e.original).endswith(last)]
    return ids


@pytest.mark.parametrize("slug", PUBLISHED)
def test_the_report_page_lists_sections_and_items_in_the_reports_order(client, slug):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get(f"/reports/{slug}").data, "html.parser")
    shown = [a["href"].rsplit("/", 1)[1] for a in soup.select("section.section li.item a")]
    assert shown == truth_ids(slug)
    sections = [s["data-section"] for s in soup.select("section.section")]
    assert sections == list(dict.fromkeys(item["section"] for item in truth_of(slug)["items"]))


@pytest.mark.parametrize("slug", PUBLISHED)
def test_the_russian_report_page_titles_english_items_in_russian(client, slug):
    from bs4 import BeautifulSoup

    from kb.i18n import COOKIE

    by_id = {e.id: e for e in entries_of(slug)}
    client.set_cookie(COOKIE, "ru")      # the language switch: a cookie, then the same URL
    switched = client.get(f"/reports/{slug}").data
    client.delete_cookie(COOKIE)
    for page in (client.get(f"/ru/reports/{slug}").data, switched):
        soup = BeautifulSoup(page, "html.parser")
        assert soup.html["lang"] == "ru"
        items = soup.select("section.section li.item")
        assert len(items) == len(by_id)
        for li in items:
            entry = by_id[li.a["href"].rsplit("/", 1)[1]]
            assert (li.a.text, li.a["lang"]) == (entry.title_translated, "ru")
            original = li.select_one(".original-title")
            assert (original.text, original["lang"]) == (entry.title, "en")
    english = BeautifulSoup(client.get(f"/reports/{slug}").data, "html.parser")
    assert all(li.a["lang"] == "en" and not li.select(".original-title")
               for li in english.select("section.section li.item"))


def test_every_list_of_entries_in_russian_shows_russian_titles_and_the_original(client):
    from bs4 import BeautifulSoup

    titles = {e.id: e for slug in (*PUBLISHED, SEED) for e in entries_of(slug)}
    pages = ["/ru/entries/srarp-rec-11-engage-private-sector", "/ru/roles/iom-offices",
             "/ru/search?report=iom-nigeria-reintegration-2022&limit=100"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        links = [a for a in BeautifulSoup(response.data, "html.parser").select("main a[href^='/ru/entries/']")
                 if a["href"].rsplit("/", 1)[1] in set(titles) - {"srarp-rec-11-engage-private-sector"}]
        assert links, url
        for a in links:
            entry = titles[a["href"].rsplit("/", 1)[1]]
            russian = entry.title if entry.lang == "ru" else entry.title_translated
            assert (a.text, a["lang"]) == (russian, "ru")
            original = a.find_next(class_="original-title")
            assert entry.lang == "ru" or (original.text, original["lang"]) == (entry.title, entry.lang), url


def test_search_results_carry_their_report_in_json_and_on_the_list(client):
    from bs4 import BeautifulSoup

    reports = {e.id: e.source.report for slug in (*PUBLISHED, SEED) for e in entries_of(slug)}
    data = client.get("/api/search?q=reintegration&limit=100").get_json()
    assert data["results"] and all(r["report"] == reports[r["id"]] for r in data["results"])
    everything = client.get("/api/search?limit=100&page=2").get_json()["results"]
    assert everything and all(r["report"] == reports[r["id"]] for r in everything)
    expected = {"en": {"iom-nigeria-reintegration-2022": "IOM · 2023", "iom-wca-environment-climate-2022":
                       "IOM · 2022", SEED: "ILO · 2013"},
                "ru": {"iom-nigeria-reintegration-2022": "МОМ · 2023", "iom-wca-environment-climate-2022":
                       "МОМ · 2022", SEED: "МОТ · 2013"}}
    for lang, prefix in (("en", ""), ("ru", "/ru")):
        for slug, label in expected[lang].items():
            soup = BeautifulSoup(client.get(f"{prefix}/search?report={slug}&limit=5").data, "html.parser")
            hits = soup.select("li.hit")
            assert hits, (lang, slug)
            for hit in hits:
                link = hit.select_one(".meta a.report")
                assert (link.text, link["href"]) == (label, f"{prefix}/reports/{slug}")
