"""Compound segments read in place: a ViewFile reads as BytesIO would, and an open searcher's
segment files are views of the shared map, not private copies."""

from io import BytesIO

from indexer.content.glossary import Glossary
from indexer.index.build import open_generation
from indexer.index.inplace import ViewFile, _View
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher

DATA = b"first line\nsecond\n\nlast without newline"


def test_a_view_reads_seeks_and_splits_lines_as_bytesio_does():
    view, plain = _View(memoryview(DATA)), BytesIO(DATA)
    for step in [("read", 5), ("tell",), ("readline",), ("seek", 3, 1), ("read", 2), ("seek", -4, 2),
                 ("read", -1), ("read", 3), ("seek", 0), ("readline", 4), ("readline",), ("seek", 100),
                 ("read", 1), ("seek", 0)]:
        name, *args = step
        assert getattr(view, name)(*args) == getattr(plain, name)(*args), step
    assert list(view) == list(BytesIO(DATA))


def test_an_open_searcher_reads_its_segments_through_views(index_dir):
    ix, generation = open_generation(index_dir)
    searcher = KbSearcher(ix, generation, Glossary())
    leaf = searcher.reader.leaf_readers()[0][0]
    assert isinstance(leaf._terms._postfile, ViewFile)
    assert searcher.search(SearchRequest(q="children")).total > 0
