"""Search on a real index: forms, phrases, syntax, filters, facets, snippets, typos, glossary."""

import pytest

from indexer.content.glossary import load_glossary
from indexer.index.build import open_generation
from indexer.search.query import parse_query, positions
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher
from kb.settings import ROOT

GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")


@pytest.fixture(scope="module")
def searcher(index_dir):
    ix, generation = open_generation(index_dir)
    return KbSearcher(ix, generation, GLOSSARY)


def ids(searcher, q="", **kwargs):
    return [h.id for h in searcher.search(SearchRequest(q=q, limit=100, **kwargs)).hits]


def test_russian_forms_find_each_other(searcher):
    found = ids(searcher, "вечерним школам")
    assert set(found[:2]) == {"kg-rec-17-evening-schools-support", "kg-rec-18-present-evening-schools"}


def test_english_forms_find_each_other(searcher):
    assert ids(searcher, "monitor pilots")[0] == "car-lesson-08-pilot-duration"


def test_quoted_phrase_is_morphology_aware_and_strict(searcher):
    found = ids(searcher, '"вечерним школам"')
    assert "kg-rec-17-evening-schools-support" in found  # the text says «вечерних школ»
    assert ids(searcher, '"школам вечерним"') != found or not found  # order matters


@pytest.mark.parametrize("q", ["working with families", "involving in-house legal experts", "стали школы"])
def test_words_with_several_lemmas_work_in_phrases_and_proximity(searcher, q):
    assert searcher.search(SearchRequest(q=q)).total >= 0
    assert searcher.search(SearchRequest(q=f'"{q}"')).total >= 0


def test_or_not_minus_and_prefix(searcher):
    assert set(ids(searcher, "akimats OR religious")) >= {"kz-rec-03-involve-regional-akimats", "tj-rec-10-involve-religious-leaders"}
    assert "kg-rec-17-evening-schools-support" not in ids(searcher, "school -evening")
    assert "kg-rec-17-evening-schools-support" not in ids(searcher, "school NOT evening")
    assert "car-lesson-08-pilot-duration" in ids(searcher, "monitor*")


@pytest.mark.parametrize("q", ['"', '"""', "OR", "NOT", "-", "*", "(((", ")", 'a OR', "NOT NOT", "\x00", "🙂", "a" * 400, "AND OR NOT"])
def test_unparseable_syntax_never_raises(searcher, q):
    results = searcher.search(SearchRequest(q=q))
    assert results.total >= 0
    assert parse_query(q) is not None


def test_filters_or_within_and_across(searcher):
    kg = set(ids(searcher, filters={"country": ("kyrgyzstan",)}))
    both = set(ids(searcher, filters={"country": ("kyrgyzstan", "kazakhstan")}))
    assert kg < both
    narrowed = set(ids(searcher, filters={"country": ("kyrgyzstan",), "type": ("lesson",)}))
    assert narrowed and narrowed < kg


def test_filters_by_each_name(searcher):
    for name, value in [("type", "lesson"), ("lang", "ru"), ("country", "kazakhstan"),
                        ("objective", "project-design"), ("stakeholder", "employers")]:
        results = searcher.search(SearchRequest(filters={name: (value,)}, limit=100))
        assert results.total == len(results.hits) > 0


def test_facets_count_each_value_given_the_other_filters(searcher):
    results = searcher.search(SearchRequest(q="school", filters={"lang": ("ru",)}))
    assert results.facets["lang"]["en"] > 0          # the lang facet ignores its own filter
    assert sum(results.facets["type"].values()) == results.total
    for hit_type, count in results.facets["type"].items():
        narrowed = searcher.search(SearchRequest(q="school", filters={"lang": ("ru",), "type": (hit_type,)}))
        assert narrowed.total == count


def test_drafts_are_hidden_unless_asked(searcher):
    assert ids(searcher, "quokka") == []
    assert ids(searcher, "quokka", drafts=True) == ["test-draft-entry"]


