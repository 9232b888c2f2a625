"""Posting lists, field lengths and BM25F term weights of one open generation, as numpy arrays.

Whoosh stays the index of record. A generation built with `indexer.index.arrays` holds each
segment's postings as memory-mapped arrays: a term's postings are a slice of them, found by
a binary search, shared by every worker. A segment without them (an index built before them)
is read through Whoosh a block (up to 128 postings) at a time. Each field's lengths come
from one read of its length column. What
a term is worth in each document (Whoosh's own BM25F: idf, length norm, the term's
frequency) is computed once per term and kept, least recently used dropped past
`CACHE_BYTES`; deleted documents are dropped on the way in.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
from whoosh.codec.whoosh3 import LENGTHS_COLUMN as _LENGTHS_COLUMN
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from indexer.index.arrays import SegmentArrays, read_postings

BM25_B, BM25_K1 = 0.75, 1.2    # Whoosh's BM25F defaults, which the index is searched with
CACHE_BYTES = 24 * 2**20       # term weights kept per open generation
_LENGTH_OF_BYTE = np.array([0] + [byte_to_length(b) for b in range(1, 256)], dtype=np.float32)
_EMPTY = (np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))


class Postings:
    """(document numbers, BM25F weights) of each term of one reader, read by blocks and kept."""

    def __init__(self, reader, arrays: dict[str, SegmentArrays] | None = None):
        self.reader = reader
        self.size = reader.doc_count_all()
        arrays = arrays or {}
        # (segment reader, offset, its arrays or None)
        self.leaves = [(leaf, offset, arrays.get(leaf.segment().segment_id()))
                       for leaf, offset in reader.leaf_readers()]
        self.alive = np.zeros(self.size, dtype=bool)
        self.alive[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
        self._lengths: dict[str, np.ndarray] = {}
        self._weights: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._bytes = 0

    def warm(self, fieldnames) -> None:
        """Read what every search needs (the field lengths) now, not in a reader's request."""
        for fieldname in fieldnames:
            self.lengths(fieldname)

    def memory(self) -> dict[str, int]:
        """Bytes held, per structure: for benchmarks/memory.md."""
        return {"alive vector": self.alive.nbytes,
                "postings arrays (memory-mapped, shared)": sum(a.nbytes() for _, _, a in self.leaves if a),
                "field lengths": sum(a.nbytes for a in self._lengths.values()),
                "term weights (cache)": self._bytes}

    # --- raw postings ----------------------------------------------------------------------

    def raw(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, term frequencies) of a term, deleted documents left out."""
        ids, freqs = [], []
        for leaf, offset, arrays in self.leaves:
            found = _leaf_postings(leaf, arrays, fieldname, text)
            if found is not None and len(found[0]):
                ids.append(found[0] + offset if offset else found[0])
                freqs.append(found[1])
        if not ids:
            return _EMPTY
        ids = np.concatenate(ids) if len(ids) > 1 else ids[0]
        freqs = np.concatenate(freqs) if len(freqs) > 1 else freqs[0]
        keep = self.alive[ids]
        return (ids, freqs) if keep.all() else (ids[keep], freqs[keep])

    def positions(self, fieldname: str, text: str, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(documents, positions), one pair per position of the term, in the given (sorted) documents."""
        found_docs, found_positions = [], []
        fmt = self.reader.schema[fieldname].format
        for leaf, offset, arrays in self.leaves:
            local = docs - offset
            local = local[(local >= 0) & (local < leaf.doc_count_all())]
            if not len(local):
                continue
            if arrays is not None and fieldname in arrays.fields:
                number = arrays.find(fieldname, text)
                if number is not None:
                    ids, positions = arrays.term_positions(number, local)
                    found_docs.append(ids + offset)
                    found_positions.append(positions)
                continue
            for ids, values in _leaf_values(leaf, fieldname, text, local):
                for doc, value in zip(ids, values, strict=True):
                    positions = fmt.decode_positions(value)
                    found_docs.append(np.full(len(positions), doc + offset, dtype=np.int64))
                    found_positions.append(np.array(positions, dtype=np.int64))
        if not found_docs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(found_docs), np.concatenate(found_positions)

    def frequent_terms(self, fieldname: str, number: int) -> list[str]:
        """The field's `number` terms held by most documents: from the arrays' key ranges (no
        pass over the term index) when every segment has them, else Whoosh's most frequent."""
        if not all(arrays is not None and fieldname in arrays.fields for _, _, arrays in self.leaves):
            return [_text(t) for _, t in self.reader.most_frequent_terms(fieldname, number=number)]
        counts: dict[str, int] = {}
        for _, _, arrays in self.leaves:
            for count, term in arrays.frequent(fieldname, number):
                counts[term] = counts.get(term, 0) + count
        return sorted(counts, key=lambda t: -counts[t])[:number]

    def docs(self, fieldname: str, text: str) -> np.ndarray:
        return self.weights(fieldname, text)[0]

    def doc_frequency(self, fieldname: str, text: str) -> int:
        return len(self.weights(fieldname, text)[0])

    # --- BM25F ------------------------------------------------------------------------------

    def lengths(self, fieldname: str) -> np.ndarray:
        """Every document's length in a field, as Whoosh stores it (one byte, log scale)."""
        found = self._lengths.get(fieldname)
        if found is None:
            found = np.zeros(self.size, dtype=np.float32)
            for leaf, offset, _ in self.leaves:
                raw = _length_bytes(leaf, fieldname)
                found[offset:offset + len(raw)] = _LENGTH_OF_BYTE[raw]
            self._lengths[fieldname] = found
        return found

    def idf(self, frequency: int) -> float:
        """Whoosh's BM25F idf of a term held by `frequency` documents."""
        return math.log(self.size / (frequency + 1)) + 1

    def blended(self, terms: list[tuple[str, str, float]]) -> list[tuple[tuple, float]]:
        """((ids, weights), boost) of each term, every term of a field weighing the idf of the
        documents holding any of that field's terms (equivalent words scored as one)."""
        found = [(f, self.weights(f, t), b) for f, t, b in terms]
        held: dict[str, set] = {}
        for fieldname, (ids, _), _ in found:
            held.setdefault(fieldname, set()).update(ids.tolist())
        blended = []
        for fieldname, (ids, weights), boost in found:
            if len(ids):
                weights = weights * (self.idf(len(held[fieldname])) / self.idf(len(ids)))
            blended.append(((ids, weights), boost))
        return blended

    def weights(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, BM25F weight of the term in each), as Whoosh's BM25F scores it."""
        key = (fieldname, text)
        found = self._weights.get(key)
        if found is not None:
            self._weights.move_to_end(key)
            return found
        ids, freqs = self.raw(fieldname, text)
        if len(ids):
            idf = self.idf(len(ids))
            average = (self.reader.field_length(fieldname) / max(1, self.size)) or 1
            norm = BM25_K1 * ((1 - BM25_B) + BM25_B * self.lengths(fieldname)[ids] / average)
            found = (ids, (idf * freqs * (BM25_K1 + 1) / (freqs + norm)).astype(np.float32))
        else:
            found = _EMPTY
        self._weights[key] = found
        self._bytes += found[0].nbytes + found[1].nbytes
        while self._bytes > CACHE_BYTES and len(self._weights) > 1:
            _, (old_ids, old_weights) = self._weights.popitem(last=False)
            self._bytes -= old_ids.nbytes + old_weights.nbytes
        return found


