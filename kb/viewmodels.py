"""View models: everything a template shows, computed here so templates only loop."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote_plus

from flask import g, has_request_context

from indexer.content.taxonomy import Taxonomy
from indexer.search.request import FILTERS, SearchRequest
from indexer.search.searcher import SearchResults
from kb.i18n import gettext as _
from kb.urls import url_for

FACET_TITLES = {"type": lambda: _("Type"), "lang": lambda: _("Language"),
                "country": lambda: _("Country"), "objective": lambda: _("Objective"),
                "stakeholder": lambda: _("Addressed to"), "theme": lambda: _("Theme"),
                "report": lambda: _("Report"), "organisation": lambda: _("Organisation"),
                "year": lambda: _("Year"), "evaluation_type": lambda: _("Evaluation type")}
# Browse pages: URL segment -> request filter name.
BROWSE = {"types": "type", "countries": "country", "objectives": "objective",
          "stakeholders": "stakeholder", "languages": "lang", "themes": "theme", "reports": "report",
          "organisations": "organisation", "years": "year", "evaluation-types": "evaluation_type"}


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
    hidden: int = 0                 # values with entries left out by FACET_LIMIT
    more_url: str | None = None     # the browse page listing them all


FACET_LIMIT = 12   # values shown per facet (the largest, and every selected one)


def search_url(request: SearchRequest, endpoint: str = "pages.search", **values) -> str:
    args = request.to_args()
    return _base_url(endpoint, values) + ("?" + _encode(args) if args else "")


def _base_url(endpoint: str, values: dict) -> str:
    """`url_for(endpoint, **values)`; without values, worked out once per request (a results
    page links sixty searches, and url_for costs tens of microseconds)."""
    if values or not has_request_context():
        return url_for(endpoint, **values)
    bases = g.setdefault("search_base_urls", {})
    if endpoint not in bases:
        bases[endpoint] = url_for(endpoint)
    return bases[endpoint]


def _encode(args: list[tuple[str, str]]) -> str:
    """`urlencode(args)`, each key and value quoted once (the query is in every link of a page)."""
    return "&".join(f"{_quote(k)}={_quote(v)}" for k, v in args)


@lru_cache(maxsize=4096)
def _quote(text: str) -> str:
    return quote_plus(text)


def toggle_links(request: SearchRequest, name: str):
    """slug -> `search_url(request.toggled(name, slug))`, the query string around filter `name`
    encoded once for all its values (a results page links sixty of them)."""
    values = request.filters.get(name, ())
    rest = request.with_(filters={k: v for k, v in request.filters.items() if k != name}, page=1)
    args = rest.to_args()
    before_name = list(FILTERS)[:list(FILTERS).index(name)]
    at = (1 if rest.q else 0) + sum(len(rest.filters.get(f, ())) for f in before_name)
    base, before, after = _base_url("pages.search", {}), _encode(args[:at]), _encode(args[at:])

    def url(slug: str) -> str:
        chosen = [v for v in values if v != slug] if slug in values else [*values, slug]
        query = "&".join(part for part in (before, _encode([(name, v) for v in chosen]), after) if part)
        return base + ("?" + query if query else "")
    return url


EXPORT_FORMATS = {"xlsx": "Excel", "csv": "CSV", "json": "JSON", "md": "Markdown"}


def feed_url(request: SearchRequest) -> str:
    """The Atom feed of new and changed entries under the same query and filters."""
    return search_url(SearchRequest(q=request.q, filters=request.filters), "feeds.atom")


def export_links(request: SearchRequest) -> list[dict]:
    """One link per export format of the whole list (every page) under the same query and filters."""
    whole = request.with_(page=1, limit=10)
    return [{"fmt": fmt, "label": name, "url": search_url(whole, "exports.results", fmt=fmt)}
            for fmt, name in EXPORT_FORMATS.items()]


def label(taxonomy: Taxonomy, name: str, value: str, lang: str) -> str:
    """The label of a filter value in the interface language."""
    return taxonomy.label(FILTERS[name][1], value, lang)


def facet_groups(results: SearchResults, taxonomy: Taxonomy, lang: str) -> list[FacetGroup]:
    """One group per filter, values in taxonomy order, selected ones shown even at zero."""
    request, groups = results.request, []
    for name, (_field, vocabulary) in FILTERS.items():
        if name not in FACET_TITLES:
            continue
        counts = results.facets.get(name, {})
        selected = set(request.filters.get(name, ()))
        largest = set(sorted(counts, key=lambda v: -counts[v])[:FACET_LIMIT]) | selected
        toggle_url = toggle_links(request, name)
        values = [FacetValue(slug, taxonomy.label(vocabulary, slug, lang), counts.get(slug, 0),
                             slug in selected, toggle_url(slug))
                  for slug in taxonomy.slugs(vocabulary) if slug in largest]
        hidden = sum(1 for v in counts if v not in largest)
        segment = next((seg for seg, filter_name in BROWSE.items() if filter_name == name), None)
        more = url_for("pages.browse_index", facet=segment) if hidden and segment else None
        if values:
            groups.append(FacetGroup(name, FACET_TITLES[name](), values, hidden, more))
    return groups


def active_filters(request: SearchRequest, taxonomy: Taxonomy, lang: str) -> list[dict]:
    """Each filter in force with the URL that removes it."""
    return [{"title": FACET_TITLES[name](), "label": label(taxonomy, name, value, lang),
             "remove_url": search_url(request.toggled(name, value))}
            for name, values in request.filters.items() for value in values]


def pagination(results: SearchResults, window: int = 2) -> list[dict]:
    """Page links around the current page: first, last, a window, and gaps."""
    return page_links(results.request.page, results.pages,
                      lambda number: search_url(results.request.with_(page=number)), window)


def page_links(current: int, last: int, url_of, window: int = 2) -> list[dict]:
    """Links to the first, last and nearby pages, with gaps (as _pagination.html wants)."""
    shown = sorted({1, last, *range(max(1, current - window), min(last, current + window) + 1)})
    links, previous = [], 0
    for number in shown:
        if number - previous > 1:
            links.append({"gap": True})
        links.append({"number": number, "current": number == current,
                      "url": url_of(number)})
        previous = number
    return links if last > 1 else []


CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN = re.compile("[A-Za-z]")
TAG = re.compile(r"<[^>]+>|&\w+;")


def script_lang(html: str, default: str) -> str:
    """ru or en by the script most of a text's letters are in (a snippet may be the translation's)."""
    text = TAG.sub(" ", html or "")
    cyrillic, latin = len(CYRILLIC.findall(text)), len(LATIN.findall(text))
    if cyrillic == latin:
        return default
    return "ru" if cyrillic > latin else "en"


def title_in(lang: str, entry_lang: str, title: str, title_translated: str) -> tuple[str, str]:
    """(title, its language): the entry's own title, or its translated one in the other language."""
    if entry_lang == lang or not title_translated:
        return title, entry_lang
    return title_translated, lang


