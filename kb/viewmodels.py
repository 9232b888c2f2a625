"""View models: everything a template shows, computed here so templates only loop."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from flask import url_for
from flask_babel import gettext as _

from indexer.content.taxonomy import Taxonomy
from indexer.search.request import FILTERS, SearchRequest
from indexer.search.searcher import SearchResults

FACET_TITLES = {"type": lambda: _("Type"), "lang": lambda: _("Language"),
                "country": lambda: _("Country"), "objective": lambda: _("Objective"),
                "stakeholder": lambda: _("Addressed to")}
# Browse pages: URL segment -> request filter name.
BROWSE = {"types": "type", "countries": "country", "objectives": "objective",
          "stakeholders": "stakeholder", "languages": "lang"}


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    toggle_url: str


@dataclass(frozen=True)
class FacetGroup:
    name: str
    title: str
    values: list


def search_url(request: SearchRequest, endpoint: str = "pages.search") -> str:
    args = request.to_args()
    return url_for(endpoint) + ("?" + urlencode(args) if args else "")


def label(taxonomy: Taxonomy, name: str, value: str, lang: str) -> str:
    """The label of a filter value in the interface language."""
    return taxonomy.label(FILTERS[name][1], value, lang)


def facet_groups(results: SearchResults, taxonomy: Taxonomy, lang: str) -> list[FacetGroup]:
    """One group per filter, values in taxonomy order, selected ones shown even at zero."""
    request, groups = results.request, []
    for name, (_field, vocabulary) in FILTERS.items():
        counts = results.facets.get(name, {})
        selected = set(request.filters.get(name, ()))
        values = [FacetValue(slug, taxonomy.label(vocabulary, slug, lang), counts.get(slug, 0),
                             slug in selected, search_url(request.toggled(name, slug)))
                  for slug in taxonomy.slugs(vocabulary) if counts.get(slug) or slug in selected]
        if values:
            groups.append(FacetGroup(name, FACET_TITLES[name](), values))
    return groups


def active_filters(request: SearchRequest, taxonomy: Taxonomy, lang: str) -> list[dict]:
    """Each filter in force with the URL that removes it."""
    return [{"title": FACET_TITLES[name](), "label": label(taxonomy, name, value, lang),
             "remove_url": search_url(request.toggled(name, value))}
            for name, values in request.filters.items() for value in values]


def pagination(results: SearchResults, window: int = 2) -> list[dict]:
    """Page links around the current page: first, last, a window, and gaps."""
    current, last = results.request.page, results.pages
    shown = sorted({1, last, *range(max(1, current - window), min(last, current + window) + 1)})
    links, previous = [], 0
    for number in shown:
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "current": number == current,
                      "url": search_url(results.request.with_(page=number))})
        previous = number
    return links if last > 1 else []


def hit_view(hit, taxonomy: Taxonomy, lang: str) -> dict:
    """A result as the list shows it: title in the interface language where the entry has one."""
    own = hit.lang == lang or not hit.title_translated
    return {"id": hit.id, "url": url_for("pages.entry", entry_id=hit.id),
            "title": hit.title if own else hit.title_translated,
            "title_lang": hit.lang if own else lang,
            "original_title": None if own else hit.title, "lang": hit.lang,
            "type": taxonomy.label("types", hit.type, lang),
            "lang_label": taxonomy.label("langs", hit.lang, lang),
            "countries": [taxonomy.label("countries", c, lang) for c in hit.countries],
            "snippet": hit.snippet, "draft": hit.draft, "why": why_found(hit.matched_by)}


def why_found(matched_by: dict | None) -> str | None:
    """One line saying why a hit without the typed words is there: its synonym or its likeness."""
    if not matched_by:
        return None
    if matched_by["via"] == "synonym":
        return _("matched: %(pairs)s", pairs="; ".join(matched_by["matched"]))
    similarity = f"{matched_by['similarity']:.2f}"
    return _("similar in meaning to the search (%(similarity)s)", similarity=similarity)


def sort_links(request: SearchRequest) -> list[dict]:
    names = {"relevance": _("relevance"), "title": _("title"), "report": _("report order")}
    return [{"label": label_, "current": request.sort == key,
             "url": search_url(request.with_(sort=key, page=1))} for key, label_ in names.items()]
