"""Searching an open index generation: query, filters, facets, snippets, spelling."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq

from indexer.content.glossary import Glossary
from indexer.search.facets import FacetMasks, mask_to_vector, vector_to_mask
from indexer.search.query import build_query, parse_query
from indexer.search.ranking import TIME_LIMIT, QueryMasks, rank
from indexer.search.request import FILTERS, SearchRequest
from indexer.search.snippets import make_snippet
from indexer.search.spelling import correct_word

MORPH_FIELDS = ("body", "title", "translation", "title_translated")


@dataclass
class Hit:
    """One result as the CONTRACT shapes it."""

    id: str
    title: str
    type: str
    lang: str
    path: str
    score: float
    countries: list
    objectives: list
    stakeholders: list
    snippet: str
    title_translated: str = ""
    draft: bool = False
    report: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "type": self.type, "lang": self.lang,
                "path": self.path, "score": self.score, "countries": self.countries,
                "objectives": self.objectives, "stakeholders": self.stakeholders,
                "snippet": self.snippet, "title_translated": self.title_translated,
                "draft": self.draft, "report": self.report}


@dataclass
class SearchResults:
    """The answer to a SearchRequest; `to_dict()` is exactly the CONTRACT's result object (plus extras)."""

    request: SearchRequest
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]]
    suggestion: str | None = None
    corrected: bool = False          # the typed words matched nothing: these are the suggestion's results
    generation: str = ""
    extras: dict = field(default_factory=dict)   # estimated: the total is an estimate

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.request.limit))

    def to_dict(self) -> dict:
        return {"query": self.request.q, "total": self.total,
                "results": [hit.to_dict() for hit in self.hits],
                "facets": self.facets, "suggestion": self.suggestion,
                "corrected": self.corrected, "page": self.request.page,
                "limit": self.request.limit, "pages": self.pages, "sort": self.request.sort,
                "estimated": bool(self.extras.get("estimated"))}


