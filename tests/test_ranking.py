"""The numpy matching engine against Whoosh's own matchers, node type by node type, and the
spelling vocabulary against Whoosh's corrector, on the real fixture index."""

import numpy as np
import pytest
from whoosh import query as wq

from indexer.index.build import open_generation
from indexer.search.ranking import Equivalents
from indexer.search.searcher import KbSearcher


@pytest.fixture(scope="module")
def searcher(index_dir):
    ix, generation = open_generation(index_dir)
    found = KbSearcher(ix, generation, None)
    yield found
    found.close()


def whoosh_docs(searcher, query) -> set[int]:
    return set(searcher.searcher.docs_for_query(query))


def T(field, text, boost=1.0):  # noqa: N802 - reads like the query it builds
    return wq.Term(field, text, boost=boost)


QUERIES = [
    T("body", "школа"),
    wq.Or([T("body", "школа"), T("title", "monitor"), T("body", "nonexistent")]),
    wq.And([T("body", "child"), T("body", "labour")]),
    wq.AndNot(wq.Or([T("body", "child"), T("body", "школа")]), T("body", "labour")),
    wq.And([T("body", "child"), wq.Not(T("body", "monitor"))]),
    wq.Phrase("body", ["child", "labour"]),
    wq.Phrase("body", ["labour", "child"]),
    wq.Prefix("exact", "monitor"),
    wq.Wildcard("exact", "m*ring"),
    wq.Or([wq.Phrase("body", ["child", "labour"]), T("body", "вечерний")]),
    wq.Every(),
]


@pytest.mark.parametrize("query", QUERIES, ids=[str(q) for q in QUERIES])
def test_each_node_matches_what_whoosh_matches(searcher, query):
    found = searcher.engine.run(query)
    assert found.exact
    assert set(np.flatnonzero(found.strict).tolist()) == whoosh_docs(searcher, query)


def test_terms_score_as_whooshs_bm25f(searcher):
    query = wq.Or([T("body", "child", 2.0), T("title", "labour")])
    found = searcher.engine.run(query)
    for hit in searcher.searcher.search(query, limit=None):
        assert found.score[hit.docnum] == pytest.approx(hit.score, rel=1e-4)


def test_or_with_minmatch_needs_that_many_parts(searcher):
    parts = [T("body", "child"), T("body", "labour"), T("body", "monitor"), T("body", "школа")]
    found = searcher.engine.run(wq.Or(parts, minmatch=2))
    sets = [whoosh_docs(searcher, p) for p in parts]
    expected = {d for d in range(searcher.postings.size) if sum(d in s for s in sets) >= 2}
    assert expected and set(np.flatnonzero(found.strict).tolist()) == expected
    assert (found.score[~found.loose] == 0).all()


def test_a_capped_prefix_is_an_estimate(searcher, monkeypatch):
    import indexer.search.ranking

    monkeypatch.setattr(indexer.search.ranking, "MAX_PREFIX_TERMS", 1)
    found = searcher.engine.run(wq.Prefix("exact", "m"))
    assert not found.exact and found.strict.any()


@pytest.mark.parametrize("word", ["monitorng", "shcool", "labuor", "вечерних", "школло", "zzzzzz", "chld"])
def test_the_vocabulary_suggests_what_whooshs_corrector_suggests(searcher, word):
    theirs = searcher.searcher.corrector("exact").suggest(word, limit=1, maxdist=2, prefix=1)
    assert searcher.vocabulary().suggest(word) == (theirs[0] if theirs else None)


def test_equivalent_words_weigh_the_idf_of_all_their_documents(searcher):
    """A rare and a common spelling of one term score alike where each occurs once, with the idf
    of the documents holding either; matching is the Or's."""
    rare, common = T("body", "вечерний"), T("body", "child")
    postings = searcher.postings
    held = set(postings.docs("body", "вечерний").tolist()) | set(postings.docs("body", "child").tolist())
    found = searcher.engine.run(Equivalents([rare, common]))
    plain = searcher.engine.run(wq.Or([rare, common]))
    assert set(np.flatnonzero(found.strict).tolist()) == held == whoosh_docs(searcher, wq.Or([rare, common]))
    shared = postings.idf(len(held))
    for term in (rare, common):
        ids, weights = postings.weights("body", term.text)
        other = common if term is rare else rare
        alone = set(ids.tolist()) - set(postings.docs("body", other.text).tolist())
        assert alone
        for doc in list(alone)[:5]:
            expected = weights[ids.tolist().index(doc)] * shared / postings.idf(len(ids))
            assert found.score[doc] == pytest.approx(expected, rel=1e-5)
    rare_only = set(postings.docs("body", "вечерний").tolist()) - set(postings.docs("body", "child").tolist())
    assert rare_only and all(found.score[d] < plain.score[d] for d in rare_only)   # rare lost its edge


QUESTIONS = ["How long should a child labour monitoring pilot last?", "evening schools for working children",
             "дети мигрантов исследование", "coordination council Kazakhstan funding",
             "\"child labour\" OR школа"]


@pytest.fixture(scope="module")
def questions_searcher(index_dir):
    from pathlib import Path

    from indexer.content.glossary import load_glossary
    from indexer.search.thesaurus import load_thesaurus

    content = Path(__file__).resolve().parents[1] / "content"
    ix, generation = open_generation(index_dir)
    found = KbSearcher(ix, generation, load_glossary(content / "glossary.yaml"),
                       thesaurus=load_thesaurus(content / "thesaurus.yaml"))
    yield found
    found.close()


def _built(searcher, text):
    from indexer.search.query import build_query, parse_query

    return build_query(parse_query(text), searcher.glossary, {}, None, searcher.thesaurus)


@pytest.mark.parametrize("text", QUESTIONS)
def test_sparse_nodes_give_the_dense_answers_bit_for_bit(questions_searcher, monkeypatch, text):
    import indexer.search.ranking as ranking

    query = _built(questions_searcher, text).query
    sparse = questions_searcher.engine.run(query)
    monkeypatch.setattr(ranking, "SPARSE_SHARE", 10**9)     # every Or and word sum dense
    dense = questions_searcher.engine.run(query)
    assert sparse.strict.any()
    for part in ("score", "loose", "strict"):
        assert np.array_equal(getattr(sparse, part), getattr(dense, part)), part


@pytest.mark.parametrize("text", QUESTIONS)
def test_a_run_for_some_documents_matches_them_as_a_whole_run_does(questions_searcher, text):
    built = _built(questions_searcher, text)
    for query in [built.typed] + [s.query for s in built.synonyms]:
        if query is None:
            continue
        whole = questions_searcher.engine.run(query)
        some = sorted(set(np.flatnonzero(whole.strict).tolist()[:5] + list(range(0, whole.size, 17))))
        assert whole.exact
        part = questions_searcher.engine.run(query, only=some)
        assert whole.strict[some].tolist() == part.strict[some].tolist()


def test_an_or_of_many_phrases_matches_where_any_of_them_does(searcher):
    """Each part's vectors are merged once however the memory they were in is reused: parts
    freed during the union once lent their ids to later ones, which were then skipped."""
    words = ["child", "labour", "monitor", "школа", "project", "дети", "труда", "детского", "school"]
    parts = [wq.Or([wq.Phrase("body", [a, "nonexistent"]), T("body", a)]) for a in words]
    found = searcher.engine.run(wq.Or(parts))
    expected = set().union(*(whoosh_docs(searcher, p) for p in parts))
    assert expected and set(np.flatnonzero(found.strict).tolist()) == expected

