"""The Whoosh schema and the one function that turns an Entry into a document for it."""

from __future__ import annotations

from whoosh import fields

from indexer.analysis import make_analyzer, make_surface_analyzer
from indexer.content.entries import Entry
from indexer.content.taxonomy import TAG_VOCABULARIES, Taxonomy

# Bump when the schema or the analysis changes: an index of another version is rebuilt whole.
SCHEMA_VERSION = 7
TEXT_FIELDS = ("title", "title_translated", "body", "translation", "note", "tags")
FACET_FIELDS = ("type", "lang", "countries", "objectives", "stakeholders",
                "report", "organisation", "year", "evaluation_type")
# Fields an entry takes from its report's record: a record change re-indexes its entries.
REPORT_FIELDS = ("organisation", "year", "evaluation_type")


def make_schema() -> fields.Schema:
    """Stored display fields, morphological text fields, facet keywords and a title sort column."""
    analyzer = make_analyzer()
    keyword = dict(stored=True, commas=True, scorable=False, lowercase=False)
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        path=fields.ID(stored=True, unique=True, sortable=True),
        type=fields.ID(stored=True),
        lang=fields.ID(stored=True),
        draft=fields.ID(stored=True),
        report=fields.ID(stored=True),
        organisation=fields.ID(stored=True),
        year=fields.ID(stored=True),
        evaluation_type=fields.ID(stored=True),
        countries=fields.KEYWORD(**keyword),
        objectives=fields.KEYWORD(**keyword),
        stakeholders=fields.KEYWORD(**keyword),
        themes=fields.KEYWORD(**keyword),
        title=fields.TEXT(analyzer=analyzer, stored=True),
        title_translated=fields.TEXT(analyzer=analyzer, stored=True),
        body=fields.TEXT(analyzer=analyzer, stored=True),
        translation=fields.TEXT(analyzer=analyzer, stored=True),
        note=fields.TEXT(analyzer=analyzer),
        tags=fields.TEXT(analyzer=analyzer),
        # Surface word forms: the exact-form bonus and the spelling vocabulary.
        exact=fields.TEXT(analyzer=make_surface_analyzer(), phrase=False),
        title_sort=fields.ID(sortable=True),
        parallel=fields.STORED,
        source=fields.STORED,
        # Where each word of body and translation is, per term: snippets without analysis.
        snippet_words=fields.STORED,
    )


def tag_text(entry: Entry, taxonomy: Taxonomy) -> str:
    """The labels of every tag of an entry in both languages, so tags are searchable words."""
    words = [taxonomy.label("types", entry.type, lang) for lang in ("en", "ru")]
    for key, vocabulary in TAG_VOCABULARIES.items():
        for slug in getattr(entry, key):
            words += [taxonomy.label(vocabulary, slug, lang) for lang in ("en", "ru")]
    return " ; ".join(words)


def report_fields(entry: Entry, taxonomy: Taxonomy) -> dict[str, str]:
    """The entry's report and what its record says of it: organisation, year, evaluation type.

    A draft record may leave some empty: those fields are left out, not indexed as "".
    """
    record = taxonomy.reports.get(entry.source.report)
    values = {"report": entry.source.report}
    for name in REPORT_FIELDS:
        value = getattr(record, name, None) if record else None
        if value not in (None, ""):
            values[name] = str(value)
    return values


def to_document(entry: Entry, path: str, taxonomy: Taxonomy) -> dict:
    """Every field of the schema, coerced to its final type before `add_document`.

    Whoosh 2.7 attaches a failed document's postings to the next one when
    add_document raises, so nothing may be left for it to reject.
    """
    doc = {
        "id": entry.id,
        "path": path,
        "type": entry.type,
        "lang": entry.lang,
        "draft": "yes" if entry.draft else "no",
        **report_fields(entry, taxonomy),
        "title": entry.title,
        "title_translated": entry.title_translated,
        "body": entry.original,
        "translation": entry.translation,
        "note": entry.note,
        "tags": tag_text(entry, taxonomy),
        "exact": "\n".join((entry.title, entry.title_translated, entry.original, entry.translation)),
        "title_sort": entry.title.casefold()[:200] or entry.id,
        "parallel": list(entry.parallel),
        "source": entry.source.to_dict(),
    }
    for key in TAG_VOCABULARIES:
        doc[key] = ",".join(getattr(entry, key))
    for key, value in doc.items():
        if key not in ("parallel", "source") and not isinstance(value, str):
            raise TypeError(f"field {key} of {entry.id} is {type(value).__name__}, not str")
    return doc
