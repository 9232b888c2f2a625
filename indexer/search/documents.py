"""The stored fields of an open generation's documents, decoded once when it is small.

Whoosh keeps each document's stored fields compressed and pickled: reading one costs
~140 µs, a page of ten hits more than a millisecond. A generation of at most
`PRELOAD_LIMIT` documents (~3 KB each) is decoded whole when it is opened (before the
web workers fork, with --preload, so they share it); a larger one is read per hit.
The dictionaries handed out are shared: callers read them, never change them.
"""

from __future__ import annotations

PRELOAD_LIMIT = 5000


class StoredDocuments:
    """`documents[docnum]`: the stored fields of one document of a reader."""

    def __init__(self, reader, limit: int = PRELOAD_LIMIT):
        self.reader = reader
        size = reader.doc_count_all()
        self._all = [reader.stored_fields(n) for n in range(size)] if size <= limit else None

    def __getitem__(self, docnum: int) -> dict:
        return self._all[docnum] if self._all is not None else self.reader.stored_fields(docnum)

    def preloaded(self) -> bool:
        return self._all is not None
