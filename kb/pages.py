"""HTML pages: home, search results, browse, entry, and the interface-language switch."""

from __future__ import annotations

from flask import Blueprint, abort, make_response, redirect, render_template, request, url_for

from indexer.search.request import SearchRequest, parse_search_args
from indexer.search.searcher import related_entries
from kb import citations, roles
from kb import viewmodels as vm
from kb.i18n import COOKIE, LOCALES, ui_lang
from kb.matrix import home_matrices
from kb.resources import find_entry, get_searcher, resources

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    """Show the search box, entry points per type, country and stakeholder, with counts."""
    searcher = get_searcher()
    results = searcher.search(SearchRequest(limit=1))
    taxonomy, lang = resources().taxonomy, ui_lang()
    return render_template("home.html", total=results.total,
                           groups=vm.facet_groups(results, taxonomy, lang),
                           roles=roles.role_links(taxonomy, results.facets.get("stakeholder", {}), lang),
                           matrices=home_matrices(searcher, taxonomy, lang))


@bp.get("/search")
def search():
    """Search (or browse, with an empty query) and show results with facets."""
    taxonomy = resources().taxonomy
    search_request = parse_search_args(request.args, taxonomy)
    return _results_page(search_request, heading=None)


@bp.get("/browse/<facet>/")
def browse_index(facet):
    """List every value of one vocabulary with its number of entries."""
    name = vm.BROWSE.get(facet) or abort(404)
    results = get_searcher().search(SearchRequest(limit=1))
    lang = ui_lang()
    group = next((g for g in vm.facet_groups(results, resources().taxonomy, lang) if g.name == name), None)
    links = [{"label": v.label, "count": v.count,
              "url": url_for("pages.browse", facet=facet, value=v.value)} for v in (group.values if group else [])]
    return render_template("browse.html", title=vm.FACET_TITLES[name](), links=links)


@bp.get("/browse/<facet>/<value>")
def browse(facet, value):
    """Show the entries of one country, objective, stakeholder, type or language."""
    name = vm.BROWSE.get(facet) or abort(404)
    taxonomy = resources().taxonomy
    args = request.args.copy()
    args.setlist(name, list(dict.fromkeys(args.getlist(name) + [value])))
    search_request = parse_search_args(args, taxonomy)
    heading = f"{vm.FACET_TITLES[name]()}: {vm.label(taxonomy, name, value, ui_lang())}"
    return _results_page(search_request, heading=heading)


def _results_page(search_request: SearchRequest, heading: str | None):
    results = get_searcher().search(search_request)
    taxonomy, lang = resources().taxonomy, ui_lang()
    return render_template(
        "search.html", results=results, request_=search_request, heading=heading,
        hits=[vm.hit_view(h, taxonomy, lang) for h in results.hits],
        groups=vm.facet_groups(results, taxonomy, lang),
        active=vm.active_filters(search_request, taxonomy, lang),
        pages=vm.pagination(results), sorts=vm.sort_links(search_request),
        exports=vm.export_links(search_request), feed_url=vm.feed_url(search_request),
        suggestion_url=vm.search_url(search_request.with_(q=results.suggestion, page=1))
        if results.suggestion else None)


@bp.get("/entries/<entry_id>")
def entry(entry_id):
    """Show one entry: the report's words, the editor's translation and note, tags, source, citation."""
    found, path = find_entry(entry_id)
    searcher, taxonomy, lang = get_searcher(), resources().taxonomy, ui_lang()
    parallels = [vm.entry_link(stored, lang)
                 for stored in (searcher.stored(i) for i in found.parallel) if stored]
    related = [vm.entry_link(r, lang) for r in related_entries(searcher, entry_id)]
    url = url_for("pages.entry", entry_id=entry_id, _external=True)
    return render_template("entry.html", entry=found, path=path, parallels=parallels,
                           related=related, tags=_tag_links(found, taxonomy, lang),
                           type_label=taxonomy.label("types", found.type, lang),
                           source=citations.source_view(found, taxonomy, lang),
                           report_url=url_for("reports.report", slug=found.source.report)
                           if found.source.report in taxonomy.reports else None,
                           cite={"plain": citations.plain_reference(found, taxonomy, lang, url, html=True),
                                 "bibtex": citations.bibtex(found, taxonomy, lang, url),
                                 "ris": citations.ris(found, taxonomy, lang, url)})


def _tag_links(entry, taxonomy, lang) -> list[dict]:
    groups = [("types", "type", [entry.type]), ("countries", "country", entry.countries),
              ("objectives", "objective", entry.objectives),
              ("stakeholders", "stakeholder", entry.stakeholders), ("themes", "theme", entry.themes)]
    return [{"title": vm.FACET_TITLES[name](),
             "values": [{"label": vm.label(taxonomy, name, v, lang),
                         "url": url_for("pages.browse", facet=facet, value=v)} for v in values]}
            for facet, name, values in groups if values]


@bp.get("/locale/<code>")
def set_locale(code):
    """Switch the interface language and go back where the reader was."""
    if code not in LOCALES:
        abort(404)
    target = request.args.get("next", "")
    if not is_local_path(target):
        target = url_for("pages.home")
    response = make_response(redirect(target))
    response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response


def is_local_path(target: str) -> bool:
    r"""A path of this site only: browsers drop tabs and newlines, so "/\t/evil" would be "//evil"."""
    return (target.startswith("/") and not target.startswith("//") and "\\" not in target
            and not any(ord(c) < 0x20 or ord(c) == 0x7f for c in target))
