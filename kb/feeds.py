"""Atom feeds of new and changed entries: for the whole knowledge base and for any search or filter.

An entry's date is its file's modification time as the served generation's manifest
recorded it. A list of up to COLLECT entries is sorted whole by date; a larger one is
walked newest file first (filters only) or taken in relevance order (with a query).
"""

from __future__ import annotations

import datetime as dt
import re

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, request, url_for
from flask_babel import gettext as _

from indexer.index.build import generation_manifest
from indexer.search.request import FILTERS, SearchRequest, parse_search_args
from kb import viewmodels as vm
from kb.i18n import ui_lang
from kb.resources import get_searcher, resources

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
bp = Blueprint("feeds", __name__)
FEED_SIZE = 50
COLLECT = 2000
SUMMARY_CHARS = 600
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_dates: dict[tuple, list] = {}   # (index dir, generation) -> [(mtime_ns, id)] newest first


def newest_first(searcher) -> list[tuple[int, str]]:
    """(modification time, id) of every indexed file of the served generation, newest first."""
    key = (resources().paths.index_dir, searcher.generation)
    if key not in _dates:
        files = generation_manifest(key[0], key[1]).get("files", {})
        if len(_dates) > 8:
            _dates.clear()
        _dates[key] = sorted(((info.get("mtime_ns", 0), info["id"])
                              for info in files.values() if "id" in info), reverse=True)
    return _dates[key]


def _passes(stored: dict, search_request: SearchRequest) -> bool:
    if stored.get("draft") == "yes" and not search_request.drafts:
        return False
    for name, values in search_request.filters.items():
        own = set((stored.get(FILTERS[name][0]) or "").split(","))
        if not own & set(values):
            return False
    return True


def feed_entries(search_request: SearchRequest) -> list[tuple[int, dict]]:
    """Up to FEED_SIZE (date, stored fields) of the request's list, newest first."""
    searcher = get_searcher()
    dates = newest_first(searcher)
    total = searcher.search(search_request.with_(page=1, limit=1)).total
    if total > COLLECT and not search_request.q:
        chosen = []
        for mtime, entry_id in dates:
            stored = searcher.stored(entry_id)
            if stored and _passes(stored, search_request):
                chosen.append((mtime, stored))
                if len(chosen) == FEED_SIZE:
                    break
        return chosen
    when = {entry_id: mtime for mtime, entry_id in dates}
    ids = [hit.id for hit in searcher.search(search_request.with_(page=1, limit=COLLECT)).hits]
    ids.sort(key=lambda i: when.get(i, 0), reverse=True)
    return [(when.get(i, 0), stored) for i in ids[:FEED_SIZE] if (stored := searcher.stored(i))]


def _date(mtime_ns: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(mtime_ns / 1e9, tz=dt.UTC).replace(microsecond=0)


def _summary(stored: dict) -> str:
    text = " ".join((stored.get("body") or "").split())
    return text if len(text) <= SUMMARY_CHARS else text[:SUMMARY_CHARS].rsplit(" ", 1)[0] + " …"


def build_feed(search_request: SearchRequest, entries, lang: str) -> bytes:
    taxonomy = resources().taxonomy
    feed = FeedGenerator()
    self_url = _xml(request.url)   # an IRI: a query's control characters come back decoded
    words = [search_request.q] + [vm.label(taxonomy, name, value, lang)
                                  for name, values in search_request.filters.items() for value in values]
    heading = _xml(" · ".join(w for w in words if w)) or _("All entries")
    feed.id(self_url)
    feed.title(f"{_('Evaluation knowledge base')}: {heading}")
    feed.subtitle(_("New and changed recommendations, lessons learnt and good practices."))
    feed.link(href=self_url, rel="self")
    feed.link(href=vm.search_url(search_request, "pages.search", _external=True), rel="alternate")
    feed.language(lang)
    feed.updated(_date(entries[0][0]) if entries else _date(0))
    languages = {}
    for mtime, stored in reversed(entries):   # feedgen puts the last added first
        item = feed.add_entry()
        url = url_for("pages.entry", entry_id=stored["id"], _external=True)
        link = vm.entry_link(stored, lang)
        languages[url] = (link["title_lang"], stored["lang"])
        item.id(url)
        item.title(_xml(link["title"]))
        item.link(href=url)
        item.updated(_date(mtime))
        item.summary(_xml(_summary(stored)))
        item.category(term=stored["type"], label=taxonomy.label("types", stored["type"], lang))
    return _mark_languages(feed.atom_str(pretty=True), languages)


def _xml(text: str) -> str:
    """The text without what XML 1.0 cannot hold (NUL, most control characters, lone surrogates)."""
    return NOT_XML.sub("", text or "")


def _mark_languages(atom: bytes, languages: dict) -> bytes:
    """xml:lang on each title and summary in another language than the feed's (feedgen has no option)."""
    from lxml import etree

    root = etree.fromstring(atom)
    for item in root.iter(ATOM + "entry"):
        title_lang, text_lang = languages.get(item.findtext(ATOM + "id"), (None, None))
        for tag, own in (("title", title_lang), ("summary", text_lang)):
            element = item.find(ATOM + tag)
            if element is not None and own and own != root.get(XML_LANG):
                element.set(XML_LANG, own)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@bp.get("/feed.atom")
def atom():
    """The newest changed entries of the whole knowledge base, or of a query and filters."""
    search_request = parse_search_args(request.args, resources().taxonomy)
    entries = feed_entries(SearchRequest(q=search_request.q, filters=search_request.filters,
                                         drafts=search_request.drafts))
    return Response(build_feed(search_request, entries, ui_lang()),
                    content_type="application/atom+xml; charset=utf-8")
