"""One error path: JSON of one shape under /api/, an errors/<status>.html page elsewhere."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.errors import ContentError, IndexBusyError, IndexMissingError, KbError, QueryError

log = logging.getLogger(__name__)
STATUS = {QueryError: 400, IndexMissingError: 503, IndexBusyError: 503, ContentError: 503}
PAGES = (400, 404, 405, 500, 503)


def _respond(status: int, message: str):
    if request.path.startswith("/api/") or request.path == "/health" or request.path.endswith(".json"):
        return jsonify({"error": {"status": status, "message": message}}), status
    # A client error without a page of its own (413, 414, 431) shows the 400 page and its message.
    page = status if status in PAGES else 400 if 400 <= status < 500 else 500
    template = f"errors/{page}.html"
    try:
        return render_template(template, status=status, message=message), status
    except Exception:  # the error page itself failed: still answer, in plain text
        log.exception("error page %s failed", template)
        return f"{status}: {message}", status, {"Content-Type": "text/plain; charset=utf-8"}


def handle_kb_error(exc: KbError):
    status = next((code for kind, code in STATUS.items() if isinstance(exc, kind)), 500)
    return _respond(status, str(exc))


def handle_http(exc: HTTPException):
    return _respond(exc.code or 500, exc.description or exc.name)


def handle_unexpected(exc: Exception):
    log.exception("unexpected error on %s", request.path)
    return _respond(500, "An unexpected error occurred; it has been logged.")


def init_app(app: Flask) -> None:
    app.register_error_handler(KbError, handle_kb_error)
    app.register_error_handler(HTTPException, handle_http)
    app.register_error_handler(Exception, handle_unexpected)
