"""A Hypothesis-driven client over every route and parameter: no 5xx, one error shape, limits stated.

The app's test client carries the volume; a shorter run goes through real gunicorn (the
`served` fixture), raw bytes on a socket, so gunicorn's own parsing is part of what is tried.
"""

from __future__ import annotations

import http.client
import re
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



# Every route of the app, read from its URL map (a route added later is fuzzed too); each
# variable part drawn from its plausible values and hostile text.
SLUGS = ["kyrgyzstan", "npc", "lesson", "ru", "io3-services", "proact-car-2013",
         "kg-rec-17-evening-schools-support", "test-draft-entry", "", ".", "..", "%", "%2F", "a" * 300]
segment = st.one_of(st.sampled_from(SLUGS), hostile_text(4).map(encodable))
VARIABLES = {
    "facet": st.sampled_from(["types", "countries", "objectives", "stakeholders", "languages"]) | segment,
    "code": st.sampled_from(["en", "ru", "de", "EN", ""]) | segment,
    "filename": st.sampled_from(["style.css", "../kb/settings.py", "nope.js", "%00", "a/../style.css"]),
    "fmt": st.sampled_from(["csv", "json", "md", "xlsx", "bib", "ris", "txt", "html", "exe"]) | segment,
}
VARIABLE = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
RULES = sorted({rule.rule for rule in create_app({"INDEX_DIR": "/nonexistent"}).url_map.iter_rules()})


def route_strategy(rule: str) -> st.SearchStrategy[str]:
    """Paths of one URL rule: literal parts as they are, each variable quoted (a path keeps its /)."""
    pieces = VARIABLE.split(rule)   # literal, converter, name, literal, ...
    parts = [st.just(pieces[0])]
    for at in range(1, len(pieces), 3):
        converter, name, literal = pieces[at:at + 3]
        safe = "/" if converter == "path" else ""
        parts += [VARIABLES.get(name, segment).map(lambda v, safe=safe: urllib.parse.quote(v, safe=safe)),
                  st.just(literal)]
    return st.tuples(*parts).map("".join)


any_path = st.sampled_from(RULES).flatmap(route_strategy)
NAMES = ["q", "type", "lang", "country", "objective", "stakeholder", "report", "theme", "sort", "limit",
         "page", "drafts", "next", "format", "countries"]
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


@pytest.mark.parametrize("rule", RULES)
def test_each_route_answers_hostile_paths_and_parameters(fuzz_client, rule):
    """Every route on its own, so none is left to chance; the mixed run below adds volume."""

    @settings(max_examples=max(10, EXAMPLES // 3))
    @given(route_strategy(rule), params)
    def each(path, query):
        check(fuzz_client, path, query, "GET", {})

    each()


def check(client, path: str, query, method: str, headers: dict) -> None:
    response = client.open(request_args(path, query), method=method, headers=headers)
    try:
        assert_answer(path, method, response.status_code, response.content_type, response.data,
                      response.headers)
    finally:
        response.close()   # a static file is streamed from an open file


def assert_answer(path: str, method: str, status: int, content_type: str, body: bytes, headers) -> None:
    """No 5xx; the security headers; API errors in the one shape; pages as HTML; local redirects."""
    assert status < 500, (method, path, status, body[:500])
    for name, expected in SECURITY_HEADERS.items():
        assert headers.get(name) == expected, (path, name)
    if 300 <= status < 400:
        location = headers.get("Location", "")
        browser_sees = "".join(c for c in location if c not in "\t\n\r")
        local = browser_sees.startswith("/") and not browser_sees.startswith(("//", "/\\"))
        # Werkzeug's own redirect (a missing trailing slash) names this very host
        same_host = urllib.parse.urlsplit(browser_sees).hostname in ("localhost", "127.0.0.1")
        assert local or same_host, location
    if method == "HEAD" or status < 400:
        return
    if path.startswith(("/api/", "/health")) or content_type.startswith("application/json"):
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
@given(any_path, params, METHODS, headers)
@example("/locale/en", [("next", "/\t/evil.example")], "GET", {})
@example("/locale/en", [("next", "/\n/evil.example")], "GET", {})
@example("/search", [("q", "a" * (MAX_QUERY + 1))], "GET", {})
@example("/api/search", [("page", str(MAX_PAGE + 1))], "GET", {})
@example("/api/entries/%00", [], "GET", {"Accept-Language": "q=;;"})
def test_any_request_gets_a_clear_answer(fuzz_client, path, query, method, headers):
    check(fuzz_client, path, query, method, headers)


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
@given(any_path, params, headers)
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
