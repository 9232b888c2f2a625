"""A Hypothesis-driven client over every route and parameter: no 5xx, one error shape, limits stated.

The app's test client carries the volume; a shorter run goes through real gunicorn (the
`served` fixture), raw bytes on a socket, so gunicorn's own parsing is part of what is tried.
"""

from __future__ import annotations

import http.client
import urllib.parse

import pytest
from fuzz_strategies import encodable, hostile_text
from hypothesis import example, given, settings
from hypothesis import strategies as st

from indexer.search.request import MAX_LIMIT, MAX_PAGE, MAX_QUERY
from kb import SECURITY_HEADERS, create_app
from kb.settings import SETTINGS

pytestmark = pytest.mark.fuzz
EXAMPLES = settings.default.max_examples


def header_text(text: str) -> str:
    """What an HTTP client can send in a header: printable ASCII (a CR or LF would end it)."""
    return "".join(c for c in text.encode("ascii", "replace").decode() if " " <= c < "\x7f")


def quote(text: str) -> str:
    return urllib.parse.quote(text, safe="")



# Every route of the app, with the strategy of its variable parts. A route added without a
# place here fails test_every_route_is_fuzzed.
SLUGS = ["kyrgyzstan", "npc", "lesson", "ru", "io3-services", "kg-rec-17-evening-schools-support",
         "test-draft-entry", "", ".", "..", "%", "%2F", "a" * 300]
segment = st.one_of(st.sampled_from(SLUGS), hostile_text(4).map(encodable))
ROUTES = {
    "/": st.just("/"),
    "/search": st.just("/search"),
    "/api/search": st.just("/api/search"),
    "/health": st.just("/health"),
    "/browse/<facet>/": st.sampled_from(["types", "countries", "objectives", "stakeholders", "languages"])
    .map(lambda f: f"/browse/{f}/") | segment.map(lambda s: f"/browse/{quote(s)}/"),
    "/browse/<facet>/<value>": st.tuples(st.sampled_from(["countries", "stakeholders", "x"]), segment)
    .map(lambda p: f"/browse/{p[0]}/{quote(p[1])}"),
    "/entries/<entry_id>": segment.map(lambda s: f"/entries/{quote(s)}"),
    "/api/entries/<entry_id>": segment.map(lambda s: f"/api/entries/{quote(s)}"),
    "/locale/<code>": st.sampled_from(["en", "ru", "de", ""]).map(lambda c: f"/locale/{c}"),
    "/static/<path:filename>": st.sampled_from(["style.css", "../kb/settings.py", "nope.js", "%00"])
    .map(lambda f: f"/static/{f}"),
}
NAMES = ["q", "type", "lang", "country", "objective", "stakeholder", "sort", "limit", "page", "drafts",
         "next"]
NUMBERS = ["0", "1", "-1", " 7 ", "1e3", "0x10", "١٠", "²", str(MAX_LIMIT), str(MAX_LIMIT + 1),
           str(MAX_PAGE), str(MAX_PAGE + 1), "9" * 40, "NaN", ""]
value = st.one_of(hostile_text(20).map(encodable), st.sampled_from(NUMBERS + SLUGS),
                  st.sampled_from(["relevance", "title", "report", "true", "/search?q=x", "//evil.example/",
                                   "/\t/evil.example", "https://evil.example/"]))
params = st.lists(st.tuples(st.one_of(st.sampled_from(NAMES), hostile_text(2).map(encodable)), value),
                  max_size=8)
METHODS = st.sampled_from(["GET"] * 6 + ["HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH"])
headers = st.fixed_dictionaries({}, optional={
    "Accept-Language": st.one_of(st.sampled_from(["ru", "en", "ru-RU,ru;q=0.9", "*", "q=;;", "x" * 200]),
                                 hostile_text(4).map(header_text)),
    "Cookie": st.sampled_from(["kb_locale=ru", "kb_locale=zz", "kb_locale=\"", "a" * 100 + "=b"]),
})


@pytest.fixture(scope="module")
def fuzz_client(index_dir):
    from conftest import CONTENT

    app = create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index_dir), "TESTING": True})
    return app.test_client()


def test_every_route_is_fuzzed(fuzz_client):
    assert {rule.rule for rule in fuzz_client.application.url_map.iter_rules()} == set(ROUTES)


def assert_answer(path: str, method: str, status: int, content_type: str, body: bytes, headers) -> None:
    """No 5xx; the security headers; API errors in the one shape; pages as HTML; local redirects."""
    assert status < 500, (method, path, status, body[:500])
    for name, expected in SECURITY_HEADERS.items():
        assert headers.get(name) == expected, (path, name)
    if 300 <= status < 400:
        location = headers.get("Location", "")
        browser_sees = "".join(c for c in location if c not in "\t\n\r")
        assert browser_sees.startswith("/") and not browser_sees.startswith(("//", "/\\")), location
    if method == "HEAD" or status < 400:
        return
    if path.startswith(("/api/", "/health")):
        import json

        assert content_type.startswith("application/json"), (path, content_type)
        data = json.loads(body)
        assert set(data) == {"error"} and set(data["error"]) == {"status", "message"}, data
        assert data["error"]["status"] == status and isinstance(data["error"]["message"], str)
        assert data["error"]["message"].strip()
    else:
        assert content_type.startswith("text/html"), (path, content_type)
        assert b'class="error-message"' in body


