"""Operations: one structured log line per request, and Prometheus metrics at /metrics.

The log line is JSON on the `kb.access` logger (stderr): method, path, route, status,
duration, generation; the query text only as a hash, so logs hold no reader's words.
/metrics answers only clients in METRICS_ALLOW (loopback by default) that did not come
through a proxy: behind nginx, the public never reaches it. Under gunicorn the workers
share their counts through PROMETHEUS_MULTIPROC_DIR (set by gunicorn.conf.py).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import logging
import os
import sys
import time
from pathlib import Path

from flask import Blueprint, Flask, Response, abort, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

bp = Blueprint("monitoring", __name__)
access_log = logging.getLogger("kb.access")
PROXY_HEADERS = ("X-Forwarded-For", "X-Real-IP", "Forwarded")
REQUESTS = Counter("kb_http_requests_total", "HTTP requests answered, by route, method and status",
                   ["route", "method", "status"])
LATENCY = Histogram("kb_http_request_duration_seconds", "Time to answer a request, by route", ["route"],
                    buckets=(.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1.0, 2.5, 5.0))


def query_hash(text: str) -> str | None:
    """A stable, irreversible stand-in for a reader's query in the logs."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16] if text else None


def _route() -> str:
    rule = request.url_rule
    return rule.rule if rule is not None else "unmatched"


def _served_generation() -> str | None:
    searcher = current_app.extensions["kb"].searcher
    return searcher.generation if searcher is not None else None


def _start() -> None:
    g.kb_started = time.perf_counter()


def _finish(response):
    seconds = time.perf_counter() - g.get("kb_started", time.perf_counter())
    route = _route()
    REQUESTS.labels(route, request.method, str(response.status_code)).inc()
    LATENCY.labels(route).observe(seconds)
    access_log.info(json.dumps({
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "method": request.method,
        "path": request.path[:200], "route": route, "status": response.status_code,
        "ms": round(seconds * 1000, 2), "generation": _served_generation(),
        "query": query_hash(request.args.get("q", "")),
    }, ensure_ascii=False))
    return response


class IndexCollector:
    """The served index, read at scrape time: generation, entries, age, staleness."""

    def __init__(self, app: Flask):
        self.app = app

    def collect(self):
        kb = self.app.extensions["kb"]
        searcher = kb.searcher
        number = GaugeMetricFamily("kb_index_generation", "Number of the generation this worker serves")
        entries = GaugeMetricFamily("kb_index_entries", "Entries in the served generation")
        age = GaugeMetricFamily("kb_index_age_seconds", "Seconds since the served generation was built")
        stale = GaugeMetricFamily("kb_index_stale", "1 when a newer generation was refused at open")
        if searcher is not None:
            number.add_metric([], float(searcher.generation.rsplit("-", 1)[-1] or 0))
            entries.add_metric([], searcher.count())
            built = Path(kb.paths.index_dir) / searcher.generation
            try:
                age.add_metric([], max(0.0, time.time() - built.stat().st_mtime))
            except OSError:
                pass
            stale.add_metric([], 1.0 if kb.stale() else 0.0)
        yield from (number, entries, age, stale)


def _allowed(address: str | None) -> bool:
    if any(request.headers.get(name) for name in PROXY_HEADERS):
        return False
    try:
        client = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    networks = str(current_app.config.get("METRICS_ALLOW") or "").replace(",", " ").split()
    for network in networks:
        try:
            if client in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False


@bp.get("/metrics")
def metrics():
    """Return the Prometheus metrics, to allowed clients only (404 to anyone else)."""
    if not _allowed(request.remote_addr):
        abort(404)
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REQUESTS)
        registry.register(LATENCY)
    registry.register(IndexCollector(current_app._get_current_object()))
    return Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)


def init_app(app: Flask) -> None:
    """Log and count every request; serve /metrics."""
    if not access_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False
    app.before_request(_start)
    app.after_request(_finish)
    app.register_blueprint(bp)
