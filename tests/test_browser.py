"""End to end in Debian's headless Chromium: every flow in both languages, a phone, axe-core, keyboard."""

import io
import shutil
from pathlib import Path

import pytest

from tests.chromium import CHROMIUM, require
from tests.conftest import CONTENT, Server, build

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGE_TYPES = ["/", "/search?q=школам", "/search?country=kyrgyzstan&stakeholder=ilo-ipec&limit=3",
              "/search?q=zzzqqq", "/browse/stakeholders/", "/browse/themes/evening-schools", "/roles/",
              "/roles/npc", "/compare", "/compare?theme=evening-schools",
              "/entries/kg-rec-17-evening-schools-support", "/entries/car-lesson-12-evening-school-support",
              "/no-such-page"]

require(CHROMIUM, "`make test` installs it with apt-get")
require(AXE, "`make test` runs npm ci")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One gunicorn over a copy of the fixture content for the read-only flows of this module."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(CONTENT, root / "content")
    build(root / "content", root / "index")
    server = Server({"KB_CONTENT_DIR": str(root / "content"), "KB_INDEX_DIR": str(root / "index")})
    yield server
    server.stop()


@pytest.fixture
def open_page(browser, server):
    """A page in a fresh context (language, viewport); the server's output is printed on failure."""
    pages = []

    def make(lang="en", width=1280, height=900):
        context = browser.new_context(locale={"ru": "ru-RU", "en": "en-GB"}[lang], bypass_csp=True,
                                      viewport={"width": width, "height": height}, accept_downloads=True,
                                      extra_http_headers={"Accept-Language": lang})
        page = context.new_page()
        pages.append(page)
        return page

    try:
        yield make
    except Exception:
        print(server.output())
        raise
    finally:
        for page in pages:
            page.context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]]


