"""XSS payloads in a real browser: Debian's Chromium loads every page type and no dialog ever fires.

The first pass bypasses the Content-Security-Policy, so it is the sanitising alone that is
tried: a payload that reached the DOM as code would run and open its alert. The second keeps
the policy and checks that the app's own pages never trip it (no violation in the console).
"""

from __future__ import annotations

import pytest
from xss_site import build_site

from tests.chromium import CHROMIUM, require

require(CHROMIUM, "`make test` installs it with apt-get, as root")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    from conftest import Server

    site = build_site(tmp_path_factory.mktemp("xss-browser"))
    server = Server({"KB_CONTENT_DIR": str(site.content), "KB_INDEX_DIR": str(site.index)})
    server.site = site
    yield server
    server.stop()


class Watched:
    """A page that records every dialog (dismissed at once), console message and script error."""

    def __init__(self, browser, **context):
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.dialogs, self.console, self.errors = [], [], []
        self.page.on(
            "dialog",
            lambda dialog: (self.dialogs.append(f"{self.page.url}: {dialog.message}"), dialog.dismiss()),
        )
        self.page.on("console", lambda message: self.console.append(f"{self.page.url}: {message.text}"))
        self.page.on("pageerror", lambda error: self.errors.append(f"{self.page.url}: {error}"))

    def load(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_timeout(30)  # let load-time handlers (onerror, ontoggle, autofocus) fire

    def close(self):
        self.context.close()


def browser_urls(site) -> list[str]:
    """Every page type with the payloads in it, fewer than the test client's set: a browser is slow."""
    downloads = ("/cite.", "/export.", ".atom")  # a browser saves these, it shows no page
    shown = [url for url in site.urls() if not any(mark in url for mark in downloads)]
    errors = [url for url in shown if url.startswith(("/entries/%", "/search?country="))]
    return [url for url in shown if url not in errors and "xss-holder" not in url] + errors[::4]


def test_the_dialog_listener_catches_a_script_that_runs(browser):
    """The check below could not fail if this did not: a script that runs is seen."""
    watched = Watched(browser)
    try:
        watched.page.set_content("<img src=x onerror=\"alert('canary')\">")
        watched.page.wait_for_timeout(200)
        assert watched.dialogs and "canary" in watched.dialogs[0]
    finally:
        watched.close()


def test_no_payload_runs_in_any_page_even_without_the_csp(browser, xss_server):
    watched = Watched(browser, bypass_csp=True, locale="ru-RU")
    try:
        urls = browser_urls(xss_server.site)
        for url in urls:
            watched.load(xss_server.url + url)
        assert not watched.dialogs, watched.dialogs[:10]
        assert not watched.errors, watched.errors[:10]
        assert len(urls) > 2 * len(xss_server.site.payloads)
    except Exception:
        print(xss_server.output())
        raise
    finally:
        watched.close()


def test_the_app_never_trips_its_own_csp(browser, xss_server):
    watched = Watched(browser)
    try:
        for url in [
            "/",
            "/search?q=zebrafinch&limit=100",
            "/browse/stakeholders/",
            f"/entries/{xss_server.site.ids()[1]}",
            "/entries/nope",
        ]:
            watched.load(xss_server.url + url)
        assert not watched.dialogs
        violations = [m for m in watched.console if "Content Security Policy" in m or "Refused" in m]
        assert not violations, violations[:10]
    finally:
        watched.close()
