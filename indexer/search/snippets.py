"""Snippets that mark the reader's own words in the text, in whatever form the text has them.

The build analyses each snippet field once (`word_index`): every word's character span
and, for each index term and "=" + surface form, the words that carry it. A search
then finds its marked words by a few dictionary look-ups and cuts fragments around
them with the rules of Whoosh's `ContextFragmenter` (220 characters, 70 of context,
the two fragments with most marked words, in text order), so a snippet costs no
analysis at all and marks exactly the words Whoosh's highlighter marked.
"""

from __future__ import annotations

import html
from collections import deque

from indexer.index.wordindex import FORMAT, SNIPPET_FIELDS, numbers, snippet_words

FALLBACK_CHARS = 240
MAX_CHARS, SURROUND, CHAR_LIMIT, TOP = 220, 70, 2**15, 2


def marked_words(index: tuple, marks: dict) -> set[int]:
    """The numbers of the words any of whose forms was searched."""
    _, keys, offsets, words = index
    offsets, words = numbers(offsets), numbers(words)
    found = set()

    def take(at: int) -> None:          # the key starting at character `at` of `keys`
        number = keys.count("\0", 0, at) - 1
        found.update(words[offsets[number]:offsets[number + 1]].tolist())

    for key in [*marks["lemmas"], *("=" + s for s in marks["exact"])]:
        at = keys.find("\0" + key + "\0")
        if at >= 0:
            take(at + 1)
    for prefix in marks["prefixes"]:
        at = keys.find("\0=" + prefix)
        while at >= 0:
            take(at + 1)
            at = keys.find("\0=" + prefix, at + 1)
    return found


def make_snippet(fields: dict, marks: dict) -> str:
    """HTML: a fragment of the body (or translation) with the matched words in <mark>."""
    if any(marks.values()):
        indexes = fields.get("snippet_words")
        if not indexes or indexes.get("format") != FORMAT:
            indexes = snippet_words(fields)
        for name in SNIPPET_FIELDS:
            text = fields.get(name) or ""
            if not text or name not in indexes:
                continue
            matched = marked_words(indexes[name], marks)
            if matched:
                spans = numbers(indexes[name][0]).tolist()
                fragments = _best(_fragments(spans, matched))
                if fragments:
                    return " … ".join(_format(text, spans, f) for f in fragments)
    body = " ".join((fields.get("body") or "").split())
    short = body if len(body) <= FALLBACK_CHARS else body[:FALLBACK_CHARS].rsplit(" ", 1)[0] + " …"
    return html.escape(short)


def _fragments(spans: list[int], matched: set[int]):
    """(start, end, marked word numbers) of each fragment, as Whoosh's ContextFragmenter cuts them."""
    first, firsts, countdown, words, length, end = None, deque(), -1, [], 0, None
    for number in range(len(spans) // 2):
        start, end = spans[2 * number], spans[2 * number + 1]
        size = end - start
        if end > CHAR_LIMIT:
            break
        hit = number in matched
        if countdown < 0 and not hit:
            firsts.append(start)
            while firsts and end - firsts[0] > SURROUND:
                firsts.popleft()
        elif length + size > MAX_CHARS:
            countdown = 0
        elif hit:
            countdown = SURROUND
            if first is None:
                if firsts:
                    first = firsts[0]
                else:
                    first, countdown = start, countdown + SURROUND
            words.append(number)
        if countdown >= 0:
            length += size
            countdown -= size
            if countdown <= 0:
                if words:
                    yield first, end, words
                first, firsts, words, length = None, deque(), [], 0
    if words:
        yield first, end, words


def _best(fragments) -> list[tuple]:
    """The TOP fragments with most marked words (a tie goes to the later one), in text order."""
    best = sorted(fragments, key=lambda f: (len(f[2]), f[0]), reverse=True)[:TOP]
    return sorted(best, key=lambda f: f[0])


def _format(text: str, spans, fragment) -> str:
    start, end, words = fragment
    out, index = [], start
    for number in words:
        word_start, word_end = spans[2 * number], spans[2 * number + 1]
        if word_start < index:
            continue
        out.append(html.escape(text[index:word_start], quote=False))
        out.append("<mark>" + html.escape(text[word_start:word_end], quote=False) + "</mark>")
        index = word_end
    out.append(html.escape(text[index:end], quote=False))
    return " ".join("".join(out).split())
