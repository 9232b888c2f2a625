"""Why a hit is there: a synonym is named, and looked for, only in hits without the typed words."""

from types import SimpleNamespace

import numpy as np

from indexer.search.explain import Explainer
from indexer.search.thesaurus import Synonym


class RecordingEngine:
    """Answers each query with fixed matches and records the documents each run was asked about."""

    def __init__(self, matches: dict, scoring: dict | None = None):
        self.matches = matches
        self.scoring = scoring or {}     # query -> where the search's own run found it scoring
        self.asked = []

    def known(self, query, session):
        found = self.scoring.get(query)
        return None if found is None else SimpleNamespace(loose=np.array(found))

    def run(self, query, session=None, only=None):
        self.asked.append((query, only))
        return SimpleNamespace(strict=np.array(self.matches[query]))


def built(synonym_query="night classes", typed_query="evening school"):
    return SimpleNamespace(typed="typed", synonyms=[Synonym("evening school", "night classes",
                                                            synonym_query, typed_query)])


def test_a_synonym_is_looked_for_only_in_the_hits_without_the_words_it_stands_for():
    engine = RecordingEngine({"evening school": [True, False, True, False],
                              "night classes": [True, True, False, False]})
    explainer = Explainer(engine, built(), None, docs=[0, 1, 2])
    assert ("night classes", [1]) in engine.asked
    assert explainer.explain(1) == {"via": "synonym", "matched": ["evening school ≈ night classes"]}
    assert explainer.explain(0) is None and explainer.explain(2) is None


def test_a_synonym_is_not_looked_for_when_every_hit_holds_the_typed_words():
    engine = RecordingEngine({"evening school": [True, True], "night classes": [True, True]})
    explainer = Explainer(engine, built(), None, docs=[0, 1])
    assert [query for query, _ in engine.asked] == ["evening school"]
    assert explainer.explain(0) is None


def test_a_synonym_is_not_checked_in_hits_where_the_search_found_it_scoring_nowhere():
    engine = RecordingEngine({"evening school": [True, False, False, False],
                              "night classes": [False, False, True, False]},
                             scoring={"night classes": [False, False, True, True]})
    explainer = Explainer(engine, built(), None, session=object(), docs=[0, 1, 2])
    assert ("night classes", [2]) in engine.asked     # hit 1 lacks its words: it cannot match there
    assert explainer.explain(2) == {"via": "synonym", "matched": ["evening school ≈ night classes"]}
    assert explainer.explain(1) is None
    engine = RecordingEngine({"evening school": [True, False], "night classes": [False, False]},
                             scoring={"night classes": [False, False]})
    assert Explainer(engine, built(), None, session=object(), docs=[0, 1]).explain(1) is None
    assert [query for query, _ in engine.asked] == ["evening school"]
