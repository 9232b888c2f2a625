"""Report pages and their JSON twins: every report, and one report's record and items by section."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask import Blueprint, abort, jsonify, render_template, request, url_for
from flask_babel import gettext as _

from indexer.content.reports import Report
from indexer.search.request import MAX_LIMIT, SearchRequest
from kb import viewmodels as vm
from kb.i18n import ui_lang
from kb.resources import get_searcher, resources

bp = Blueprint("reports", __name__)
PAGE_ITEMS = 3 * MAX_LIMIT   # a report page shows this many items; most reports have fewer


@dataclass(frozen=True)
class ReportContents:
    """One page of a report's indexed entries (stored fields, source order), counts per type."""

    items: list
    counts: dict
    total: int = 0
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // PAGE_ITEMS))


def wants_drafts() -> bool:
    return request.args.get("drafts", "").lower() in ("1", "true", "yes", "on")


def find_report(slug: str) -> Report:
    """The record of a report; NotFound naming the nearest known slug otherwise."""
    taxonomy = resources().taxonomy
    record = taxonomy.reports.get(slug)
    if record is None:
        abort(404, taxonomy.unknown_message("reports", slug[:60]).replace("unknown reports slug",
                                                                           "no report has the slug"))
    return record


def wanted_page() -> int:
    """The `page` argument: a whole number from 1; a 400 saying so otherwise."""
    raw = request.args.get("page", "1").strip() or "1"
    if not re.fullmatch(r"[0-9]{1,5}", raw) or not 1 <= int(raw) <= 10_000:
        abort(400, f"`page` must be a whole number from 1 to 10000, not `{raw[:40]}`")
    return int(raw)


