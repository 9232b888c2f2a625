"""The writer's postings gathered per term, and filed into Whoosh's posting blocks a term at a time.

Whoosh's own writer keeps one tuple per posting (field, term, document, weight, value), sorts
them all (spilling sorted runs to disk and merging them) and files them one call per posting:
at 100 000 entries (~27 million postings) that is most of a build. Here the postings go to
their term's arrays as they come (documents arrive in order, so each term's list is sorted by
construction); when the pool passes its size it spills its terms, sorted, to a temporary run;
at the end the runs are merged by term, not by posting, and each term's postings are put into
Whoosh's posting writer a block (128 postings) at a time. The files are exactly Whoosh's.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from array import array
from itertools import groupby
from operator import itemgetter

from whoosh.codec.whoosh3 import W3FieldWriter
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.index.blocks import small_blocks
from indexer.index.pooled_arrays import COUNT_BITS, Positions

ENTRY_BYTES = 250        # a term's key and list in memory, besides its postings
POSTING_BYTES = 100      # one posting: document, weight and its value bytes (positions)


class TermPool:
    """Postings per field and term bytes, in document order, each term's as one flat list
    [document, weight, value, document, ...] (one `+=` per posting: the cheapest way to file
    them in Python); spilled to sorted runs on disk past `limitmb`."""

    def __init__(self, limitmb: float = 256, tempdir: str | None = None):
        self.limit = limitmb * 2**20
        self.tempdir = tempdir
        self.current: dict[str, dict[bytes, list]] = {}
        self.size = 0
        self.runs: list = []
        self.postings = 0
        self.positions = Positions(tempdir)

    def add(self, fieldname: str, docnum: int, items, boost: float = 1.0,
            positions: array | None = None) -> None:
        """File one field's postings of one document: items as `field.index(value)` gives them;
        `positions`, of a positional field, every posting's positions end to end (each posting
        then keeps where its own are in `self.positions`, for the arrays; 0 without)."""
        terms = self.current.get(fieldname)
        if terms is None:
            terms = self.current[fieldname] = {}
        new = 0
        if positions is None:
            for text, _, weight, value in items:
                postings = terms.get(text)
                if postings is None:
                    terms[text] = [docnum, weight * boost, value, 0]
                    new += 1
                else:
                    postings += (docnum, weight * boost, value, 0)
        else:
            offset = self.positions.append(positions) << COUNT_BITS
            for text, count, weight, value in items:
                postings = terms.get(text)
                if postings is None:
                    terms[text] = [docnum, weight * boost, value, offset | count]
                    new += 1
                else:
                    postings += (docnum, weight * boost, value, offset | count)
                offset += count << COUNT_BITS
        self.size += POSTING_BYTES * len(items) + ENTRY_BYTES * new
        self.postings += len(items)
        if self.size > self.limit:
            self.spill()

    def spill(self) -> None:
        """Write the terms held, sorted, to a temporary run; start afresh."""
        run = tempfile.TemporaryFile(dir=self.tempdir, prefix="kb-terms-")
        for item in self._held():
            data = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
            run.write(len(data).to_bytes(8, "little"))
            run.write(data)
        run.seek(0)
        self.runs.append(run)
        self.current, self.size = {}, 0

    def _held(self):
        for fieldname in sorted(self.current):
            terms = self.current[fieldname]
            for text in sorted(terms):
                yield (fieldname, text), terms[text]

    def terms(self):
        """Yield (fieldname, term bytes, document numbers, weights, values, packed positions) in
        field and term order, each term's postings in document order (runs are merged in the
        order they were written); packed as `pooled_arrays.pack` makes them, 0 without positions."""
        merged = heapq.merge(*[_read(run) for run in self.runs], self._held(), key=itemgetter(0))
        for (fieldname, text), group in groupby(merged, key=itemgetter(0)):
            parts = [postings for _, postings in group]
            postings = parts[0] if len(parts) == 1 else [p for part in parts for p in part]
            yield (fieldname, text, array("I", postings[0::4]), array("f", postings[1::4]), postings[2::4],
                   postings[3::4])

    def close(self) -> None:
        for run in self.runs:
            run.close()
        self.runs = []
        self.current = {}       # the positions stay: the arrays are written from them after the commit


def _read(run):
    """The terms of a run, one at a time. Each is its own pickle: one Unpickler over the whole
    run would keep every term it has read in its memo, the whole run in memory by the end."""
    while size := int.from_bytes(run.read(8), "little"):
        yield pickle.loads(run.read(size))


def add_terms(fieldwriter: W3FieldWriter, schema, lengths: dict[str, list], terms, progress=None,
              arrays=None) -> None:
    """File every term's postings through Whoosh's field writer, a block at a time, and into
    `arrays` (a `PoolArrays`) if given. `lengths`: per scorable field, the stored (byte-rounded)
    length of each document, 0 for none."""
    field = None
    for fieldname, text, ids, weights, values, packed in terms:
        if fieldname != field:
            if field is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            small_blocks(fieldwriter._postwriter)
            field = fieldname
            limit = fieldwriter._codec._blocklimit
        fieldwriter.start_term(text)
        _add_blocks(fieldwriter._postwriter, ids, weights, values, lengths.get(fieldname), limit)
        fieldwriter.finish_term()
        if arrays is not None:
            arrays.add(fieldname, text, ids, weights, packed)
        if progress is not None:
            progress(len(ids))
    if field is not None:
        fieldwriter.finish_field()


def _add_blocks(postwriter, ids: array, weights: array, values: list, lengths: list | None,
                limit: int) -> None:
    """What `add_posting` once per posting would leave in the posting writer, a block at a time:
    the ids, weights and non-empty values of up to `limit` postings and their block statistics."""
    for start in range(0, len(ids), limit):
        if start:
            postwriter._write_block()
        block = ids[start:start + limit]
        postwriter._ids = block
        postwriter._weights = chunk = weights[start:start + limit]
        postwriter._values = [v for v in values[start:start + limit] if v]
        postwriter._maxweight = max(0, max(chunk))
        found = [n for n in (lengths[i] for i in block) if n] if lengths is not None else ()
        postwriter._minlength = min(found) if found else None
        postwriter._maxlength = max(found) if found else 0


def segment_lengths(schema, known: dict[str, dict[int, int]], doccount: int, reader) -> dict[str, list]:
    """Per scorable field, each document's length as Whoosh stores it (byte-rounded; 0 for none):
    the documents this writer added from `known`, the ones merged in from old segments from
    the new segment's own per-document `reader`."""
    rounded: dict[int, int] = {}
    lengths = {}
    for name, field in schema.items():
        if not field.scorable:
            continue
        mine = known.get(name, {})
        values = [0] * doccount
        for docnum in range(doccount):
            if docnum in mine:
                n = mine[docnum]
                if n not in rounded:
                    rounded[n] = byte_to_length(length_to_byte(n)) if n else 0
                values[docnum] = rounded[n]
            elif reader is not None:
                values[docnum] = reader.doc_field_length(docnum, name, 0) or 0
        lengths[name] = values
    return lengths


def fold_whoosh_pool(pool, terms: TermPool, positional: dict) -> None:
    """Move the postings Whoosh's own pool holds (those of old segments a commit merges in, which
    are numbered after this writer's documents) into the term pool, in their order."""
    if not pool.current and not getattr(pool, "runs", None):
        return
    for fieldname, text, docnum, weight, value in pool.iter_postings():
        if fieldname in positional:
            found = array("I", positional[fieldname].decode_positions(value))
            terms.add(fieldname, docnum, ((text, len(found), weight, value),), positions=found)
        else:
            terms.add(fieldname, docnum, ((text, 0, weight, value),))
