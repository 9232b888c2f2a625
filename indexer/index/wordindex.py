"""The snippet fields' word index, computed once at build time and stored with each entry.

Every word's character span and, for each index term and "=" + surface form, the words that
carry it (see `word_index`): a search marks its words in a snippet by a few look-ups
(`indexer.search.snippets`), with no analysis per hit.
"""

from __future__ import annotations

from array import array

from indexer.analysis import make_analyzer

SNIPPET_FIELDS = ("body", "translation")


def word_index(text: str) -> tuple[bytes, str, bytes, bytes]:
    """Where the words of a text are and which terms each carries, packed to load fast:

    (spans: start, end of every word,
     keys: "\0" + each term and "=" + surface form, each followed by "\0",
     offsets: start of each key's words in `words` (one more than there are keys),
     words: word numbers, per key in key order),
    numbers as uint16 bytes, or b"I" + uint32 bytes when one is too big (see `numbers`).
    Stop words are not words here (they are only context), as the highlighter had them."""
    return pack_word_index((t.text, t.pos, t.startchar, t.endchar)
                           for t in make_analyzer(keep_surface=True)(text, chars=True, positions=True))


def pack_word_index(tokens) -> tuple[bytes, str, bytes, bytes]:
    """`word_index` of a text from its keep-surface tokens: (text, position, startchar, endchar)."""
    spans, keys, last = array("I"), {}, None
    for text, _, startchar, endchar in tokens:
        if startchar != last:
            last = startchar
            spans.extend((startchar, endchar))
        keys.setdefault(text, {})[len(spans) // 2 - 1] = None
    offsets, words = array("I", [0]), array("I")
    for numbers in keys.values():
        words.extend(numbers)
        offsets.append(len(words))
    packed = "\0" + "\0".join(key.replace("\0", "") for key in keys) + "\0"
    return tuple(_narrow(a) for a in (spans, packed, offsets, words))


def _narrow(values):
    """uint16 bytes when every number fits (most texts), else uint32: less to decompress per hit."""
    if isinstance(values, str):
        return values
    return array("H", values).tobytes() if not values or max(values) < 2**16 else b"I" + values.tobytes()


def numbers(packed: bytes):
    return memoryview(packed)[1:].cast("I") if len(packed) % 2 else memoryview(packed).cast("H")


FORMAT = 2   # of the stored word index; another (an older index) is recomputed per hit


def snippet_words(fields: dict) -> dict:
    """The stored value of the `snippet_words` field: the word index of each snippet field."""
    found = {name: word_index(fields[name]) for name in SNIPPET_FIELDS if fields.get(name)}
    found["format"] = FORMAT
    return found
