"""Reading and analysing entries in parallel processes, and one Whoosh writer that takes their output.

    files --(pool of processes: read, check, to_document, analyse every text field)--> documents
          --(this process: one SegmentWriter, no analysis left to do)--> a Whoosh segment

Whoosh's writer analyses each field inside `add_document`, in the one writing process.
Here a process pool analyses each text once (indexer.index.onepass: the postings are exactly
Whoosh's `field.index(value)`) and the writer only files the results, under their terms
(indexer.index.termpool), writing each term's postings a block at a time at commit. The
writer also knows each document's field lengths, so flushing the segment does not read them
back from disk once per posting, as Whoosh's does.
"""

from __future__ import annotations

import dataclasses
import gc
import multiprocessing
import os
import threading
from array import array
from contextlib import contextmanager
from pathlib import Path

from whoosh.codec.whoosh3 import STORED_COLUMN
from whoosh.columns import VarBytesColumn
from whoosh.writing import SegmentWriter

from indexer.content.corpus import load_entry
from indexer.index.arrays import text_fields
from indexer.index.onepass import STORED, Analysed, prepare
from indexer.index.pooled_arrays import PoolArrays
from indexer.index.schema import make_schema, to_document
from indexer.index.termpool import TermPool, add_terms, fold_whoosh_pool, segment_lengths

POOL_MINIMUM = 200        # fewer files than this are read in this process: a pool costs ~0.3 s
CHUNK = 32
AHEAD = 2000            # files read and analysed ahead of the writer, at most


_state: dict = {}


def _init(taxonomy, base, texts: bool = True) -> None:
    """In a worker: keep what the writer forked it with. The writer's paused collector
    (`build.collector_paused`) runs again here, where analysis makes and frees its garbage per
    file; what was inherited is frozen out of its passes."""
    if multiprocessing.parent_process() is not None:
        gc.freeze()
        gc.enable()
    _state.update(taxonomy=taxonomy, base=base, schema=make_schema(), texts=texts)


def _load(item):
    """In a worker: read and check one file and, if it is good, analyse its document; (Entry or
    problems, document or None), not the item: the writer has it (a Path and a stat_result
    less to unpickle per file)."""
    path, key, stat = item
    entry = load_entry(path, _state["taxonomy"], _state["base"])
    if isinstance(entry, list):
        return entry, None
    doc = prepare(to_document(entry, key, _state["taxonomy"]), _state["schema"])
    if not _state.get("texts", True):     # the document holds them; the entry is for the records
        entry = dataclasses.replace(entry, body="", original="", translation="", note="")
    return entry, doc


def load_all(items: list, taxonomy, base, progress=None, texts: bool = True):
    """Yield (item, Entry or problems, prepared document or None) for each file, in order;
    `texts=False`: each Entry without its texts (body, original, translation, note), which
    only the embeddings read, so they are not pickled from the pool to the writer twice."""
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < POOL_MINIMUM or workers < 2:
        _init(taxonomy, base, texts)
        results = map(_load, items)
        results = progress(results, total=len(items), desc="reading and analysing", unit="file") \
            if progress else results
        yield from ((item, entry, doc) for item, (entry, doc) in zip(items, results, strict=True))
        return
    context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    window, stop = threading.Semaphore(max(AHEAD, 4 * CHUNK * workers)), threading.Event()

    def fed():
        """The files, handed to the pool no further than the window ahead of the writer: the
        results wait in this process's memory, a whole corpus of them if the writer is slower."""
        for item in items:
            while not window.acquire(timeout=0.1):
                if stop.is_set():
                    return
            yield item

    with context.Pool(workers, initializer=_init, initargs=(taxonomy, base, texts)) as pool:
        results = pool.imap(_load, fed(), chunksize=CHUNK)
        if progress:
            results = progress(results, total=len(items), desc=f"reading and analysing ({workers} processes)",
                               unit="file")
        try:
            for item, (entry, doc) in zip(items, results, strict=True):
                window.release()
                yield item, entry, doc
        finally:
            stop.set()


