"""Which language a report is written in, so that a report in neither English nor Russian is
refused before anything is written, instead of imported as English and found empty.

A report's words are counted against the most common function words of the languages UN
agencies write in: a language's function words make a third or so of any running text in
it and almost none of another's. A text in Cyrillic is Russian when Russian function words
are common in it (Kazakh, Kyrgyz or Ukrainian written in Cyrillic are not); a text in Latin
letters is English when English ones are. A short text (a few hundred words) says too
little to judge and passes as it is, and so does a text in which no language's function
words are common (a glossary, a list of names).
"""

from __future__ import annotations

import re
from collections import Counter

FUNCTION_WORDS = {
    "English": "the of and to in is for that with on are by as be this from which was were has have",
    "Russian": "и в не на что с по к из для это как от о при а также его их или был были",
    "French": "le la les des et du une est dans pour que qui sur par au aux ces ont pas être",
    "Spanish": "el los las del y que por para una con es se al como más su sus fue han",
    "Portuguese": "o os do da dos das e em que para com uma por não ao foi são pelo pela",
    "German": "der die das und den von zu mit ist im für auf dem nicht eine des sich wird",
    "Italian": "il di che è per una della delle degli nel con sono gli alla anche più",
}
WORDS = {name: set(words.split()) for name, words in FUNCTION_WORDS.items()}
READ = ("English", "Russian")
LEAST_WORDS = 300      # fewer words than this: too short to judge
SHARE = 0.08           # English or Russian function words, at least, in a text of that language
TOKEN = re.compile(r"[^\W\d_]+")


def foreign_language(text: str) -> str | None:
    """The name of the language the text is in when it is neither English nor Russian, else None."""
    words = [w.lower() for w in TOKEN.findall(text[:400_000])]
    letters = "".join(words)
    if len(words) < LEAST_WORDS or not letters:
        return None
    if not any(c.isascii() or _cyrillic(c) for c in letters[:20_000]):
        return "a script other than Latin or Cyrillic"
    counts = Counter(words)
    shares = {name: sum(counts[w] for w in vocabulary) / len(words) for name, vocabulary in WORDS.items()}
    if any(shares[name] >= SHARE for name in READ):
        return None
    best = max(shares, key=shares.get)
    if shares[best] >= SHARE:
        return best
    if sum(map(_cyrillic, letters)) > len(letters) / 2:
        return "a language other than English or Russian"
    # Latin words of no language we know (a list, a glossary, a test's filler): the importer's to judge.
    return None


def _cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"
