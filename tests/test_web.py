"""The practitioners' pages through the test client: language in the URL, roles, matrices, comparison."""

import pytest
from bs4 import BeautifulSoup

PAGE_TYPES = ["/", "/search?q=school", "/search?country=kyrgyzstan&stakeholder=ilo-ipec",
              "/browse/countries/", "/browse/themes/evening-schools", "/roles/", "/roles/ilo-ipec",
              "/compare?theme=evening-schools", "/entries/kg-rec-17-evening-schools-support", "/nope"]


def soup_of(client, url, lang="en"):
    response = client.get(url, headers={"Accept-Language": lang})
    return response, BeautifulSoup(response.data, "html.parser")


def total(client, **filters):
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    return client.get(f"/api/search?{query}&limit=1").get_json()["total"]


@pytest.mark.parametrize("url", PAGE_TYPES)
def test_the_language_prefix_wins_and_links_keep_it(client, url):
    response, soup = soup_of(client, "/ru" + url, lang="en")
    assert response.status_code in (200, 404)
    assert soup.html["lang"] == "ru"
    inner = [a["href"] for a in soup.select("main a[href^='/']")]
    assert inner and all(h.startswith("/ru/") for h in inner), inner[:5]
    assert soup.select_one("link[rel=stylesheet]")["href"].startswith("/ru/static/")
    switch = soup.select_one("nav.locale a")
    assert switch["lang"] == "en" and "next=/en" in switch["href"].replace("%2F", "/")


@pytest.mark.parametrize("url", PAGE_TYPES)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_page_is_small(client, url, lang):
    response = client.get(f"/{lang}{url}")
    with client.get("/static/style.css") as css:
        assert len(response.data) + len(css.data) < 100_000


def test_unprefixed_urls_still_answer_and_the_switch_goes_to_the_prefixed_page(client):
    response, soup = soup_of(client, "/search?q=school", "ru")
    assert response.status_code == 200 and soup.html["lang"] == "ru"
    response = client.get("/locale/en?next=/en/search?q=school")
    assert response.status_code == 302 and response.headers["Location"] == "/en/search?q=school"
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")}
    assert alternates == {"ru": "/ru/search?q=school", "en": "/en/search?q=school"}


def test_an_entry_reads_whole_in_the_interface_language(client):
    _, soup = soup_of(client, "/ru/entries/car-lesson-12-evening-school-support")
    citation = soup.select_one(".citation")
    assert "Основной отчёт" in citation.text and "раздел 5" in citation.text
    assert "Main report" not in citation.text and "section" not in citation.text
    parallel = soup.select_one(".parallel a")
    assert parallel["lang"] == "ru" and "вечерних школ" in parallel.text
    for link in soup.select(".related a"):
        assert link["lang"] == "ru", link.text
    theme_links = [a["href"] for a in soup.select(".tags a")]
    assert "/ru/browse/themes/evening-schools" in theme_links


def test_a_source_name_not_in_the_taxonomy_is_marked_with_its_language(app):
    from kb.citations import named
    from kb.resources import resources

    with app.test_request_context("/ru/"):
        taxonomy = resources().taxonomy
        assert named(taxonomy, "Annex 9: Uzbekistan country study", "ru").lang == "en"
        assert named(taxonomy, "Приложение 3", "ru").lang is None
        assert named(taxonomy, "Main report", "ru").text == "Основной отчёт"


def test_the_role_page_groups_by_country_and_objective_with_true_counts(client):
    _, soup = soup_of(client, "/ru/roles/ilo-ipec")
    assert soup.h1.text == "Что рекомендовано МОТ/ИПЕК"
    sections = soup.select("section.role-country")
    assert sections
    for section in sections:
        country = section.h2.a["href"].split("country=")[1].split("&")[0]
        shown = int(section.h2.select_one(".count").text)
        assert shown == total(client, stakeholder="ilo-ipec", country=country)
        for heading in section.find_all("h3"):
            if heading.a:
                objective = heading.a["href"].split("objective=")[1].split("&")[0]
                assert int(heading.select_one(".count").text) == total(
                    client, stakeholder="ilo-ipec", country=country, objective=objective)


def test_a_role_without_the_taxonomys_to_form_is_still_titled(app):
    from kb.resources import resources
    from kb.roles import role_heading

    with app.test_request_context("/"):
        taxonomy = resources().taxonomy
        taxonomy.vocabularies["stakeholders"]["media"].pop("en_to", None)
        assert role_heading(taxonomy, "media", "en") == "Addressed to: Media"


def test_an_unknown_role_is_a_404(client):
    response, soup = soup_of(client, "/roles/martians", "ru")
    assert response.status_code == 404 and soup.html["lang"] == "ru"