def test_snippets_mark_the_readers_words_in_the_texts_form(searcher):
    hit = searcher.search(SearchRequest(q="школам")).hits[0]
    assert "<mark>школ</mark>" in hit.snippet or "<mark>школам</mark>" in hit.snippet
    assert "<script" not in searcher.search(SearchRequest(q="zebrafinch")).hits[0].snippet


def test_pagination_and_sort(searcher):
    first = searcher.search(SearchRequest(q="", limit=5, page=1))
    second = searcher.search(SearchRequest(q="", limit=5, page=2))
    assert len(first.hits) == 5 and not {h.id for h in first.hits} & {h.id for h in second.hits}
    titles = [h.title.casefold() for h in searcher.search(SearchRequest(sort="title", limit=100)).hits]
    assert titles == sorted(titles)


def test_typo_is_corrected_and_said(searcher):
    results = searcher.search(SearchRequest(q="evning"))
    assert results.suggestion == "evening" and results.corrected
    assert results.hits and "evening" in results.hits[0].snippet.lower()


@pytest.mark.parametrize("typed, meant", [("dtxthybt", "вечерние"), ("ьщтшещкштп", "monitoring")])
def test_wrong_keyboard_layout_is_recognised(searcher, typed, meant):
    results = searcher.search(SearchRequest(q=typed))
    assert results.suggestion == meant and results.total > 0


def test_abbreviation_query_searches_its_expansions_in_both_languages():
    from indexer.search.query import build_query

    terms = {text for _, text in build_query(parse_query("CTA"), GLOSSARY).query.iter_all_terms()}
    assert {"гтс", "главный", "советник", "chief", "advis"} <= terms
    terms = {text for _, text in build_query(parse_query("главный технический советник"), GLOSSARY).query.iter_all_terms()}
    assert {"гтс", "cta"} <= terms


def _term_pairs():
    for term in GLOSSARY.terms:
        for variant in term:
            yield pytest.param(term, variant, id=variant.text)


@pytest.mark.parametrize("term, variant", list(_term_pairs()))
def test_every_glossary_variant_expands_to_all_others(term, variant):
    found = {v.text for _, _, others in GLOSSARY.matches(positions(variant.text)) for v in others}
    assert found >= {v.text for v in term if v is not variant}


@pytest.mark.parametrize("q", ["вечерним школам", "monitor child labourers", "legal expertise",
                               "НПД", "pilot duration two years", "работа с работодателями"])
def test_vectorised_ranking_agrees_with_whooshs_own_collector(searcher, q):
    from indexer.search.query import build_query

    built = build_query(parse_query(q), searcher.glossary)
    found = searcher.engine.run(built.query)
    ours = searcher.engine.top(found, found.strict, 5)
    theirs = searcher.searcher.search(built.query, limit=5)
    # the same order; scores differ only where a phrase (proximity) is scored as its words together
    assert ours.docs == [hit.docnum for hit in theirs]


def test_a_phrase_too_common_to_check_gives_an_estimate_said_so(searcher, monkeypatch):
    import indexer.search.ranking

    exact = searcher.search(SearchRequest(q='"child labour monitoring"'))
    assert not exact.extras["estimated"]
    monkeypatch.setattr(indexer.search.ranking, "PHRASE_CHECK_LIMIT", 0)
    estimate = searcher.search(SearchRequest(q='"child labour monitoring"'))
    assert estimate.extras["estimated"] and estimate.to_dict()["estimated"] is True
    assert estimate.total >= exact.total > 0


def test_hits_can_come_without_snippets(app):
    from indexer.search.request import SearchRequest
    from kb.resources import get_searcher

    with app.app_context():
        request = SearchRequest(q="school", limit=3)
        with_snippets = get_searcher().search(request)
        without = get_searcher().search(request.with_(snippets=False))
    assert [h.id for h in without.hits] == [h.id for h in with_snippets.hits]
    assert all(h.snippet for h in with_snippets.hits) and not any(h.snippet for h in without.hits)
    assert ("snippets", "False") not in request.with_(snippets=False).to_args()
