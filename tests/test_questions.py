"""Questions: their filler weighs nothing, the content words decide, most words still score."""

import numpy as np
import pytest
from whoosh import query as wq

from indexer.content.glossary import Glossary, load_glossary
from indexer.errors import ContentError
from indexer.index.build import open_generation
from indexer.search.query import build_query, parse_query
from indexer.search.questions import load_question_words
from indexer.search.ranking import AtLeast
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher
from kb.settings import ROOT

QUESTIONS = load_question_words(ROOT / "content" / "question-words.yaml")
GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")


def kept(q: str) -> list[str]:
    built = build_query(parse_query(q), Glossary(), {}, QUESTIONS)
    return [w for w in built.words]


@pytest.mark.parametrize("question, words", [
    ("How can we involve employers?", ["involve", "employers?"]),
    ("what should be done about exit strategies", ["exit", "strategies"]),
    ("Is it better to design one project per country?", ["design", "one", "project", "per", "country?"]),
    ("что делать, если пилот закончился?", ["пилот", "закончился?"]),
    ("Каким образом привлечь религиозных лидеров?", ["привлечь", "религиозных", "лидеров?"]),
    ("Можно ли продлить пилотные проекты", ["продлить", "пилотные", "проекты"]),
    ("Could you tell me what is recommended for evening schools?", ["evening", "schools?"]),
    ("what would you recommend for exit strategies", ["exit", "strategies"]),
    ("Подскажите, как сделать так, чтобы отчёты читали", ["отчёты", "читали"]),
    ("нужен ли проекту свой юрист?", ["проекту", "юрист?"]),
    ("Меня интересует, есть ли смысл в вечерних школах", ["вечерних", "школах"]),
])
def test_question_words_and_request_filler_are_left_out(question, words):
    assert kept(question) == words


def test_a_query_of_filler_only_is_searched_as_typed():
    assert kept("could somebody please") == ["could", "somebody", "please"]


def test_quoted_negated_and_or_words_are_never_taken_for_filler():
    built = build_query(parse_query('"what works" how -could'), Glossary(), {}, QUESTIONS)
    assert built.filler == ["how"]


@pytest.fixture(scope="module")
def searcher(index_dir):
    ix, generation = open_generation(index_dir)
    return KbSearcher(ix, generation, GLOSSARY, QUESTIONS)


def first(searcher, q: str) -> str:
    return searcher.search(SearchRequest(q=q, limit=10)).hits[0].id


def test_a_question_ranks_first_what_its_keywords_rank_first(searcher):
    assert first(searcher, "How long should pilots in child labour monitoring last?") == \
        first(searcher, "pilots child labour monitoring last")
    assert first(searcher, "Что делать, чтобы поддержать вечерние школы?") == \
        first(searcher, "поддержать вечерние школы")


def test_an_entry_with_most_of_the_words_outranks_one_with_a_few(searcher):
    # No entry holds all five words; the one that holds four must still come first.
    hits = searcher.search(SearchRequest(q="religious leaders spread information zebra", limit=10)).hits
    assert hits[0].id == "tj-rec-10-involve-religious-leaders"


def test_at_least_k_of_n_matches_and_survives_query_rewriting(searcher):
    terms = [wq.Term("body", t) for t in ("evening", "school", "legal")]
    query = AtLeast(terms, minmatch=2).apply(lambda q: q)
    assert isinstance(query, AtLeast) and query.minmatch == 2
    found = searcher.engine.run(query)
    two = np.sum([searcher.engine.run(t).strict for t in terms], axis=0) >= 2
    assert found.exact and found.strict.any() and (found.strict == two).all()
    assert (found.loose == two).all() and (found.score[~two] == 0).all()


def test_a_broken_question_words_file_is_an_error_naming_it(tmp_path):
    bad = tmp_path / "question-words.yaml"
    bad.write_text("en: [how, what]\n", encoding="utf-8")
    with pytest.raises(ContentError, match="question-words.yaml"):
        load_question_words(bad)
    assert load_question_words(tmp_path / "missing.yaml").words == frozenset()
