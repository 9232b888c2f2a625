"""Questions: their filler weighs nothing, the content words decide, most words still score."""

from dataclasses import replace

import numpy as np
import pytest
from bs4 import BeautifulSoup
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


# --- the answer a question asks for ("how long": a duration) -----------------------------------

def answers(q: str) -> list[str]:
    return [s.text for s in build_query(parse_query(q), Glossary(), {}, QUESTIONS).synonyms]


def test_a_question_asking_how_long_also_searches_for_a_duration_below_its_words():
    plain = build_query(parse_query("пилот закладывать"), Glossary(), {}, QUESTIONS)
    built = build_query(parse_query("Сколько времени закладывать на пилот?"), Glossary(), {}, QUESTIONS)
    assert "Сколько времени ≈ продолжительность" in [s.text for s in built.synonyms]
    assert [s.text for s in built.synonyms][0].endswith("≈ продолжительность")   # the query's language first
    assert len(built.units) == len(plain.units) + 2          # "времени" stays a word; the answer is one more
    assert built.answer_words[0] == "продолжительность"
    assert built.embedded("q?") == "q? (" + ", ".join(built.answer_words) + ")"
    assert plain.embedded("q") == "q" and not plain.answer_words
    assert any(s.startswith("How long ≈ duration") for s in answers("How long should a pilot last?"))


def test_a_question_that_names_its_answer_or_asks_none_gains_nothing():
    assert not [s for s in answers("who could fund the evening schools?") if "≈ funding" in s]
    assert [s for s in answers("who should pay for the evening schools?") if s == "who should pay ≈ funding"]
    assert answers("evening schools funding") == []
    assert answers("why?") == []      # nothing but filler: searched as typed, no answer


def test_the_hit_the_answer_found_says_so(searcher):
    """«продолжительность» of the Kyrgyz pilot lesson is no word of the question: the answer found it."""
    without = KbSearcher(searcher.ix, searcher.generation, GLOSSARY, replace(QUESTIONS, answers=()))
    q = "сколько времени закладывать на пилот?"
    hits = {h.id: h for h in searcher.search(SearchRequest(q=q, limit=10)).hits}
    hit = hits["kg-lesson-04-pilot-duration"]
    assert hit.matched_by == {"via": "synonym", "matched": ["сколько времени ≈ продолжительность",
                                                             "сколько времени ≈ длиться",
                                                             "сколько времени ≈ длительный"]}
    assert searcher.search(SearchRequest(q=q, limit=10)).total > without.search(SearchRequest(q=q)).total
    assert hits["car-lesson-08-pilot-duration"].matched_by is None    # it holds the words typed


def test_the_api_and_the_page_name_the_answer(client):
    data = client.get("/api/search?q=сколько+времени+закладывать+на+пилот").get_json()
    found = {r["id"]: r["matched_by"] for r in data["results"]}
    assert found["kg-lesson-04-pilot-duration"]["matched"][0] == "сколько времени ≈ продолжительность"
    page = BeautifulSoup(client.get("/search?q=сколько+времени+закладывать+на+пилот").data, "html.parser")
    why = [p.get_text() for p in page.select("li.hit p.why")]
    assert any(w.startswith("matched: сколько времени ≈ продолжительность") for w in why), why


@pytest.mark.parametrize("text", ["answers: {a: 1}\n", "answers:\n  - asks: how long\n    about: {en: [a]}\n",
                                  "answers:\n  - asks: [how long]\n    about: [duration]\n",
                                  "answers:\n  - asks: [how long]\n    about: {en: duration}\n"])
def test_a_broken_answers_section_is_an_error_naming_the_file(tmp_path, text):
    bad = tmp_path / "question-words.yaml"
    bad.write_text("en: {words: [how]}\n" + text, encoding="utf-8")
    with pytest.raises(ContentError, match="question-words.yaml"):
        load_question_words(bad)


def test_the_repository_answers_load_in_both_languages():
    assert len(QUESTIONS.answers) >= 3
    for answer in QUESTIONS.answers:
        assert {v.lang for v in answer.about} == {"en", "ru"}
        assert len({tuple(v.forms) for v in answer.about}) == len(answer.about)   # no variant twice
