"""The analyzer: Russian cases and numbers, English forms, ё, stop words, abbreviations, offsets."""

import pickle

import pytest

from indexer.analysis import analyze, make_analyzer


@pytest.mark.parametrize("a, b", [
    ("вечерним школам", "вечерних школ"),          # dative plural vs genitive plural
    ("школа", "школами"),
    ("ребёнок", "ребенка"),                          # ё and case
    ("детский труд", "детского труда"),
    ("партнёрам по проекту", "партнеры проекта"),
])
def test_russian_forms_share_lemmas(a, b):
    assert analyze(a) == analyze(b)


@pytest.mark.parametrize("a, b", [
    ("monitor", "monitoring"), ("labourers", "labourer"), ("families", "family"),
    ("schooling", "school"), ("recommendations", "recommendation"),
])
def test_english_forms_share_stems(a, b):
    assert analyze(a) == analyze(b)


def test_yo_is_folded():
    assert analyze("учёт") == analyze("учет") == ["учет"]


def test_stop_words_of_both_languages_are_dropped():
    assert analyze("the work of the project") == ["work", "project"]
    assert analyze("работа с семьями и в школах") == ["работа", "семья", "школа"]


@pytest.mark.parametrize("abbreviation", ["КС", "НПА", "МТСЗН", "НФДТ", "СМДТ"])
def test_abbreviations_are_kept_as_written(abbreviation):
    assert analyze(abbreviation) == [abbreviation.lower()]


def test_ambiguous_word_keeps_every_lemma_at_one_position():
    tokens = [(t.text, t.pos) for t in make_analyzer()("стали", positions=True)]
    assert {text for text, _ in tokens} >= {"стать", "сталь"}
    assert {pos for _, pos in tokens} == {0}


def test_hyphenated_words_yield_parts_and_whole():
    assert analyze("part-time") == ["part", "time", "part-time"]


def test_digits_are_words():
    assert "2013" in analyze("в 2013 году")


def test_offsets_point_at_the_readers_words():
    text = "Программы вечерних школ"
    spans = {t.text: text[t.startchar:t.endchar] for t in make_analyzer()(text, chars=True)}
    assert spans["школа"] == "школ" and spans["вечерний"] == "вечерних"


def test_analyzer_pickles_without_its_caches():
    analyzer = make_analyzer()
    analyze("школам")  # fill the caches
    restored = pickle.loads(pickle.dumps(analyzer))
    assert [t.text for t in restored("школам")] == ["школа"]
    assert len(pickle.dumps(analyzer)) < 5000


def test_an_index_pickled_before_the_move_still_finds_its_analyzer():
    # Whoosh's table of contents names each analyzer's filters by module path; generations
    # built before analysis moved to indexer/analysis.py name indexer.index.analysis.
    from indexer import analysis

    for name in ("MorphologyFilter", "CaseFlagFilter", "YoFilter"):
        old = pickle.loads(f"cindexer.index.analysis\n{name}\n.".encode())
        assert old is getattr(analysis, name)
