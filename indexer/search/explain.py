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
    """The evidence of one search, evaluated once, asked about each hit of the page."""

    def __init__(self, engine, built, similarity: np.ndarray | None, session=None, docs=None):
        def matches(query):
            # The search's session: its parts are known; `docs`: the hits asked about, the only
            # documents whose matches are looked at (so the only ones phrases are checked in).
            return engine.run(query, session, only=docs).strict

        self.typed = matches(built.typed) if built.typed is not None else None
        self.synonyms = [(s.text, matches(s.query), matches(s.typed_query)) for s in built.synonyms]
        self.similarity = similarity

    def explain(self, docnum: int) -> dict | None:
        """The explanation of one document, or None when the typed words found it."""
        if self.typed is None:
            return None
        matched = [text for text, found, typed in self.synonyms if found[docnum] and not typed[docnum]]
        if matched:
            return {"via": "synonym", "matched": matched[:MAX_SHOWN]}
        if self.similarity is not None and not self.typed[docnum]:
            return {"via": "semantic", "similarity": round(float(self.similarity[docnum]), 3)}
        return None
