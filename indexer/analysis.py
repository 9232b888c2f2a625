"""One analyzer for both languages, for indexing and for querying.

    text -> word tokens (Latin, Cyrillic, digits, hyphenated words)
         -> lowercase -> ё→е -> English and Russian stop words
         -> Cyrillic: every pymorphy3 normal form at the same position
            (abbreviations and short unknown words kept as they are)
         -> Latin: Snowball English stem (PyStemmer)

Each filter keeps `startchar`/`endchar`, so the highlighter marks the reader's own
words. The morphology caches live at module level, out of the analyzer's pickled
state: Whoosh pickles the schema (and so the analyzer) into every index.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang import stopwords_for_language

# A word: letters or digits, optionally joined by hyphens or apostrophes (part-time, in-house).
WORD_PATTERN = r"[^\W_]+(?:[-‐'’][^\W_]+)*"
CYRILLIC = re.compile(r"[а-яё]")
LATIN = re.compile(r"[a-z]")
STOP_WORDS = frozenset(stopwords_for_language("en")) | frozenset(stopwords_for_language("ru"))
# Words shorter than this that pymorphy3 does not know are treated as abbreviations.
ABBREVIATION_MAX = 4


@lru_cache(maxsize=1)
def _morph():
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=1)
def _stemmer():
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def russian_lemmas(word: str, original_is_upper: bool = False) -> tuple[str, ...]:
    """Every normal form of a Cyrillic word; abbreviations and short unknown words as they are.

    "школам" -> ("школа",); "стали" -> ("стать", "сталь"); "нпа" (upper) -> ("нпа",)
    """
    if original_is_upper and len(word) > 1:
        return (word,)
    parses = _morph().parse(word)
    known = [p for p in parses if p.is_known]
    if not known:
        if len(word) <= ABBREVIATION_MAX:
            return (word,)
        known = parses[:1]
    lemmas = []
    for parse in known:
        lemma = parse.normal_form.replace("ё", "е")
        if lemma not in lemmas:
            lemmas.append(lemma)
    return tuple(lemmas)


@lru_cache(maxsize=200_000)
def english_stem(word: str) -> str:
    """Snowball English stem: "monitoring" -> "monitor", "labourers" -> "labour"."""
    return _stemmer().stemWord(word)


def normalize_word(word: str) -> str:
    """Lowercase, ё→е, typographic hyphens and apostrophes made plain."""
    return word.lower().replace("ё", "е").replace("‐", "-").replace("’", "'")


class CaseFlagFilter(Filter):
    """Remember whether a word was written in capitals, before lowercasing: "НПА" -> upper."""

    def __call__(self, tokens):
        for token in tokens:
            token.upper = len(token.text) > 1 and token.text.isupper()
            yield token


class YoFilter(Filter):
    """ё→е and plain hyphens/apostrophes: "учёт" -> "учет", "in‐house" -> "in-house"."""

    def __call__(self, tokens):
        for token in tokens:
            token.text = normalize_word(token.text)
            yield token


class MorphologyFilter(Filter):
    """Cyrillic words -> all pymorphy3 lemmas at one position; Latin words -> English stems.

    "вечерним школам" -> "вечерний" "школа"; "monitoring labourers" -> "monitor" "labour".
    A hyphenated word is analysed part by part and yields each part's forms plus the whole.
    With `keep_surface`, each word also yields "=" + its surface form at the same position,
    so an exact word form can be scored above other forms of the same lemma.
    """

    def __init__(self, keep_surface: bool = False):
        self.keep_surface = keep_surface

    def __eq__(self, other):
        return type(other) is type(self) and other.keep_surface == self.keep_surface

    def __call__(self, tokens):
        for token in tokens:
            surface = token.text
            for text in word_forms(surface, getattr(token, "upper", False)):
                token.text = text
                yield token
            if self.keep_surface:
                token.text = "=" + surface
                yield token


@lru_cache(maxsize=200_000)
def word_forms(word: str, original_is_upper: bool = False) -> tuple[str, ...]:
    """The index terms of one lowercase word, deduplicated, in a stable order."""
    pieces = [word] if "-" not in word and "'" not in word else re.split(r"[-']", word)
    forms = []
    for piece in pieces:
        if not piece:
            continue
        if CYRILLIC.search(piece):
            forms.extend(russian_lemmas(piece, original_is_upper))
        elif LATIN.search(piece):
            forms.append(english_stem(piece))
        else:
            forms.append(piece)
    if len(pieces) > 1:
        forms.append(word)
    return tuple(dict.fromkeys(forms))


@lru_cache(maxsize=2)
def make_analyzer(keep_surface: bool = False):
    """The one analyzer of title, body and translation fields, at index and at query time.

    Built once per variant: every query analyses its words, and the chain holds no state
    between calls (each call makes its own token)."""
    return (RegexTokenizer(WORD_PATTERN)
            | CaseFlagFilter()
            | LowercaseFilter()
            | YoFilter()
            | StopFilter(stoplist=STOP_WORDS, minsize=1)
            | MorphologyFilter(keep_surface=keep_surface))


@lru_cache(maxsize=1)
def make_surface_analyzer():
    """Surface word forms only (lowercase, ё→е): the vocabulary for spelling and exact forms."""
    return (RegexTokenizer(WORD_PATTERN)
            | LowercaseFilter()
            | YoFilter()
            | StopFilter(stoplist=STOP_WORDS, minsize=1))


def analyze(text: str) -> list[str]:
    """The index terms of a text, in order: a convenience for tests and the CLI."""
    return [token.text for token in make_analyzer()(text)]
