"""Dropping the parts of a query tree that cannot match in this index, answers unchanged.

A typed word is searched in all its forms in six fields, a phrase in four, a glossary or
thesaurus variant the same: most of these terms are in no document of their field (an
English lemma in the Russian title field, a rare form). Each still costs the engine a node:
about half of a question's tree. A term the field's lexicon lacks, or a phrase one of whose
words it lacks, matches nothing and scores nothing; so does an And holding one. Dropping
them from an Or leaves every score, match and estimate as it was (x + 0 is x); where a count
of parts matters (an Or with `minmatch`) or the tree's root, they become a NullQuery.
The same part met twice is pruned once, to one object: the tree's sharing is kept.
`dropped` holds the terms of the parts left out: the engine met them (`Match.terms`), and
snippets mark them as before.
"""

from __future__ import annotations

from whoosh import query as wq

from indexer.search.ranking import AtLeast, Equivalents


class Pruner:
    """Prunes the queries of one search; `holds(fieldname, text)`: whether the field has the term."""

    def __init__(self, holds):
        self.holds = holds
        self.done: dict[int, tuple[wq.Query, wq.Query | None]] = {}   # id -> (query, pruned)
        self.dropped: set[tuple[str, str]] = set()     # (field, text) of the parts left out

    def __call__(self, query: wq.Query | None) -> wq.Query | None:
        """The query without its parts that match nothing (NullQuery if nothing is left)."""
        if query is None:
            return None
        found = self.prune(query)
        return wq.NullQuery if found is None else found

    def prune(self, query: wq.Query) -> wq.Query | None:
        """The pruned query, or None when it matches nothing."""
        key = id(query)
        if key not in self.done:          # the query is held with its result: its id stays its own
            found = self._prune(query)
            if found is None and type(query) is wq.And:     # its held parts were met too
                self._drop(query)
            self.done[key] = (query, found)
        return self.done[key][1]

    def _prune(self, query: wq.Query) -> wq.Query | None:
        kind = type(query)
        if kind is wq.Term:
            if self.holds(query.fieldname, query.text):
                return query
            self.dropped.add((query.fieldname, query.text))
            return None
        if kind is wq.Phrase:
            if all(self.holds(query.fieldname, w) for w in query.words):
                return query
            self.dropped.update((query.fieldname, w) for w in query.words)
            return None
        if kind is AtLeast or (kind is wq.Or and getattr(query, "minmatch", 0)):
            parts = [self.prune(q) or wq.NullQuery for q in query.subqueries]
            return self._same(query, parts) or AtLeast(parts, boost=query.boost, minmatch=query.minmatch)
        if kind in (wq.Or, Equivalents):
            parts = [p for q in query.subqueries if (p := self.prune(q)) is not None]
            if not parts:
                return None
            return self._same(query, parts) or kind(parts, boost=query.boost)
        if kind is wq.And:
            parts = [self.prune(q) for q in query.subqueries]
            if any(p is None for p in parts):
                return None
            return self._same(query, parts) or wq.And(parts, boost=query.boost)
        if kind is wq.AndNot:
            positive = self.prune(query.a)
            if positive is None:
                return None
            negative = self.prune(query.b) or wq.NullQuery
            if positive is query.a and negative is query.b:
                return query
            found = wq.AndNot(positive, negative)
            found.boost = getattr(query, "boost", 1.0)
            return found
        return query      # prefixes, Every, NullQuery, Not and the rest: as they are

    def _drop(self, query: wq.Query) -> None:
        """Record the terms and phrase words of a part left out (a prefix in it is a typed word's
        unit, which the query holds, and the engine meets, apart too)."""
        if type(query) is wq.Term:
            self.dropped.add((query.fieldname, query.text))
        elif type(query) is wq.Phrase:
            self.dropped.update((query.fieldname, w) for w in query.words)
        else:
            for sub in getattr(query, "subqueries", ()):
                self._drop(sub)

    @staticmethod
    def _same(query: wq.Query, parts: list) -> wq.Query | None:
        """The query itself when pruning changed none of its parts."""
        subs = query.subqueries
        if len(parts) == len(subs) and all(p is q for p, q in zip(parts, subs, strict=True)):
            return query
        return None
