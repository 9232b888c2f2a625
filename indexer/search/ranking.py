"""Matching and ranking in one pass over a Whoosh query tree, with numpy over whole vectors.

Whoosh answers a search by walking every matching document through Python matchers.
Here each node of the query gives, over all documents at once:

- `score`: Whoosh's own BM25F (its `bm25` formula, idf and average field lengths, the
  query's boosts): a term scores where it occurs, an Or sums, an And counts only where
  all its parts match, a phrase scores as its words together;
- `loose`: where the node scores (a phrase: its words together);
- `strict`: where it matches (a phrase: checked position by position, when few enough).

An Or of terms (one word in all its forms and fields) and the words of a phrase are
summed in one `bincount` over their posting lists, so the cost follows the number of
query nodes, not of matching documents. Semantics are Whoosh's: And, Or (with
`minmatch`: at least that many parts), AndNot, Not, Phrase, Term, Every, NullQuery;
Prefix, Wildcard and other multi-term queries stand for their most frequent expansions
(capped: an estimate); anything else is matched by Whoosh's own walk. The result is
exact except for a capped expansion or an unchecked phrase, which say so (`exact`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq

from indexer.search.postings import Postings

MAX_PREFIX_TERMS = 64          # a prefix stands for its most frequent expansions, no more
PHRASE_CHECK_LIMIT = 150       # phrase candidates checked position by position, at most
TIME_LIMIT = 0.05              # seconds of phrase checking per query; past it, an estimate
SPARSE_SHARE = 8               # a term sum holding at most 1/8 of the postings of the index's size is sparse


class Match:
    """What one query node gives over every document (see the module docstring).

    Dense (`score`, `loose`, `strict`: one value per document) or sparse: `ids`, the sorted
    documents where it scores, `values` their scores, `hits` the sorted documents it matches
    (a subset; `ids` itself when it matches wherever it scores). A term sum or a phrase is
    sparse, and an Or of sparse parts stays so: most nodes of a question's tree hold few
    documents, and a sparse node costs what it holds, not the index's size. The dense vectors
    of a sparse node are made when first asked for (and kept: Matches are shared, never changed)."""

    __slots__ = ("size", "ids", "values", "hits", "exact", "terms", "prefixes", "_score", "_loose", "_strict")

    def __init__(self, score=None, loose=None, strict=None, exact: bool = True,
                 terms: frozenset = frozenset(), prefixes: frozenset = frozenset()):
        self._score, self._loose, self._strict = score, loose, strict
        self.size = len(score) if score is not None else 0
        self.ids = self.values = self.hits = None
        self.exact, self.terms, self.prefixes = exact, terms, prefixes

    @classmethod
    def sparse(cls, size: int, ids: np.ndarray, values: np.ndarray, hits: np.ndarray,
               exact: bool = True) -> Match:
        found = cls(exact=exact)
        found.size, found.ids, found.values, found.hits = size, ids, values, hits
        return found

    def with_exact(self, exact: bool) -> Match:
        """A copy saying whether it is exact (the original may be shared)."""
        if self.ids is not None:
            return Match.sparse(self.size, self.ids, self.values, self.hits, exact)
        return Match(self._score, self._loose, self._strict, exact)

    @property
    def score(self) -> np.ndarray:
        if self._score is None:
            self._score = np.zeros(self.size, dtype=np.float32)
            self._score[self.ids] = self.values
        return self._score

    @property
    def loose(self) -> np.ndarray:
        if self._loose is None:
            self._loose = _vector(self.size, self.ids)
        return self._loose

    @property
    def strict(self) -> np.ndarray:
        if self._strict is None:
            self._strict = self.loose if self.hits is self.ids else _vector(self.size, self.hits)
        return self._strict


def _vector(size: int, ids: np.ndarray) -> np.ndarray:
    found = np.zeros(size, dtype=bool)
    found[ids] = True
    return found


class AtLeast(wq.Or):
    """Whoosh's `Or(subqueries, minmatch=k)`: matches where at least k subqueries match, scores
    their sum. A subclass only so that `accept`/`apply` (which rebuild an Or without it) keep k."""

    def apply(self, fn):
        return AtLeast([fn(q) for q in self.subqueries], boost=self.boost, minmatch=self.minmatch)


class Equivalents(wq.Or):
    """Words that stand for one another (an abbreviation, its expansion's translation: IOM, МОМ):
    scored like one word, as Lucene's SynonymQuery does. In each field every one of them weighs
    the idf of the documents holding any of them, so the rarer spelling (often the other
    language's) does not outweigh the common one: which variant an entry uses says nothing of
    how well it answers."""

    def apply(self, fn):
        return Equivalents([fn(q) for q in self.subqueries], boost=self.boost)


@dataclass
class Ranked:
    """The ranked document numbers of one page's worth of results and their scores."""

    docs: list[int]
    scores: list[float]


class Engine:
    """Runs Whoosh query trees over one open generation's postings."""

    def __init__(self, searcher, postings: Postings):
        self.searcher = searcher
        self.postings = postings
        self.size = postings.size
        self.alive = postings.alive
        none = np.zeros(0, dtype=np.int64)
        self.empty = Match.sparse(self.size, none, np.zeros(0, dtype=np.float32), none)   # shared

    def run(self, query: wq.Query, session: Session | None = None, only: list[int] | None = None) -> Match:
        """Score and match a whole query; phrase checks stop at TIME_LIMIT (then an estimate).
        Runs given one `session` share what they computed (see Session). `only`: the documents
        whose match is wanted (a page's hits); `strict` is then right for them alone, and
        phrases are checked in them alone."""
        run = _Run(self, time.perf_counter() + TIME_LIMIT, session)
        covered = None
        if only is not None:
            covered = np.ones(self.size, dtype=bool)
            covered[only] = False
        found = run.node(query, covered)
        return Match(found.score, found.loose, found.strict, found.exact,
                     frozenset(run.met), frozenset(run.prefixes))

    def known(self, query: wq.Query, session: Session) -> Match | None:
        """The Match a run of the session computed for this node, if any: its `loose` is right
        for every document (what `covered` spared is the phrase checks, i.e. `strict`), and a
        node matches nowhere it does not score (strict within loose)."""
        found = session.memo.get(id(query))
        if found is None and id(query) in session.partial:
            found = session.partial[id(query)][1]
        return found

    def session(self) -> Session:
        """A new Session for the runs of one search."""
        return Session()

    def top(self, found: Match, allowed: np.ndarray, wanted: int) -> Ranked:
        """The best `wanted` allowed documents, best first (ties: lower document number)."""
        candidates = np.flatnonzero(allowed & found.loose)
        wanted = min(wanted, len(candidates))
        if wanted <= 0:
            return Ranked([], [])
        score = found.score
        best = candidates[np.argpartition(-score[candidates], wanted - 1)[:wanted]]
        best = best[np.lexsort((best, -score[best]))]
        return Ranked(best.tolist(), score[best].astype(float).tolist())

    def expansions(self, query: wq.MultiTerm) -> tuple[list[str], bool]:
        """The most frequent words a prefix or wildcard stands for, and whether they were capped."""
        reader = self.postings.reader
        words = [w.decode("utf-8") if isinstance(w, bytes) else w for w in query._btexts(reader)]
        if len(words) > MAX_PREFIX_TERMS:
            words.sort(key=lambda w: -reader.doc_frequency(query.fieldname, w))
            return words[:MAX_PREFIX_TERMS], True
        return words, False


@dataclass
class Session:
    """What the runs of one search share: its query, then each typed word alone (coverage) and the
    typed words and synonyms (explanations) are trees with common subtrees. Nodes are known by
    identity, so a session is valid while the queries it met live (one search, its BuiltQuery
    holding them); a node taken from it adds no terms to `Match.terms`, so the query whose
    terms are highlighted runs first. Equal leaves are shared by value (the query builder
    makes the same phrase and the same word forms many times over: a question of six words
    gave ~90 phrase nodes, 16 of them distinct): term sums by their terms, phrase checks by
    field and words, per document (a later run checks only the candidates not checked yet).
    Matches are shared, never changed in place."""

    memo: dict = field(default_factory=dict)
    partial: dict = field(default_factory=dict)    # id of a node -> (the `covered` it was run with, Match)
    phrases: dict = field(default_factory=dict)
    flat: dict = field(default_factory=dict)
    scratch: np.ndarray | None = None              # see _Run.scratch
    together: dict = field(default_factory=dict)   # ((field, text), ...) -> documents holding them all
    checked: dict = field(default_factory=dict)    # phrase (field, words) -> (checked, found) bool vectors
    sums: dict = field(default_factory=dict)       # ((field, text, boost), ...), every -> Match


class _Run:
    """One query's evaluation: the deadline and the nodes already computed."""

    def __init__(self, engine: Engine, deadline: float, session: Session | None = None):
        self.engine = engine
        self.size = engine.size
        self.deadline = deadline
        session = self.session = session or Session()
        self.memo: dict[int, Match] = session.memo
        self.partial: dict[int, tuple[np.ndarray, Match]] = session.partial
        self.phrases: dict[int, bool] = session.phrases
        self.flat: dict[int, list | None] = session.flat
        self.checked: dict[tuple, tuple[np.ndarray, np.ndarray]] = session.checked
        self.sums: dict[tuple, Match] = session.sums
        self.met: set[tuple[str, str]] = set()
        self.prefixes: set[str] = set()

    def node(self, query: wq.Query, covered: np.ndarray | None) -> Match:
        """`covered`: documents an enclosing Or matches through other parts. `strict` need
        only be right outside them, so a phrase checks no covered document."""
        key = id(query)
        if key in self.memo:
            return self.memo[key]
        known = self.partial.get(key)
        if known is not None and covered is not None and known[1].exact and not (known[0] & ~covered).any():
            return known[1]     # right outside what it was given, so outside this `covered` too
        found = self._node(query, covered)
        if covered is None or not self.has_phrase(query):     # right everywhere: reusable
            self.memo[key] = found
        else:
            self.partial[key] = (covered, found)
        return found

    def _node(self, query, covered) -> Match:
        boost = getattr(query, "boost", 1.0)
        if isinstance(query, Equivalents):
            key = ("equivalents", id(query))     # not the id of a passing Or: ids are reused
            if key not in self.flat:
                self.flat[key] = _flat_terms(wq.Or(query.subqueries, boost=boost), {})
            leaves = self.flat[key]
            if leaves is not None:
                return self.terms(leaves, blend=True)
        terms = _flat_terms(query, self.flat)
        if terms is not None:
            return self.terms(terms)
        if isinstance(query, wq.Or):
            return self.union(query, covered)
        if isinstance(query, wq.And):
            return self.intersection([self.node(q, covered) for q in query.subqueries], boost)
        if isinstance(query, wq.AndNot):
            return self.difference(self.node(query.a, covered), self.node(query.b, None).strict, boost)
        if isinstance(query, wq.Not):
            alive = self.engine.alive & ~self.node(query.query, None).strict
            return Match(np.zeros(self.size, dtype=np.float32), alive, alive)
        if isinstance(query, wq.Phrase):
            return self.phrase(query, covered)
        if isinstance(query, wq.Every):
            alive = self.engine.alive
            return Match(alive.astype(np.float32) * boost, alive, alive)
        if query is wq.NullQuery or isinstance(query, type(wq.NullQuery)):
            return self.terms([])
        if isinstance(query, wq.MultiTerm):
            if isinstance(query, wq.Prefix):
                self.prefixes.add(query.text)
            words, capped = self.engine.expansions(query)
            self.met.add((query.fieldname, query.text))
            found = self.terms([(query.fieldname, w, boost) for w in words])
            return found.with_exact(not capped)      # a copy: `terms` results are shared
        return self.walk(query, boost)

    # --- leaves ----------------------------------------------------------------------------

    def terms(self, terms: list[tuple[str, str, float]], every: bool = False, blend: bool = False) -> Match:
        """Terms summed in one pass: any of them (an Or) or, with `every`, all of them (an And);
        with `blend`, each field's terms weigh one idf (see Equivalents)."""
        self.met.update((f, t) for f, t, _ in terms)
        key = (tuple(terms), every, blend)
        if key not in self.sums:
            self.sums[key] = self._terms(terms, every, blend)
        return self.sums[key]

    def _terms(self, terms: list[tuple[str, str, float]], every: bool, blend: bool) -> Match:
        if blend:
            postings = self.engine.postings.blended(terms)
        else:
            postings = [(self.engine.postings.weights(f, t), b) for f, t, b in terms]
        postings = [(p, b) for p, b in postings if len(p[0])]
        size = self.size
        if every and len(postings) < len(terms) or not postings:
            return self.engine.empty
        if len(postings) == 1:
            (ids, weights), b = postings[0]
            return Match.sparse(size, ids, weights * b, ids)
        if every:
            return self._together([(ids, weights * b) for (ids, weights), b in postings],
                                  tuple((f, t) for f, t, _ in terms))
        ids = np.concatenate([p[0] for p, _ in postings])
        weights = np.concatenate([p[1] * b for p, b in postings])
        if len(ids) <= size // SPARSE_SHARE:
            # The same float64 sums, in the same order, as the dense bincount below.
            held, where = np.unique(ids, return_inverse=True)
            return Match.sparse(size, held, np.bincount(where, weights, len(held)).astype(np.float32), held)
        score = np.bincount(ids, weights, minlength=size).astype(np.float32)
        match = np.zeros(size, dtype=bool)
        match[ids] = True
        return Match(score, match, match)

    def _together(self, postings: list[tuple[np.ndarray, np.ndarray]], key: tuple) -> Match:
        """Documents holding every one of the (sorted) posting lists, scored by their sum (in
        float64, term by term, then float32: as a bincount over them all would sum them).
        The documents are found once per session for each set of terms (`key`: the same words
        are searched for at several weights), through the session's zero vector."""
        held = self.session.together.get(key)
        if held is None:
            held = self.session.together[key] = self._holding_all([ids for ids, _ in postings])
        total = np.zeros(len(held), dtype=np.float64)
        if len(held):
            scratch = self.scratch()
            for ids, weights in postings:
                if len(held) * 16 < len(ids):
                    total += weights[np.searchsorted(ids, held)]
                else:
                    scratch[ids] = weights
                    total += scratch[held]
                    scratch[ids] = 0
        return Match.sparse(self.size, held, total.astype(np.float32), held)

    def _holding_all(self, lists: list[np.ndarray]) -> np.ndarray:
        """The documents in every one of the sorted lists (marked in the session's zero vector)."""
        scratch = self.scratch()
        held = min(lists, key=len)
        for ids in lists:
            if ids is not held and len(held):
                if len(held) * 16 < len(ids):
                    at = np.minimum(np.searchsorted(ids, held), len(ids) - 1)
                    held = held[ids[at] == held]
                else:
                    scratch[ids] = 1
                    held = held[scratch[held] == 1]
                    scratch[ids] = 0
        return held

    def phrase(self, query: wq.Phrase, covered) -> Match:
        """The words together (scored so); matched where checked position by position. The
        candidates are taken from the words' documents (sparse, once per session), not from a
        pass over every document: a question's tree holds hundreds of phrase nodes."""
        boost = query.boost
        together = self.terms([(query.fieldname, w, boost) for w in query.words], every=True)
        ids = together.ids      # `_together`: always sparse

        def matching(hits, exact=True):
            return Match.sparse(self.size, together.ids, together.values, hits, exact)

        if covered is not None and len(ids):
            ids = ids[~covered[ids]]
        if not len(ids):
            return matching(ids)
        if len(ids) > PHRASE_CHECK_LIMIT or time.perf_counter() > self.deadline:
            return matching(ids, exact=False)
        if query.slop == 1:
            return matching(self.adjacent(query, ids))
        found, late = check_candidates(self.engine.searcher, query, ids.tolist(), self.deadline)
        if late:
            return matching(ids, exact=False)
        return matching(np.array(sorted(found), dtype=np.int64))

    def adjacent(self, query: wq.Phrase, ids: np.ndarray) -> np.ndarray:
        """The candidates holding the phrase (`adjacent`), each document checked once per session."""
        key = (query.fieldname, tuple(query.words))
        if key not in self.checked:
            self.checked[key] = (np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=bool))
        checked, found = self.checked[key]
        todo = ids[~checked[ids]]
        if len(todo):
            found[adjacent(self.engine.postings, query, todo)] = True
            checked[todo] = True
        return ids[found[ids]]

    def walk(self, query: wq.Query, boost: float) -> Match:
        """A query this engine does not model: Whoosh's own walk, exact, scored by its boost."""
        self.met.update((f, t.decode("utf-8") if isinstance(t, bytes) else t)
                          for f, t in query.iter_all_terms(phrases=True))
        match = np.zeros(self.size, dtype=bool)
        match[np.fromiter(self.engine.searcher.docs_for_query(query), dtype=np.int64)] = True
        return Match(match.astype(np.float32) * boost, match, match)

    # --- combinations ----------------------------------------------------------------------

    def union(self, query: wq.Or, covered) -> Match:
        """An Or: plain parts first, then those with phrases, which skip what is matched."""
        minmatch = getattr(query, "minmatch", 0) or 0
        subs = query.subqueries
        if not subs:
            return self.terms([])
        if minmatch > 1:
            return self.at_least([self.node(q, None) for q in subs], minmatch, query.boost)
        phrased = [self.has_phrase(q) for q in subs]
        ordered = [(q, False) for q, p in zip(subs, phrased, strict=True) if not p] + \
            [(q, True) for q, p in zip(subs, phrased, strict=True) if p]
        parts, inside = [], None
        for sub, phrase in ordered:
            # Only a phrase looks at what is covered (what this Or matches through its other
            # parts, or an enclosing one does): the other parts need not pay for the union.
            if phrase and inside is None:
                inside = np.zeros(self.size, dtype=bool) if covered is None else covered.copy()
                for found in parts:
                    _mark(inside, found)
            found = self.node(sub, inside if phrase else None)
            if inside is not None:
                _mark(inside, found)
            parts.append(found)
        exact = all(p.exact for p in parts)
        if all(p.ids is not None for p in parts) and \
                sum(len(p.ids) for p in parts) <= self.size // SPARSE_SHARE:
            return _sparse_union(self.scratch(), parts, query.boost, exact)
        score = np.zeros(self.size, dtype=np.float32)
        loose = np.zeros(self.size, dtype=bool)
        strict = np.zeros(self.size, dtype=bool)
        merged = {}     # an OR is idempotent: each dense vector once (held, so that its id stays its own)
        for found in parts:
            if found.ids is not None:
                score[found.ids] += found.values
                loose[found.ids] = True
                strict[found.hits] = True
                continue
            score += found.score
            for into, vector in ((loose, found.loose), (strict, found.strict)):
                if (id(into), id(vector)) not in merged:
                    into |= vector
                    merged[id(into), id(vector)] = vector
        if query.boost != 1:
            score *= query.boost
        return Match(score, loose, strict, exact)

    def scratch(self) -> np.ndarray:
        """The session's zero vector for sparse sums (`_sparse_union` leaves it zero)."""
        if self.session.scratch is None:
            self.session.scratch = np.zeros(self.size, dtype=np.float32)
        return self.session.scratch

    def at_least(self, parts: list[Match], minmatch: int, boost: float) -> Match:
        """An Or with `minmatch`: documents matching at least that many parts, scored by their sum."""
        loose = np.sum([p.loose for p in parts], axis=0) >= minmatch
        strict = np.sum([p.strict for p in parts], axis=0) >= minmatch
        score = np.where(loose, np.sum([p.score for p in parts], axis=0) * boost, 0).astype(np.float32)
        return Match(score, loose, strict, all(p.exact for p in parts))

    def intersection(self, parts: list[Match], boost: float) -> Match:
        if not parts:
            return self.terms([])
        score, loose, strict = parts[0].score.copy(), parts[0].loose.copy(), parts[0].strict.copy()
        for part in parts[1:]:
            score += part.score
            loose &= part.loose
            strict &= part.strict
        score[~loose] = 0
        if boost != 1:
            score *= boost
        return Match(score, loose, strict, all(p.exact for p in parts))

    def difference(self, positive: Match, negative: np.ndarray, boost: float) -> Match:
        """AndNot: a capped negative removes less, so the result is still a superset."""
        loose = positive.loose & ~negative
        score = np.where(loose, positive.score * boost, 0).astype(np.float32)
        return Match(score, loose, positive.strict & ~negative, positive.exact)

    def has_phrase(self, query: wq.Query) -> bool:
        key = id(query)
        if key not in self.phrases:
            if _flat_terms(query, self.flat) is not None:      # terms only
                self.phrases[key] = False
                return False
            self.phrases[key] = isinstance(query, wq.Phrase) or any(
                self.has_phrase(q) for q in query.children())
        return self.phrases[key]


def _mark(vector: np.ndarray, found: Match) -> None:
    """Add a node's matches to a dense vector of documents."""
    if found.ids is not None:
        vector[found.hits] = True
    else:
        vector |= found.strict


def _sparse_union(scratch: np.ndarray, parts: list[Match], boost: float, exact: bool) -> Match:
    """An Or of sparse parts, sparse: summed part by part in float32 (as the dense sum is) into
    `scratch`, a zero vector of the index's size, which is left zero again."""
    held = _distinct([p.ids for p in parts])
    for part in parts:
        scratch[part.ids] += part.values
    score = scratch[held]
    scratch[held] = 0
    if boost != 1:
        score *= boost
    hits = held if all(p.hits is p.ids for p in parts) else _distinct([p.hits for p in parts])
    return Match.sparse(len(scratch), held, score, hits, exact)


def _distinct(arrays: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of some arrays."""
    if len(arrays) == 1:
        return arrays[0]
    values = np.concatenate(arrays)
    values.sort()
    if len(values) > 1:
        values = values[np.concatenate(([True], values[1:] != values[:-1]))]
    return values


def _flat_terms(query: wq.Query, memo: dict) -> list[tuple[str, str, float]] | None:
    """A Term, or an Or (no minmatch) of such, as (field, text, boost) leaves; None otherwise."""
    key = id(query)
    if key in memo:
        return memo[key]
    leaves = None
    if type(query) is wq.Term:
        text = query.text.decode("utf-8") if isinstance(query.text, bytes) else query.text
        leaves = [(query.fieldname, text, query.boost)]
    elif type(query) is wq.Or and not getattr(query, "minmatch", 0) and query.subqueries:
        leaves = []
        for sub in query.subqueries:
            found = _flat_terms(sub, memo)
            if found is None:
                leaves = None
                break
            leaves += found if query.boost == 1 else [(f, t, b * query.boost) for f, t, b in found]
    memo[key] = leaves
    return leaves


def adjacent(postings: Postings, query: wq.Phrase, candidates: np.ndarray) -> list[int]:
    """The candidates holding the phrase's words at consecutive positions (Whoosh's slop 1):
    each word's (document, position - its place in the phrase) pairs, intersected."""
    starts = None
    for place, word in enumerate(query.words):
        docs, positions = postings.positions(query.fieldname, word, candidates)
        keys = (docs << 32) | (positions - place + _PLACES)
        starts = np.unique(keys) if starts is None else np.intersect1d(starts, keys)
        if not len(starts):
            return []
    return np.unique(starts >> 32).tolist()


_PLACES = 2**16    # more words than a phrase has: keeps position - place positive


def check_candidates(searcher, query: wq.Query, candidates: list[int], deadline: float | None):
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
