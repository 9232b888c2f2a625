"""Countries a report's words name: on real evidence, the country's name or its inflected form.

A country is named when its English name stands as a word ("Niger", not "Nigeria"; "Mali",
not "Somalia"), or its Russian name does, inflected as Russian declines a country's name:
«Казахстан», «в Казахстане», «Казахстана»; «Нигерия», «в Нигерии»; an indeclinable name
(«Мали», «Того») only as it is. Names are matched as written, capitals or all capitals
("KYRGYZSTAN"), so "turkey" or «мали» in running words names nothing. Regions (Central Asia,
West Africa) are no countries.
"""

from __future__ import annotations

import re
from collections import Counter

from indexer.content.taxonomy import Taxonomy

# Endings of a Russian country name by its last letters: -ан/-ер (consonant), -а, -ия, -я.
CONSONANT = "(?:а|у|ом|е)?"
FEMININE = {"ия": "(?:ия|ии|ию|ией)", "а": "(?:а|ы|е|у|ой)", "я": "(?:я|и|ю|ей|е)"}


def _russian(name: str) -> str:
    words = name.split()
    if len(words) > 1:                                   # «Южная Африка»: as written
        return re.escape(name)
    for ending, forms in FEMININE.items():
        if name.endswith(ending) and len(name) > len(ending) + 2:
            return re.escape(name[:-len(ending)]) + forms
    if name[-1:].lower() in "бвгджзклмнпрстфхцчшщ":
        return re.escape(name) + CONSONANT
    return re.escape(name)                               # «Мали», «Того»: indeclinable


def _pattern(en: str, ru: str) -> re.Pattern:
    forms = [re.escape(en), _russian(ru)]
    both = forms + [form.upper() for form in forms]
    return re.compile(r"(?<![^\W\d_])(?:" + "|".join(both) + r")(?![^\W\d_])")


class CountryNames:
    """The countries of the taxonomy (or of a report's record) and how a text names them."""

    def __init__(self, taxonomy: Taxonomy, wanted: set[str] | None = None):
        regions = set(taxonomy.vocabularies.get("regions") or {})
        self.patterns = {slug: _pattern(labels["en"], labels["ru"])
                         for slug, labels in taxonomy.vocabularies["countries"].items()
                         if slug not in regions and slug != "central-asia"
                         and (wanted is None or slug in wanted)}

    def named(self, text: str) -> list[str]:
        """The countries the text names, in the taxonomy's order."""
        return [slug for slug, pattern in self.patterns.items() if pattern.search(text)]

    def counts(self, text: str) -> Counter:
        """How many times the text names each country it names."""
        return Counter({slug: len(found) for slug, pattern in self.patterns.items()
                        if (found := pattern.findall(text))})
