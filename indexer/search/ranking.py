"""Matching and ranking that stay fast when a query matches most of a large index.

Whoosh answers a search by walking every matching document and scoring it, and its
`docs_for_query` walks them again; at 100 000 entries a query of common words matches
tens of thousands. Here instead:

1. **Matching** (`QueryMasks.evaluate`) works on posting lists, cached per open generation
   as numpy arrays of document numbers, combined as boolean vectors: Or, And, AndNot,
   Prefix (its most frequent expansions, capped) and Phrase (its words together, then
   checked position by position when few enough). The result is exact, except for a
   capped prefix or an unchecked phrase, which say so (`exact=False`: an estimate).
2. **Ranking** computes Whoosh's own BM25F (its `bm25` formula, idf and average field
   lengths, the field boosts of the query) over whole vectors with numpy: a term scores
   where it occurs, an Or sums, an And counts only where all its parts match, a phrase
   scores as its words together. The cost follows the number of query terms, not of
   matching documents. On the development set it ranks exactly as Whoosh's collector did
   (same recall, MRR and nDCG per category), two to three times faster on 164 entries and
   without its walk over every match on 100 000.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np
from whoosh import query as wq

MAX_PREFIX_TERMS = 64          # a prefix stands for its most frequent expansions, no more
PHRASE_CHECK_LIMIT = 150       # phrase candidates checked position by position, at most
BM25_B, BM25_K1 = 0.75, 1.2    # Whoosh's BM25F defaults, which the index is searched with
TIME_LIMIT = 0.02              # seconds of phrase checking per query; past it, an estimate
CACHE_BYTES = 64 * 2**20       # posting lists kept per open generation


class AtLeast(wq.Or):
    """Whoosh's `Or(subqueries, minmatch=k)`: matches where at least k subqueries match, scores
    their sum. A subclass only so that `accept`/`apply` (which rebuild an Or without it) keep k."""

    def apply(self, fn):
        return AtLeast([fn(q) for q in self.subqueries], boost=self.boost, minmatch=self.minmatch)


@dataclass
class Ranked:
    """The ranked document numbers of one page's worth of results and how they were found."""

    docs: list[int]
    scores: list[float]


