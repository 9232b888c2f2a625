"""Taking a list away: every page as CSV, Excel, JSON, Markdown; "Cite this"; the Atom feed."""

import csv
import io
import os
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from tests.conftest import build

ATOM = "{http://www.w3.org/2005/Atom}"


def api_ids(client, query):
    data = client.get(f"/api/search?{query}&limit=100").get_json()
    return [hit["id"] for hit in data["results"]]


@pytest.mark.parametrize("query", ["q=school", "stakeholder=ilo-ipec&country=kyrgyzstan", "",
                                   "type=lesson&lang=ru"])
def test_every_format_holds_every_page_with_the_filters(client, query):
    expected = api_ids(client, query)
    sep = "&" if query else ""
    rows = list(csv.reader(io.StringIO(client.get(f"/search/export.csv?{query}{sep}limit=2&page=3")
                                       .data.decode("utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == expected
    sheet = load_workbook(io.BytesIO(client.get(f"/search/export.xlsx?{query}").data)).active
    assert [r[0] for r in sheet.iter_rows(min_row=2, values_only=True)] == expected
    data = client.get(f"/search/export.json?{query}").get_json()
    assert [e["id"] for e in data["entries"]] == expected
    assert data["total"] == len(expected) and data["truncated"] is False
    markdown = client.get(f"/search/export.md?{query}").data.decode()
    assert markdown.count("\n## ") == len(expected)


def test_exports_speak_the_interface_language(client):
    response = client.get("/ru/search/export.xlsx?stakeholder=npc")
    assert response.headers["Content-Disposition"].startswith("attachment")
    assert response.headers["Content-Disposition"].endswith('filename=kb-npc.xlsx')
    sheet = load_workbook(io.BytesIO(response.data)).active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Идентификатор", "Название"] and "Кому адресовано" in header
    first = dict(zip(header, [c.value for c in sheet[2]], strict=True))
    assert "Национальные координаторы проекта (НКП)" in first["Кому адресовано"]
    assert first["Адрес"].startswith("http://localhost/ru/entries/")
    english = next(csv.reader(io.StringIO(client.get("/search/export.csv").data.decode("utf-8-sig"))))
    assert english[:2] == ["ID", "Title"]


def test_an_export_past_the_cap_says_so(client, monkeypatch):
    from kb import exports

    monkeypatch.setattr(exports, "MAX_EXPORT", 3)
    response = client.get("/search/export.json")
    data = response.get_json()
    assert len(data["entries"]) == 3 and data["truncated"] is True and data["total"] > 3
    assert response.headers["X-Exported-Count"] == "3"
    assert client.get("/search/export.xlsx").headers["X-Total-Count"] == str(data["total"])


def test_a_cyrillic_query_gets_an_ascii_file_name(client):
    response = client.get("/search/export.csv?q=вечерние школы")
    assert 'filename="kb-vechernie-shkoly.csv"' in response.headers["Content-Disposition"]


def test_a_spreadsheet_cell_never_becomes_a_formula():
    from kb.exports import _cell

    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("a\x07b") == "ab" and _cell("plain") == "plain"


@pytest.mark.parametrize("url, status", [("/search/export.pdf", 404),
                                         ("/search/export.csv?country=narnia", 400),
                                         ("/search/export.json?limit=x", 400)])
def test_bad_exports_get_clear_errors(client, url, status):
    response = client.get(url)
    assert response.status_code == status


def test_cite_this_gives_plain_bibtex_and_ris(client):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/ru/entries/kg-rec-17-evening-schools-support").data, "html.parser")
    cite = soup.select_one("section.cite")
    assert "Приложение 6b" in cite.select_one(".reference").text and "раздел 4.2.4" in cite.text
    bib = client.get("/entries/kg-rec-17-evening-schools-support/cite.bib").data.decode()
    assert bib.startswith("@misc{kg-rec-17-evening-schools-support,") and "year = {2013}" in bib
    assert "note = {Annex 6b: Kyrgyzstan country study, section 4.2.4, item 1}" in bib
    assert bib.count("{") == bib.count("}")
    ris = client.get("/ru/entries/kg-rec-17-evening-schools-support/cite.ris").data.decode().splitlines()
    assert ris[0] == "TY  - GEN" and ris[-1] == "ER  - " and "LA  - ru" in ris
    assert any(line.startswith("N1  - Приложение 6b") for line in ris)
    assert client.get("/entries/no-such/cite.bib").status_code == 404
    assert client.get("/entries/kg-rec-17-evening-schools-support/cite.doc").status_code == 404


def test_bibtex_escapes_what_would_break_it():
    from kb.citations import _bibtex_escape

    assert _bibtex_escape("50% {of} R&D_x") == r"50\% \{of\} R\&D\_x"


def test_the_feed_lists_the_newest_changed_entries_first_under_any_filter(tmp_path, content_copy):
    from kb import create_app

    index = tmp_path / "index"
    build(content_copy, index)
    changed = content_copy / "kg-lesson-04-pilot-duration.md"
    later = changed.stat().st_mtime + 3600
    os.utime(changed, (later, later))
    build(content_copy, index)
    app = create_app({"CONTENT_DIR": str(content_copy), "INDEX_DIR": str(index), "TESTING": True})
    client = app.test_client()
    feed = ET.fromstring(client.get("/feed.atom").data)
    entries = feed.findall(f"{ATOM}entry")
    assert entries[0].find(f"{ATOM}id").text.endswith("/entries/kg-lesson-04-pilot-duration")
    assert len(entries) == client.get("/api/search?limit=1").get_json()["total"]
    filtered = ET.fromstring(client.get("/ru/feed.atom?country=tajikistan").data)
    ids = [e.find(f"{ATOM}id").text.rsplit("/", 1)[1] for e in filtered.findall(f"{ATOM}entry")]
    assert sorted(ids) == sorted(api_ids(client, "country=tajikistan"))
    assert filtered.get("{http://www.w3.org/XML/1998/namespace}lang") == "ru"
    assert "Таджикистан" in filtered.find(f"{ATOM}title").text
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    langs = []
    for entry in ET.fromstring(client.get("/ru/feed.atom").data).findall(f"{ATOM}entry"):
        stored = client.get("/api/entries/" + entry.find(f"{ATOM}id").text.rsplit("/", 1)[1]).get_json()
        own = stored["front_matter"]["lang"]
        assert entry.find(f"{ATOM}summary").get(xml_lang) == (None if own == "ru" else own)
        langs.append(own)
    assert set(langs) == {"en", "ru"}
    searched = ET.fromstring(client.get("/feed.atom?q=pilot").data)
    assert searched.findall(f"{ATOM}entry")[0].find(f"{ATOM}id").text.endswith("kg-lesson-04-pilot-duration")


def test_a_large_list_is_walked_newest_first(app, monkeypatch):
    from indexer.search.request import SearchRequest
    from kb import feeds

    monkeypatch.setattr(feeds, "COLLECT", 1)
    monkeypatch.setattr(feeds, "FEED_SIZE", 3)
    with app.test_request_context("/feed.atom"):
        chosen = feeds.feed_entries(SearchRequest(filters={"lang": ("ru",)}))
    assert len(chosen) == 3 and all(stored["lang"] == "ru" for _, stored in chosen)
    assert [m for m, _ in chosen] == sorted((m for m, _ in chosen), reverse=True)


def test_pages_offer_print_and_feed_links(client):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/search?stakeholder=npc").data, "html.parser")
    assert soup.select_one("link[rel=stylesheet][media=print]")["href"] == "/static/print.css"
    assert soup.select_one("link[type='application/atom+xml']")["href"] == "/feed.atom?stakeholder=npc"
    exports = {a.text: a["href"] for a in soup.select(".export a[download]")}
    assert exports["Excel"] == "/search/export.xlsx?stakeholder=npc"
    with client.get("/static/print.css") as css:
        assert b"details.filters" in css.data
