"""Pruning the parts of a query that cannot match changes no answer: the same searches with and
without it give the same totals, hits, scores, snippets, explanations and facet counts."""

from pathlib import Path

import pytest
from whoosh import query as wq

from indexer.content.glossary import load_glossary
from indexer.index.build import open_generation
from indexer.search.prune import Pruner
from indexer.search.questions import load_question_words
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher
from indexer.search.thesaurus import load_thesaurus

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ["child labour monitoring", "детского труда", "how long should a pilot project last?",
           '"child labour" -school', "monitor* OR школ*", "IOM reintegration", "ltncrbq nhel",
           "dangerous work for children", "что делать, если пилот закончился?", "school NOT evening",
           "the and of", "кто может финансировать мониторинг?", "zzzz qqqq"]


@pytest.fixture(scope="module")
def searchers(index_dir):
    content = ROOT / "content"
    parts = dict(questions=load_question_words(content / "question-words.yaml"),
                 thesaurus=load_thesaurus(content / "thesaurus.yaml"))
    glossary = load_glossary(content / "glossary.yaml")
    opened = []
    for _ in range(2):
        ix, generation = open_generation(index_dir)
        opened.append(KbSearcher(ix, generation, glossary, **parts))
    assert opened[0]._fields is not None      # a small generation: pruned
    opened[1]._fields = None                  # the same, nothing pruned
    yield opened
    for searcher in opened:
        searcher.close()


@pytest.mark.parametrize("q", QUERIES)
def test_pruned_searches_answer_as_unpruned_ones(searchers, q):
    pruned, whole = (s.search(SearchRequest(q=q, limit=10)).to_dict() for s in searchers)
    assert pruned == whole


def test_a_term_the_field_lacks_is_left_out_and_its_words_kept_for_snippets():
    held = {("body", "child"), ("body", "labour")}
    prune = Pruner(lambda f, t: (f, t) in held)
    query = wq.Or([wq.Term("body", "child"), wq.Term("title", "child"),
                   wq.Phrase("body", ["child", "missing"]), wq.And([wq.Term("body", "labour"),
                                                                    wq.Term("body", "absent")])])
    assert prune(query) == wq.Or([wq.Term("body", "child")])
    assert prune.dropped == {("title", "child"), ("body", "child"), ("body", "missing"), ("body", "labour"),
                             ("body", "absent")}
    assert prune(wq.Term("note", "nothing")) is wq.NullQuery
    kept = wq.Or([wq.Term("body", "child")])
    assert prune(kept) is kept            # unchanged: the same object, its sharing kept
