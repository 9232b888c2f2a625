"""Compare countries side by side for a query or a theme: parallel items on one row.

Each chosen country is one column (any set of countries of the taxonomy). The matched
entries of all columns are joined into rows by their `parallel` links (the country study's
item and the main report's statement of it), so the same item reads across one row.
"""

from __future__ import annotations

from flask import Blueprint, render_template, request

from indexer.search.request import SearchRequest, parse_search_args
from kb import viewmodels as vm
from kb.i18n import ui_lang
from kb.resources import get_searcher, resources

bp = Blueprint("compare", __name__)
PER_COUNTRY = 30    # entries per column at most; the rest is one link away
MAX_TITLES = 100    # entries on the page: many columns get fewer each
DEFAULT_COLUMNS = 6


class Rows:
    """Union-find over entry ids: entries linked by `parallel` end in one row."""

    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def chosen_countries(search_request: SearchRequest, searcher, taxonomy) -> list[str]:
    """The countries asked for, else the ones with most matching entries, in taxonomy order."""
    asked = search_request.filters.get("country", ())
    if asked:
        return list(asked)
    facets = searcher.search(search_request.with_(limit=1)).facets.get("country", {})
    largest = set(sorted(facets, key=lambda c: -facets[c])[:DEFAULT_COLUMNS])
    return [c for c in taxonomy.slugs("countries") if c in largest]


def compare_rows(search_request: SearchRequest, countries: list[str], lang: str) -> tuple[list, list]:
    """(columns, rows): each row is one item and its parallels, one cell of hits per country."""
    searcher, taxonomy = get_searcher(), resources().taxonomy
    base = search_request.with_(filters={k: v for k, v in search_request.filters.items() if k != "country"})
    columns, found, rows = [], {}, Rows()
    per_country = max(3, min(PER_COUNTRY, MAX_TITLES // max(1, len(countries))))
    for country in countries:
        here = base.toggled("country", country).with_(limit=per_country, page=1, snippets=False)
        results = searcher.search(here)
        columns.append({"slug": country, "label": taxonomy.label("countries", country, lang),
                        "total": results.total, "url": vm.search_url(here.with_(limit=10)),
                        "shown": len(results.hits)})
        for rank, hit in enumerate(results.hits):
            found.setdefault(hit.id, (rank, hit))
            rows.find(hit.id)
    for entry_id in list(found):
        for other in (searcher.stored(entry_id) or {}).get("parallel") or ():
            if other in found:
                rows.join(entry_id, other)
    grouped: dict[str, list] = {}
    for entry_id, (rank, hit) in found.items():
        grouped.setdefault(rows.find(entry_id), []).append((rank, hit))
    ordered = sorted(grouped.values(), key=lambda members: min(rank for rank, _ in members))
    table = [[[vm.hit_view(hit, taxonomy, lang) for _, hit in sorted(members, key=lambda m: m[0])
               if column["slug"] in hit.countries] for column in columns] for members in ordered]
    return columns, table


@bp.get("/compare")
def compare():
    """Put the countries' items for a query or theme side by side, parallel items on one row."""
    taxonomy, lang, searcher = resources().taxonomy, ui_lang(), get_searcher()
    search_request = parse_search_args(request.args, taxonomy)
    countries = chosen_countries(search_request, searcher, taxonomy)
    asked = bool(search_request.q or search_request.filters)
    columns, table = compare_rows(search_request, countries, lang) if asked else ([], [])
    all_countries = searcher.search(SearchRequest(limit=1)).facets.get("country", {})
    themes = searcher.search(SearchRequest(limit=1)).facets.get("theme", {})
    selected_theme = set(search_request.filters.get("theme", ()))
    return render_template(
        "compare.html", request_=search_request, columns=columns, rows=table, asked=asked,
        country_choices=[{"slug": c, "label": taxonomy.label("countries", c, lang),
                          "checked": c in countries and asked}
                         for c in taxonomy.slugs("countries") if all_countries.get(c)],
        theme_choices=[{"slug": t, "label": taxonomy.label("themes", t, lang),
                        "selected": t in selected_theme}
                       for t in taxonomy.slugs("themes") if themes.get(t)])
