"""The thesaurus: other words of the field reach an entry, and the hit says which synonym did."""

import pytest
from bs4 import BeautifulSoup

from indexer.content.glossary import Glossary
from indexer.errors import ContentError
from indexer.index.build import open_generation
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher
from indexer.search.thesaurus import load_thesaurus
from kb import create_app
from kb.settings import ROOT
from tests.conftest import CONTENT

THESAURUS_TEXT = ("groups:\n"
                  "  - en: [evening school, night classes]\n    ru: [вечерняя школа, ночные занятия]\n"
                  "  - en: [legal expertise, lawyers]\n    ru: [правовая экспертиза, юристы]\n")


@pytest.fixture
def thesaurus_file(tmp_path):
    path = tmp_path / "thesaurus.yaml"
    path.write_text(THESAURUS_TEXT, encoding="utf-8")
    return path


def search(index_dir, thesaurus, q):
    ix, generation = open_generation(index_dir)
    return KbSearcher(ix, generation, Glossary(), thesaurus=thesaurus).search(SearchRequest(q=q, limit=10))


def test_words_the_index_lacks_find_entries_through_their_synonyms(index_dir, thesaurus_file):
    assert search(index_dir, None, "night classes").total == 0
    results = search(index_dir, load_thesaurus(thesaurus_file), "night classes")
    found = {h.id for h in results.hits}
    assert {"car-lesson-12-evening-school-support", "kg-rec-17-evening-schools-support"} <= found
    hit = results.hits[0]
    assert hit.matched_by["via"] == "synonym"
    assert any(m.startswith("night classes ≈ ") for m in hit.matched_by["matched"])
    assert search(index_dir, load_thesaurus(thesaurus_file), "ночных занятий").total > 0   # any form


def test_the_explanation_names_the_words_without_the_questions_punctuation(index_dir, thesaurus_file):
    results = search(index_dir, load_thesaurus(thesaurus_file), "where are «night classes»?")
    matched = [m for h in results.hits if h.matched_by for m in h.matched_by.get("matched", [])]
    assert matched and all(m.startswith("night classes ≈ ") for m in matched), matched


def test_words_the_index_holds_are_not_replaced_by_synonyms(index_dir, thesaurus_file):
    results = search(index_dir, load_thesaurus(thesaurus_file), "legal expertise")
    assert results.hits and all(h.matched_by is None for h in results.hits)


def test_the_api_and_the_page_say_why_a_hit_is_there(thesaurus_file, index_dir):
    client = create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index_dir), "TESTING": True,
                         "THESAURUS": str(thesaurus_file)}).test_client()
    data = client.get("/api/search?q=night+classes").get_json()
    assert data["results"][0]["matched_by"]["via"] == "synonym"
    assert "snippet" in data["results"][0] and "score" in data["results"][0]   # CONTRACT fields kept
    page = BeautifulSoup(client.get("/search?q=night+classes").data, "html.parser")
    why = page.select("li.hit p.why")
    assert why and why[0].get_text().startswith("matched: night classes ≈ ")
    page = BeautifulSoup(client.get("/search?q=night+classes", headers={"Accept-Language": "ru"}).data,
                         "html.parser")
    assert page.select("li.hit p.why")[0].get_text().startswith("совпало: night classes ≈ ")


def test_the_repository_thesaurus_loads_and_has_both_languages():
    groups = load_thesaurus(ROOT / "content" / "thesaurus.yaml").terms
    assert len(groups) > 50
    assert all({v.lang for v in group} == {"en", "ru"} for group in groups)


@pytest.mark.parametrize("text", ["groups: {a: 1}\n", "groups:\n  - en: hazardous\n", "groups: [unclosed\n"])
def test_a_broken_thesaurus_is_an_error_naming_the_file(tmp_path, text):
    path = tmp_path / "thesaurus.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match="thesaurus.yaml"):
        load_thesaurus(path)


def test_a_word_inside_a_named_term_gets_no_near_synonyms():
    """'Migration' in 'International Organization for Migration' names the organisation: no
    'Migration ≈ migrants'; alone, or as a whole glossary term, a word keeps its synonyms."""
    from indexer.content.glossary import load_glossary
    from indexer.search.query import build_query, parse_query

    glossary = load_glossary(ROOT / "content" / "glossary.yaml")
    thesaurus = load_thesaurus(ROOT / "content" / "thesaurus.yaml")

    def synonyms(q):
        return [s.text for s in build_query(parse_query(q), glossary, {}, None, thesaurus).synonyms]

    assert not [s for s in synonyms("International Organization for Migration") if s.startswith("Migration")]
    assert [s for s in synonyms("labour migration") if s.startswith("labour migration ≈ ")]
    assert synonyms("главный технический советник")      # the whole term: its near-synonyms stay
