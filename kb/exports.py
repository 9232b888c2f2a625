"""Take a result list away: every page of it as CSV, Excel, JSON or Markdown; cite one entry.

Excel is written with openpyxl in write-only mode (rows streamed to the file, not kept
as cell objects), the same library the tests use to read the workbook back.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator

from flask import Blueprint, Response, abort, request, send_file, stream_with_context, url_for
from flask_babel import gettext as _

from indexer.search.request import FILTERS, SearchRequest, parse_search_args
from kb import citations
from kb.i18n import ui_lang
from kb.resources import find_entry, get_searcher, resources

bp = Blueprint("exports", __name__)

FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8",
           "md": "text/markdown; charset=utf-8",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
MAX_EXPORT = 50_000  # an export stops here, and says so
# Column key -> its heading in the interface language.
COLUMNS = {"id": lambda: _("ID"), "title": lambda: _("Title"),
           "title_translated": lambda: _("Title in the other language"), "type": lambda: _("Type"),
           "lang": lambda: _("Language"), "countries": lambda: _("Countries"),
           "objectives": lambda: _("Objectives"), "stakeholders": lambda: _("Addressed to"),
           "themes": lambda: _("Themes"), "report": lambda: _("Report"),
           "place": lambda: _("Place in the report"),
           "text": lambda: _("The report's words"), "translation": lambda: _("Editor's translation"),
           "url": lambda: _("Address")}
VOCABULARY_COLUMNS = {"countries": "countries", "objectives": "objectives",
                      "stakeholders": "stakeholders", "themes": "themes"}


def export_rows(search_request: SearchRequest, lang: str, total: int) -> Iterator[dict]:
    """Every entry of the request's result list (up to MAX_EXPORT), in its order, as labelled rows.

    One search ranks the whole list once (a page-by-page walk would rank it again per page).
    """
    searcher, taxonomy = get_searcher(), resources().taxonomy
    results = searcher.search(search_request.with_(page=1, limit=max(1, min(total, MAX_EXPORT)),
                                                   snippets=False))
    entry_base = url_for("pages.entry", entry_id="ID", _external=True).rsplit("ID", 1)[0]
    words = {**citations.place_words(), "entry_base": entry_base}   # url_for per row is slow
    for hit in results.hits:
        yield _row(hit, _stored(searcher, hit.id), taxonomy, lang, words)


def _stored(searcher, entry_id: str) -> dict:
    """The stored fields of one entry straight from the id's posting (no query object per row)."""
    docnum = searcher.reader.first_id("id", entry_id)
    return searcher.reader.stored_fields(docnum) if docnum is not None else {}


def _row(hit, stored: dict, taxonomy, lang: str, words: dict) -> dict:
    source = stored.get("source") or {}
    place = ", ".join(p.text for p in citations.place_pieces(source, taxonomy, lang, words))
    row = {"id": hit.id, "title": hit.title, "title_translated": hit.title_translated,
           "type": taxonomy.label("types", hit.type, lang), "lang": taxonomy.label("langs", hit.lang, lang),
           "report": taxonomy.label("reports", source.get("report", ""), lang), "place": place,
           "text": stored.get("body", ""), "translation": stored.get("translation", ""),
           "url": words["entry_base"] + hit.id}
    for key, vocabulary in VOCABULARY_COLUMNS.items():
        slugs = [v for v in (stored.get(key) or "").split(",") if v]
        row[key] = "; ".join(taxonomy.label(vocabulary, slug, lang) for slug in slugs)
    return {key: row[key] for key in COLUMNS}


def _headings() -> list[str]:
    return [title() for title in COLUMNS.values()]


def _csv(rows) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_headings())
    yield "\ufeff" + buffer.getvalue()   # the BOM lets Excel read the Cyrillic as UTF-8
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow(row.values())
        yield buffer.getvalue()


