"""Reading and analysing entries in parallel processes, and one Whoosh writer that takes their output.

    files --(pool of processes: read, check, to_document, analyse every text field)--> documents
          --(this process: one SegmentWriter, no analysis left to do)--> a Whoosh segment

Whoosh's writer analyses each field inside `add_document`, in the one writing process.
Here a process pool runs the fields' own `field.index(value)` (the schema's analyzers,
so the postings are exactly Whoosh's) and the writer only files the results. The writer
also knows each document's field lengths, so flushing the segment does not read them
back from disk once per posting, as Whoosh's does.
"""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass

from whoosh import fields as wf
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from indexer.content.corpus import load_entry
from indexer.index.schema import make_schema, to_document
from indexer.index.wordindex import snippet_words

POOL_MINIMUM = 200        # fewer files than this are read in this process: a pool costs ~0.3 s
CHUNK = 32
POSTING_BYTES = 200       # what one posting tuple holds in memory, for the pool's run size


@dataclass
class Analysed:
    """A text field's postings, as `field.index(text)` gives them, and the text to store."""

    items: list
    text: str


def prepare(doc: dict, schema) -> dict:
    """The document with each text field analysed (Whoosh's own `field.index`), ready to write."""
    doc["snippet_words"] = snippet_words(doc)
    for name, value in list(doc.items()):
        field = schema[name] if name in schema else None
        if isinstance(field, wf.TEXT) and isinstance(value, str) and not field.column_type:
            doc[name] = Analysed(list(field.index(value)), value)
    return doc


_state: dict = {}


def _init(taxonomy, base) -> None:
    _state.update(taxonomy=taxonomy, base=base, schema=make_schema())


def _load(item):
    """In a worker: read and check one file and, if it is good, analyse its document."""
    path, key, stat = item
    entry = load_entry(path, _state["taxonomy"], _state["base"])
    if isinstance(entry, list):
        return item, entry, None
    return item, entry, prepare(to_document(entry, key, _state["taxonomy"]), _state["schema"])


def load_all(items: list, taxonomy, base, progress=None):
    """Yield (item, Entry or problems, prepared document or None) for each file, in order."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < POOL_MINIMUM or workers < 2:
        _init(taxonomy, base)
        results = map(_load, items)
        yield from (progress(results, total=len(items), desc="reading and analysing", unit="file")
                    if progress else results)
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_init, initargs=(taxonomy, base)) as pool:
        results = pool.imap(_load, items, chunksize=CHUNK)
        yield from (progress(results, total=len(items), desc=f"reading and analysing ({workers} processes)",
                             unit="file") if progress else results)


class PreparedWriter(SegmentWriter):
    """A SegmentWriter that takes `Analysed` field values and remembers field lengths."""

    def __init__(self, ix, progress=None, **kwargs):
        super().__init__(ix, **kwargs)
        self.progress = progress
        self.lengths: dict[str, dict[int, int]] = {}
        self.postings = 0

    def add_document(self, **fields):
        """Whoosh's add_document, for fields either analysed already or plain values."""
        self._check_state()
        docnum, schema = self.docnum, self.schema
        docboost = self._doc_boost(fields)
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        self.perdocwriter.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                plain = value.text if isinstance(value, Analysed) else value
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, name, docboost)
                    items = value.items if isinstance(value, Analysed) else list(field.index(value))
                    total = self._add_postings(name, docnum, items, boost)
                    length = total if field.scorable else 0
                self._add_extras(name, field, plain, fields)
                stored = fields.get(f"_stored_{name}", plain)
                self.perdocwriter.add_field(name, field, stored if field.stored else None, length)
                if field.scorable:
                    self.lengths.setdefault(name, {})[docnum] = length
                if field.column_type and stored is not None:
                    self.perdocwriter.add_column_value(name, field.column_type, field.to_column_value(stored))
        except Exception:
            self.perdocwriter.cancel_doc()
            raise
        self.perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_postings(self, name: str, docnum: int, items: list, boost: float) -> int:
        """File one field's postings in the pool in one step (Whoosh's pool.add is per posting);
        return the field's length (the sum of its terms' frequencies)."""
        pool = self.pool
        if boost == 1:
            pool.current.extend([(name, t, docnum, w, v) for t, _, w, v in items])
        else:
            pool.current.extend([(name, t, docnum, w * boost, v) for t, _, w, v in items])
        pool.fieldnames.add(name)
        pool.currentsize += POSTING_BYTES * len(items)
        if pool.currentsize > pool.limit:
            pool.save()
        self.postings += len(items)
        return sum(f for _, f, _, _ in items)

    def _add_extras(self, name, field, value, fields) -> None:
        """Spelling words and term vectors, as Whoosh adds them (this schema uses neither)."""
        if field.separate_spelling():
            spellfield = field.spelling_fieldname(name)
            for word in field.spellable_words(value):
                self.pool.add((spellfield, word.encode("utf-8"), 0, 1, None))
        if field.vector:
            items = sorted((t, w, v) for t, _, w, v in field.vector.word_values(value, field.analyzer,
                                                                                 mode="index"))
            self.perdocwriter.add_vector_items(name, field, items)

    def _flush_segment(self):
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        lengths = _KnownLengths(self.lengths, reader) if reader else None
        postings = self.pool.iter_postings()
        if self.progress:
            postings = self.progress(postings, total=self.postings or None, desc="writing postings",
                                     unit="posting", unit_scale=True)
        self.fieldwriter.add_postings(self.schema, lengths, postings)
        self.fieldwriter.close()
        if reader:
            reader.close()


class _KnownLengths:
    """Field lengths of the documents this writer added, from memory (byte-rounded, as Whoosh
    stores them); documents merged in from other segments are asked of the on-disk reader."""

    def __init__(self, known: dict[str, dict[int, int]], reader):
        self.reader = reader
        self.known = {name: {doc: _stored_length(n) for doc, n in docs.items()}
                      for name, docs in known.items()}

    def doc_field_length(self, docnum, fieldname, default=0):
        docs = self.known.get(fieldname)
        if docs is not None and docnum in docs:
            return docs[docnum]
        return self.reader.doc_field_length(docnum, fieldname, default)

    def __getattr__(self, name):
        return getattr(self.reader, name)


def _stored_length(length: int):
    """What W3PerDocReader.doc_field_length answers for a length: its byte's value, None for 0."""
    byte = length_to_byte(length) if length else 0
    return byte_to_length(byte) if byte else None
