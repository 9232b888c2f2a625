"""The filler of spoken questions: words and phrases that say nothing of the subject asked about.

    "how can we involve employers?"             -> involve employers
    «что делать, если пилот закончился?»         -> пилот закончился

The lists are data (`question-words.yaml` of the content tree, editors extend it). Words
are compared in all their forms (pymorphy3 lemmas, English stems), so one entry covers a
word's inflections. A query made only of filler is left as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from indexer.analysis import normalize_word, word_forms
from indexer.content.datafile import read_data_file
from indexer.errors import ContentError


def filler_forms(text: str) -> tuple[frozenset, ...]:
    """The forms of each word of a text, stop words kept: "how can we" -> ({how}, {can}, {we})."""
    return tuple(frozenset(word_forms(normalize_word(w))) | {normalize_word(w)}
                 for w in text.replace(",", " ").replace("?", " ").split() if w.strip("-"))


@dataclass(frozen=True)
class QuestionWords:
    """Filler phrases (sequences of word forms) and single filler words (their forms)."""

    phrases: tuple[tuple[frozenset, ...], ...] = ()
    words: frozenset = frozenset()

    def filler(self, words: list[str]) -> set[int]:
        """The positions of `words` that are filler; the rest are what the question is about."""
        forms = [filler_forms(w)[0] if filler_forms(w) else frozenset() for w in words]
        found: set[int] = set()
        for phrase in sorted(self.phrases, key=len, reverse=True):
            n = len(phrase)
            for start in range(len(forms) - n + 1):
                if all(forms[start + i] & phrase[i] for i in range(n)):
                    found.update(range(start, start + n))
        found.update(i for i, f in enumerate(forms) if f & self.words)
        return found


def load_question_words(path: Path | None) -> QuestionWords:
    """Read the filler lists; a missing file means no filler, a broken one is an error."""
    data = read_data_file(path, "the question words")
    if data is None:
        return QuestionWords()
    if not isinstance(data, dict):
        raise ContentError(f"{path}: the question words need `en:` and `ru:` sections")
    phrases, words = [], set()
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
    return QuestionWords(tuple(phrases), frozenset(words))
