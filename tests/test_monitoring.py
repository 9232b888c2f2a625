"""Operations: a structured log line per request, /metrics for the operator only, /health."""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request

import pytest

from kb.monitoring import query_hash


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines: list[dict] = []

    def emit(self, record):
        self.lines.append(json.loads(record.getMessage()))


@pytest.fixture
def access_lines():
    handler = Lines()
    logger = logging.getLogger("kb.access")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_each_request_logs_one_json_line_with_the_query_only_hashed(client, access_lines):
    client.get("/api/search?q=вечерние+школы&country=kyrgyzstan")
    client.get("/entries/no-such-entry")
    search, missing = access_lines
    assert search["method"] == "GET" and search["path"] == "/api/search"
    assert search["route"] == "/api/search" and search["status"] == 200
    assert search["ms"] > 0 and search["generation"].startswith("gen-")
    assert search["query"] == query_hash("вечерние школы")
    assert "школы" not in json.dumps(search, ensure_ascii=False)
    assert missing["status"] == 404 and missing["route"] == "/entries/<entry_id>"
    assert missing["query"] is None


def _metric(text: str, name: str, **labels) -> float:
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name) or line.startswith("#"):
            continue
        head, value = line.rsplit(" ", 1)
        if all(f'{k}="{v}"' in head for k, v in labels.items()) and re.match(rf"{name}(\{{|$)", head):
            total += float(value)
    return total


def test_metrics_count_requests_per_route_and_describe_the_index(client):
    before = _metric(client.get("/metrics").get_data(as_text=True), "kb_http_requests_total",
                     route="/api/search", status="200")
    for _ in range(3):
        client.get("/api/search?q=teachers")
    client.get("/api/search?limit=0")
    text = client.get("/metrics").get_data(as_text=True)
    assert _metric(text, "kb_http_requests_total", route="/api/search", status="200") == before + 3
    assert _metric(text, "kb_http_requests_total", route="/api/search", status="400") >= 1
    assert _metric(text, "kb_http_request_duration_seconds_count", route="/api/search") >= 4
    assert _metric(text, "kb_index_entries") == client.get("/health").get_json()["entries"]
    assert _metric(text, "kb_index_generation") >= 1
    assert 0 <= _metric(text, "kb_index_age_seconds") < 3600
    assert _metric(text, "kb_index_stale") == 0


@pytest.mark.parametrize("environ, headers", [
    ({"REMOTE_ADDR": "203.0.113.7"}, {}),
    ({"REMOTE_ADDR": "127.0.0.1"}, {"X-Forwarded-For": "203.0.113.7"}),
    ({"REMOTE_ADDR": "127.0.0.1"}, {"Forwarded": "for=203.0.113.7"}),
])
def test_metrics_are_not_for_the_public(client, environ, headers):
    response = client.get("/metrics", environ_base=environ, headers=headers)
    assert response.status_code == 404
    assert "kb_http" not in response.get_data(as_text=True)


def test_metrics_allow_is_a_setting(index_dir):
    from kb import create_app
    from tests.conftest import CONTENT

    app = create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index_dir), "TESTING": True,
                      "METRICS_ALLOW": "10.0.0.0/8"})
    client = app.test_client()
    assert client.get("/metrics", environ_base={"REMOTE_ADDR": "10.1.2.3"}).status_code == 200
    assert client.get("/metrics").status_code == 404


@pytest.mark.slow
def test_metrics_under_gunicorn_add_up_every_worker(served):
    for _ in range(20):
        with urllib.request.urlopen(served.url + "/api/search?q=monitoring") as response:
            response.read()
    with urllib.request.urlopen(served.url + "/metrics") as response:
        text = response.read().decode()
    assert _metric(text, "kb_http_requests_total", route="/api/search", status="200") == 20
    request = urllib.request.Request(served.url + "/metrics", headers={"X-Forwarded-For": "198.51.100.1"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 404
    refused.value.close()
    assert '"route": "/api/search"' in served.output()