def test_home_links_every_role_and_shows_matrices_of_true_counts(client):
    _, soup = soup_of(client, "/")
    roles = [a["href"] for a in soup.select(".role-links a")]
    assert "/roles/ilo-ipec" in roles and "/roles/trade-unions" not in roles   # no entries: not shown
    first, second = soup.select("table.matrix")
    assert first.caption.text == "Entries by stakeholder and country"
    assert all(th.get("scope") == "col" for th in first.thead.find_all("th"))
    columns = [a["href"].split("country=")[1] for a in first.thead.select("a")]
    assert columns == ["kazakhstan", "kyrgyzstan", "tajikistan", "central-asia"]
    stakeholders = [row.th.a["href"].rsplit("/", 1)[1] for row in first.tbody.find_all("tr")]
    assert "ilo-ipec" in stakeholders and "parents" not in stakeholders   # no entries: no row
    for row in first.tbody.find_all("tr"):
        assert row.th["scope"] == "row"
        stakeholder = row.th.a["href"].rsplit("/", 1)[1]
        for country, cell in zip(columns, row.find_all("td"), strict=True):
            count = int(cell.a.contents[0]) if cell.a else 0
            assert count == total(client, stakeholder=stakeholder, country=country)
            assert (cell["class"] == ["s0"]) == (count == 0)
    shades = {cell["class"][0] for cell in second.find_all("td")}
    assert "s4" in shades and len(shades) >= 3
    themes = [row.th.a["href"].split("theme=")[1] for row in second.tbody.find_all("tr")]
    assert "evening-schools" in themes and "gender" not in themes
    assert second.thead.select("a")[0]["href"] == "/search?type=recommendation"


def test_compare_puts_parallel_items_on_one_row(client):
    _, soup = soup_of(client, "/compare?theme=evening-schools&country=kyrgyzstan&country=central-asia")
    headers = [th.a.text for th in soup.select("table.compare thead th")]
    assert headers == ["Kyrgyzstan", "Central Asia (sub-regional)"]
    rows = [[[a["href"] for a in td.select("a")] for td in tr.find_all("td")]
            for tr in soup.select("table.compare tbody tr")]
    assert [["/entries/kg-rec-17-evening-schools-support"],
            ["/entries/car-lesson-12-evening-school-support"]] in rows
    in_column = [{href for row in rows for href in row[i]} for i in range(2)]
    assert len(in_column[0]) == total(client, theme="evening-schools", country="kyrgyzstan")
    assert len(in_column[1]) == total(client, theme="evening-schools", country="central-asia")


def test_compare_takes_any_countries_and_a_query(client):
    url = "/ru/compare?q=legal&country=tajikistan&country=kyrgyzstan&country=central-asia"
    _, soup = soup_of(client, url)
    assert [th.a.text for th in soup.select("table.compare thead th")] == [
        "Таджикистан", "Кыргызстан", "Центральная Азия (субрегион)"]
    response, _ = soup_of(client, "/compare?country=atlantis")
    assert response.status_code == 400


def test_a_long_facet_shows_its_largest_values_and_links_the_rest(client):
    _, soup = soup_of(client, "/search?theme=reporting")
    theme = next(s for s in soup.select(".facet") if s.h3.text == "Theme")
    facets = client.get("/api/search?theme=reporting&limit=1").get_json()["facets"]["theme"]
    largest = set(sorted(facets, key=lambda v: -facets[v])[:12]) | {"reporting"}
    shown = theme.select("li a")
    assert len(shown) == len(largest) < len(facets)   # the twelve largest and the selected one
    assert [a.select_one(".label").text for a in shown if "selected" in a.get("class", [])] == ["Reporting"]
    assert theme.select_one(".more a").text == f"{len(facets) - len(largest)} more"
    assert theme.select_one(".more a")["href"] == "/browse/themes/"


def test_big_lists_stay_short_pages(client, monkeypatch):
    from kb import compare, matrix, roles

    monkeypatch.setattr(roles, "MAX_TITLES", 3)
    monkeypatch.setattr(roles, "MAX_SECTIONS", 1)
    _, soup = soup_of(client, "/roles/ilo-ipec")
    assert len(soup.select(".role-hits li:not(.more)")) == 3
    assert len(soup.select("section.role-country")) == 1
    others = [a["href"] for a in soup.select("#other-countries + ul a")]
    assert others and all("stakeholder=ilo-ipec" in href for href in others)
    monkeypatch.setattr(compare, "MAX_TITLES", 6)
    _, soup = soup_of(client, "/compare?q=school&country=kyrgyzstan&country=central-asia")
    assert all(len(td.select("li")) <= 3 for td in soup.select("table.compare td"))
    monkeypatch.setattr(matrix, "MAX_ROWS", 2)
    monkeypatch.setattr(matrix, "_counts", {})
    _, soup = soup_of(client, "/")
    table = soup.select("table.matrix")[1]
    assert len(table.tbody.find_all("tr")) == 2 and "left out" in soup.select(".at-a-glance .note")[0].text


def test_a_snippet_from_the_translation_is_marked_with_its_language(client):
    _, soup = soup_of(client, "/search?q=programmes&lang=ru")
    hits = soup.select("li.hit")
    assert hits
    for hit in hits:
        snippet = hit.select_one(".snippet")
        cyrillic = sum("а" <= c.lower() <= "я" for c in snippet.text)
        assert snippet["lang"] == ("ru" if cyrillic > len(snippet.text) / 3 else "en"), snippet.text
    assert any(hit.select_one(".snippet")["lang"] == "en" for hit in hits)
