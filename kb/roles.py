"""Role pages: what is addressed to one stakeholder, grouped by country and objective (and by report).

Counts come from facets (one search per country with entries); the listed titles from one
search of at most LISTED entries, grouped here, so a role with thousands of entries still
gives a short page whose every count links to the full filtered list.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import gettext as _

from indexer.search.request import FILTERS, SearchRequest
from kb import viewmodels as vm
from kb.i18n import ui_lang
from kb.resources import get_searcher, resources

bp = Blueprint("roles", __name__)
LISTED = 300     # entries fetched to fill the groups with titles
PER_GROUP = 5    # titles shown per country × objective before "all N"
MAX_TITLES = 120     # titles on the whole page; past it, groups show their counts only
MAX_SECTIONS = 25    # countries with a section; the others are listed as links with counts


def role_heading(taxonomy, slug: str, lang: str) -> str:
    """"What is recommended to trade unions": the taxonomy's `<lang>_to` form when it has one."""
    labels = taxonomy.vocabularies.get("stakeholders", {}).get(slug, {})
    whom = labels.get(f"{lang}_to")
    if whom:
        return _("What is recommended to %(whom)s", whom=whom)
    return _("Addressed to: %(label)s", label=taxonomy.label("stakeholders", slug, lang))


def _type_links(base: SearchRequest, facets: dict, taxonomy, lang: str) -> list[dict]:
    counts = facets.get("type", {})
    return [{"label": taxonomy.label("types", t, lang, plural=True), "count": counts[t],
             "url": vm.search_url(base.toggled("type", t))}
            for t in taxonomy.slugs("types") if counts.get(t)]


def _listed(searcher, base: SearchRequest) -> list:
    return searcher.search(base.with_(limit=LISTED, sort="report", snippets=False)).hits


def sectioned(taxonomy, countries: dict) -> tuple[list[str], list[str]]:
    """(countries given a section, the rest): the MAX_SECTIONS largest, each part in taxonomy order."""
    largest = set(sorted(countries, key=lambda c: -countries[c])[:MAX_SECTIONS])
    ordered = [c for c in taxonomy.slugs("countries") if countries.get(c)]
    return [c for c in ordered if c in largest], [c for c in ordered if c not in largest]


def country_groups(searcher, taxonomy, lang: str, stakeholder: str, countries: list[str],
                   counts: dict) -> list[dict]:
    """Per country: its count and types, and per objective its count and first titles."""
    base = SearchRequest(filters={"stakeholder": (stakeholder,)})
    hits = _listed(searcher, base)
    groups, budget = [], MAX_TITLES
    for country in countries:
        here = base.toggled("country", country)
        facets = searcher.search(here.with_(limit=1)).facets
        objectives = facets.get("objective", {})
        parts = []
        for objective in [o for o in taxonomy.slugs("objectives") if objectives.get(o)] + [None]:
            if objective is None:
                listed = [h for h in hits if country in h.countries and not h.objectives]
                count, url, title = len(listed), None, _("No objective given")
            else:
                listed = [h for h in hits if country in h.countries and objective in h.objectives]
                count, url = objectives[objective], vm.search_url(here.toggled("objective", objective))
                title = taxonomy.label("objectives", objective, lang)
            if count:
                shown = listed[:min(PER_GROUP, budget)]
                budget -= len(shown)
                parts.append({"title": title, "count": count, "url": url,
                              "hits": [vm.hit_view(h, taxonomy, lang) for h in shown]})
        groups.append({"slug": country, "title": taxonomy.label("countries", country, lang),
                       "count": counts[country], "url": vm.search_url(here),
                       "types": _type_links(here, facets, taxonomy, lang), "objectives": parts})
    return groups


def report_links(base: SearchRequest, facets: dict, taxonomy, lang: str) -> list[dict]:
    """Per source report, once there are several and reports are a filter."""
    reports = facets.get("report", {})
    if "report" not in FILTERS or len(reports) < 2:
        return []
    return [{"label": taxonomy.label("reports", r, lang), "count": n,
             "url": vm.search_url(base.toggled("report", r))} for r, n in reports.items()]


@bp.get("/roles/")
def index():
    """List every stakeholder with entries, each linking to its role page."""
    lang, taxonomy = ui_lang(), resources().taxonomy
    counts = get_searcher().search(SearchRequest(limit=1)).facets.get("stakeholder", {})
    return render_template("roles.html", roles=role_links(taxonomy, counts, lang))


def role_links(taxonomy, counts: dict, lang: str) -> list[dict]:
    from flask import url_for

    return [{"label": taxonomy.label("stakeholders", s, lang), "count": counts[s],
             "url": url_for("roles.role", slug=s)} for s in taxonomy.slugs("stakeholders") if counts.get(s)]


@bp.get("/roles/<slug>")
def role(slug):
    """Show what is addressed to one stakeholder, by country and objective, with counts."""
    taxonomy, lang, searcher = resources().taxonomy, ui_lang(), get_searcher()
    if slug not in taxonomy.slugs("stakeholders"):
        abort(404, f"no stakeholder has the slug `{slug[:60]}`")
    base = SearchRequest(filters={"stakeholder": (slug,)})
    results = searcher.search(base.with_(limit=1))
    facets = results.facets
    counts = facets.get("country", {})
    with_section, others = sectioned(taxonomy, counts)
    return render_template(
        "role.html", heading=role_heading(taxonomy, slug, lang), total=results.total,
        all_url=vm.search_url(base), types=_type_links(base, facets, taxonomy, lang),
        countries=country_groups(searcher, taxonomy, lang, slug, with_section, counts),
        other_countries=[{"label": taxonomy.label("countries", c, lang), "count": counts[c],
                          "url": vm.search_url(base.toggled("country", c))} for c in others],
        reports=report_links(base, facets, taxonomy, lang),
        exports=vm.export_links(base), feed_url=vm.feed_url(base))
