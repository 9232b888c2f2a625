"""An item's words: title, slug, language, similarity of two wordings."""

from __future__ import annotations

import difflib
import re

from slugify import slugify

from indexer.importing.blocks import WORD

STOPWORDS = set("a an the to of in on for and or with by at from as is are be been has have it its "
                "this that these those which will would should can may must need into per more all "
                "their there than also not so в во на по с со к для о об от до за из у не и а но "
                "или что как также при это эта эти его ее их который чтобы то же бы".split())


def normal_words(text: str) -> str:
    """Lower-cased letters and digits, words one space apart (ё as е), for comparisons."""
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("ё", "е")))


def similarity(a: str, b: str) -> float:
    """How much of the shorter text recurs, in order, in the longer one (0…1)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 40 or len(short) < 0.25 * len(long):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    matcher = difflib.SequenceMatcher(None, short, long, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(short)


def slug_of(text: str, words: int = 4) -> str:
    """The first significant words of a text, transliterated to ASCII."""
    significant = [w for w in re.findall(WORD, text) if w.lower() not in STOPWORDS]
    return slugify(" ".join(significant[:words])) or "item"


def title_of(text: str, limit: int = 80) -> str:
    """The first sentence, or the first words cut at a word boundary near `limit`."""
    first = " ".join(text.split("\n\n")[0].lstrip("- ").split())
    sentence = re.split(r"(?<=[.!?])\s", first)[0]
    if len(sentence) > limit:
        sentence = sentence[:limit + 1].rsplit(" ", 1)[0]
    return sentence.rstrip(" .,;:—–-") or first[:limit]


def lang_of(text: str) -> str:
    """"ru" when most letters are Cyrillic, else "en"."""
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters)
    return "ru" if letters and cyrillic / len(letters) > 0.5 else "en"
