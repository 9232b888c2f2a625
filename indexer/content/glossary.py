"""The bilingual glossary: abbreviations and key terms with their equivalents in both languages.

A query phrase that is one variant of a term also searches for every other variant,
weighted below the words typed: "CTA" reaches «ГТС» and «главный технический советник».
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from indexer.errors import ContentError
from indexer.index.analysis import make_analyzer


@dataclass(frozen=True)
class Variant:
    """One way of writing a term: its text and its analysed form (a tuple of term sets)."""

    text: str
    lang: str
    forms: tuple[frozenset, ...]


@dataclass(frozen=True)
class Glossary:
    """Terms, each a tuple of equivalent variants."""

    terms: tuple[tuple[Variant, ...], ...] = ()

    def matches(self, word_forms: list[frozenset]) -> list[tuple[int, int, tuple[Variant, ...]]]:
        """Spans (start, end) of the query's words that are a variant of a term, with the other variants.

        `word_forms` holds, per query word, the set of its index terms.
        """
        found = []
        for term in self.terms:
            for variant in term:
                n = len(variant.forms)
                for start in range(len(word_forms) - n + 1):
                    window = word_forms[start:start + n]
                    if all(w & v for w, v in zip(window, variant.forms)):
                        others = tuple(v for v in term if v is not variant)
                        found.append((start, start + n, others))
        return found


def analyze_variant(text: str) -> tuple[frozenset, ...]:
    """The analysed positions of a variant: "Worst forms" -> ({"worst"}, {"form"})."""
    positions: dict[int, set] = {}
    for token in make_analyzer()(text, positions=True):
        positions.setdefault(token.pos, set()).add(token.text)
    return tuple(frozenset(positions[p]) for p in sorted(positions))


def load_glossary(path: Path | None) -> Glossary:
    """Read the glossary file; a missing file is an empty glossary, a broken one an error."""
    if path is None or not Path(path).exists():
        return Glossary()
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read glossary: {exc}") from None
    items = data.get("terms") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ContentError(f"{path}: the glossary needs a `terms:` list")
    terms = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            raise ContentError(f"{path}: term {number} must be a mapping of `en` and `ru` lists")
        variants = []
        for lang in ("en", "ru"):
            for text in item.get(lang) or []:
                forms = analyze_variant(str(text))
                if forms:
                    variants.append(Variant(str(text), lang, forms))
        if len(variants) > 1:
            terms.append(tuple(variants))
    return Glossary(tuple(terms))