def report_contents(slug: str, drafts: bool, page: int = 1) -> ReportContents:
    """One page of the report's entries, read through the search API 100 at a time."""
    searcher, items, counts, total = get_searcher(), [], {}, 0
    step = min(MAX_LIMIT, PAGE_ITEMS)
    first = (page - 1) * PAGE_ITEMS // step + 1
    for number in range(first, first + PAGE_ITEMS // step):
        results = searcher.search(SearchRequest(filters={"report": (slug,)}, sort="report",
                                                limit=step, page=number, drafts=drafts))
        counts, total = results.facets.get("type", {}), results.total
        items += [dict(searcher.stored(hit.id) or {}, draft=hit.draft) for hit in results.hits]
        if number * step >= total:
            break
    return ReportContents(items, counts, total, page)


def section_key(section: str) -> tuple:
    """'4.2.10' after '4.2.9'; numbered sections before named ones ('Executive summary')."""
    numbers = re.match(r"\d+(?:\.\d+)*", section or "")
    if numbers:
        return (0, tuple(int(n) for n in numbers.group().split(".")), section)
    return (1, (), section or "")


def _sequence(entry_id: str) -> int:
    """The `nn` of an id `<part>-<kind>-<nn>-<slug>`: the item's order within its part and kind."""
    found = re.search(r"-(?:rec|lesson|gp)-(\d{1,4})(?:-|$)", entry_id or "")
    return int(found.group(1)) if found else 1 << 30


def entry_key(item: dict) -> tuple:
    """An entry's place in its report: source page, then paragraph, item, id order (unknown: last)."""
    source = item.get("source") or {}
    return (*(_number(source.get(key)) for key in ("page", "paragraph", "item")),
            _sequence(item.get("id") or ""), item.get("id") or "")


def _section_order(name: str, keys: list[tuple]) -> tuple:
    """A section's place: its first page, its outline number, its first paragraph, its first entry's `nn`.

    Items are numbered within their own list, so they order entries inside a section, not sections.
    """
    return (min(k[0] for k in keys), section_key(name)[:2], min(k[1] for k in keys),
            min(k[3] for k in keys), name)


def _place(source: dict) -> str:
    """'paragraph 17, item 2, page 12' in the interface language, from what the entry cites."""
    bits = []
    if source.get("paragraph") is not None:
        bits.append(_("paragraph") + f" {source['paragraph']}")
    if source.get("item") is not None:
        bits.append(_("item") + f" {source['item']}")
    if source.get("page") is not None:
        bits.append(_("page") + f" {source['page']}")
    return ", ".join(bits)


def _number(value) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 1 << 30


def _part_of(record: Report, path: str, cited: str) -> str:
    """The record's part of an entry: its folder `content/<report>/<part>/`, else its cited part's label."""
    folder = path.replace("\\", "/").split("/")[-2:-1]
    if folder and folder[0] in record.parts:
        return folder[0]
    by_label = {label: slug for slug, labels in record.parts.items() for label in labels.values()}
    return by_label.get(cited, cited)


def sections_view(record: Report, items: list, lang: str) -> list[dict]:
    """Parts -> sections -> items, each in the report's reading order (see entry_key), for the template."""
    taxonomy, rank = resources().taxonomy, {slug: number for number, slug in enumerate(record.parts)}
    parts: dict[str, dict] = {}
    for item in items:
        source = item.get("source") or {}
        part = _part_of(record, item.get("path") or "", source.get("part") or "")
        label = record.parts[part][lang] if part in record.parts else (part or _("No part given"))
        group = parts.setdefault(part, {"label": label, "sections": {}})
        section = group["sections"].setdefault(source.get("section", ""), [])
        section.append(dict(_item_view(item, source, taxonomy, lang), order=entry_key(item)))
    views = []
    for slug, group in parts.items():
        sections = sorted(({"section": name, "entries": sorted(entries, key=lambda e: e["order"])}
                           for name, entries in group["sections"].items()),
                          key=lambda s: _section_order(s["section"], [e["order"] for e in s["entries"]]))
        first_page = min(e["order"][0] for s in sections for e in s["entries"])
        views.append(({"slug": slug, "label": group["label"], "sections": sections},
                      (first_page, rank.get(slug, len(rank)), slug)))
    return [view for view, _key in sorted(views, key=lambda pair: pair[1])]


def _item_view(item: dict, source: dict, taxonomy, lang: str) -> dict:
    """One line of the report's contents: type, place in the report, title (as vm.entry_link) and link."""
    return {**vm.entry_link(dict(item, id=item.get("id") or "", lang=item.get("lang") or "",
                                 title=item.get("title") or ""), lang),
            "type": taxonomy.label("types", item.get("type", ""), lang), "kind": item.get("type"),
            "place": _place(source), "draft": item.get("draft", False)}


def _link(name: str, value: str, lang: str) -> dict:
    """A vocabulary value with the browse page of its entries."""
    facet = next(segment for segment, filter_name in vm.BROWSE.items() if filter_name == name)
    return {"label": vm.label(resources().taxonomy, name, value, lang),
            "url": url_for("pages.browse", facet=facet, value=value)}


def record_view(record: Report, lang: str, contents: ReportContents | None = None) -> dict:
    """Everything the report's header shows, labels in the interface language."""
    taxonomy, other = resources().taxonomy, "ru" if lang == "en" else "en"
    counts = contents.counts if contents else {}
    return {
        "slug": record.slug, "draft": record.draft, "url": url_for("reports.report", slug=record.slug),
        "title": record.label(lang), "title_lang": lang if record.title.get(lang) else other,
        "other_title": record.title.get(other) if record.title.get(lang) else "", "other_lang": other,
        "organisation": _link("organisation", record.organisation, lang) if record.organisation else None,
        "evaluation_type": _link("evaluation_type", record.evaluation_type, lang)
        if record.evaluation_type else None,
        "year": _link("year", str(record.year), lang) if record.year else None,
        "project": record.project, "evaluators": record.evaluators, "source": record.source,
        "countries": [_link("country", c, lang) for c in record.countries],
        "languages": [taxonomy.label("langs", code, lang) for code in record.languages],
        "objectives": [{"slug": slug, "label": taxonomy.label("objectives", slug, lang),
                        "url": url_for("pages.browse", facet="objectives", value=slug)}
                       for slug in record.objectives],
        "counts": [{"type": kind, "label": taxonomy.label("types", kind, lang, plural=True),
                    "count": counts.get(kind, 0),
                    "url": vm.search_url(SearchRequest(filters={"report": (record.slug,), "type": (kind,)},
                                                       drafts=wants_drafts()))}
                   for kind in taxonomy.slugs("types")],
        "total": sum(counts.values()),
    }


@bp.get("/reports")
def reports():
    """List every report with its organisation, type, year and number of entries."""
    counts = get_searcher().search(SearchRequest(limit=1, drafts=wants_drafts())).facets.get("report", {})
    lang = ui_lang()
    newest_first = sorted(resources().taxonomy.reports.values(), key=lambda r: (-(r.year or 0), r.slug))
    rows = [dict(record_view(r, lang), entries=counts.get(r.slug, 0)) for r in newest_first]
    return render_template("reports.html", reports=rows, drafts=wants_drafts())


@bp.get("/reports/<slug>")
def report(slug):
    """Show one report: its record, counts per type, and its items by part and section."""
    record, lang = find_report(slug), ui_lang()
    contents = report_contents(slug, wants_drafts(), wanted_page())
    drafts = {"drafts": 1} if wants_drafts() else {}
    toggle = url_for("reports.report", slug=slug, **({} if drafts else {"drafts": 1}))
    return render_template("report.html", report=record_view(record, lang, contents),
                           parts=sections_view(record, contents.items, lang), drafts=wants_drafts(),
                           pages=_page_links(slug, contents, drafts), drafts_url=toggle)


def _page_links(slug: str, contents: ReportContents, drafts: dict, window: int = 2) -> list[dict]:
    """Links to the first, last and nearby pages of a long report, with gaps."""
    links = vm.page_links(contents.page, contents.pages,
                          lambda number: url_for("reports.report", slug=slug, page=number, **drafts), window)
    return links if contents.pages > 1 else []


@bp.get("/api/reports")
def api_reports():
    """Return every report record with its number of published entries."""
    counts = get_searcher().search(SearchRequest(limit=1)).facets.get("report", {})
    return jsonify({"reports": [dict(r.to_dict(), entries=counts.get(slug, 0))
                                for slug, r in resources().taxonomy.reports.items()]})


@bp.get("/api/reports/<slug>")
def api_report(slug):
    """Return one report's record, its counts per type and its items in source order."""
    record = find_report(slug)
    contents = report_contents(slug, wants_drafts(), wanted_page())
    keys = ("id", "type", "lang", "title", "path")
    items = [dict({k: i.get(k) for k in keys}, draft=i.get("draft", False), source=i.get("source") or {})
             for i in contents.items]
    return jsonify({"report": record.to_dict(), "counts": contents.counts, "total": contents.total,
                    "page": contents.page, "pages": contents.pages, "items": items})
