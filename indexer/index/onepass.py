"""A document's text fields analysed in one pass per text, for the build's analysis processes.

The schema has three analyses of the same words: each text field's postings (`make_analyzer`),
the `exact` field's surface forms of title, translated title, body and translation
(`make_surface_analyzer` over their concatenation) and the snippet word index of body and
translation (`make_analyzer(keep_surface=True)`). The third stream holds the other two: its
terms are the first's, at the same positions, and its "=" + surface tokens are the second's.
So each of those texts is analysed once, with the keep-surface analyzer, and the three
results are taken from its tokens, exactly as Whoosh's own `field.index` would give them
(tests/test_writer.py compares the written index with Whoosh's plain writer).

    prepare(doc, schema) -> doc with every indexed text field an `Analysed` (postings, text)

The document's stored fields are pickled and compressed here too, as Whoosh's writer would
store them (`stored_blob`), so the one writing process only copies their bytes, and the texts
kept only to be stored are not sent to it at all.
"""

from __future__ import annotations

import re
import zlib
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from pickle import dumps

from whoosh import fields as wf
from whoosh.formats import Frequency
from whoosh.system import pack_uint

from indexer.analysis import (
    STOP_WORDS,
    WORD_PATTERN,
    make_analyzer,
    make_surface_analyzer,
    normalize_word,
    word_forms,
)
from indexer.index.wordindex import FORMAT, SNIPPET_FIELDS, pack_word_index, word_index

_WORDS = re.compile(WORD_PATTERN)
SURFACE_FIELD = "exact"
SURFACE_SOURCES = ("title", "title_translated", "body", "translation")   # schema.to_document's order
STORED = "_stored"       # the document key of its stored fields' bytes (PreparedWriter.add_document)
STORED_LEVEL = 3         # whoosh3's STORED_COLUMN: a pickle, through CompressedBytesColumn's zlib level


@dataclass
class Analysed:
    """A field's postings, as `field.index(text)` gives them, the text to store (None when the
    field is neither stored nor needs it: less to send from the analysis process), the
    field's length (the sum of its terms' frequencies) and, for a positional field, every
    posting's positions end to end in the postings' order (for the postings arrays,
    indexer.index.pooled_arrays: the writer need not decode them from the postings' values)."""

    items: list
    text: str | None
    length: int
    positions: array | None = None


def tokens(text: str) -> list[tuple[str, int, int, int]]:
    """(term or "=" + surface form, position, startchar, endchar) of every token of a text: what
    `make_analyzer(keep_surface=True)` yields, each filter's step done per distinct word once
    (`_word`) instead of per token through the chain of generators (a third of the cost).
    tests/test_writer.py holds it to the chain's own output."""
    found, pos = [], None
    for index, match in enumerate(_WORDS.finditer(text)):
        word = _word(match.group())
        if word is None:
            continue
        pos = index if pos is None else pos + 1     # StopFilter's renumbering, first kept as it was
        start, end = match.span()
        for form in word:
            found.append((form, pos, start, end))
    return found


@lru_cache(maxsize=200_000)
def _word(raw: str) -> tuple[str, ...] | None:
    """CaseFlagFilter, LowercaseFilter, YoFilter, StopFilter and MorphologyFilter(keep_surface)
    on one word: its terms then "=" + its surface form; None for a stop word."""
    upper = len(raw) > 1 and raw.isupper()
    surface = normalize_word(raw.lower())
    if not surface or surface in STOP_WORDS:
        return None
    return (*word_forms(surface, upper), "=" + surface)


def prepare(doc: dict, schema) -> dict:
    """The document with each indexed field analysed, ready for the writer."""
    streams = {name: tokens(value) for name, value in doc.items()
               if isinstance(value, str) and _plain_text(schema, name)}
    doc["snippet_words"] = {name: pack_word_index(streams[name]) if name in streams else word_index(doc[name])
                            for name in SNIPPET_FIELDS if doc.get(name)}
    doc["snippet_words"]["format"] = FORMAT
    surface = SURFACE_FIELD in schema and _surface_of(schema[SURFACE_FIELD], doc, streams)
    blob = stored_blob(doc, schema)
    for name, value in list(doc.items()):
        field = schema[name] if name in schema else None
        if field is not None and not field.indexed and not field.column_type:
            del doc[name]        # stored only: in the blob
            continue
        if field is None or not field.indexed or not isinstance(value, str):
            continue
        positions = None
        if name in streams:
            items, positions = _positions(field, streams[name])
        elif name == SURFACE_FIELD and surface:
            items = _frequencies(field, [streams[source] for source in SURFACE_SOURCES])
        else:
            items = list(field.index(value))
        doc[name] = Analysed(items, value if _text_needed(field) else None, sum(item[1] for item in items),
                             positions)
    if blob is not None:
        doc[STORED] = blob
    return doc


def stored_blob(doc: dict, schema) -> bytes | None:
    """The bytes Whoosh's W3 writer stores for a document's stored fields: the dictionary
    `add_document` gathers (field names sorted, None left out) pickled and compressed as its
    `_stored` column does; None when nothing is stored (Whoosh then adds no value)."""
    stored = {}
    for name in sorted(n for n in doc if not n.startswith("_")):
        value = doc.get(f"_stored_{name}", doc[name]) if doc[name] is not None else None
        if name in schema and schema[name].stored and value is not None:
            stored[name] = value
    return zlib.compress(dumps(stored, 2), STORED_LEVEL) if stored else None


def _plain_text(schema, name: str) -> bool:
    """Whether a field is analysed by `make_analyzer` with positions: the one-pass case."""
    field = schema[name] if name in schema else None
    return (isinstance(field, wf.TEXT) and field.analyzer is make_analyzer()
            and field.format.supports("positions") and not field.column_type)


def _surface_of(field, doc: dict, streams: dict) -> bool:
    """Whether the field is the surface forms (frequencies only) of the one-pass texts joined."""
    return (isinstance(field, wf.TEXT) and field.analyzer is make_surface_analyzer()
            and type(field.format) is Frequency and set(SURFACE_SOURCES) <= set(streams)
            and doc.get(SURFACE_FIELD) == "\n".join(doc[source] for source in SURFACE_SOURCES))


def _text_needed(field) -> bool:
    """Whether the writer needs a field's text itself (stored fields come in the blob)."""
    return bool(field.column_type or field.vector or field.separate_spelling())


def _positions(field, stream) -> tuple[list, array]:
    """What `field.index(text)` gives for a Positions field, from the keep-surface tokens, and
    the postings' positions end to end."""
    poses: dict[str, list[int]] = {}
    for text, pos, _, _ in stream:
        if not text.startswith("="):
            poses.setdefault(text, []).append(pos)
    boost, encode = field.format.field_boost, field.format.encode
    return [(text.encode("utf-8"), len(found), len(found) * boost, encode(found))
            for text, found in poses.items()], array("I", chain.from_iterable(poses.values()))


def _frequencies(field, streams) -> list:
    """What `field.index("\\n".join(texts))` gives for the surface-form field, from the texts'
    keep-surface tokens (a newline never joins two words, and positions are not stored)."""
    counts: dict[str, int] = {}
    for stream in streams:
        for text, _, _, _ in stream:
            if text.startswith("="):
                counts[text[1:]] = counts.get(text[1:], 0) + 1
    boost = field.format.field_boost
    return [(text.encode("utf-8"), n, n * boost, pack_uint(n)) for text, n in counts.items()]