class QueryMasks:
    """Posting lists of one open reader, cached, and the matching set of a query."""

    def __init__(self, searcher, size: int, alive: np.ndarray):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.size = size
        self.alive = alive
        self._postings: OrderedDict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = OrderedDict()
        self._bytes = 0
        self._lengths: dict[str, np.ndarray] = {}
        self.deadline: float | None = None

    def postings(self, fieldname: str, text: str) -> np.ndarray:
        """The document numbers holding a term."""
        return self.weighted_postings(fieldname, text)[0]

    def weighted_postings(self, fieldname: str, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(document numbers, term frequencies) of a term; least recently used dropped past CACHE_BYTES."""
        key = (fieldname, text)
        found = self._postings.get(key)
        if found is not None:
            self._postings.move_to_end(key)
            return found
        ids, weights = [], []
        try:
            matcher = self.reader.postings(fieldname, text)
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                matcher.next()
        except Exception:  # whoosh raises TermNotFound (a KeyError) or similar for a missing term
            ids, weights = [], []
        found = (np.array(ids, dtype=np.int32), np.array(weights, dtype=np.float32))
        self._postings[key] = found
        self._bytes += found[0].nbytes + found[1].nbytes
        while self._bytes > CACHE_BYTES and len(self._postings) > 1:
            _, (dropped, dropped_weights) = self._postings.popitem(last=False)
            self._bytes -= dropped.nbytes + dropped_weights.nbytes
        return found

    def lengths(self, fieldname: str) -> np.ndarray:
        """Every document's length in a field (as Whoosh stores it), read once per generation."""
        if fieldname not in self._lengths:
            self._lengths[fieldname] = np.array(
                [self.reader.doc_field_length(n, fieldname) or 0 for n in range(self.size)], dtype=np.float32)
        return self._lengths[fieldname]

    def term_vector(self, fieldname: str, text: str) -> np.ndarray:
        vector = np.zeros(self.size, dtype=bool)
        vector[self.postings(fieldname, text)] = True
        return vector

    # --- matching --------------------------------------------------------------------------

    def expand(self, query: wq.Query) -> wq.Query:
        """The query with each Prefix replaced by an Or of its most frequent expansions."""
        def replace(q):
            if isinstance(q, wq.Prefix):
                words = [w.decode("utf-8") if isinstance(w, bytes) else w
                         for w in self.reader.expand_prefix(q.fieldname, q.text)]
                words.sort(key=lambda w: -self.reader.doc_frequency(q.fieldname, w))
                terms = [wq.Term(q.fieldname, w, boost=q.boost) for w in words[:MAX_PREFIX_TERMS]]
                if not terms:
                    return wq.NullQuery
                expanded = wq.Or(terms)
                expanded.capped = len(words) > MAX_PREFIX_TERMS
                return expanded
            return q
        return query.accept(replace)

    def evaluate(self, query: wq.Query, covered: np.ndarray | None = None) -> tuple[np.ndarray, bool]:
        """(boolean vector of the matching documents, whether it is exact).

        `covered`: documents an enclosing Or matches through other branches. The vector need
        only be right outside them, so a phrase checks no covered document, and a proximity
        or all-words bonus, which lies within the words' own matches, costs nothing."""
        if isinstance(query, wq.Term):
            return self.term_vector(query.fieldname, query.text), True
        if isinstance(query, wq.Every):
            return self.alive.copy(), True
        if isinstance(query, wq.AndNot):
            positive, exact = self.evaluate(query.a, covered)
            negative, _ = self.evaluate(query.b)  # a capped negative removes less: still a superset
            return positive & ~negative, exact
        if isinstance(query, wq.And):
            parts = [self.evaluate(sub, covered) for sub in query.subqueries]
            vector = self.alive.copy()
            for other, _ in parts:
                vector &= other
            return vector, all(e for _, e in parts)
        if isinstance(query, wq.Or) and query.minmatch > 1:
            parts = [self.evaluate(sub, covered) for sub in query.subqueries]
            count = np.sum([vector for vector, _ in parts], axis=0)
            return count >= query.minmatch, all(e for _, e in parts)
        if isinstance(query, wq.Or):
            return self._union(query, covered)
        if isinstance(query, wq.Phrase):
            return self._phrase(query, covered)
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return np.zeros(self.size, dtype=bool), True
        vector = np.zeros(self.size, dtype=bool)   # anything else: Whoosh's own walk, exact
        vector[np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)] = True
        return vector, True

    def _union(self, query: wq.Or, covered: np.ndarray | None) -> tuple[np.ndarray, bool]:
        """An Or: plain branches first, then those with phrases, which skip what is matched."""
        vector = np.zeros(self.size, dtype=bool)
        exact = not getattr(query, "capped", False)
        plain = [sub for sub in query.subqueries if not _has_phrase(sub)]
        for sub in plain + [sub for sub in query.subqueries if _has_phrase(sub)]:
            known = vector if covered is None else vector | covered
            found, sub_exact = self.evaluate(sub, known)
            vector |= found
            exact = exact and sub_exact
        return vector, exact

    def _phrase(self, query: wq.Phrase, covered: np.ndarray | None) -> tuple[np.ndarray, bool]:
        """Documents with the phrase: its words together, then positions when few enough."""
        vector = self.alive.copy()
        for word in query.words:
            vector &= self.term_vector(query.fieldname, word)
        if covered is not None:
            vector &= ~covered
        candidates = np.flatnonzero(vector)
        if not len(candidates):
            return vector, True
        if len(candidates) > PHRASE_CHECK_LIMIT or (self.deadline and time.perf_counter() > self.deadline):
            return vector, False
        found, late = score_candidates(self.searcher, query, candidates.tolist(), self.deadline)
        if late:
            return vector, False
        checked = np.zeros(self.size, dtype=bool)
        checked[list(found)] = True
        return checked, True

    # --- vectorised BM25F ------------------------------------------------------------------

    def scores(self, query: wq.Query) -> tuple[np.ndarray, np.ndarray]:
        """(BM25F score of every document, whether it matches) for a query, as whole vectors."""
        boost = getattr(query, "boost", 1.0)
        if isinstance(query, wq.Term):
            return self._term_scores(query.fieldname, query.text, boost)
        if isinstance(query, wq.Phrase):
            parts = [self._term_scores(query.fieldname, word, boost) for word in query.words]
            return _all_of(parts)
        if isinstance(query, wq.AndNot):
            score, match = self.scores(query.a)
            excluded, _ = self.evaluate(query.b)
            match = match & ~excluded
            return np.where(match, score * boost, 0.0).astype(np.float32), match
        if isinstance(query, (wq.And, wq.Or)):
            parts = [self.scores(sub) for sub in query.subqueries]
            if not parts:
                return np.zeros(self.size, dtype=np.float32), np.zeros(self.size, dtype=bool)
            score, match = _all_of(parts) if isinstance(query, wq.And) else _any_of(parts)
            if isinstance(query, wq.Or) and query.minmatch > 1:
                match = np.sum([m for _, m in parts], axis=0) >= query.minmatch
                score = np.where(match, score, 0.0).astype(np.float32)
            return score * boost, match
        match, _ = self.evaluate(query)
        return match.astype(np.float32) * boost, match

    def _term_scores(self, fieldname: str, text: str, boost: float) -> tuple[np.ndarray, np.ndarray]:
        ids, weights = self.weighted_postings(fieldname, text)
        score = np.zeros(self.size, dtype=np.float32)
        match = np.zeros(self.size, dtype=bool)
        if len(ids):
            idf = math.log(self.size / (len(ids) + 1)) + 1
            average = (self.reader.field_length(fieldname) / max(1, self.size)) or 1
            norm = BM25_K1 * ((1 - BM25_B) + BM25_B * self.lengths(fieldname)[ids] / average)
            score[ids] = boost * idf * weights * (BM25_K1 + 1) / (weights + norm)
            match[ids] = True
        return score, match


