"""`url_for` for the pages' own links, each address built once per language prefix.

A results page links about forty of the app's addresses (the menu, each hit's entry and report,
the form); Flask's `url_for` costs about 20 µs each (the URL map's build, the request's proxies),
a millisecond a page. An address depends only on the endpoint, its arguments and the request's
script root (which holds the `/ru` prefix, kb.i18n.LocalePrefix), so it is kept per app under
those. Anything else (an external URL, an anchor, a relative endpoint, list arguments) is
built by Flask every time.
"""

from __future__ import annotations

from flask import current_app, has_request_context, request
from flask import url_for as flask_url_for

LIMIT = 8192     # addresses kept per app; past it the memo starts again (at 100 000 entries)


def url_for(endpoint: str, **values) -> str:
    """`flask.url_for(endpoint, **values)`, remembered for plain relative addresses."""
    if endpoint.startswith(".") or not has_request_context() or any(k.startswith("_") for k in values):
        return flask_url_for(endpoint, **values)
    key = (request.script_root, endpoint, *sorted(values.items()))
    try:
        memo = current_app.extensions.setdefault("kb.urls", {})
        found = memo.get(key)
    except TypeError:      # an unhashable argument (a list of values): not remembered
        return flask_url_for(endpoint, **values)
    if found is None:
        found = flask_url_for(endpoint, **values)
        if len(memo) >= LIMIT:
            memo.clear()
        memo[key] = found
    return found


def init_app(app) -> None:
    """Templates build their links through the memo too."""
    app.jinja_env.globals["url_for"] = url_for