class KbSearcher:
    """One open generation: a Whoosh searcher plus facet masks, reused across requests."""

    def __init__(self, ix, generation: str, glossary: Glossary):
        self.ix = ix
        self.generation = generation
        self.glossary = glossary
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.masks = FacetMasks(self.reader)
        alive = mask_to_vector(self.masks.alive, self.masks.size)
        self.queries = QueryMasks(self.searcher, self.masks.size, alive)
        self._corrector = None
        self._sort_ranks: dict[str, np.ndarray] = {}

    def close(self) -> None:
        self.searcher.close()

    def count(self) -> int:
        """Entries in the index, drafts included."""
        return self.reader.doc_count()

    # --- searching ---------------------------------------------------------------------------

    def search(self, request: SearchRequest) -> SearchResults:
        """Run one request: spelling, query, filters, facets, the page of hits with snippets."""
        clauses = parse_query(request.q)
        corrections = self._corrections([c.text for c in clauses
                                         if not (c.phrase or c.prefix or c.negated)])
        built = build_query(clauses, self.glossary, corrections)
        query = None if built.query is None else self.queries.expand(built.query)
        visible = self.masks.alive if request.drafts else self.masks.alive & ~self.masks.mask("draft", "yes")
        exact = True
        if query is None:
            matched = visible
        else:
            self.queries.deadline = time.perf_counter() + TIME_LIMIT
            vector, exact = self.queries.evaluate(query)
            self.queries.deadline = None
            matched = vector_to_mask(vector) & visible
        filter_masks = {name: self.masks.any_of(FILTERS[name][0], values)
                        for name, values in request.filters.items()}
        allowed = matched
        for mask in filter_masks.values():
            allowed &= mask
        total = allowed.bit_count()
        facets = self._facets(matched, filter_masks)
        extras = {"estimated": not exact}
        hits = self._page(query, built.query, request, allowed, total)
        suggestion = self._suggestion(request.q, corrections)
        corrected = bool(built.corrected) and len(built.corrected) == len(built.words) and total > 0
        return SearchResults(request, total, hits, facets, suggestion, corrected, self.generation, extras)

    def _page(self, query, typed, request: SearchRequest, allowed: int, total: int) -> list[Hit]:
        """The requested page: ranked by relevance (see indexer.ranking) or sorted by a key."""
        start = (request.page - 1) * request.limit
        if start >= total:
            return []
        wanted = start + request.limit
        vector = mask_to_vector(allowed, self.masks.size)
        if query is None or request.sort != "relevance":
            ids = np.flatnonzero(vector)
            sort = "report" if request.sort == "relevance" else request.sort   # browsing: report order
            order = ids[np.argsort(self._sort_rank(sort)[ids], kind="stable")]
            docs, scores = order[start:wanted].tolist(), None
        else:
            ranked = rank(self.queries, query, vector, wanted)
            docs, scores = ranked.docs[start:wanted], ranked.scores[start:wanted]
        marks = _highlight_terms(typed)
        hits = []
        for number, docnum in enumerate(docs):
            fields = self.reader.stored_fields(docnum)
            hits.append(Hit(
                id=fields["id"], title=fields["title"], type=fields["type"], lang=fields["lang"],
                path=fields["path"], score=round(scores[number], 4) if scores else 0.0,
                countries=_split(fields.get("countries")), objectives=_split(fields.get("objectives")),
                stakeholders=_split(fields.get("stakeholders")),
                snippet=make_snippet(fields, marks), title_translated=fields.get("title_translated", ""),
                draft=fields.get("draft") == "yes", report=fields.get("report", "")))
        return hits

    def _sort_rank(self, sort: str) -> np.ndarray:
        """Each document's position in title or report order, computed once per generation."""
        column = {"title": "title_sort"}.get(sort, "path")
        if column not in self._sort_ranks:
            values = list(self.reader.column_reader(column))
            ranks = np.empty(len(values), dtype=np.int64)
            ranks[sorted(range(len(values)), key=values.__getitem__)] = np.arange(len(values))
            self._sort_ranks[column] = ranks
        return self._sort_ranks[column]

    def _facets(self, matched: int, filter_masks: dict[str, int]) -> dict[str, dict[str, int]]:
        """Counts per value of each filter, given the query and every *other* filter."""
        facets = {}
        for name, (fieldname, _) in FILTERS.items():
            base = matched
            for other, mask in filter_masks.items():
                if other != name:
                    base &= mask
            counts = {}
            for value in self.masks.values(fieldname):
                count = (base & self.masks.mask(fieldname, value)).bit_count()
                if count:
                    counts[value] = count
            facets[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return facets

    # --- spelling ----------------------------------------------------------------------------

    def is_known(self, word: str) -> bool:
        """Whether the index holds the word, as typed or in any of its forms."""
        from indexer.search.query import positions

        text = word.lower().replace("ё", "е")
        if self.reader.doc_frequency("exact", text):
            return True
        forms = positions(word)
        return bool(forms) and all(
            any(self.reader.doc_frequency(f, t) for f in MORPH_FIELDS for t in alternatives)
            for alternatives in forms)

    def suggest_word(self, word: str) -> str | None:
        if self._corrector is None:
            self._corrector = self.searcher.corrector("exact")
        found = self._corrector.suggest(word.lower().replace("ё", "е"), limit=1, maxdist=2, prefix=1)
        return found[0] if found else None

    def _corrections(self, words: list[str]) -> dict[str, str]:
        fixes = {}
        for word in words:
            fixed = correct_word(word, self.is_known, self.suggest_word)
            if fixed and fixed != word.lower():
                fixes[word] = fixed
        return fixes

    def _suggestion(self, q: str, corrections: dict[str, str]) -> str | None:
        if not corrections:
            return None
        words = [corrections.get(w, corrections.get(w.strip("()"), w)) for w in q.split()]
        return " ".join(words)

    # --- single entries ----------------------------------------------------------------------

    def stored(self, entry_id: str) -> dict | None:
        """The stored fields of one entry, or None."""
        return self.searcher.document(id=entry_id)


def _split(value) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _highlight_terms(query) -> dict[str, set]:
    """The terms to mark in snippets: lemmas of the text fields, surface forms, prefixes."""
    marks = {"lemmas": set(), "exact": set(), "prefixes": set()}
    if query is None:
        return marks
    for leaf in query.leaves():
        if isinstance(leaf, wq.Prefix):
            marks["prefixes"].add(leaf.text)
    for fieldname, text in query.iter_all_terms(phrases=True):
        text = text.decode("utf-8") if isinstance(text, bytes) else text
        if fieldname == "exact":
            marks["exact"].add(text)
        elif fieldname in MORPH_FIELDS or fieldname == "title_translated":
            marks["lemmas"].add(text)
    return marks


def related_entries(searcher: KbSearcher, entry_id: str, limit: int = 5) -> list[dict]:
    """The entries most like one entry, in both languages: shared key lemmas and tags."""
    docnum = searcher.searcher.document_number(id=entry_id)
    if docnum is None:
        return []
    stored = searcher.reader.stored_fields(docnum)
    terms = []
    for fieldname in ("body", "translation"):
        if stored.get(fieldname):
            terms += [t for t, _ in searcher.searcher.key_terms([docnum], fieldname, numterms=8)]
    if not terms:
        return []
    parts = [wq.Term(f, t) for t in dict.fromkeys(terms) for f in ("body", "translation", "title")]
    parts += [wq.Term("themes", v, boost=0.5) for v in _split(stored.get("themes"))]
    query = wq.AndNot(wq.Or(parts), wq.Or([wq.Term("id", entry_id), wq.Term("draft", "yes")]))
    hits = searcher.searcher.search(query, limit=limit)
    return [{"id": h["id"], "title": h["title"], "title_translated": h.get("title_translated", ""),
             "lang": h["lang"], "type": h["type"]} for h in hits]