def scroll_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("width", [1280, 320])
def test_every_page_type_passes_axe_and_fits_a_320px_screen(open_page, server, lang, width):
    page = open_page(lang, width=width)
    problems = {}
    for url in PAGE_TYPES:
        page.goto(f"{server.url}/{lang}{url}")
        assert page.locator("html").get_attribute("lang") == lang
        found = axe_violations(page)
        if width < 400 and scroll_width(page) > width:
            found.append(f"scrolls sideways: {scroll_width(page)} px")
        if found:
            problems[url] = found
    assert not problems


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_search_filter_open_and_switch_language(open_page, server, lang):
    page = open_page(lang)
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("lang") == lang
    page.fill("input[name=q]", "вечерним школам")
    page.click("form[role=search] button")
    page.wait_for_url("**/search?q=*")
    assert page.locator("li.hit").count() >= 2 and page.locator("li.hit mark").first.is_visible()
    label = {"ru": "Национальные координаторы", "en": "National Project Coordinators"}[lang]
    page.locator(".facet a", has_text=label).click()
    page.wait_for_url("**stakeholder=npc*")
    assert page.locator(".active-filters li").count() == 1
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url("**/entries/*")
    assert page.locator("article.entry h1").is_visible()
    page.click("nav.locale a")
    page.wait_for_load_state()
    other = "en" if lang == "ru" else "ru"
    assert page.locator("html").get_attribute("lang") == other
    assert f"/{other}/entries/" in page.url
    assert page.locator("#tags-heading").inner_text() == {"en": "Tags", "ru": "Метки"}[other]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_russian_reader_reaches_their_countrys_recommendations_in_two_clicks_and_excel_in_three(
        open_page, server, width):
    from openpyxl import load_workbook

    page = open_page("ru", width=width)
    page.goto(server.url + "/")
    page.locator(".role-links a", has_text="Национальные координаторы проекта").click()          # 1
    assert page.locator("h1").inner_text() == "Что рекомендовано национальным координаторам проекта"
    page.locator("section.role-country", has=page.locator("h2", has_text="Кыргызстан")).locator(
        ".type-links a", has_text="Рекомендации").click()                                          # 2
    page.wait_for_url("**/search?*")
    titles = page.locator("li.hit h2 a").all_inner_texts()
    expected = page.request.get(server.url + "/api/search?stakeholder=npc&country=kyrgyzstan"
                                "&type=recommendation").json()
    assert len(titles) == expected["total"] > 0
    assert all(a == "ru" for a in page.locator("li.hit h2 a").evaluate_all("els => els.map(e => e.lang)"))
    with page.expect_download() as download:
        page.locator(".export a", has_text="Excel").click()                                        # 3
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Идентификатор", "Название")
    assert [r[0] for r in rows[1:]] == [hit["id"] for hit in expected["results"]]


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_on_a_phone_results_come_first_and_the_filters_fold_without_script(browser, server, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False,
                                  extra_http_headers={"Accept-Language": lang}, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(f"{server.url}/{lang}/search?q=school")
        first_hit = page.locator("li.hit").first.bounding_box()
        assert first_hit["y"] < 844, "the first result is not on the first screen"
        facet = page.locator(".facet a").first
        assert not facet.is_visible()
        page.locator("details.filters summary").click()
        assert facet.is_visible()
        assert scroll_width(page) <= 390
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_keyboard_alone_searches_filters_and_exports(open_page, server, lang):
    page = open_page(lang)
    page.goto(server.url + "/")

    def tab_to(selector, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("input[name=q]")
    page.keyboard.type("школам")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?q=*")
    tab_to(".facet a[href*='lang=ru']")
    page.keyboard.press("Enter")
    page.wait_for_url("**lang=ru*")
    tab_to(".export a[href*='export.csv']")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith({"ru": "Идентификатор,Название", "en": "ID,Title"}[lang])
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus != "none"


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_compare_countries_side_by_side(open_page, server, lang):
    page = open_page(lang)
    page.goto(f"{server.url}/{lang}/")
    page.locator("a[href*='/compare']").first.click()
    page.select_option("#compare-theme", "evening-schools")
    for country in ("kyrgyzstan", "central-asia"):
        page.check(f"input[name=country][value={country}]")
    page.click(".compare-form button")
    page.wait_for_url("**/compare?*")
    parallel = page.locator("a[href$='kg-rec-17-evening-schools-support']")
    row = page.locator("table.compare tbody tr", has=parallel)
    assert row.locator("a[href$='car-lesson-12-evening-school-support']").count() == 1
    assert page.locator("table.compare thead th").count() == 2


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_matrix_and_role_pages_lead_to_true_lists(open_page, server, lang):
    page = open_page(lang)
    page.goto(f"{server.url}/{lang}/")
    cell = page.locator("table.matrix").first.locator("td a").first
    count = int(cell.inner_text().split()[0].strip(" ·"))
    cell.click()
    page.wait_for_url("**/search?*")
    assert page.locator("li.hit").count() == min(count, 10)
    page.goto(f"{server.url}/{lang}/")
    page.locator("table.matrix").first.locator("tbody th a").first.click()
    page.wait_for_url("**/roles/*")
    assert page.locator("section.role-country").count() >= 1


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_cite_this_and_print(open_page, server, lang):
    page = open_page(lang)
    page.goto(f"{server.url}/{lang}/entries/kg-rec-17-evening-schools-support")
    page.locator("section.cite summary", has_text="BibTeX").click()
    assert page.locator("section.cite pre").first.inner_text().startswith("@misc{kg-rec-17")
    page.emulate_media(media="print")
    assert not page.locator("header.site").is_visible()
    assert page.locator("article.entry blockquote").is_visible()
    page.goto(f"{server.url}/{lang}/search?q=school")
    assert not page.locator("details.filters").is_visible() and page.locator("li.hit").first.is_visible()


def test_the_axe_check_finds_what_it_should(open_page):
    page = open_page("en")
    page.set_content('<html><body><img src="x.png"><a href="#"></a></body></html>')
    found = " ".join(axe_violations(page))
    assert "image-alt" in found and "html-has-lang" in found


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_export_and_the_feed_of_a_filtered_list(open_page, server, lang):
    import json
    import xml.etree.ElementTree as ET

    page = open_page(lang, width=390)
    page.goto(f"{server.url}/{lang}/browse/countries/kyrgyzstan")
    expected = page.request.get(server.url + "/api/search?country=kyrgyzstan&limit=100").json()
    ids = [hit["id"] for hit in expected["results"]]
    files = {}
    for label in ("Excel", "CSV", "JSON", "Markdown"):
        with page.expect_download() as download:
            page.locator(".export a", has_text=label).click()
        files[label] = (download.value.suggested_filename, Path(download.value.path()).read_bytes())
    names = {name for name, _ in files.values()}
    assert names == {f"kb-kyrgyzstan.{e}" for e in ("xlsx", "csv", "json", "md")}
    assert [e["id"] for e in json.loads(files["JSON"][1])["entries"]] == ids
    assert files["Markdown"][1].decode().count("\n## ") == len(ids)
    feed_url = page.locator("link[type='application/atom+xml']").get_attribute("href")
    feed = ET.fromstring(page.request.get(server.url + feed_url).body())
    entries = feed.findall("{http://www.w3.org/2005/Atom}entry")
    in_feed = [e.find("{http://www.w3.org/2005/Atom}id").text.rsplit("/", 1)[1] for e in entries]
    assert sorted(in_feed) == sorted(ids)