def _any_of(parts):
    score, match = parts[0][0].copy(), parts[0][1].copy()
    for other_score, other_match in parts[1:]:
        score += other_score
        match |= other_match
    return score, match


def _all_of(parts):
    score, match = parts[0][0].copy(), parts[0][1].copy()
    for other_score, other_match in parts[1:]:
        score += other_score
        match &= other_match
    return np.where(match, score, 0.0).astype(np.float32), match


def _has_phrase(query: wq.Query) -> bool:
    return isinstance(query, wq.Phrase) or any(_has_phrase(q) for q in query.children())


def score_candidates(searcher, query: wq.Query, candidates: list[int], deadline: float | None):
    """({docnum: Whoosh score} of the candidates the query matches, whether time ran out).

    One matcher per segment, moved with `skip_to` from candidate to candidate, so the cost
    follows the candidates, not the matches."""
    scores, context = {}, searcher.context(needs_current=True)
    candidates = sorted(candidates)
    position = 0
    for subsearcher, offset in searcher.leaf_searchers():
        end = offset + subsearcher.doc_count_all()
        matcher = query.matcher(subsearcher, context)
        while position < len(candidates) and candidates[position] < end:
            if deadline is not None and time.perf_counter() > deadline:
                return scores, True
            local = candidates[position] - offset
            position += 1
            if not matcher.is_active():
                continue
            if matcher.id() < local:
                matcher.skip_to(local)
            if matcher.is_active() and matcher.id() == local:
                scores[local + offset] = matcher.score()
    return scores, False


def rank(masks: QueryMasks, query: wq.Query, allowed: np.ndarray, wanted: int) -> Ranked:
    """The best `wanted` allowed documents for the query, best first, by vectorised BM25F."""
    score, match = masks.scores(query)
    candidates = np.flatnonzero(allowed & match)
    wanted = min(wanted, len(candidates))
    if wanted <= 0:
        return Ranked([], [])
    best = candidates[np.argpartition(-score[candidates], wanted - 1)[:wanted]]
    best = best[np.lexsort((best, -score[best]))]
    return Ranked(best.tolist(), score[best].astype(float).tolist())
