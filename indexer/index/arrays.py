"""Each segment's text postings as flat numpy arrays beside its Whoosh files, written once at build
and memory-mapped by every searcher (`open_arrays`): opening costs nothing, and the pages are
the operating system's, shared by every worker.

Whoosh stays the index of record: these are a copy of its postings of the text fields, written
by the build's writer from the postings it files (indexer.index.pooled_arrays) or read back from
a committed segment (`write_arrays`); either way they hold exactly what Whoosh holds.
A segment's files are named as Whoosh names its own (`MAIN_<id>.arr_<name>.npy`), so a Whoosh
commit that merges a segment away removes them with it, and an update's generation links them
like the segment's other files. Per segment:

    keys       uint8    every b"field\\0term", sorted, end to end
    keyends    int64    the end of each key in `keys`
    starts     int64    each key's first posting (one more than keys)
    docs       int32    the segment's document numbers of each key's postings, ascending
    freqs      float32  each posting's weight (the term's frequency times the field's boost)
    posstarts  uint32   each posting's first position in `positions` (one more than postings)
    positions  uint16 or uint32, the term's positions in the document (positional fields only)
"""

from __future__ import annotations

from itertools import chain
from pathlib import Path

import numpy as np
from whoosh import fields as wf
from whoosh import index as whoosh_index
from whoosh.reading import TermNotFound

NAMES = ("docs", "freqs", "posstarts", "positions", "starts", "keyends", "keys")   # `keys` last: complete


def array_path(directory: Path, segment: str, name: str) -> Path:
    return Path(directory) / f"{segment}.arr_{name}.npy"


def text_fields(schema) -> list[str]:
    """The fields whose postings are copied: the indexed text fields, in key order."""
    return sorted((n for n in schema.names() if isinstance(schema[n], wf.TEXT) and schema[n].indexed),
                  key=lambda n: n.encode("utf-8"))


def write_arrays(directory: Path) -> list[str]:
    """Write the arrays of each segment of the index in `directory` that has none yet, read back
    from Whoosh's postings; return the segments written. The build's writer writes a new
    segment's arrays itself (indexer.index.pooled_arrays) and an update links the served
    segments', so this reads nothing unless a segment came without them."""
    ix = whoosh_index.open_dir(str(directory))
    if all(array_path(directory, segment.segment_id(), n).exists() for segment in ix._segments()
           for n in NAMES):
        return []
    written = []
    with ix.reader() as reader:
        for leaf, _ in reader.leaf_readers():
            segment = leaf.segment().segment_id()
            if not all(array_path(directory, segment, n).exists() for n in NAMES):
                _write_segment(Path(directory), segment, _collect(leaf))
                written.append(segment)
    return written


def _collect(leaf) -> dict[str, list]:
    """Every text-field posting of one segment, key by key."""
    parts = {"keys": [], "starts": [0], "docs": [], "freqs": [], "counts": [], "positions": []}
    for fieldname in text_fields(leaf.schema):
        fmt = leaf.schema[fieldname].format
        positional = fmt.supports("positions")
        for btext in leaf.lexicon(fieldname):
            found = read_postings(leaf, fieldname, btext, positional)
            if found is None:
                continue
            ids, freqs, positions = found
            parts["keys"].append(fieldname.encode("utf-8") + b"\0" + btext)
            parts["starts"].append(parts["starts"][-1] + len(ids))
            parts["docs"].append(ids)
            parts["freqs"].append(freqs)
            parts["counts"].append([len(p) for p in positions] if positional else [0] * len(ids))
            parts["positions"].append(chain.from_iterable(positions) if positional else ())
    return parts


def _write_segment(directory: Path, segment: str, parts: dict) -> None:
    counts = np.fromiter(chain.from_iterable(parts["counts"]), dtype=np.int64)
    positions = np.fromiter(chain.from_iterable(parts["positions"]), dtype=np.int64)
    narrow = np.uint16 if not len(positions) or positions.max() < 2**16 else np.uint32
    keys = parts["keys"]
    arrays = {
        "docs": _concat(parts["docs"], np.int32), "freqs": _concat(parts["freqs"], np.float32),
        "posstarts": np.concatenate([[0], np.cumsum(counts)]).astype(
            np.uint32 if len(positions) < 2**32 else np.int64),
        "positions": positions.astype(narrow),
        "starts": np.array(parts["starts"], dtype=np.int64),
        "keyends": np.cumsum([len(k) for k in keys], dtype=np.int64),
        "keys": np.frombuffer(b"".join(keys), dtype=np.uint8)}
    for name in NAMES:
        np.save(array_path(directory, segment, name), arrays[name], allow_pickle=False)


