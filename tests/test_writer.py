"""The parallel build writes exactly the index Whoosh's own writer would, and updates link files."""

from __future__ import annotations

import os

import pytest
from conftest import CONTENT, ROOT, TAXONOMY, build
from whoosh import index as whoosh_index

import indexer.index.writer
from indexer.content.corpus import discover, display_path, load_entry
from indexer.content.taxonomy import load_taxonomy
from indexer.index.build import open_generation
from indexer.index.schema import make_schema, to_document
from indexer.index.wordindex import snippet_words


def whoosh_written(tmp_path):
    """The fixture content written by Whoosh's plain writer, analysing in add_document."""
    taxonomy = load_taxonomy(TAXONOMY)
    ix = whoosh_index.create_in(str(tmp_path), make_schema())
    with ix.writer() as writer:
        for path in discover(CONTENT):
            entry = load_entry(path, taxonomy, ROOT)
            if not isinstance(entry, list):
                doc = to_document(entry, display_path(path, ROOT), taxonomy)
                writer.add_document(**doc, snippet_words=snippet_words(doc))
    return ix


def contents(ix) -> dict:
    """Every posting (with frequency and positions), field length and stored value, by entry path."""
    reader = ix.reader()
    path_of = {n: reader.stored_fields(n)["path"] for n in reader.all_doc_ids()}
    postings = {}
    for fieldname, text in reader.all_terms():
        if fieldname in ("path",):
            continue
        matcher = reader.postings(fieldname, text)
        postings[fieldname, text] = sorted((path_of[d], v) for d, v in matcher.items_as("positions"))\
            if reader.schema[fieldname].format.supports("positions") else \
            sorted((path_of[d], w) for d, w in matcher.items_as("weight"))
    lengths = {(path_of[n], f): reader.doc_field_length(n, f) for n in path_of
               for f in ("title", "body", "translation", "exact", "tags")}
    stored = {path_of[n]: reader.stored_fields(n) for n in path_of}
    reader.close()
    return {"postings": postings, "lengths": lengths, "stored": stored}


def test_the_process_pool_writes_what_whoosh_writes(tmp_path, monkeypatch):
    monkeypatch.setattr(indexer.index.writer, "POOL_MINIMUM", 1)     # use the pool on a few files
    build(CONTENT, tmp_path / "ours")
    ours, _ = open_generation(tmp_path / "ours")
    (tmp_path / "theirs").mkdir()
    expected = contents(whoosh_written(tmp_path / "theirs"))
    found = contents(ours)
    assert found["postings"] == expected["postings"]
    assert found["lengths"] == expected["lengths"]
    assert found["stored"] == expected["stored"]


def test_an_update_links_the_unchanged_segment_files_instead_of_copying(content_copy, tmp_path):
    first = build(content_copy, tmp_path / "index")
    edited = next(content_copy.glob("*.md"))
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("\n## ", " Edited.\n## ", 1), encoding="utf-8")
    second = build(content_copy, tmp_path / "index")
    assert second.updated == 1
    old, new = tmp_path / "index" / first.generation, tmp_path / "index" / second.generation
    shared = [f for f in os.listdir(old) if f.endswith(".seg") and (new / f).exists()]
    assert shared and all(os.path.samefile(old / f, new / f) for f in shared)


@pytest.mark.parametrize("q", ["school", "вечерних школ"])
def test_a_pool_built_index_searches_like_a_plain_one(tmp_path, monkeypatch, q):
    from indexer.content.glossary import Glossary
    from indexer.search.request import SearchRequest
    from indexer.search.searcher import KbSearcher

    monkeypatch.setattr(indexer.index.writer, "POOL_MINIMUM", 1)
    build(CONTENT, tmp_path / "pool")
    monkeypatch.setattr(indexer.index.writer, "POOL_MINIMUM", 10**9)
    build(CONTENT, tmp_path / "plain")
    answers = []
    for name in ("pool", "plain"):
        ix, generation = open_generation(tmp_path / name)
        answers.append(KbSearcher(ix, generation, Glossary()).search(SearchRequest(q=q)).to_dict()["results"])
    assert answers[0] == answers[1] and answers[0]


def test_postings_spilled_to_many_sorted_runs_are_written_as_whoosh_writes_them(tmp_path, monkeypatch):
    import indexer.index.termpool

    monkeypatch.setattr(indexer.index.termpool, "POSTING_BYTES", 2**30)   # a run per document
    spilled = []
    real = indexer.index.termpool.TermPool.spill
    monkeypatch.setattr(indexer.index.termpool.TermPool, "spill",
                        lambda self: (spilled.append(1), real(self)))
    build(CONTENT, tmp_path / "ours")
    assert len(spilled) > 5
    ours, _ = open_generation(tmp_path / "ours")
    (tmp_path / "theirs").mkdir()
    assert contents(ours) == contents(whoosh_written(tmp_path / "theirs"))


