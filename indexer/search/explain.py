"""Why a hit is there when the words typed are not in it: a synonym, or a likeness of meaning.

    {"via": "synonym", "matched": ["dangerous jobs ≈ hazardous work"]}
    {"via": "semantic", "similarity": 0.41}

A synonym is named when the hit holds it but not the words it stands for; the likeness when
the hit holds none of the typed words (nor their glossary equivalents). Otherwise: None.
"""

from __future__ import annotations

import numpy as np

MAX_SHOWN = 3     # synonyms named per hit


class Explainer:
    """The evidence of one search, evaluated once for the hits of one page (`docs`), asked
    about each of them. Only what an explanation can use is evaluated: the typed words when
    there is a likeness to name, and phrases are checked in the page's hits alone."""

    def __init__(self, engine, built, similarity: np.ndarray | None, session=None, docs=None):
        found = {}
        docs = None if docs is None else tuple(docs)

        def matches(query, among):
            # the search's session: its parts are known; `among`: the hits asked about, the only
            # documents whose matches are looked at (so the only ones phrases are checked in);
            # the synonyms of one span share their typed words' query: evaluated once
            key = (id(query), among)
            if key not in found:
                found[key] = engine.run(query, session, only=None if among is None else list(among)).strict
            return found[key]

        self.asked = built.typed is not None
        self.typed = matches(built.typed, docs) if self.asked and similarity is not None else None
        self.synonyms = []
        for synonym in built.synonyms:
            typed = matches(synonym.typed_query, docs)
            # A synonym is named only in a hit without the words it stands for: its own query
            # (the costlier, phrases of other words) is evaluated in those hits alone, if any.
            without = None if docs is None else tuple(d for d in docs if not typed[d])
            if without is None or without:
                self.synonyms.append((synonym.text, self._matches(engine, session, synonym.query, without,
                                                                  matches), typed))
        self.similarity = similarity

    @staticmethod
    def _matches(engine, session, query, among, matches) -> np.ndarray:
        """A synonym's matches, right in `among`: the search's own run of it (the synonym is part
        of the query) says where it scores, and it matches nowhere else; only those are checked."""
        known = engine.known(query, session) if session is not None and among is not None else None
        if known is None:
            return matches(query, among)
        scoring = tuple(d for d in among if known.loose[d])
        return matches(query, scoring) if scoring else known.loose

    def explain(self, docnum: int) -> dict | None:
        """The explanation of one document, or None when the typed words found it."""
        if not self.asked:
            return None
        matched = [text for text, found, typed in self.synonyms if found[docnum] and not typed[docnum]]
        if matched:
            return {"via": "synonym", "matched": matched[:MAX_SHOWN]}
        if self.similarity is not None and not self.typed[docnum]:
            return {"via": "semantic", "similarity": round(float(self.similarity[docnum]), 3)}
        return None
