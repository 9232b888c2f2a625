"""Searching an open index generation: query, filters, facets, snippets, spelling."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from whoosh import query as wq

from indexer.content.glossary import Glossary
from indexer.index import sort_orders
from indexer.index.arrays import open_arrays
from indexer.index.inplace import read_compound_in_place
from indexer.search.documents import StoredDocuments
from indexer.search.explain import Explainer
from indexer.search.facets import FacetMasks, mask_to_vector, vector_to_mask
from indexer.search.postings import Postings
from indexer.search.query import build_query, parse_query
from indexer.search.questions import QuestionWords
from indexer.search.ranking import Engine
from indexer.search.request import FILTERS, SearchRequest
from indexer.search.semantic import fuse, open_semantic, semantic_weight, similar
from indexer.search.snippets import make_snippet
from indexer.search.spelling import Vocabulary, correct_word

read_compound_in_place()   # before any reader opens: segments read from the shared map, not copied

MORPH_FIELDS = ("body", "title", "translation", "title_translated")
SCORED_FIELDS = ("title", "title_translated", "body", "translation", "note", "tags", "exact")
SPELLING_FIELD = "exact"
WARM_TERMS = 40           # per field, read at open: common words are in most queries
FEEDBACK_DOCS = 3   # first results whose vectors move the query (pseudo-relevance feedback)
SCARCE = 0.03     # a word this few entries hold is searched for in its near-synonyms too


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
    matched_by: dict | None = None   # explain.Explainer: a synonym or a likeness found it, not the words
    report: str = ""

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "type": self.type, "lang": self.lang,
                "path": self.path, "score": self.score, "countries": self.countries,
                "objectives": self.objectives, "stakeholders": self.stakeholders,
                "snippet": self.snippet, "title_translated": self.title_translated,
                "draft": self.draft, "matched_by": self.matched_by, "report": self.report}


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
    """One open generation: a Whoosh searcher, its postings as numpy arrays, facet masks and the
    spelling vocabulary, reused across requests. Everything a search needs is read when the
    generation is opened (`warm`), not in a reader's first request."""

    def __init__(self, ix, generation: str, glossary: Glossary, questions: QuestionWords | None = None,
                 encoder=None, thesaurus: Glossary | None = None, warm: bool = True):
        self.ix = ix
        self.generation = generation
        self.glossary = glossary
        self.questions = questions
        self.thesaurus = thesaurus
        self.searcher = ix.searcher()
        self.reader = self.searcher.reader()
        self.masks = FacetMasks(self.reader)
        self.documents = StoredDocuments(self.reader)
        self.postings = Postings(self.reader, open_arrays(ix, self.reader))
        self.engine = Engine(self.searcher, self.postings)
        self._vocabulary: Vocabulary | None = None
        self._lexicons: tuple[set[str], set[str]] | None = None
        self._fields: dict[str, frozenset] | None = None    # each scored field's terms (small generation)
        self._sort_ranks: dict[str, np.ndarray] = {}
        self._directory = getattr(ix.storage, "folder", None)   # a generation on disk, not in RAM
        self.questions = questions
        self.thesaurus = thesaurus
        self.semantic = open_semantic(ix, self.reader, encoder, self.documents)
        self.feedback = False   # pseudo-relevance feedback on the semantic layer: measured, not a gain
        self._unused = np.zeros(self.masks.size, dtype=np.float32)   # the similarity when not computed
        if warm:
            self.warm()

    def warm(self) -> None:
        """Read the field lengths, facet masks, sort orders, spelling vocabulary and the postings
        of each text field's most frequent terms (the costliest to read) now."""
        self.postings.warm(SCORED_FIELDS)
        for fieldname in SCORED_FIELDS:
            for text in self.postings.frequent_terms(fieldname, WARM_TERMS):
                self.postings.weights(fieldname, text)
        for fieldname, _ in FILTERS.values():
            self.masks.pairs(fieldname)
        self.masks.mask("draft", "yes")
        for sort in ("title", "report"):
            self._sort_rank(sort)
        self.lexicons()
        if self.documents.preloaded():     # a small generation: its terms by field, for pruning
            self._fields = {f: frozenset(_text(t) for t in self.reader.lexicon(f)) for f in SCORED_FIELDS}

    def _holds(self, fieldname: str, text: str) -> bool:
        """Whether a field has a term (True when not known: nothing is pruned)."""
        if self._fields is None:
            return True
        terms = self._fields.get(fieldname)
        return terms is None or text in terms

    def vocabulary(self) -> Vocabulary:
        if self._vocabulary is None:
            self._vocabulary = Vocabulary((_text(text), info.weight())
                                          for text, info in self.reader.iter_field(SPELLING_FIELD))
        return self._vocabulary

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
        built = build_query(clauses, self.glossary, corrections, self.questions, self.thesaurus, self._scarce,
                            self._holds)
        session = self.engine.session()     # the runs of this search share their common parts
        found = None if built.query is None else self.engine.run(built.query, session)
        visible = self.masks.alive if request.drafts else self.masks.alive & ~self.masks.mask("draft", "yes")
        matched = visible if found is None else vector_to_mask(found.strict) & visible
        exact = found is None or found.exact
        layered = self.semantic is not None and found is not None
        unit_matches = [self.engine.run(u, session).strict for u in built.units] if layered else None
        coverage = self._shares(built.units, matches=unit_matches)[0] if layered else None
        similarity = self._similarity(request.q, built, found, visible, coverage)
        if similarity is not None and similarity is not self._unused:
            shown = mask_to_vector(visible, self.masks.size)
            if self.feedback:
                candidates = shown & (found.strict | similar(similarity, shown))
                similarity = self._feedback(request.q, found, built, similarity, candidates)
            matched |= vector_to_mask(similar(similarity, shown))
        filter_masks = {name: self.masks.any_of(FILTERS[name][0], values)
                        for name, values in request.filters.items()}
        allowed = matched
        for mask in filter_masks.values():
            allowed &= mask
        total = allowed.bit_count()
        facets = self._facets(matched, filter_masks)
        extras = {"estimated": not exact}
        hits = self._page(found, request, allowed, total, similarity, built, session, unit_matches)
        suggestion = self._suggestion(request.q, corrections)
        corrected = bool(built.corrected) and len(built.corrected) == len(built.words) and total > 0
        return SearchResults(request, total, hits, facets, suggestion, corrected, self.generation, extras)

    def _coverage(self, units: list, session=None) -> np.ndarray:
        """Each entry's share of the typed words (or their glossary terms), each word weighing its idf."""
        return self._shares(units, session=session)[0]

    def _shares(self, units: list, guessed: list | None = None, session=None,
                matches: list | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Each entry's share of the typed words, and of the words the knowledge base holds: in
        some entry, and in their own forms, not only through a spelling guess (`guessed`)."""
        if not units:
            everything = np.ones(self.masks.size, dtype=np.float32)
            return everything, everything
        if matches is None:     # each unit's matches: given when the search has them already
            matches = [self.engine.run(u, session).strict for u in units]
        weights = [np.log((self.masks.size + 1) / (m.sum() + 1)) + 0.1 for m in matches]
        guessed = guessed or [False] * len(units)
        held = [m.any() and not g for m, g in zip(matches, guessed, strict=True)]
        return _share(matches, weights), _share(matches, weights, held)

    def _feedback(self, text: str, found, built, similarity: np.ndarray,
                  candidates: np.ndarray) -> np.ndarray:
        """Pseudo-relevance feedback: the similarity to the query moved toward its best first results."""
        coverage = self._coverage(built.units)
        docs, _ = fuse(found.score, found.loose, similarity, candidates, FEEDBACK_DOCS, coverage,
                       len(built.units))
        return self.semantic.feedback(text, similarity, docs)

    def _similarity(self, text: str, built, found, visible: int, coverage) -> np.ndarray | None:
        """Every entry's similarity to the query, when the generation has embeddings and words are
        typed; `self._unused` (all zeros) when the words alone answer it (`_words_suffice`)."""
        if self.semantic is None or built.query is None or not text.strip():
            return None
        if self._words_suffice(built, found, visible, coverage):
            return self._unused
        return self.semantic.similarity(built.embedded(text))

    def _words_suffice(self, built, found, visible: int, coverage: np.ndarray) -> bool:
        """Whether the similarity ranking could move no entry holding the words: it weighs least
        (semantic_weight: a query of one or two words, or an entry holding most of the words),
        so it only ranks the entries merely similar after every visible entry holding them,
        and one does. Then the query is not encoded (a millisecond or more) and the merely
        similar entries do not join the results: measured on ../shared/eval and our own set,
        with a page's foot filled by them (the rule needed a page of entries holding the
        words) or not, every relevance figure is the same (benchmarks/latency.md)."""
        if found is None:
            return False
        shown = found.strict & mask_to_vector(visible, self.masks.size)
        if not shown.any():
            return False
        return semantic_weight(float(coverage[shown].max()), len(built.units)) <= 0

    def _page(self, found, request: SearchRequest, allowed: int, total: int,
              similarity: np.ndarray | None = None, built=None, session=None,
              unit_matches: list | None = None) -> list[Hit]:
        """The requested page: ranked by relevance (see indexer.ranking) or sorted by a key."""
        start = (request.page - 1) * request.limit
        if start >= total:
            return []
        wanted = start + request.limit
        vector = mask_to_vector(allowed, self.masks.size)
        if found is None or request.sort != "relevance":
            ids = np.flatnonzero(vector)
            sort = "report" if request.sort == "relevance" else request.sort   # browsing: report order
            order = ids[np.argsort(self._sort_rank(sort)[ids], kind="stable")]
            docs, scores = order[start:wanted].tolist(), None
        elif similarity is not None:
            # The units' matches are the search's own: coverage and known shares cost two sums.
            coverage, known = self._shares(built.units, built.guessed, session, unit_matches)
            docs, scores = fuse(found.score, found.loose, similarity, vector, wanted,
                                coverage, len(built.units), known)
            docs, scores = docs[start:wanted], scores[start:wanted]
        else:
            ranked = self.engine.top(found, vector, wanted)
            docs, scores = ranked.docs[start:wanted], ranked.scores[start:wanted]
        marks = _highlight_terms(found, built.dropped if built is not None else ())
        explainer = Explainer(self.engine, built, None if similarity is self._unused else similarity,
                              session, docs) if built is not None and docs else None
        hits = []
        for number, docnum in enumerate(docs):
            fields = self.documents[docnum]
            hits.append(Hit(
                id=fields["id"], title=fields["title"], type=fields["type"], lang=fields["lang"],
                path=fields["path"], score=round(scores[number], 4) if scores else 0.0,
                countries=_split(fields.get("countries")), objectives=_split(fields.get("objectives")),
                stakeholders=_split(fields.get("stakeholders")),
                snippet=make_snippet(fields, marks) if request.snippets else "",
                title_translated=fields.get("title_translated", ""),
                draft=fields.get("draft") == "yes", report=fields.get("report", ""),
                matched_by=explainer.explain(docnum) if explainer else None))
        return hits

    def _sort_rank(self, sort: str) -> np.ndarray:
        """Each document's position in title or report order, as the build wrote it (or computed)."""
        column = {"title": "title_sort"}.get(sort, "path")
        if column not in self._sort_ranks:
            self._sort_ranks[column] = sort_orders.load(self._directory, self.reader, column)
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
            for value, mask in self.masks.pairs(fieldname):
                count = (base & mask).bit_count()
                if count:
                    counts[value] = count
            facets[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return facets

    # --- spelling ----------------------------------------------------------------------------

    def _scarce(self, forms: frozenset) -> bool:
        """Whether at most SCARCE of the entries hold a word (any of its forms, in any text field)."""
        found = max((self.reader.doc_frequency(f, t) for f in MORPH_FIELDS for t in forms), default=0)
        return found <= SCARCE * self.masks.size

    def is_known(self, word: str) -> bool:
        """Whether the index holds the word, as typed or in any of its forms."""
        from indexer.search.query import positions

        exact, morph = self.lexicons()
        if word.lower().replace("ё", "е") in exact:
            return True
        forms = positions(word)
        return bool(forms) and all(not morph.isdisjoint(alternatives) for alternatives in forms)

    def lexicons(self) -> tuple[set[str], set[str]]:
        """(surface words, terms of the text fields) of this generation, read once."""
        if self._lexicons is None:
            self._lexicons = (set(self.vocabulary().words()),
                              {_text(t) for f in MORPH_FIELDS for t in self.reader.lexicon(f)})
        return self._lexicons

    def suggest_word(self, word: str) -> str | None:
        """The most frequent indexed word within two edits of a word (same first letter)."""
        return self.vocabulary().suggest(word.lower().replace("ё", "е"), maxdist=2)

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


def _share(matches: list, weights: list, counted: list | None = None) -> np.ndarray:
    """Each document's share of the weights of the matches it is in (of the `counted` ones; none: 0)."""
    counted = counted or [True] * len(matches)
    total = sum(w for w, c in zip(weights, counted, strict=True) if c)
    if not total:
        return np.zeros(len(matches[0]), dtype=np.float32)
    covered = np.sum([w * m for w, m, c in zip(weights, matches, counted, strict=True) if c], axis=0)
    return (covered / total).astype(np.float32)


def _split(value) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _text(text) -> str:
    return text.decode("utf-8") if isinstance(text, bytes) else text


def _highlight_terms(found, dropped=()) -> dict[str, set]:
    """The terms to mark in snippets: lemmas of the text fields, surface forms, prefixes
    (every term the query holds, as the engine met them, and those pruned before: `dropped`)."""
    marks = {"lemmas": set(), "exact": set(), "prefixes": set(found.prefixes) if found else set()}
    for fieldname, text in [*found.terms, *dropped] if found else ():
        if fieldname == "exact":
            marks["exact"].add(text)
        elif fieldname in MORPH_FIELDS:
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