def test_an_update_that_merges_old_segments_keeps_every_posting(content_copy, tmp_path):
    """Whoosh merges old segments into the new one at commit (small ones by default; all of them
    here): their postings go through the term pool after this writer's own documents."""
    build(content_copy, tmp_path / "index")
    files = sorted(content_copy.glob("*.md"))
    for number, path in enumerate(files[:3]):      # three updates: three small segments, merged
        path.write_text(path.read_text(encoding="utf-8").replace("\n## ", f" Edited{number}.\n## ", 1),
                        encoding="utf-8")
        build(content_copy, tmp_path / "index")
    ours, _ = open_generation(tmp_path / "index")
    assert len(list(ours.reader().leaf_readers())) > 1
    writer = indexer.index.writer.PreparedWriter(ours)
    entry = load_entry(files[-1], load_taxonomy(TAXONOMY), ROOT)
    writer.delete_by_term("path", display_path(files[-1], ROOT))
    writer.add_document(**indexer.index.writer.prepare(
        to_document(entry, display_path(files[-1], ROOT), load_taxonomy(TAXONOMY)), ours.schema))
    writer.commit(optimize=True)
    ours = whoosh_index.open_dir(str(ours.storage.folder))
    assert len(list(ours.reader().leaf_readers())) == 1
    plain = whoosh_index.create_in(str(tmp_path), make_schema())
    taxonomy = load_taxonomy(TAXONOMY)
    with plain.writer() as writer:
        for path in discover(content_copy):
            entry = load_entry(path, taxonomy, ROOT)
            if not isinstance(entry, list):
                doc = to_document(entry, display_path(path, ROOT), taxonomy)
                writer.add_document(**doc, snippet_words=snippet_words(doc))
    found, expected = contents(ours), contents(plain)
    assert found["postings"] == expected["postings"] and found["lengths"] == expected["lengths"]


def test_the_pool_reads_no_further_ahead_of_the_writer_than_its_window(tmp_path, monkeypatch):
    import time

    monkeypatch.setattr(indexer.index.writer, "POOL_MINIMUM", 1)
    monkeypatch.setattr(indexer.index.writer, "CHUNK", 1)
    monkeypatch.setattr(indexer.index.writer, "AHEAD", 1)     # the window: 4 x chunk x workers
    import multiprocessing

    loaded, real = multiprocessing.get_context("fork").Value("i", 0), indexer.index.writer._load

    def counted(item):
        with loaded.get_lock():
            loaded.value += 1
        return real(item)

    counted.__module__, counted.__qualname__ = real.__module__, real.__qualname__
    monkeypatch.setattr(indexer.index.writer, "_load", counted)
    taxonomy = load_taxonomy(TAXONOMY)
    items = [(path, display_path(path, ROOT), path.stat()) for path in discover(CONTENT)]
    window = 4 * 1 * min(os.cpu_count() or 1, 8)
    assert len(items) > window + 4, "too few fixture files to see the window"
    results = indexer.index.writer.load_all(items, taxonomy, ROOT)
    next(results)
    time.sleep(1)                                  # a writer that is slow to take the next one
    assert loaded.value <= window + 1, f"{loaded.value} files read ahead of a window of {window}"
    rest = list(results)
    assert 1 + len(rest) == len(items) and all(doc is not None for _, entry, doc in rest
                                               if not isinstance(entry, list))
    early = indexer.index.writer.load_all(items, taxonomy, ROOT)
    next(early)
    early.close()                                  # a writer that stops early does not hang the pool


def test_merging_spilled_runs_holds_a_term_at_a_time_not_the_runs(tmp_path):
    import tracemalloc

    from indexer.index.termpool import TermPool

    pool = TermPool(limitmb=1000, tempdir=str(tmp_path))
    value = b"\x00\x00\x00\x01" + bytes(40)
    for run in range(20):                                  # 20 runs of 500 terms, 20 documents each
        for docnum in range(run * 20, run * 20 + 20):
            pool.add("body", docnum, [(f"term{t:04d}".encode(), 1, 1.0, value) for t in range(500)])
        pool.spill()
    tracemalloc.start()
    total = 0
    for _, _, ids, _, _, _ in pool.terms():
        total += len(ids)
        assert list(ids) == sorted(ids)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    pool.close()
    pool.positions.close()          # as the writer does once the arrays are written
    assert total == 20 * 20 * 500
    assert peak < 20 * 20 * 500 * len(value) / 4, f"{peak} bytes held while merging"


WORDS = ["School", "ШКОЛАМ", "учёт", "in‐house", "part-time", "НПА", "the", "и", "don’t", "42", "x",
         "вечерним", "стали", "monitoring", "Labourers", "ЁЖ", "a-b-c", "кое-где", "O'Neil", "İstanbul"]


@pytest.mark.parametrize("seed", range(40))
def test_the_one_pass_tokens_are_the_analyzer_chains_tokens(seed):
    import random

    from indexer.analysis import make_analyzer
    from indexer.index.onepass import tokens

    chooser = random.Random(seed)
    text = "".join(chooser.choice(WORDS) + chooser.choice([" ", ", ", "\n", " — ", "-", "'", "__"])
                   for _ in range(chooser.randint(0, 40)))
    chain = [(t.text, t.pos, t.startchar, t.endchar)
             for t in make_analyzer(keep_surface=True)(text, positions=True, chars=True)]
    assert tokens(text) == chain, text
