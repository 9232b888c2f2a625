"""Hypothesis strategies of hostile text, shared by the fuzz tests (tests/test_fuzz_*.py)."""

from __future__ import annotations

from hypothesis import strategies as st

# Characters that break naive text handling: NUL and controls, lone surrogates, bidi and
# zero-width marks, combining marks, line separators Python and YAML split on, BOM, quotes,
# the query language's operators, Cyrillic with ё/й, a wide emoji, an ideograph.
SPECIAL = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\x1c", "\x1e", "\u2028", "\u2029", "\r", "\n", "\t",
           "\ud800", "\udfff", "\udc80", "\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\u2069",
           "\u200b", "\u200d", "\ufeff", "\ufffd", "\ufffe", "\u0301", "\u0308", "\u0488", "\u20dd",
           "\U0001f642", "\u4e2d", "ё", "Ё", "й", "и\u0306", "İ", "ß", "ﬁ", "ǅ", "Ⅻ", "²", "٣",
           '"', "'", "`", "*", "-", "(", ")", "\\", "|", "&", "<", ">", "{", "}", "[", "]", "#",
           ":", "---", " OR ", " NOT ", "&&", "||", "!", "%", "%00", "$", "/", "..", "?"]
WORDS = ["school", "schools", "monitoring", "child", "labour", "школа", "вечерним", "школам",
         "НПА", "ILO", "IPEC", "evening", "Кыргызстан", "monitor*", '"evening school"', "-child"]

any_character = st.one_of(st.characters(), st.characters(categories=["Cs"]),
                          st.sampled_from([c for c in SPECIAL if len(c) == 1]))


def hostile_text(max_size: int = 80) -> st.SearchStrategy[str]:
    """Arbitrary Unicode (surrogates included), biased towards what breaks parsers and analyzers."""
    pieces = st.one_of(st.text(any_character, max_size=8), st.sampled_from(SPECIAL), st.sampled_from(WORDS))
    return st.lists(pieces, max_size=max_size).map(" ".join).map(lambda t: t[: max_size * 4])


def huge(text: st.SearchStrategy[str], times: tuple[int, int] = (1_000, 20_000)) -> st.SearchStrategy[str]:
    """A short hostile text repeated into a huge one (tens of kilobytes to megabytes)."""
    return st.tuples(text, st.integers(*times)).map(lambda pair: (pair[0] or "x") * pair[1])


def encodable(text: str) -> str:
    """The text as a client can send it in a URL: lone surrogates replaced."""
    return text.encode("utf-8", "replace").decode("utf-8")