def _markdown(rows, title: str) -> Iterator[str]:
    yield f"# {title}\n\n"
    place, text = COLUMNS["place"](), COLUMNS["text"]()
    for row in rows:
        yield f"## {row['title']}\n\n"
        yield f"- {COLUMNS['type']()}: {row['type']} · {COLUMNS['lang']()}: {row['lang']}\n"
        for key in ("countries", "stakeholders", "themes"):
            if row[key]:
                yield f"- {COLUMNS[key]()}: {row[key]}\n"
        yield f"- {place}: {row['report']}, {row['place']}\n- <{row['url']}>\n\n"
        quoted = "\n".join("> " + line for line in row["text"].splitlines())
        yield f"{text}:\n\n{quoted}\n\n"


def _json(rows, search_request: SearchRequest, lang: str, total: int) -> Iterator[str]:
    head = {"query": search_request.q, "filters": {k: list(v) for k, v in search_request.filters.items()},
            "lang": lang, "total": total, "truncated": total > MAX_EXPORT,
            "columns": dict(zip(COLUMNS, _headings(), strict=True))}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "entries": ['
    for number, row in enumerate(rows):
        yield ("," if number else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"


def _xlsx(rows) -> io.BytesIO:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Entries")[:31])
    sheet.append(_headings())
    for row in rows:
        sheet.append([_cell(value) for value in row.values()])
    with tempfile.TemporaryFile() as spool:
        workbook.save(spool)
        spool.seek(0)
        return io.BytesIO(spool.read())


def _cell(value: str) -> str:
    """Text a spreadsheet shows as text: no formula injection, no illegal control characters."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def filename(search_request: SearchRequest, fmt: str) -> str:
    """An ASCII file name from the query and filters (transliterated), e.g. kb-trade-unions.xlsx."""
    from slugify import slugify

    words = [search_request.q] + [v for name in FILTERS for v in search_request.filters.get(name, ())]
    return f"kb-{slugify(' '.join(words), max_length=80) or 'all'}.{fmt}"


@bp.get("/search/export.<fmt>")
def results(fmt):
    """Export every page of a search or browse list, with its filters, in one format."""
    if fmt not in FORMATS:
        abort(404, f"unknown export format `{fmt[:20]}`; allowed: {', '.join(FORMATS)}")
    search_request = parse_search_args(request.args, resources().taxonomy)
    lang, name = ui_lang(), filename(search_request, fmt)
    total = get_searcher().search(search_request.with_(page=1, limit=1)).total
    rows = export_rows(search_request.with_(page=1), lang, total)
    disposition = {"Content-Disposition": f'attachment; filename="{name}"', "X-Total-Count": str(total),
                   "X-Exported-Count": str(min(total, MAX_EXPORT))}
    if fmt == "xlsx":
        response = send_file(_xlsx(rows), mimetype=FORMATS[fmt], as_attachment=True, download_name=name)
        response.headers.update({k: v for k, v in disposition.items() if k.startswith("X-")})
        return response
    body = {"csv": lambda: _csv(rows), "json": lambda: _json(rows, search_request, lang, total),
            "md": lambda: _markdown(rows, search_request.q or _("All entries"))}[fmt]()
    return Response(stream_with_context(body), content_type=FORMATS[fmt], headers=disposition)


CITATIONS = {"bib": ("application/x-bibtex; charset=utf-8", citations.bibtex),
             "ris": ("application/x-research-info-systems; charset=utf-8", citations.ris),
             "txt": ("text/plain; charset=utf-8", citations.plain_reference)}


@bp.get("/entries/<entry_id>/cite.<fmt>")
def citation(entry_id, fmt):
    """Download one entry's reference as BibTeX, RIS or plain text."""
    if fmt not in CITATIONS:
        abort(404, f"unknown citation format `{fmt[:20]}`; allowed: {', '.join(CITATIONS)}")
    found, _path = find_entry(entry_id)
    mimetype, make = CITATIONS[fmt]
    url = url_for("pages.entry", entry_id=entry_id, _external=True)
    text = make(found, resources().taxonomy, ui_lang(), url)
    return Response(text, content_type=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{entry_id}.{fmt}"'})
