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

    def __init__(self, engine, built, similarity: np.ndarray | None, session=None):
        def matches(query):
            return engine.run(query, session).strict     # the search's session: its parts are known

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
