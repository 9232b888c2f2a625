"""Typos and the wrong keyboard layout: turning a query into the one the reader meant."""

from __future__ import annotations

import re

LATIN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,."
CYRILLIC_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю"
TO_CYRILLIC = str.maketrans(LATIN_KEYS + LATIN_KEYS.upper(), CYRILLIC_KEYS + CYRILLIC_KEYS.upper())
TO_LATIN = str.maketrans(CYRILLIC_KEYS + CYRILLIC_KEYS.upper(), LATIN_KEYS + LATIN_KEYS.upper())
LATIN_WORD = re.compile(r"^[a-z`\[\];',.]+$", re.I)
CYRILLIC_WORD = re.compile(r"^[а-яё]+$", re.I)


def switch_layout(word: str) -> str | None:
    """The word typed on the other keyboard layout: "ltncrbq" -> "детский", "ьщтшещк" -> "monitor"."""
    if CYRILLIC_WORD.match(word):
        return word.translate(TO_LATIN)
    if LATIN_WORD.match(word) and re.search(r"[a-z]", word, re.I):
        return word.translate(TO_CYRILLIC)
    return None


def correct_word(word: str, is_known, corrector) -> str | None:
    """A known word the reader probably meant, or None when the word is fine or hopeless.

    `is_known(word)` tells whether the index has the word in some form;
    `corrector(word)` suggests a vocabulary word near it (edit distance).
    """
    if is_known(word):
        return None
    switched = switch_layout(word)
    if switched and is_known(switched.lower()):
        return switched.lower()
    if len(word) < 4:
        return None
    return corrector(word)