class PreparedWriter(SegmentWriter):
    """A SegmentWriter that takes `Analysed` field values and remembers field lengths."""

    def __init__(self, ix, progress=None, **kwargs):
        super().__init__(ix, **kwargs)
        self.progress = progress
        self.lengths: dict[str, dict[int, int]] = {}
        self.postings = 0
        self.folder = getattr(ix.storage, "folder", None)
        self.terms = TermPool(kwargs.get("limitmb", 128), tempdir=self.folder)
        self.arrays = PoolArrays(text_fields(self.schema), self.terms.positions, tempdir=self.folder)
        self.positional = {name for name in self.arrays.fields
                           if self.schema[name].format.supports("positions")}

    def add_document(self, **fields):
        """Whoosh's add_document, for fields either analysed already or plain values."""
        self._check_state()
        docnum, schema = self.docnum, self.schema
        docboost = self._doc_boost(fields)
        blob = fields.get(STORED)       # the stored fields, pickled and compressed by the analysis
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
                    if isinstance(value, Analysed):
                        total = self._add_postings(name, docnum, value.items, boost, value.length,
                                                   value.positions)
                    else:
                        total = self._add_postings(name, docnum, list(field.index(value)), boost)
                    length = total if field.scorable else 0
                self._add_extras(name, field, plain, fields)
                stored = fields.get(f"_stored_{name}", plain)
                self.perdocwriter.add_field(name, field, stored if field.stored and blob is None else None,
                                            length)
                if field.scorable:
                    self.lengths.setdefault(name, {})[docnum] = length
                if field.column_type and stored is not None:
                    self.perdocwriter.add_column_value(name, field.column_type, field.to_column_value(stored))
            if blob is not None:
                self._add_stored_bytes(blob)
        except Exception:
            self.perdocwriter.cancel_doc()
            raise
        self.perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_stored_bytes(self, blob: bytes) -> None:
        """Add a document's stored fields as W3PerDocWriter.finish_doc would, from the bytes its
        pickle-then-zlib column would make of them (onepass.stored_blob): copied, not remade."""
        perdoc = self.perdocwriter
        if not perdoc._has_column("_stored"):
            perdoc._create_column("_stored", STORED_COLUMN)
        VarBytesColumn.Writer.add(perdoc._get_column("_stored")._child, self.docnum, blob)

    def _add_postings(self, name: str, docnum: int, items: list, boost: float, length=None,
                      positions=None) -> int:
        """File one field's postings under their terms (see indexer.index.termpool), with their
        positions for the arrays (decoded from the values when the analysis did not send them);
        return the field's length (the sum of its terms' frequencies)."""
        if name in self.positional and positions is None:
            decode = self.schema[name].format.decode_positions
            decoded = [decode(value) for _, _, _, value in items]
            items = [(text, len(found), weight, value)
                     for (text, _, weight, value), found in zip(items, decoded, strict=True)]
            positions = array("I", [p for found in decoded for p in found])
        self.terms.add(name, docnum, items, boost, positions if name in self.positional else None)
        self.postings += len(items)
        return sum(f for _, f, _, _ in items) if length is None else length

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
        try:
            lengths = segment_lengths(self.schema, self.lengths, self.docnum, reader)
            # what a merge of old segments put there, with the positions of the arrays' positional fields
            fold_whoosh_pool(self.pool, self.terms, {n: self.schema[n].format for n in self.positional})
            bar = self.progress(None, total=self.terms.postings, unit="posting", unit_scale=True,
                                desc=f"writing postings (merging {len(self.terms.runs)} sorted runs)") \
                if self.progress else None
            add_terms(self.fieldwriter, self.schema, lengths, self.terms.terms(),
                      bar.update if bar is not None else None, self.arrays)
            if bar is not None:
                bar.close()
        finally:
            self.terms.close()
        self.fieldwriter.close()
        if reader:
            reader.close()

    def _assemble_segment(self):
        """Whoosh's compound segment file, then the segment's postings arrays beside it (named
        after the segment, they would have gone into the compound file before)."""
        super()._assemble_segment()
        try:
            if self.folder is not None:
                with step(self.progress, "writing the searchers' postings arrays"):
                    self.arrays.write(Path(self.folder), self.get_segment().segment_id())
        finally:
            self._close_arrays()

    def _close_arrays(self) -> None:
        self.arrays.close()
        self.terms.positions.close()

    def commit(self, *args, **kwargs):
        """Whoosh's commit; a commit that added nothing assembles no segment, so the arrays'
        scratch files are closed here too, whichever road it took."""
        try:
            super().commit(*args, **kwargs)
        finally:
            self._close_arrays()

    def cancel(self):
        try:
            super().cancel()
        finally:
            self._close_arrays()


@contextmanager
def step(progress, desc: str):
    """A phase with no count of its own, shown as a one-step bar that says what is being done."""
    bar = progress(None, total=1, desc=desc, unit="step") if progress else None
    try:
        yield
    finally:
        if bar is not None:
            bar.update(1)
            bar.close()
