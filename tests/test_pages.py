"""HTML pages through the test client: structure, language, facets, sanitising, headers."""

import pytest
from bs4 import BeautifulSoup


def page(client, url, lang="en"):
    response = client.get(url, headers={"Accept-Language": lang})
    return response, BeautifulSoup(response.data, "html.parser")


@pytest.mark.parametrize("url", ["/", "/search?q=school", "/search", "/browse/countries/",
                                 "/browse/stakeholders/npc", "/entries/kg-rec-17-evening-schools-support",
                                 "/reports", "/reports/proact-car-2013", "/browse/organisations/",
                                 "/browse/years/2013", "/browse/evaluation-types/interim", "/browse/reports/"])
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_page_answers_in_the_browsers_language(client, url, lang):
    response, soup = page(client, url, lang)
    assert response.status_code == 200
    assert soup.html["lang"] == lang
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert soup.find("main") and soup.find("form", role="search") or url.startswith(
        ("/entries", "/browse/countries", "/browse/organisations", "/browse/reports", "/reports"))


def test_interface_strings_follow_the_language(client):
    _, en = page(client, "/", "en")
    _, ru = page(client, "/", "ru")
    assert en.find("button").text == "Search" and ru.find("button").text == "Найти"
    assert "Kyrgyzstan" in en.text and "Кыргызстан" in ru.text


def test_switch_overrides_the_browser(client):
    response = client.get("/locale/ru?next=/search?q=school", headers={"Accept-Language": "en"})
    assert response.status_code == 302 and response.headers["Location"] == "/search?q=school"
    _, soup = page(client, "/search?q=school", "en")
    assert soup.html["lang"] == "ru"


def test_switch_refuses_foreign_redirects(client):
    response = client.get("/locale/en?next=//evil.example/")
    assert response.headers["Location"] == "/"


def test_results_show_facets_with_counts_and_removable_filters(client):
    _, soup = page(client, "/search?q=school&lang=ru")
    selected = soup.select(".facet a.selected")
    assert [a.select_one(".label").text for a in selected] == ["Russian"]
    counts = {a.select_one(".label").text: int(a.select_one(".count").text) for a in soup.select(".facet a")}
    assert counts["English"] > 0
    remove = soup.select_one(".active-filters a")["href"]
    assert "lang=" not in remove and "q=school" in remove


def test_results_mark_words_and_paginate(client):
    _, soup = page(client, "/search?limit=5")
    assert len(soup.select("li.hit")) == 5
    assert soup.select_one(".pagination a")["href"].endswith("page=2")
    _, soup = page(client, "/search?q=школам")
    assert soup.select_one(".snippet mark")


def test_entry_page_shows_source_translation_parallels_and_tags(client):
    _, soup = page(client, "/entries/kg-rec-17-evening-schools-support")
    assert soup.select_one(".original blockquote")["lang"] == "ru"
    assert soup.select_one(".translation div")["lang"] == "en"
    assert "not the report's words" in soup.select_one(".translation").text
    assert "4.2.4" in soup.select_one(".citation").text
    parallel = soup.select(".parallel a")
    assert [a["href"] for a in parallel] == ["/entries/car-lesson-12-evening-school-support"]
    assert soup.select_one(".parallel h2").text == "Also in English"
    tag_links = [a["href"] for a in soup.select(".tags a")]
    assert "/browse/countries/kyrgyzstan" in tag_links


def test_entry_body_with_script_comes_out_harmless(client):
    response, soup = page(client, "/entries/test-hostile-body")
    assert response.status_code == 200
    original = soup.select_one(".original")
    assert not original.find("script") and "javascript:" not in str(original)
    assert all(not attr.startswith("on") for tag in original.find_all(True) for attr in tag.attrs)


@pytest.mark.parametrize("url, status", [("/nope", 404), ("/entries/zzz", 404), ("/search?limit=x", 400),
                                         ("/search?country=narnia", 400), ("/browse/planets/", 404)])
def test_friendly_error_pages(client, url, status):
    response, soup = page(client, url, "ru")
    assert response.status_code == status
    assert soup.html["lang"] == "ru" and soup.find("h1").text


def test_the_report_page_counts_the_fixture_entries_by_type(client):
    _, soup = page(client, "/reports/proact-car-2013")
    counts = {tr["data-type"]: int(tr.td.text) for tr in soup.select("section.counts tr[data-type]")}
    listed = soup.select("li.item")
    assert sum(counts.values()) == len(listed) > 0
    assert {li["data-type"] for li in listed} == {t for t, n in counts.items() if n}
    assert all(li.a["href"].startswith("/entries/") for li in listed)
    _, ru = page(client, "/reports/proact-car-2013", "ru")
    assert ru.select_one("section.record dd.evaluation-type").text == "Промежуточная оценка"


def test_the_nav_links_to_the_reports(client):
    _, soup = page(client, "/")
    assert "/reports" in [a["href"] for a in soup.select("header.site nav a")]
