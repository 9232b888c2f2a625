"""The thesaurus: near-synonyms of the field in both languages, for queries in other words.

    groups:
      - en: [hazardous work, dangerous work, harmful work]
        ru: [опасная работа, вредная работа]

A query phrase that is one variant of a group also searches for the others, weighted
below the words typed (and below the glossary's exact equivalents); the results page
names the synonym that found an entry ("dangerous work ≈ hazardous work").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from whoosh import query as wq

from indexer.content.datafile import read_data_file
from indexer.content.glossary import Glossary, Variant, analyze_variant
from indexer.errors import ContentError


@dataclass(frozen=True)
class Synonym:
    """A synonym a query used: the words typed, the variant searched for, and its query."""

    typed: str
    variant: str
    query: wq.Query             # the variant, in every text field
    typed_query: wq.Query       # the words typed that it stands for

    @property
    def text(self) -> str:
        return f"{self.typed} ≈ {self.variant}"


def load_thesaurus(path: Path | None) -> Glossary:
    """Read the thesaurus into groups of equivalent variants; missing: empty, broken: an error."""
    data = read_data_file(path, "the thesaurus")
    if data is None:
        return Glossary()
    items = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError(f"{path}: the thesaurus needs a `groups:` list")
    groups = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict) or not all(isinstance(item.get(k) or [], list) for k in ("en", "ru")):
            raise ContentError(f"{path}: group {number} must map `en` and `ru` to lists")
        variants = [Variant(str(text), lang, forms) for lang in ("en", "ru") for text in item.get(lang) or []
                    if (forms := analyze_variant(str(text)))]
        if len(variants) > 1:
            groups.append(tuple(variants))
    return Glossary(tuple(groups))
