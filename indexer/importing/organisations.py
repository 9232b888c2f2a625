"""The names by which a report's first pages name an organisation of the vocabulary.

Every organisation of the taxonomy's `organisations` is known by what the vocabulary says
of it, so that a new one needs no code: the English and Russian labels' names outside brackets
("Norwegian Refugee Council", «Международный комитет спасения»), the abbreviation inside
them ("(IRC)", "(Sida)", "(ГЭФ)"), and the other names it goes by, `names` ("DFID",
«Общественный фонд» for a national NGO). Names are matched as written, capitals and all
("Save the Children", never "to save the children"); a Russian word by its stem, so that
«Общественного фонда» is «Общественный фонд», but an abbreviation whole («ОО» is not «ООН»);
a label's "UN" or «ООН» is also the name written out ("United Nations Office for …").
"""

from __future__ import annotations

import re

# An abbreviation in a label's brackets: one word, a capital in it ("ADB", "Sida", "NRCan").
ABBREVIATION = re.compile(r"\(([^\W\d_][\w&-]*[A-ZА-ЯЁ][\w&-]*|[A-ZА-ЯЁ][\w&-]+)\)")
BRACKETS = re.compile(r"\([^)]*\)")
CYRILLIC = re.compile(r"[а-яё]", re.I)
# A Russian word's ending, which its cases change: «-ый», «-ого», «-ая», «-ии».
ENDING = re.compile(r"[аеёиоуыэюяйь]{1,2}$", re.I)
QUOTES = "«»\"“”„'"
# "UN" in a label ("UN Sustainable Development Group") is the United Nations written out too.
SPELT_OUT = {"UN": r"(?:UN|United\s+Nations)",
             "ООН": r"(?:ООН|Организаци\w*\s+Объедин[её]нных\s+Наций)"}


def name_patterns(organisations: dict) -> dict[str, str]:
    """Slug -> a regular expression matching any of the organisation's names (see the module)."""
    patterns = {}
    for slug, labels in organisations.items():
        names = [*(labels.get(lang) or "" for lang in ("en", "ru")), *(labels.get("names") or [])]
        alternatives = []
        for name in names:
            alternatives += [rf"\b{re.escape(a)}\b" for a in ABBREVIATION.findall(name)]
            if words := _words(BRACKETS.sub(" ", name)):
                alternatives.append(r"\b" + r"[\s«»\"“”]+".join(words) + r"(?!\w)")
        if alternatives:
            patterns[slug] = "|".join(dict.fromkeys(alternatives))
    return patterns


def _words(name: str) -> list[str]:
    out = []
    for word in name.replace(",", " ").split():
        word = word.strip(QUOTES)
        if not word:
            continue
        if word in SPELT_OUT:
            out.append(SPELT_OUT[word])
        elif CYRILLIC.search(word) and not word.isupper():
            out.append(re.escape(ENDING.sub("", word) if len(word) > 4 else word) + r"\w*")
        else:
            out.append(re.escape(word))
    return out
