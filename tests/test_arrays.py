"""The memory-mapped postings arrays: written with every generation, equal to Whoosh's own postings,
linked and extended by an update, and a search over them answers exactly as one without them."""

import numpy as np
from conftest import build

from indexer.content.glossary import Glossary
from indexer.index.arrays import NAMES, array_path, open_arrays, text_fields
from indexer.index.build import open_generation
from indexer.search import ranking
from indexer.search.postings import Postings
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher

QUERIES = ["children", "детей", "child labour", '"child labour"', "мониторинг OR школы", "empl*",
           "coordination council funding", "evening schools for working children", ""]


def _segments(ix) -> list[str]:
    with ix.reader() as reader:
        return [leaf.segment().segment_id() for leaf, _ in reader.leaf_readers()]


def test_every_segment_of_a_build_has_its_arrays(index_dir):
    ix, generation = open_generation(index_dir)
    for segment in _segments(ix):
        assert all(array_path(index_dir / generation, segment, n).exists() for n in NAMES)


def test_the_arrays_hold_exactly_whooshs_postings_and_positions(index_dir):
    ix, _ = open_generation(index_dir)
    reader = ix.reader()
    mapped, whoosh = Postings(reader, open_arrays(ix, reader)), Postings(reader)
    assert all(arrays is not None for _, _, arrays in mapped.leaves)
    checked = 0
    for fieldname in text_fields(reader.schema):
        for btext in reader.lexicon(fieldname):
            text = btext.decode("utf-8")
            ids, freqs = mapped.raw(fieldname, text)
            expected = whoosh.raw(fieldname, text)
            assert np.array_equal(ids, expected[0]) and np.array_equal(freqs, expected[1]), (fieldname, text)
            if reader.schema[fieldname].format.supports("positions"):
                got, want = mapped.positions(fieldname, text, ids), whoosh.positions(fieldname, text, ids)
                assert len(got[0]) >= len(ids), (fieldname, text)       # every posting has a position
                assert all(np.array_equal(g, w) for g, w in zip(got, want, strict=True)), (fieldname, text)
            checked += 1
    assert checked > 1000
    assert mapped.raw("body", "no-such-word-anywhere")[0].size == 0


def _answers(searcher: KbSearcher, q: str) -> dict:
    return searcher.search(SearchRequest(q=q)).to_dict()


def test_a_search_over_the_arrays_answers_as_one_over_whoosh(index_dir, monkeypatch):
    monkeypatch.setattr(ranking, "TIME_LIMIT", 60.0)     # a loaded machine's deadline is no difference
    ix, generation = open_generation(index_dir)
    mapped = KbSearcher(ix, generation, Glossary())
    plain = KbSearcher(ix, generation, Glossary())
    plain.postings = Postings(plain.reader)          # Whoosh's postings, read block by block
    plain.engine.postings = plain.postings
    assert any(a for _, _, a in mapped.postings.leaves) and not any(a for _, _, a in plain.postings.leaves)
    for q in QUERIES:
        assert _answers(mapped, q) == _answers(plain, q), q


def test_an_update_links_the_served_arrays_and_writes_the_new_segments(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    first, _ = open_generation(index)
    served = {s: array_path(first.storage.folder, s, "docs").stat().st_ino for s in _segments(first)}
    edited = content_copy / "car-rec-27-work-with-employers.md"
    edited.write_text(edited.read_text().replace("\n## Перевод", " Wombats too.\n\n## Перевод", 1))
    build(content_copy, index)
    ix, generation = open_generation(index)
    segments = _segments(ix)
    kept = [s for s in segments if s in served]
    assert kept and all(array_path(index / generation, s, "docs").stat().st_ino == served[s] for s in kept)
    assert len(open_arrays(ix, ix.reader())) == len(segments) > len(kept)
    found = KbSearcher(ix, generation, Glossary()).search(SearchRequest(q="wombats"))
    assert [h.id for h in found.hits] == ["car-rec-27-work-with-employers"]


def test_an_index_without_arrays_is_searched_through_whoosh(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    ix, generation = open_generation(index)
    for path in (index / generation).glob("*.arr_*.npy"):
        path.unlink()
    assert open_arrays(ix, ix.reader()) == {}
    hits = KbSearcher(ix, generation, Glossary()).search(SearchRequest(q="children")).hits
    assert hits


def test_the_terms_most_documents_hold_come_from_the_arrays(index_dir):
    ix, _ = open_generation(index_dir)
    reader = ix.reader()
    postings = Postings(reader, open_arrays(ix, reader))
    for fieldname in ("body", "title", "exact"):
        found = postings.frequent_terms(fieldname, 10)
        counts = sorted((reader.doc_frequency(fieldname, t) for t in reader.lexicon(fieldname)), reverse=True)
        assert [reader.doc_frequency(fieldname, t) for t in found] == counts[:10]


def _read_back(ix, folder, segment: str, scratch) -> dict:
    """The segment's arrays as `write_arrays` makes them: read back from Whoosh's committed postings."""
    from indexer.index.arrays import _collect, _write_segment

    with ix.reader() as reader:
        leaf = next(leaf for leaf, _ in reader.leaf_readers() if leaf.segment().segment_id() == segment)
        _write_segment(scratch, segment, _collect(leaf))
    return {n: np.load(array_path(scratch, segment, n)) for n in NAMES}


def test_the_writers_arrays_are_the_ones_read_back_from_whoosh(content_copy, tmp_path, monkeypatch):
    """The arrays the writer writes from its term pool, of a full build, of updates and of a
    commit that merges every old segment into the new one (their postings decoded from Whoosh's)."""
    from conftest import ROOT, TAXONOMY
    from whoosh import index as whoosh_index

    import indexer.index.writer
    from indexer.content.corpus import display_path, load_entry
    from indexer.content.taxonomy import load_taxonomy
    from indexer.index import pooled_arrays
    from indexer.index.schema import to_document

    monkeypatch.setattr(indexer.index.writer, "POOL_MINIMUM", 1)    # positions sent by the pool's processes
    monkeypatch.setattr(pooled_arrays, "CHUNK", 7)                   # written a few postings at a time
    index = tmp_path / "index"
    build(content_copy, index)
    files = sorted(content_copy.glob("*.md"))
    for number, path in enumerate(files[:3]):                      # updates: small segments
        path.write_text(path.read_text(encoding="utf-8").replace("\n## ", f" Edited{number}.\n## ", 1),
                        encoding="utf-8")
        build(content_copy, index)

    def compare(ix, folder, label):
        segments = _segments(ix)
        for number, segment in enumerate(segments):
            scratch = tmp_path / f"{label}{number}"
            scratch.mkdir()
            expected = _read_back(ix, folder, segment, scratch)
            for name in NAMES:
                written = np.load(array_path(folder, segment, name))
                assert written.dtype == expected[name].dtype, (label, segment, name)
                assert np.array_equal(written, expected[name]), (label, segment, name)
        return segments

    ix, generation = open_generation(index)
    assert len(compare(ix, index / generation, "update")) > 1
    writer = indexer.index.writer.PreparedWriter(ix)
    taxonomy = load_taxonomy(TAXONOMY)
    key = display_path(files[-1], ROOT)
    writer.delete_by_term("path", key)
    writer.add_document(**indexer.index.writer.prepare(
        to_document(load_entry(files[-1], taxonomy, ROOT), key, taxonomy), ix.schema))
    writer.commit(optimize=True)
    merged = whoosh_index.open_dir(str(index / generation))
    assert len(compare(merged, index / generation, "merged")) == 1
