"""Snippets that mark the reader's own words in the text, in whatever form the text has them."""

from __future__ import annotations

import html

import nh3
from whoosh import highlight

from indexer.index.analysis import make_analyzer

SNIPPET_FIELDS = ("body", "translation")
FALLBACK_CHARS = 240
_MATCH, _OTHER = "\x00m", "\x00o"


class _MarkingAnalyzer:
    """One token per word of the text, its text telling whether any of its forms was searched.

    The morphological analyzer yields several lemmas at one position; Whoosh's highlighter
    would mark the same word once per lemma, so the alternatives are folded here.
    """

    def __init__(self, marks: dict):
        self.marks = marks
        self.analyzer = make_analyzer(keep_surface=True)

    def __call__(self, text, **kwargs):
        current, matched = None, False
        for token in self.analyzer(text, chars=True, positions=True):
            if current is not None and token.startchar != current.startchar:
                yield self._emit(current, matched)
                current = None
            if current is None:
                current, matched = token.copy(), False
            matched = matched or self._is_match(token.text)
        if current is not None:
            yield self._emit(current, matched)

    def _is_match(self, text: str) -> bool:
        if text.startswith("="):
            surface = text[1:]
            return surface in self.marks["exact"] or any(
                surface.startswith(p) for p in self.marks["prefixes"])
        return text in self.marks["lemmas"]

    @staticmethod
    def _emit(token, matched):
        token.text = _MATCH if matched else _OTHER
        return token


def make_snippet(fields: dict, marks: dict) -> str:
    """HTML: a fragment of the body (or translation) with the matched words in <mark>."""
    if any(marks.values()):
        analyzer = _MarkingAnalyzer(marks)
        for name in SNIPPET_FIELDS:
            text = fields.get(name) or ""
            if not text:
                continue
            marked = highlight.highlight(
                text, {_MATCH}, analyzer,
                highlight.ContextFragmenter(maxchars=220, surround=70),
                highlight.HtmlFormatter(tagname="mark", between=" … "), top=2)
            if "<mark" in marked:
                return _clean(marked)
    body = " ".join((fields.get("body") or "").split())
    short = body if len(body) <= FALLBACK_CHARS else body[:FALLBACK_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(short)


def _clean(marked: str) -> str:
    """Keep only <mark>: the formatter escapes text, and this makes sure of it."""
    return nh3.clean(" ".join(marked.split()), tags={"mark"}, attributes={})
