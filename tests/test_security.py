"""Security headers on every response, templates without inline code, XSS payloads inert in every page."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from xss_site import build_site

from indexer.content.render import ALLOWED_TAGS
from kb import SECURITY_HEADERS, create_app
from kb.settings import ROOT

TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
URL_ATTRIBUTES = (
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "xlink:href",
    "srcdoc",
    "background",
    "poster",
    "srcset",
    "ping",
    "cite",
    "manifest",
)
DOWNLOADS = {
    "text/csv",
    "text/markdown",
    "text/plain",
    "application/atom+xml",
    "application/json",
    "application/x-bibtex",
    "application/x-research-info-systems",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.I)


def template_tags() -> set[str]:
    tags = set()
    for template in TEMPLATES:
        tags |= {
            t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", template.read_text(encoding="utf-8"))
        }
    return tags


ALLOWED = template_tags() | ALLOWED_TAGS | {"mark"}  # <mark>: the snippets' matched words


# --- headers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=school",
        "/search?limit=abc",
        "/browse/types/",
        "/browse/types/lesson",
        "/entries/kg-rec-17-evening-schools-support",
        "/entries/no-such-entry",
        "/locale/ru?next=/search",
        "/static/style.css",
        "/no-such-page",
        "/api/search?q=school",
        "/api/search?limit=0",
        "/api/entries/kg-rec-17-evening-schools-support",
        "/api/entries/nope",
        "/api/nothing",
        "/health",
        "/search?q=" + "x" * 5000,
    ],
)
def test_every_response_carries_the_security_headers(client, url):
    response = client.get(url)
    response.close()
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, (url, name)
    policy = dict(
        part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";")
    )
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in response.headers["Content-Security-Policy"]
    assert policy["default-src"] == "'self'" and policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'" and policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'" and policy["base-uri"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] in (
        "same-origin",
        "no-referrer",
        "strict-origin-when-cross-origin",
    )
    features = dict(item.strip().split("=") for item in response.headers["Permissions-Policy"].split(","))
    assert {"camera", "microphone", "geolocation", "payment"} <= set(features)
    assert set(features.values()) == {"()"}


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_templates_hold_no_inline_script_style_or_handlers(template):
    """CSP without 'unsafe-inline' would block them; keep the templates so it never needs it."""
    soup = BeautifulSoup(template.read_text(encoding="utf-8"), "html.parser")
    assert not soup.find_all("script") and not soup.find_all("style"), template.name
    for tag in soup.find_all(True):
        handlers = [name for name in tag.attrs if name.lower().startswith("on") or name.lower() == "style"]
        assert not handlers, (template.name, tag.name, handlers)
    assert "javascript:" not in template.read_text(encoding="utf-8").lower()


# --- XSS payloads ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def xss(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("xss"))


@pytest.fixture(scope="module")
def xss_client(xss):
    return create_app(
        {"CONTENT_DIR": str(xss.content), "INDEX_DIR": str(xss.index), "TESTING": True}
    ).test_client()


def assert_inert(html: str, where: str, fragment: bool = False) -> None:
    """No script, no handler, no inline style, no script URL, no element the app does not write."""
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find_all(["script", "style", "iframe", "object", "embed", "svg", "math", "base"]), where
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED, (where, tag.name)
        for name, value in tag.attrs.items():
            name = name.lower()
            assert not name.startswith("on") and name not in ("style", "srcdoc", "formaction"), (where, tag)
            if name in URL_ATTRIBUTES:
                url = re.sub(r"[\x00-\x20]", "", " ".join(value) if isinstance(value, list) else value)
                assert not BAD_SCHEME.match(url), (where, tag)
        if tag.name == "meta":
            assert set(tag.attrs) <= {"charset", "name", "content"}, (where, tag)
        if tag.name == "link":   # the app's stylesheets and language alternates: its own URLs
            assert tag["rel"] in (["stylesheet"], ["alternate"]), (where, tag)
            assert tag["href"].startswith("/") and not tag["href"].startswith("//"), (where, tag)
            assert tag["rel"] != ["stylesheet"] or tag["href"].startswith("/static/"), (where, tag)
        if tag.name == "form":
            assert re.fullmatch(r"(/(en|ru))?/(search|compare)", tag.get("action") or ""), (where, tag)
    if not fragment:
        assert len(soup.find_all("html")) == 1 and len(soup.find_all("body")) == 1, where


def test_the_payload_corpus_is_varied_and_every_entry_indexed(xss, xss_client):
    assert len(xss.payloads) >= 70
    assert any(re.search("[а-я]", p) for p in xss.payloads) and any("javascript:" in p for p in xss.payloads)
    data = xss_client.get("/api/search?limit=100&drafts=1").get_json()
    assert data["total"] == len(xss.payloads)


def test_xss_payloads_come_out_inert_in_every_page(xss, xss_client):
    pages = 0
    for number, url in enumerate(xss.urls()):
        lang = "ru" if number % 2 else "en"
        response = xss_client.get(url, headers={"Accept-Language": lang})
        response.get_data()   # a streamed download runs now, inside its request, and is closed
        response.close()
        assert response.status_code < 500, url
        if response.status_code in (301, 302):
            assert response.headers["Location"].startswith("/") and not response.headers[
                "Location"
            ].startswith("//")
            continue
        if not response.content_type.startswith("text/html"):
            # a download or a feed: never rendered as a page of this site
            assert response.headers["X-Content-Type-Options"] == "nosniff", url
            assert response.content_type.split(";")[0] in DOWNLOADS, (url, response.content_type)
            continue
        assert_inert(response.get_data(as_text=True), f"{url} ({lang})")
        pages += 1
    assert pages > 3 * len(xss.payloads)


def test_the_entry_pages_show_the_payloads_as_text(xss, xss_client):
    """Inert, not lost: the reader sees the payload's characters, escaped."""
    soup = BeautifulSoup(xss_client.get(f"/entries/{xss.ids()[0]}").data, "html.parser")
    assert xss.payloads[0] in soup.find("h1").get_text()


def test_xss_payloads_in_the_api_are_json_and_their_html_inert(xss, xss_client):
    for n, payload in enumerate(xss.payloads):
        found = xss_client.get("/api/search", query_string={"q": f"zebrafinch {payload}", "drafts": "1"})
        assert found.status_code == 200 and found.content_type == "application/json"
        json.loads(found.data)
        entry = xss_client.get(f"/api/entries/{xss.ids()[n]}")
        assert (
            entry.content_type == "application/json" and entry.headers["X-Content-Type-Options"] == "nosniff"
        )
        data = entry.get_json()
        for html in [data["html"], *data["sections"].values()]:
            assert_inert(html, f"/api/entries/{xss.ids()[n]}", fragment=True)
