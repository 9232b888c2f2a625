"""kb.urls (the pages' links, remembered) and viewmodels.toggle_links give Flask's own addresses."""

import itertools

from flask import url_for as flask_url_for

from indexer.search.request import SearchRequest
from kb import urls
from kb import viewmodels as vm


def test_remembered_urls_are_flasks(app):
    for prefix in ("", "/ru"):
        with app.test_request_context("/search?q=x", base_url=f"http://localhost{prefix}/"):
            for endpoint, values in [("pages.entry", {"entry_id": "kg-evening-schools"}),
                                     ("pages.entry", {"entry_id": "a b/ü"}), ("pages.home", {}),
                                     ("pages.browse_index", {"facet": "countries"}),
                                     ("static", {"filename": "style.css"}),
                                     ("pages.search", {"q": ["a", "b"]}),
                                     ("pages.entry", {"entry_id": "x", "_external": True})]:
                assert urls.url_for(endpoint, **values) == flask_url_for(endpoint, **values)
                assert urls.url_for(endpoint, **values) == flask_url_for(endpoint, **values)
    with app.test_request_context("/search"):
        assert urls.url_for("pages.home") == "/"
    with app.test_request_context("/search", base_url="http://localhost/ru/"):
        assert urls.url_for("pages.home") == "/ru/"


def test_toggle_links_are_search_urls_of_the_toggled_request(app):
    requests = [SearchRequest(), SearchRequest(q="child labour & co"),
                SearchRequest(q="школы", filters={"country": ("kyrgyzstan",),
                                                  "type": ("lesson", "recommendation")},
                              page=3, limit=20, sort="title", drafts=True),
                SearchRequest(filters={"theme": ("a",), "lang": ("ru",)}, page=2)]
    with app.test_request_context("/search"):
        for request, name in itertools.product(requests, ["type", "lang", "country", "theme", "year"]):
            url = vm.toggle_links(request, name)
            for slug in ["lesson", "ru", "kyrgyzstan", "a", "2013", "new value"]:
                assert url(slug) == vm.search_url(request.toggled(name, slug)), (request, name, slug)
