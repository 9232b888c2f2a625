"""Stored fields decoded at open (a small generation) are the reader's own, document by document."""

from indexer.index.build import open_generation
from indexer.search.documents import StoredDocuments


def test_preloaded_and_read_documents_are_the_readers_stored_fields(index_dir):
    ix, _ = open_generation(index_dir)
    reader = ix.reader()
    try:
        preloaded, read = StoredDocuments(reader), StoredDocuments(reader, limit=0)
        assert preloaded.preloaded() and not read.preloaded()
        size = reader.doc_count_all()
        assert size > 1
        for docnum in range(size):
            assert preloaded[docnum] == read[docnum] == reader.stored_fields(docnum)
    finally:
        reader.close()
