"""Bounds on what one request may send, checked before any view runs; each error states its limit.

    body larger than MAX_CONTENT_LENGTH bytes      -> 413
    path and query string over MAX_URL_LENGTH      -> 414
    more than MAX_QUERY_PARAMS query parameters    -> 400
    a parameter name or value over MAX_PARAM_LENGTH characters -> 400
    request headers over MAX_HEADER_BYTES in all   -> 431

The limits are settings (kb/settings.py, KB_* variables); the query's own length, `limit`
and `page` are bounded where a search request is parsed (indexer/search/request.py).
gunicorn.conf.py bounds the request line and headers before the app sees them.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from werkzeug.exceptions import (
    BadRequest,
    RequestEntityTooLarge,
    RequestHeaderFieldsTooLarge,
    RequestURITooLarge,
)

from indexer.errors import KbError


def check_request() -> None:
    """Refuse a request that exceeds one of the limits, saying which and by how much."""
    config = current_app.config
    _check_body(request.content_length, int(config["MAX_CONTENT_LENGTH"]))
    _check_url(request.environ, int(config["MAX_URL_LENGTH"]))
    _check_headers(request.environ, int(config["MAX_HEADER_BYTES"]))
    _check_params(request.query_string, int(config["MAX_QUERY_PARAMS"]), int(config["MAX_PARAM_LENGTH"]))


def _check_body(length: int | None, limit: int) -> None:
    if length is not None and length > limit:
        raise RequestEntityTooLarge(f"the request body is {length} bytes; at most {limit} are allowed")


def _check_url(environ: dict, limit: int) -> None:
    # WSGI hands the path over as latin-1 text of the raw bytes: its length is the byte count.
    length = len(environ.get("SCRIPT_NAME", "")) + len(environ.get("PATH_INFO", "")) \
        + len(environ.get("QUERY_STRING", ""))
    if length > limit:
        raise RequestURITooLarge(f"the URL is {length} bytes long; at most {limit} are allowed")


def _check_headers(environ: dict, limit: int) -> None:
    size = sum(len(key) + len(str(value)) for key, value in environ.items()
               if key.startswith("HTTP_") or key in ("CONTENT_TYPE", "CONTENT_LENGTH"))
    if size > limit:
        raise RequestHeaderFieldsTooLarge(f"the request headers are {size} bytes; "
                                          f"at most {limit} are allowed")


def _check_params(query_string: bytes, count_limit: int, length_limit: int) -> None:
    # Count on the raw string before parsing it: the parse is the cost being bounded.
    count = sum(1 for part in query_string.split(b"&") if part)
    if count > count_limit:
        raise BadRequest(f"the URL has {count} query parameters; at most {count_limit} are allowed")
    for name, values in request.args.lists():
        if len(name) > length_limit:
            raise BadRequest(f"a parameter name is {len(name)} characters long; "
                             f"at most {length_limit} are allowed")
        for value in values:
            if len(value) > length_limit:
                raise BadRequest(f"the parameter `{name[:40]}` is {len(value)} characters long; "
                                 f"at most {length_limit} are allowed")


LIMITS = ("MAX_CONTENT_LENGTH", "MAX_FORM_PARTS", "MAX_FORM_MEMORY_SIZE", "MAX_URL_LENGTH",
          "MAX_QUERY_PARAMS", "MAX_PARAM_LENGTH", "MAX_HEADER_BYTES")


def init_app(app: Flask) -> None:
    """Check that every limit is a positive whole number (a bad KB_* value stops the start), then hook in."""
    for name in LIMITS:
        value = app.config.get(name)
        try:
            app.config[name] = number = int(value)
        except (TypeError, ValueError):
            number = 0
        if isinstance(value, bool) or number <= 0:
            raise KbError(f"KB_{name} must be a positive whole number, not {value!r}")
    app.before_request(check_request)