def _concat(parts: list, dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def read_postings(leaf, fieldname: str, btext: bytes, positions: bool = False):
    """(ids, weights, positions of each posting or None) of a term in one segment, a block
    (up to 128 postings) at a time; None when the segment lacks the term."""
    fmt = leaf.schema[fieldname].format
    try:
        matcher = leaf._terms.matcher(fieldname, btext, fmt)
    except (TermNotFound, KeyError):
        return None
    ids, freqs, values = [], [], []
    if not hasattr(matcher, "_next_block"):      # an inlined or unusual matcher: walk it
        while matcher.is_active():
            ids.append([matcher.id()])
            freqs.append([matcher.weight()])
            if positions:
                values.append([matcher.value()])
            matcher.next()
    else:
        while matcher.is_active():
            matcher._read_ids()
            matcher._read_weights()
            ids.append(matcher._ids)
            freqs.append(matcher._weights)
            if positions:
                matcher._read_values()
                values.append(matcher._values)
            matcher._next_block()
    if not ids:
        return None
    ids = np.fromiter(chain.from_iterable(ids), dtype=np.int32)
    freqs = np.fromiter(chain.from_iterable(freqs), dtype=np.float32)
    found = [fmt.decode_positions(v) for v in chain.from_iterable(values)] if positions else None
    return ids, freqs, found


class SegmentArrays:
    """One segment's arrays, memory-mapped: a term's postings and positions by binary search."""

    def __init__(self, directory: Path, segment: str, fields):
        self.fields = frozenset(fields)      # the fields it holds; others are read through Whoosh
        for name in NAMES:
            mapped = np.load(array_path(directory, segment, name), mmap_mode="r", allow_pickle=False)
            setattr(self, name, mapped.view(np.ndarray))   # the same pages, without memmap's slicing cost
        self.count = len(self.keyends)
        # Plain memoryviews of the same pages: a binary search indexes them ~20 times per term,
        # where a memmap's per-item overhead was most of a search's term look-ups.
        self._keys = memoryview(self.keys) if self.keys.size else memoryview(b"")
        self._keyends = memoryview(self.keyends) if self.count else []
        self._starts = memoryview(self.starts)

    def nbytes(self) -> int:
        return sum(getattr(self, n).nbytes for n in NAMES)

    def key(self, number: int) -> bytes:
        return self._keys[self._keyends[number - 1] if number else 0:self._keyends[number]].tobytes()

    def find(self, fieldname: str, text: str) -> int | None:
        """The number of a term's key, or None."""
        wanted = fieldname.encode("utf-8") + b"\0" + text.encode("utf-8")
        low = self._first_from(wanted)
        return low if low < self.count and self.key(low) == wanted else None

    def _first_from(self, wanted: bytes) -> int:
        """The number of the first key not below `wanted` (binary search)."""
        low, high = 0, self.count
        while low < high:
            middle = (low + high) // 2
            if self.key(middle) < wanted:
                low = middle + 1
            else:
                high = middle
        return low

    def frequent(self, fieldname: str, number: int) -> list[tuple[int, str]]:
        """(documents, term) of the field's `number` terms held by most documents of the segment."""
        name = fieldname.encode("utf-8")
        low, high = self._first_from(name + b"\0"), self._first_from(name + b"\1")
        counts = np.diff(self.starts[low:high + 1])
        best = np.argsort(-counts, kind="stable")[:number]
        return [(int(counts[i]), self.key(low + i)[len(name) + 1:].decode("utf-8")) for i in best.tolist()]

    def postings(self, number: int) -> tuple[np.ndarray, np.ndarray]:
        """(segment document numbers, weights) of one key."""
        start, end = self._starts[number], self._starts[number + 1]
        return self.docs[start:end], self.freqs[start:end]

    def term_positions(self, number: int, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(segment document numbers, positions), one pair per position, of one key in the wanted
        (sorted) documents."""
        start, end = self._starts[number], self._starts[number + 1]
        docs = self.docs[start:end]
        at = np.searchsorted(docs, wanted)
        inside = at < len(docs)
        at = at[inside][docs[at[inside]] == wanted[inside]]
        begins = self.posstarts[start + at].astype(np.int64)
        counts = self.posstarts[start + at + 1].astype(np.int64) - begins
        flat = np.repeat(begins - np.cumsum(counts) + counts, counts) + np.arange(counts.sum())
        return np.repeat(docs[at].astype(np.int64), counts), self.positions[flat].astype(np.int64)


def open_arrays(ix, reader) -> dict[str, SegmentArrays]:
    """{segment id: its arrays} of the reader's segments that have them (none for an index built
    before them, or not in a directory: then the searcher reads Whoosh's postings itself)."""
    folder = getattr(ix.storage, "folder", None)
    if folder is None:
        return {}
    found = {}
    for leaf, _ in reader.leaf_readers():
        segment = leaf.segment().segment_id()
        if all(array_path(folder, segment, n).exists() for n in NAMES):
            found[segment] = SegmentArrays(Path(folder), segment, text_fields(reader.schema))
    return found
