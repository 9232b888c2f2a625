"""Where an entry stands in its report, in the interface language, and "Cite this" formats.

The report's parts and sections are named through the taxonomy's `source_names`; a name
not listed there is shown as written and marked with its own language (Cyrillic → ru).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import gettext as _

from indexer.content.entries import Entry
from indexer.content.taxonomy import Taxonomy

CYRILLIC = re.compile("[А-Яа-яЁё]")
YEAR = re.compile(r"\b(19|20)\d{2}\b")


@dataclass(frozen=True)
class Piece:
    """One piece of a reference: its text and, when it differs from the page's, its language."""

    text: str
    lang: str | None = None


def text_lang(text: str) -> str:
    return "ru" if CYRILLIC.search(text) else "en"


def named(taxonomy: Taxonomy, text: str, lang: str) -> Piece:
    """A part's or section's name in `lang`, else as written with its language marked."""
    name = taxonomy.name_of("source_names", text, lang)
    if name:
        return Piece(name)
    own = text_lang(text)
    return Piece(text, None if own == lang else own)


def place_words() -> dict:
    """The interface's words for a place in a report, looked up once (gettext is not free)."""
    return {"section": _("section %(number)s"), "paragraph": _("paragraph %(number)s"),
            "item": _("item %(number)s"), "page": _("page %(number)s")}


def place_pieces(place: dict, taxonomy: Taxonomy, lang: str, words: dict | None = None) -> list[Piece]:
    """Part, section, paragraph and item of one place in the report."""
    words = words or place_words()
    pieces = []
    if place.get("part"):
        pieces.append(named(taxonomy, place["part"], lang))
    section = str(place.get("section") or "")
    if section:
        if re.fullmatch(r"[\d.]+[a-z]?", section):
            pieces.append(Piece(words["section"] % {"number": section}))
        else:
            pieces.append(named(taxonomy, section, lang))
    if place.get("paragraph"):
        pieces.append(Piece(words["paragraph"] % {"number": place["paragraph"]}))
    if place.get("item"):
        pieces.append(Piece(words["item"] % {"number": place["item"]}))
    if place.get("page"):
        pieces.append(Piece(words["page"] % {"number": place["page"]}))
    return pieces


def report_title(taxonomy: Taxonomy, slug: str, lang: str) -> str:
    return taxonomy.label("reports", slug, lang)


def source_view(entry: Entry, taxonomy: Taxonomy, lang: str) -> dict:
    """The report, the place of the item, and the other places that state it, for the entry page."""
    source = entry.source.to_dict()
    return {"report": report_title(taxonomy, entry.source.report, lang),
            "pieces": place_pieces(source, taxonomy, lang),
            "also": [place_pieces(place, taxonomy, lang) for place in entry.source.also]}


def plain_reference(entry: Entry, taxonomy: Taxonomy, lang: str, url: str, html: bool = False) -> str:
    """One line: report, place, the entry's title, where it is kept (HTML: languages marked)."""
    from markupsafe import Markup, escape

    view = source_view(entry, taxonomy, lang)
    if not html:
        place = ", ".join(p.text for p in view["pieces"])
        return (f"{view['report']}, {place}. {_('“%(title)s”', title=entry.title)}. "
                f"{_('Evaluation knowledge base')}, {url}")
    place = Markup(", ").join(Markup('<span lang="{}">{}</span>').format(p.lang, p.text) if p.lang
                              else escape(p.text) for p in view["pieces"])
    title = Markup('<span lang="{}">{}</span>').format(entry.lang, entry.title)
    quoted = Markup(escape(_("“%(title)s”", title="\x00"))).replace("\x00", title)
    return Markup("{}, {}. {}. {}, {}").format(view["report"], place, quoted,
                                               _("Evaluation knowledge base"), url)


def _year(taxonomy: Taxonomy, slug: str) -> str:
    report = taxonomy.reports.get(slug)
    if report is not None and report.year:
        return str(report.year)
    found = YEAR.search(report_title(taxonomy, slug, "en")) or YEAR.search(slug)
    return found.group(0) if found else ""


def _bibtex_escape(text: str) -> str:
    return re.sub(r"([{}\\&%$#_])", r"\\\1", str(text))


def bibtex(entry: Entry, taxonomy: Taxonomy, lang: str, url: str) -> str:
    """A BibTeX @misc record of the entry, the report as where it was published."""
    view = source_view(entry, taxonomy, lang)
    fields = {"title": entry.title, "howpublished": view["report"],
              "note": ", ".join(p.text for p in view["pieces"]), "year": _year(taxonomy, entry.source.report),
              "language": {"ru": "russian", "en": "english"}[entry.lang], "url": url}
    body = ",\n".join(f"  {key} = {{{_bibtex_escape(value)}}}" for key, value in fields.items() if value)
    return f"@misc{{{entry.id},\n{body}\n}}\n"


def ris(entry: Entry, taxonomy: Taxonomy, lang: str, url: str) -> str:
    """An RIS record (TY GEN) of the entry, one tag per line, ending with ER."""
    view = source_view(entry, taxonomy, lang)
    lines = [("TY", "GEN"), ("ID", entry.id), ("TI", entry.title), ("T2", view["report"]),
             ("PY", _year(taxonomy, entry.source.report)),
             ("N1", ", ".join(p.text for p in view["pieces"])), ("LA", entry.lang), ("UR", url)]
    lines += [("KW", taxonomy.label("themes", theme, lang)) for theme in entry.themes]
    text = "\n".join(f"{tag}  - {value}" for tag, value in lines if value)
    return text + "\nER  - \n"
