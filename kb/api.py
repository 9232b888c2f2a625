"""The JSON API of CONTRACT.md: search, one entry, health."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from indexer.content.render import entry_document
from indexer.errors import KbError
from indexer.search.request import parse_search_args
from kb.resources import find_entry, get_searcher, resources

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search():
    """Return the CONTRACT's search result object."""
    search_request = parse_search_args(request.args, resources().taxonomy)
    return jsonify(get_searcher().search(search_request).to_dict())


@bp.get("/api/entries/<entry_id>")
def entry(entry_id):
    """Return one entry: front matter, Markdown body, rendered HTML."""
    found, path = find_entry(entry_id)
    return jsonify(entry_document(found, path))


@bp.get("/health")
def health():
    """Say whether the index is open, how many entries it has, and which generation."""
    try:
        searcher = get_searcher()
    except KbError as exc:
        body = {"status": "unavailable", "entries": 0, "index": None, "message": str(exc)}
        return jsonify(body), 503
    body = {"status": "ok", "entries": searcher.count(), "index": searcher.generation}
    stale = resources().stale()
    if stale:
        body.update(status="stale", current=stale.generation,
                    message=(f"serving {searcher.generation}, because {stale.generation} "
                             f"was refused: {stale.message}"))
    return jsonify(body)
