"""Typos and the wrong keyboard layout: turning a query into the one the reader meant."""

from __future__ import annotations

import heapq
import re

RUN = 4096      # words sorted in one C call while a generation opens (Vocabulary)
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


class Vocabulary:
    """The spelling vocabulary of one generation (a field's words and their frequencies),
    bucketed by first letter, answering as Whoosh's ReaderCorrector with prefix=1 does:
    of the words within `maxdist` Levenshtein edits, the most frequent (a tie: the
    greatest word), compared in C by rapidfuzz instead of Whoosh's Python automaton."""

    def __init__(self, words_and_frequencies):
        buckets: dict[str, list[tuple[float, str]]] = {}
        for word, frequency in words_and_frequencies:
            if word:
                buckets.setdefault(word[0], []).append((frequency or 1, word))
        self.buckets = {first: _best_first(items) for first, items in buckets.items()}

    def suggest(self, word: str, maxdist: int = 2) -> str | None:
        from rapidfuzz import process
        from rapidfuzz.distance import Levenshtein

        bucket = self.buckets.get(word[:1]) if word else None
        if not bucket:
            return None
        found = process.extract(word, bucket, scorer=Levenshtein.distance, score_cutoff=maxdist,
                                limit=None)
        return bucket[min(index for _, _, index in found)] if found else None

    def words(self):
        for bucket in self.buckets.values():
            yield from bucket

    def memory(self) -> int:
        """Rough bytes held (the word strings and lists)."""
        import sys

        return sum(sys.getsizeof(b) + sum(sys.getsizeof(w) for w in b) for b in self.buckets.values())


def _best_first(items: list[tuple[float, str]], run: int = RUN) -> list[str]:
    """A bucket's words best first: most frequent, then the greatest word (Whoosh's heap keeps
    the larger tuple). Sorted in runs of `run` merged in Python: one sort of a bucket of 100 000
    entries' words is a C call holding the GIL for tens of ms, every request of the worker
    stalled while a generation opens in the background; the merge lets it go."""
    if len(items) <= run:
        return [w for _, w in sorted(items, reverse=True)]
    runs = [sorted(items[i:i + run], reverse=True) for i in range(0, len(items), run)]
    return [w for _, w in heapq.merge(*runs, reverse=True)]