def _leaf_postings(leaf, arrays, fieldname: str, text: str):
    """(local document numbers, frequencies) of a term in one segment, or None: a slice of its
    arrays when it has them, else read through Whoosh."""
    if arrays is not None and fieldname in arrays.fields:
        number = arrays.find(fieldname, text)
        return None if number is None else arrays.postings(number)
    try:
        btext = leaf._text_to_bytes(fieldname, text)
    except (TermNotFound, KeyError, ValueError):
        return None
    found = read_postings(leaf, fieldname, btext)
    return None if found is None else found[:2]


def _leaf_values(leaf, fieldname: str, text: str, wanted: np.ndarray):
    """Yield (local ids, posting values) of the wanted local documents, block by block."""
    try:
        btext = leaf._text_to_bytes(fieldname, text)
        matcher = leaf._terms.matcher(fieldname, btext, leaf.schema[fieldname].format)
    except (TermNotFound, KeyError):
        return
    if not hasattr(matcher, "_next_block"):
        pairs = []
        while matcher.is_active():
            if matcher.id() in set(wanted.tolist()):
                pairs.append((matcher.id(), matcher.value()))
            matcher.next()
        if pairs:
            yield [i for i, _ in pairs], [v for _, v in pairs]
        return
    while matcher.is_active():
        if matcher.block_max_id() >= wanted[0]:
            matcher._read_ids()
            ids = np.asarray(matcher._ids, dtype=np.int64)
            keep = np.flatnonzero(np.isin(ids, wanted))
            if len(keep):
                matcher._read_values()
                yield ids[keep].tolist(), [matcher._values[i] for i in keep]
        matcher._next_block()


def _length_bytes(leaf, fieldname: str) -> np.ndarray:
    """One segment's length column of a field: one byte per document (0: none)."""
    perdoc = getattr(leaf, "_perdoc", None)
    lenfield = f"_{fieldname}_len"
    if perdoc is None or not perdoc.has_column(lenfield):
        return np.zeros(0, dtype=np.uint8)
    perdoc.column_reader(lenfield, _LENGTHS_COLUMN)     # opens the file, closed with the reader
    colfile, offset, length = perdoc._colfiles[lenfield]
    count = min(length, leaf.doc_count_all())
    return np.frombuffer(colfile.get(offset, count), dtype=np.uint8)


def _text(text) -> str:
    return text.decode("utf-8") if isinstance(text, bytes) else text
