"""Why a hit is there: a synonym is named, and looked for, only in hits without the typed words."""

from types import SimpleNamespace

import numpy as np

from indexer.search.explain import Explainer
from indexer.search.thesaurus import Synonym


class RecordingEngine:
    """Answers each query with fixed matches and records the documents each run was asked about."""

    def __init__(self, matches: dict):
        self.matches = matches
        self.asked = []

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
