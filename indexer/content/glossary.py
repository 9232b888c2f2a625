"""The bilingual glossary: abbreviations and key terms with their equivalents in both languages.

A query phrase that is one variant of a term also searches for every other variant,
weighted below the words typed: "CTA" reaches «ГТС» and «главный технический советник».
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from indexer.analysis import make_analyzer
from indexer.content.datafile import read_data_file
from indexer.errors import ContentError


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

        `word_forms` holds, per query word, the set of its index terms. Only the variants
        whose first word shares a form with a query word are tried (`_by_first_form`)."""
        found = []
        for start, forms in enumerate(word_forms):
            for t, v, variant in {c for form in forms for c in self._by_first_form.get(form, ())}:
                n = len(variant.forms)
                window = word_forms[start:start + n]
                if len(window) == n and all(w & f for w, f in zip(window, variant.forms, strict=True)):
                    found.append(((t, v, start), (start, start + n, self._others(t, v))))
        return [match for _, match in sorted(found, key=lambda item: item[0])]

    @cached_property
    def _by_first_form(self) -> dict[str, list[tuple[int, int, Variant]]]:
        """Each form a variant can start with -> (term number, variant number, variant)."""
        index: dict[str, list] = {}
        for t, term in enumerate(self.terms):
            for v, variant in enumerate(term):
                for form in variant.forms[0] if variant.forms else ():
                    index.setdefault(form, []).append((t, v, variant))
        return index

    def _others(self, t: int, v: int) -> tuple[Variant, ...]:
        return tuple(other for i, other in enumerate(self.terms[t]) if i != v)


def analyze_variant(text: str) -> tuple[frozenset, ...]:
    """The analysed positions of a variant: "Worst forms" -> ({"worst"}, {"form"})."""
    positions: dict[int, set] = {}
    for token in make_analyzer()(text, positions=True):
        positions.setdefault(token.pos, set()).add(token.text)
    return tuple(frozenset(positions[p]) for p in sorted(positions))


def load_glossary(path: Path | None) -> Glossary:
    """Read the glossary file; a missing file is an empty glossary, a broken one an error."""
    data = read_data_file(path, "glossary")
    if data is None:
        return Glossary()
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
