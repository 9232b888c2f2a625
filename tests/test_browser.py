"""End to end in Debian's headless Chromium: Russian query, stakeholder filter, entry, language switch."""

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError(f"{CHROMIUM} is missing in CI: `make test` installs it with apt-get")
    pytest.skip(f"{CHROMIUM} not installed (run `make test` as root to install it)", allow_module_level=True)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_search_filter_open_and_switch_language(browser, served):
    page = browser.new_page(locale="ru-RU", extra_http_headers={"Accept-Language": "ru"})
    try:
        page.goto(served.url + "/")
        assert page.locator("html").get_attribute("lang") == "ru"
        page.fill("input[name=q]", "вечерним школам")
        page.click("form[role=search] button")
        page.wait_for_url("**/search?q=*")
        assert page.locator("li.hit").count() >= 2
        assert page.locator("li.hit mark").first.is_visible()
        page.locator(".facet a", has_text="Национальные координаторы").click()
        page.wait_for_url("**stakeholder=npc*")
        assert page.locator(".active-filters li").count() == 1
        page.locator("li.hit h2 a").first.click()
        page.wait_for_url("**/entries/*")
        assert page.locator("article.entry h1").is_visible()
        page.click("nav.locale a")
        page.wait_for_load_state()
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("#tags-heading").inner_text() == "Tags"
    except Exception:
        print(served.output())
        raise
    finally:
        page.close()
