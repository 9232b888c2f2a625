"""Whoosh's compound segment files read in place, from the shared memory map, not a private copy.

Whoosh maps a segment's `.seg` file and opens each file inside it (postings, term index,
stored fields, columns) as a `BufferFile`, whose `BytesIO(buffer)` copies the part into
the process's own memory: at 100 000 entries 260 MiB per worker, most of its memory, the
postings file alone 221 MiB. `ViewFile` reads the same bytes straight from the map, so the
pages are the page cache's, shared by every worker and loaded only where a search reads.
"""

from __future__ import annotations

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _View:
    """The file interface StructFile reads through (read, readline, seek, tell), over a buffer."""

    def __init__(self, buf):
        self._buf = buf
        self._at = 0

    def read(self, size: int = -1) -> bytes:
        end = len(self._buf) if size is None or size < 0 else min(len(self._buf), self._at + size)
        found = bytes(self._buf[self._at:end])
        self._at = end
        return found

    def readline(self, size: int = -1) -> bytes:
        rest = bytes(self._buf[self._at:]) if size is None or size < 0 else bytes(
            self._buf[self._at:self._at + size])
        cut = rest.find(b"\n")
        line = rest if cut < 0 else rest[:cut + 1]
        self._at += len(line)
        return line

    def __iter__(self):
        while line := self.readline():
            yield line

    def seek(self, position: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._at, 2: len(self._buf)}[whence]
        self._at = max(0, base + position)
        return self._at

    def tell(self) -> int:
        return self._at

    def close(self) -> None:
        """Nothing to free: the map belongs to the compound storage."""


class ViewFile(BufferFile):
    """A BufferFile whose reads come from the buffer itself (see the module docstring)."""

    def __init__(self, buf, name=None, onclose=None):
        self._buf = buf
        self._name = name
        self.file = _View(buf)
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False


def read_compound_in_place() -> None:
    """Make Whoosh open the parts of a compound segment as ViewFiles (idempotent)."""
    compound.BufferFile = ViewFile
