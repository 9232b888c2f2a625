"""The filler of spoken questions, and the kind of answer a question asks for.

    "how can we involve employers?"             -> involve employers
    «что делать, если пилот закончился?»         -> пилот закончился
    "how long should a pilot last?"             -> pilot last, and a duration (period, timeframe...)

The lists are data (`question-words.yaml` of the content tree, editors extend it). Words
are compared in all their forms (pymorphy3 lemmas, English stems), so one entry covers a
word's inflections. A query made only of filler is left as it is. An answer (`answers:`)
is the words that ask for it ("how long", «сколько времени») and the words an entry that
gives it uses ("duration", «продолжительность»): the query searches for those too, below
its own words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from indexer.analysis import normalize_word, word_forms
from indexer.content.datafile import read_data_file
from indexer.content.glossary import Variant, analyze_variant
from indexer.errors import ContentError


def filler_forms(text: str) -> tuple[frozenset, ...]:
    """The forms of each word of a text, stop words kept: "how can we" -> ({how}, {can}, {we})."""
    return tuple(_forms(w) for w in text.replace(",", " ").replace("?", " ").split() if w.strip("-"))


@lru_cache(maxsize=8192)
def _forms(word: str) -> frozenset:
    return frozenset(word_forms(normalize_word(word))) | {normalize_word(word)}


@dataclass(frozen=True)
class Answer:
    """A kind of answer: the phrases that ask for it (word forms) and the words that give it."""

    asks: tuple[tuple[frozenset, ...], ...]
    about: tuple[Variant, ...]

    def named_by(self, words: list[frozenset]) -> bool:
        """Whether one of the words (each its set of index terms) is a one-word variant of the
        answer: "fund" of "who could fund" is "funds" ("long" of "how long" is not "long-term")."""
        return any(len(v.forms) == 1 and v.forms[0] <= word for v in self.about for word in words)


@dataclass(frozen=True)
class QuestionWords:
    """Filler phrases (sequences of word forms), single filler words (their forms), answers."""

    phrases: tuple[tuple[frozenset, ...], ...] = ()
    words: frozenset = frozenset()
    answers: tuple[Answer, ...] = ()

    def filler(self, words: list[str]) -> set[int]:
        """The positions of `words` that are filler; the rest are what the question is about."""
        forms = _word_forms(words)
        found = {i for _, start, end in _occurrences(forms, self._phrase_starts) for i in range(start, end)}
        found.update(i for i, f in enumerate(forms) if f & self.words)
        return found

    def asked(self, words: list[str]) -> list[tuple[Answer, int, int]]:
        """The answers `words` ask for, each with the span (start, end) of its longest asking phrase."""
        best: dict[int, tuple[int, int]] = {}
        for number, start, end in _occurrences(_word_forms(words), self._ask_starts):
            held = best.get(number)
            if held is None or (end - start, -start) > (held[1] - held[0], -held[0]):
                best[number] = (start, end)
        return [(self.answers[n], *best[n]) for n in sorted(best)]

    @cached_property
    def _phrase_starts(self) -> dict:
        return _by_first_word((0, phrase) for phrase in self.phrases)

    @cached_property
    def _ask_starts(self) -> dict:
        return _by_first_word((n, phrase) for n, answer in enumerate(self.answers) for phrase in answer.asks)


def _word_forms(words: list[str]) -> list[frozenset]:
    return [found[0] if (found := filler_forms(w)) else frozenset() for w in words]


def _by_first_word(phrases) -> dict[str, list]:
    """Phrases (each with a number) by each form of their first word: a query's words find the
    phrases they may start without trying every phrase at every word."""
    index: dict[str, list] = {}
    for number, phrase in phrases:
        for term in phrase[0]:
            index.setdefault(term, []).append((number, phrase))
    return index


def _occurrences(forms: list[frozenset], starts: dict) -> set[tuple[int, int, int]]:
    """(number, start, end) of every phrase of `starts` that `forms` hold in a row."""
    found = set()
    for start, first in enumerate(forms):
        for term in first:
            for number, phrase in starts.get(term, ()):
                end = start + len(phrase)
                if end <= len(forms) and all(forms[start + i] & phrase[i] for i in range(1, len(phrase))):
                    found.add((number, start, end))
    return found


def load_question_words(path: Path | None) -> QuestionWords:
    """Read the filler lists; a missing file means no filler, a broken one is an error."""
    data = read_data_file(path, "the question words")
    if data is None:
        return QuestionWords()
    if not isinstance(data, dict):
        raise ContentError(f"{path}: the question words need `en:` and `ru:` sections")
    phrases, words = [], set()
    answers = _answers(path, data.pop("answers", None) or [])
    for lang, section in data.items():
        if not isinstance(section, dict):
            raise ContentError(f"{path}: section `{lang}` must map `words` and `phrases` to lists")
        for key in ("words", "phrases"):
            items = section.get(key) or []
            if not isinstance(items, list):
                raise ContentError(f"{path}: `{lang}.{key}` must be a list")
            for item in items:
                forms = filler_forms(str(item))
                if key == "words" and len(forms) == 1:
                    words |= forms[0]
                elif forms:
                    phrases.append(forms)
    return QuestionWords(tuple(phrases), frozenset(words), answers)


def _answers(path: Path, items) -> tuple[Answer, ...]:
    """The `answers:` list: each `asks` (phrases in any language) and `about` (`en:`, `ru:` words)."""
    if not isinstance(items, list):
        raise ContentError(f"{path}: `answers` must be a list")
    found = []
    for number, item in enumerate(items, start=1):
        about = item.get("about") if isinstance(item, dict) else None
        if not (isinstance(item, dict) and isinstance(item.get("asks"), list) and isinstance(about, dict)
                and all(isinstance(about.get(k) or [], list) for k in ("en", "ru"))):
            raise ContentError(f"{path}: answer {number} needs an `asks:` list and `about:` "
                               "mapping `en` and `ru` to lists")
        asks = tuple(forms for text in item["asks"] if (forms := filler_forms(str(text))))
        variants: dict[tuple, Variant] = {}     # one per analysed form ("funding", "funds"): the first
        for lang in ("en", "ru"):
            for text in about.get(lang) or []:
                if (forms := analyze_variant(str(text))) and forms not in variants:
                    variants[forms] = Variant(str(text), lang, forms)
        variants = tuple(variants.values())
        if asks and variants:
            found.append(Answer(asks, variants))
    return tuple(found)