def request_args(route_path: str, query: list[tuple[str, str]]) -> str:
    return route_path + ("?" + urllib.parse.urlencode(query) if query else "")


@settings(max_examples=EXAMPLES * 5)
@given(st.sampled_from(list(ROUTES)).flatmap(lambda r: ROUTES[r]), params, METHODS, headers)
@example("/locale/en", [("next", "/\t/evil.example")], "GET", {})
@example("/locale/en", [("next", "/\n/evil.example")], "GET", {})
@example("/search", [("q", "a" * (MAX_QUERY + 1))], "GET", {})
@example("/api/search", [("page", str(MAX_PAGE + 1))], "GET", {})
@example("/api/entries/%00", [], "GET", {"Accept-Language": "q=;;"})
def test_any_request_gets_a_clear_answer(fuzz_client, path, query, method, headers):
    url = request_args(path, query)
    response = fuzz_client.open(url, method=method, headers=headers)
    try:
        assert_answer(path, method, response.status_code, response.content_type, response.data,
                      response.headers)
    finally:
        response.close()   # a static file is streamed from an open file


LIMITS = [  # (URL, headers, status, the limit the message must state)
    ("/api/search?q=" + "a" * SETTINGS["MAX_URL_LENGTH"][0], {}, 414, SETTINGS["MAX_URL_LENGTH"][0]),
    ("/api/search?" + "&".join(["x=1"] * 101), {}, 400, SETTINGS["MAX_QUERY_PARAMS"][0]),
    ("/api/search?type=" + "a" * 1001, {}, 400, SETTINGS["MAX_PARAM_LENGTH"][0]),
    ("/api/search?q=" + "a" * (MAX_QUERY + 1), {}, 400, MAX_QUERY),
    ("/api/search?limit=101", {}, 400, MAX_LIMIT),
    (f"/api/search?page={MAX_PAGE + 1}", {}, 400, MAX_PAGE),
    ("/api/search", {"X-Pad": "p" * SETTINGS["MAX_HEADER_BYTES"][0]}, 431, SETTINGS["MAX_HEADER_BYTES"][0]),
]


@pytest.mark.parametrize("url, extra, status, limit", LIMITS)
def test_each_limit_is_stated_in_the_error_that_enforces_it(fuzz_client, url, extra, status, limit):
    response = fuzz_client.get(url, headers=extra)
    assert response.status_code == status
    assert f"{limit}" in response.get_json()["error"]["message"]
    page = fuzz_client.get(url.replace("/api/search", "/search"), headers=extra)
    assert page.status_code == status and str(limit) in page.get_data(as_text=True)


def test_a_body_over_the_limit_is_413(fuzz_client):
    limit = SETTINGS["MAX_CONTENT_LENGTH"][0]
    response = fuzz_client.get("/api/search", data=b"x" * (limit + 1))
    assert response.status_code == 413 and str(limit) in response.get_json()["error"]["message"]
    assert fuzz_client.get("/api/search", data=b"x" * 100).status_code == 200


def test_a_bad_limit_setting_stops_the_start(index_dir):
    from indexer.errors import KbError

    with pytest.raises(KbError, match="KB_MAX_URL_LENGTH must be a positive whole number"):
        create_app({"INDEX_DIR": str(index_dir), "MAX_URL_LENGTH": "lots"})


# --- through real gunicorn ---------------------------------------------------------------------

def raw_get(port: int, target: str, headers: dict) -> tuple[int, str, bytes, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.putrequest("GET", target, skip_accept_encoding=True)
        for name, text in headers.items():
            connection.putheader(name, text)
        connection.endheaders()
        response = connection.getresponse()
        body = response.read()
        return response.status, response.getheader("Content-Type", ""), body, dict(response.headers)
    finally:
        connection.close()


@pytest.fixture(scope="module")
def gunicorn(index_dir):
    """gunicorn with gunicorn.conf.py over the fixture content, for every test of this module."""
    from conftest import CONTENT, Server

    server = Server({"KB_CONTENT_DIR": str(CONTENT), "KB_INDEX_DIR": str(index_dir)})
    yield server
    server.stop()


@settings(max_examples=EXAMPLES)
@given(st.sampled_from(list(ROUTES)).flatmap(lambda r: ROUTES[r]), params, headers)
@example("/api/search", [("q", "a" * 3900)], {})
def test_gunicorn_answers_any_request_without_a_5xx(gunicorn, path, query, headers):
    url = request_args(path, query)
    status, content_type, body, answer_headers = raw_get(gunicorn.port, url, headers)
    assert_answer(path, "GET", status, content_type, body, answer_headers)


def test_gunicorn_states_its_own_limits_beyond_the_apps(gunicorn):
    """Past the app's limits gunicorn itself refuses, before the app could answer in JSON."""
    status, _, body, _ = raw_get(gunicorn.port, "/api/search?q=" + "a" * 5000, {})
    assert status == 414 and b"4094" in body
    status, _, body, _ = raw_get(gunicorn.port, "/api/search", {"X-Padding": "p" * 9000})
    assert status == 431