def title_view(lang: str, entry_lang: str, title: str, title_translated: str) -> dict:
    """`title` in the interface language where the entry has one, its `title_lang`, and the
    `original_title` (in the entry's `lang`) when the shown title is a translation."""
    shown, shown_lang = title_in(lang, entry_lang, title, title_translated)
    return {"title": shown, "title_lang": shown_lang,
            "original_title": None if shown_lang == entry_lang else title}


def entry_link(stored: dict, lang: str) -> dict:
    """A link to an entry (stored fields or a related-entries dict) titled in the interface language."""
    return {"id": stored["id"], "url": url_for("pages.entry", entry_id=stored["id"]), "lang": stored["lang"],
            **title_view(lang, stored["lang"], stored["title"], stored.get("title_translated") or "")}


def hit_view(hit, taxonomy: Taxonomy, lang: str) -> dict:
    """A result as the list shows it: title in the interface language where the entry has one."""
    return {"id": hit.id, "url": url_for("pages.entry", entry_id=hit.id),
            **title_view(lang, hit.lang, hit.title, hit.title_translated), "lang": hit.lang,
            "type": taxonomy.label("types", hit.type, lang),
            "lang_label": taxonomy.label("langs", hit.lang, lang),
            "countries": [taxonomy.label("countries", c, lang) for c in hit.countries],
            "snippet": hit.snippet, "snippet_lang": script_lang(hit.snippet, hit.lang), "draft": hit.draft,
            "why": why_found(hit.matched_by), "report": report_badge(taxonomy, hit.report, lang)}


def why_found(matched_by: dict | None) -> str | None:
    """One line saying why a hit without the typed words is there: its synonym or its likeness."""
    if not matched_by:
        return None
    if matched_by["via"] == "synonym":
        return _("matched: %(pairs)s", pairs="; ".join(matched_by["matched"]))
    similarity = f"{matched_by['similarity']:.2f}"
    return _("similar in meaning to the search (%(similarity)s)", similarity=similarity)


def report_badge(taxonomy: Taxonomy, slug: str, lang: str) -> dict | None:
    """A result's report as a short label, "IOM · 2023" (the organisation's abbreviation), and its page."""
    record = taxonomy.reports.get(slug)
    if record is None:
        return None
    name = taxonomy.label("organisations", record.organisation, lang) if record.organisation else ""
    short = re.search(r"\(([^()]+)\)\s*$", name)
    bits = [short.group(1) if short else name, str(record.year or "")]
    return {"slug": slug, "label": " · ".join(b for b in bits if b) or slug, "title": record.label(lang),
            "url": url_for("reports.report", slug=slug)}


def sort_links(request: SearchRequest) -> list[dict]:
    names = {"relevance": _("relevance"), "title": _("title"), "report": _("report order")}
    return [{"label": label_, "current": request.sort == key,
             "url": search_url(request.with_(sort=key, page=1))} for key, label_ in names.items()]
