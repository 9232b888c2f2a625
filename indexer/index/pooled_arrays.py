"""A new segment's postings arrays (indexer.index.arrays) written from the writer's term pool.

The arrays were a copy read back from the committed segment: every block of every term decoded
again (a third of a minute of CPU at 100 000 entries, and the index opened a second time). The
writer has all of it in hand as it files the terms: the document numbers and weights of each
term, and the positions the analysis processes sent with each document (`Analysed.positions`,
one flat array per field, in the order of its postings). The term pool keeps, per posting, where
its positions start in `Positions` (a temporary file the documents' positions are appended to)
and how many there are, packed into one integer (`pack`); `PoolArrays` gathers the text fields'
terms as `add_terms` files them (the documents and weights go to temporary files as they come),
and once Whoosh has assembled the segment `write` puts the arrays beside it, in exactly the
layout and types `arrays._write_segment` gives them (tests/test_arrays.py compares the two).
"""

from __future__ import annotations

import tempfile
from array import array
from pathlib import Path

import numpy as np

from indexer.index.arrays import NAMES, array_path

COUNT_BITS = 24            # a posting's position count in the low bits, its first position above
CHUNK = 1 << 20            # postings written at a time (bounds the memory of writing the arrays)


def pack(offset: int, count: int) -> int:
    """One posting's first position in `Positions` and its number of positions, as one int."""
    if count >= 1 << COUNT_BITS:
        raise ValueError(f"{count} positions of one term in one document: more than the arrays hold")
    return offset << COUNT_BITS | count


class Positions:
    """Every document's positions, appended to a temporary file as the writer receives them."""

    def __init__(self, tempdir: str | None = None):
        self.file = tempfile.TemporaryFile(dir=tempdir, prefix="kb-positions-")
        self.count = 0

    def append(self, positions: array) -> int:
        """Append a document field's positions ('I' array); return where they start."""
        start = self.count
        if len(positions) >= 1 << COUNT_BITS:
            raise ValueError(f"{len(positions)} words in one field of one entry: more than the index holds")
        if len(positions):
            self.file.write(positions.tobytes())
            self.count += len(positions)
        return start

    def mapped(self) -> np.ndarray:
        self.file.flush()
        if not self.count:
            return np.zeros(0, dtype=np.uint32)
        return np.memmap(self.file, dtype=np.uint32, mode="r", shape=(self.count,))

    def close(self) -> None:
        self.file.close()


class PoolArrays:
    """The text fields' terms as `add_terms` files them, then written as one segment's arrays."""

    def __init__(self, fields, positions: Positions, tempdir: str | None = None):
        self.fields = frozenset(fields)
        self.positions = positions
        self.keys: list[bytes] = []
        self.starts = array("q", [0])
        self.files = {name: tempfile.TemporaryFile(dir=tempdir, prefix=f"kb-{name}-")
                      for name in ("docs", "freqs", "packed")}

    def add(self, fieldname: str, text: bytes, ids: array, weights: array, packed) -> None:
        """One term's postings (ids 'I', weights 'f', packed positions as `pack` made them)."""
        if fieldname not in self.fields:
            return
        self.keys.append(fieldname.encode("utf-8") + b"\0" + text)
        self.starts.append(self.starts[-1] + len(ids))
        self.files["docs"].write(ids.tobytes())
        self.files["freqs"].write(weights.tobytes())
        self.files["packed"].write(array("q", packed).tobytes())

    def write(self, directory: Path, segment: str) -> None:
        """Write the segment's arrays, `keys` last (its presence says the set is complete), a chunk
        of postings at a time into each file: the writer's memory grows by a chunk, not by the
        segment's postings arrays (400 MB at 100 000 entries)."""
        total, source = self.starts[-1], self.positions.mapped()
        count = len(source)              # every position sent belongs to one posting of the arrays
        narrow = np.uint16 if not count or source.max() < 2**16 else np.uint32
        out = {name: self._create(directory, segment, name, dtype, size) for name, dtype, size in (
            ("docs", np.int32, total), ("freqs", np.float32, total),
            ("posstarts", np.uint32 if count < 2**32 else np.int64, total + 1),
            ("positions", narrow, count))}
        out["posstarts"][0] = 0
        done = 0                          # positions written
        for start in range(0, total, CHUNK):
            end = min(start + CHUNK, total)
            out["docs"][start:end] = self._chunk("docs", np.int32, start, end)
            out["freqs"][start:end] = self._chunk("freqs", np.float32, start, end)
            packed = self._chunk("packed", np.int64, start, end)
            counts = packed & ((1 << COUNT_BITS) - 1)
            ends = done + np.cumsum(counts)
            out["posstarts"][start + 1:end + 1] = ends
            if len(ends) and ends[-1] > done:
                begins = ends - counts
                at = np.repeat((packed >> COUNT_BITS) - begins, counts) + np.arange(done, ends[-1])
                out["positions"][done:ends[-1]] = source[at]
                done = int(ends[-1])
        if done != count:
            raise ValueError(f"{count} positions sent, {done} held by the postings")
        for mapped in out.values():
            mapped.flush()
        del out
        small = {"starts": np.frombuffer(self.starts, dtype=np.int64),
                 "keyends": np.cumsum([len(k) for k in self.keys], dtype=np.int64),
                 "keys": np.frombuffer(b"".join(self.keys), dtype=np.uint8)}
        for name in NAMES:
            if name in small:
                np.save(array_path(directory, segment, name), small[name], allow_pickle=False)

    @staticmethod
    def _create(directory: Path, segment: str, name: str, dtype, size: int) -> np.ndarray:
        """An .npy file of `size` items, memory-mapped for writing (np.save's format)."""
        path = array_path(directory, segment, name)
        if not size:
            np.save(path, np.zeros(0, dtype=dtype), allow_pickle=False)
            return np.zeros(0, dtype=dtype)
        return np.lib.format.open_memmap(path, mode="w+", dtype=dtype, shape=(size,))

    def _chunk(self, name: str, dtype, start: int, end: int) -> np.ndarray:
        handle = self.files[name]
        handle.flush()
        itemsize = np.dtype(dtype).itemsize
        handle.seek(start * itemsize)
        return np.frombuffer(handle.read((end - start) * itemsize), dtype=dtype)

    def close(self) -> None:
        for handle in self.files.values():
            handle.close()
