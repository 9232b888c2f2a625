"""The query language and its translation into a Whoosh query.

    words            each word in all its forms, in every text field, by weight
    "a phrase"       the words next to each other, in any of their forms
    a OR b           either
    -word, NOT word  without
    monitor*         words starting with "monitor"

Nothing a reader types raises: what cannot be understood is searched as plain words.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from whoosh import query as wq

from indexer.analysis import make_analyzer, make_surface_analyzer
from indexer.content.glossary import Glossary, Variant
from indexer.search.prune import Pruner
from indexer.search.questions import QuestionWords
from indexer.search.ranking import AtLeast, Equivalents
from indexer.search.semantic import query_language
from indexer.search.thesaurus import Synonym

# Field weights of the typed words (BM25F per field, summed); tuned on ../shared/eval.
FIELD_WEIGHTS = {"title": 2.5, "title_translated": 0.4, "body": 1.0,
                 "translation": 0.3, "note": 0.15, "tags": 0.5}
PHRASE_FIELDS = ("title", "title_translated", "body", "translation")
EXACT_WEIGHT = 0.25       # the very word form typed, above other forms of its lemma
GLOSSARY_WEIGHT = 0.6     # an abbreviation's expansion (or the reverse), below the words typed
THESAURUS_WEIGHT = 0.35   # a near-synonym, below the glossary's exact equivalents
ANSWER_WEIGHT = 0.3       # a word of the kind of answer a question asks for ("how long": duration)
ANSWER_EMBEDDED = 4       # of its words (the query's language first), added to the text embedded
CORRECTION_WEIGHT = 0.9   # a typo's correction
ALL_WORDS_BONUS = 1.0     # a document with every word (or its glossary equivalent)
MOST_WORDS_BONUS = 0.5    # ... with most of them: k of n words earn k/n of this, from n-1 down
MOST_WORDS_SHARE = 0.5    # ... to half of them (and at least two)
PROXIMITY_WEIGHT = 0.6    # the words close together, in order
PROXIMITY_SLOP = 4
MIN_PREFIX = 2
MAX_PHRASE_COMBINATIONS = 8
PUNCTUATION = ".,;:!?…«»\"'()[]—–"   # around a typed word, not part of it ("советником?")
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Typed words and phrases whose analysis is kept: the analyzer is a pure function of the text
# (pymorphy3's parses, the stemmer), so a word's forms are worked out once per process.
ANALYSED = 16384


@dataclass(frozen=True)
class Clause:
    """One unit of a query: a word, a phrase or a prefix, maybe negated, maybe OR-ed with others."""

    text: str
    phrase: bool = False
    prefix: bool = False
    negated: bool = False
    group: int = 0


def parse_query(text: str) -> list[Clause]:
    """Split a query string into clauses; never raises.

    'a OR "b c" -d e*' -> [a (group 0), "b c" (group 0), -d (group 1), e* (group 2)]
    """
    clauses, group, negate_next, or_next = [], 0, False, False
    for match in TOKEN.finditer(text or ""):
        minus, phrase, word = match.groups()
        if word in ("OR", "||") and clauses:
            or_next = True
            continue
        if word in ("AND", "&&"):
            continue
        if word in ("NOT", "!"):
            negate_next = True
            continue
        negated = negate_next or bool(minus)
        if phrase is not None:
            clause = Clause(phrase.strip(), phrase=True, negated=negated)
        else:
            if word.startswith("-") and len(word) > 1:
                negated, word = True, word[1:]
            word = word.strip("()")
            prefix = word.endswith("*") and len(word.rstrip("*")) >= MIN_PREFIX
            word = word.rstrip("*") if prefix else word.replace("*", "")
            clause = Clause(word, prefix=prefix, negated=negated)
        if not clause.text:
            negate_next = or_next = False
            continue
        if not (or_next and clauses and not clauses[-1].negated and not negated):
            group += 1
        clauses.append(Clause(clause.text, clause.phrase, clause.prefix, clause.negated, group))
        negate_next = or_next = False
    return clauses


def positions(text: str) -> list[frozenset]:
    """The analysed positions of a text, each the set of its alternative index terms."""
    return list(_positions(text))


@lru_cache(maxsize=ANALYSED)
def _positions(text: str) -> tuple[frozenset, ...]:
    found: dict[int, set] = {}
    for token in make_analyzer()(text, positions=True):
        found.setdefault(token.pos, set()).add(token.text)
    return tuple(frozenset(found[p]) for p in sorted(found))


def surface_words(text: str) -> list[str]:
    """The words of a text as the spelling vocabulary holds them (lowercase, ё→е)."""
    return list(_surface_words(text))


@lru_cache(maxsize=ANALYSED)
def _surface_words(text: str) -> tuple[str, ...]:
    return tuple(token.text for token in make_surface_analyzer()(text))


def _terms(fieldname: str, alternatives: frozenset, boost: float) -> wq.Query:
    terms = [wq.Term(fieldname, t, boost=boost) for t in sorted(alternatives)]
    return terms[0] if len(terms) == 1 else wq.Or(terms)


def sequence_query(forms: list[frozenset], weight: float = 1.0, slop: int = 1) -> wq.Query | None:
    """Words in a row (a phrase, or a single word) in every text field, by field weight."""
    if not forms:
        return None
    per_field = []
    for fieldname, field_weight in FIELD_WEIGHTS.items():
        boost = field_weight * weight
        if len(forms) == 1:
            per_field.append(_terms(fieldname, forms[0], boost))
        elif fieldname in PHRASE_FIELDS:
            per_field.append(_phrase(fieldname, forms, boost, slop))
    return wq.Or(per_field)


def _phrase(fieldname: str, forms: list[frozenset], boost: float, slop: int) -> wq.Query:
    """A phrase in one field; positions with several lemmas give one phrase per combination.

    Whoosh 2.7's span queries cannot be combined with term alternatives reliably,
    so a few combinations are spelled out (capped) and the rest fall back to AND.
    """
    combinations = [[]]
    for alternatives in forms:
        combinations = [c + [t] for c in combinations for t in sorted(alternatives)]
        if len(combinations) > MAX_PHRASE_COMBINATIONS:
            return wq.And([_terms(fieldname, a, 1.0) for a in forms], boost=boost)
    phrases = [wq.Phrase(fieldname, words, slop=slop, boost=boost) for words in combinations]
    return phrases[0] if len(phrases) == 1 else wq.Or(phrases)


@dataclass
class BuiltQuery:
    """The Whoosh query of a request and what the rest of the search needs to know of it."""

    query: wq.Query | None                 # None: every document (browse)
    words: list[str] = field(default_factory=list)   # positive plain words, for spelling
    corrected: dict[str, str] = field(default_factory=dict)
    filler: list[str] = field(default_factory=list)  # question words left out
    units: list = field(default_factory=list)   # one query per typed word (or glossary term), for coverage
    synonyms: list = field(default_factory=list)   # thesaurus.Synonym: other words searched for
    typed: wq.Query | None = None                  # the typed words and glossary terms alone
    guessed: list = field(default_factory=list)  # per unit: a word only a spelling guess found, or an answer
    answer_words: list = field(default_factory=list)   # the first words of the answers asked for
    dropped: frozenset = frozenset()   # (field, text) of the query's parts pruned: met, for snippets

    def embedded(self, text: str) -> str:
        """The text the semantic layer embeds: the query, and the words of the answers it asks for."""
        return f"{text} ({', '.join(self.answer_words)})" if self.answer_words else text


def drop_filler(clauses: list[Clause], questions: QuestionWords | None):
    """The clauses without the filler of a spoken question, the words left out, and the answers
    asked for: [(Answer, the words that ask for it, the groups of those that are not filler)].

    Only single plain words count (not phrases, prefixes, negations or OR lists); a query
    made only of filler keeps them all."""
    if questions is None or not clauses:
        return clauses, [], []
    sizes = {c.group: 0 for c in clauses}
    for clause in clauses:
        sizes[clause.group] += 1
    plain = [not (c.phrase or c.prefix or c.negated) and sizes[c.group] == 1 for c in clauses]
    texts = [c.text if ok else "" for c, ok in zip(clauses, plain, strict=True)]
    asked = [(answer, " ".join(t.strip(PUNCTUATION) for t in texts[start:end]), range(start, end))
             for answer, start, end in questions.asked(texts)]
    found = questions.filler(texts)
    found = {i for i in found if plain[i]}
    kept = [c for i, c in enumerate(clauses) if i not in found]
    if not any(not c.negated for c in kept):
        return clauses, [], []
    asked = [(a, text, [clauses[i].group for i in span if i not in found]) for a, text, span in asked]
    return kept, [clauses[i].text for i in sorted(found)], asked


def build_query(clauses: list[Clause], glossary: Glossary, corrections: dict[str, str] | None = None,
                questions: QuestionWords | None = None, thesaurus: Glossary | None = None,
                scarce=None, holds=None) -> BuiltQuery:
    """Turn parsed clauses into one Whoosh query (see the module docstring).

    `scarce(forms)`: whether the index holds a word (its set of forms) rarely; only a phrase
    with such a word is searched for in the thesaurus's other words too (the reader's own
    words, when the knowledge base uses them, need no stand-ins). None: every phrase.
    `holds(fieldname, text)`: whether a field has a term; the parts that cannot match are
    left out (indexer.search.prune: the same answers). None: none left out."""
    corrections = corrections or {}
    lang = query_language(" ".join(c.text for c in clauses))
    clauses, filler, asked = drop_filler(clauses, questions)
    groups: dict[int, list] = {}
    sequence: list[tuple[int, frozenset]] = []   # (group, forms) for glossary matching
    surface: list[str] = []                      # the typed word of each position of `sequence`
    negatives, words = [], []
    for clause in clauses:
        unit, forms = _clause_query(clause, corrections)
        if unit is None:
            continue
        if clause.negated:
            negatives.append(unit)
            continue
        groups.setdefault(clause.group, []).append(unit)
        if not clause.phrase and not clause.prefix:
            words.append(clause.text)
        sequence += [(clause.group, f if not clause.phrase else frozenset()) for f in forms]
        typed = clause.text.split()
        surface += [typed[i] if len(typed) == len(forms) else clause.text for i in range(len(forms))]
    units = [(g, qs[0] if len(qs) == 1 else wq.Or(qs)) for g, qs in groups.items()]
    expansions = _glossary_units(sequence, glossary)    # built once: its subtrees are shared, run once
    typed = _typed(units, expansions)
    names = [(start, end) for start, end, _ in glossary.matches([forms for _, forms in sequence])
             if end - start > 1] if thesaurus is not None else []
    synonyms, synonym_units = _thesaurus_units(sequence, surface, thesaurus, scarce, names)
    free = max((c.group for c in clauses), default=0) + 1
    answers, units, embed = _answer_units(asked, units, sequence, lang, free)
    synonyms += answers
    spans = _coverage_spans(units, expansions + synonym_units)
    positive = _combine(units, sequence, expansions + synonym_units, [q for q, *_ in spans])
    held = {c.group for c in clauses if c.phrase or c.prefix or c.text not in corrections}
    # An answer's unit is no typed word: like a spelling guess it is left out of the known words
    # (whose best lexical matches keep a place on the first page, semantic.keep_lexical).
    guessed = [end - start == 1 and not expanded and units[start][0] not in held
               for _, start, end, expanded in spans]
    if negatives:
        positive = wq.AndNot(positive or wq.Every(), wq.Or(negatives))
    used = {w: corrections[w] for w in words if w in corrections}
    units, dropped = [q for q, *_ in spans], frozenset()
    if holds is not None:
        prune = Pruner(holds)
        positive = prune(positive)
        dropped = frozenset(prune.dropped)      # the searched query's alone: its terms are marked
        typed, units = prune(typed), [prune(u) for u in units]
        synonyms = [replace(s, query=prune(s.query), typed_query=prune(s.typed_query)) for s in synonyms]
    return BuiltQuery(positive, words, used, filler, units, synonyms, typed, guessed, embed, dropped)


def _clause_query(clause: Clause, corrections: dict[str, str]):
    """The query of one clause and its analysed positions (for the glossary)."""
    if clause.prefix:
        text = clause.text.lower().replace("ё", "е")
        return wq.Prefix("exact", text, boost=FIELD_WEIGHTS["body"]), []
    forms = positions(clause.text)
    if not forms:
        return None, []
    if clause.phrase:
        return sequence_query(forms), forms
    unit = sequence_query(forms)
    surface = surface_words(clause.text)
    if surface:
        unit = wq.Or([unit] + [wq.Term("exact", w, boost=EXACT_WEIGHT) for w in surface])
    fixed = corrections.get(clause.text)
    if fixed:
        alternative = sequence_query(positions(fixed), weight=CORRECTION_WEIGHT)
        if alternative is not None:
            unit = wq.Or([unit, alternative])
    return unit, forms


def _combine(units, sequence, expansions, covered) -> wq.Query | None:
    """Any unit scores; every unit (or its glossary equivalent) together scores more; so does proximity.

    `expansions`: (first group, last group, query) of the glossary's and thesaurus's other words;
    `covered`: the coverage spans' queries (`_coverage_spans`). The same query objects as the
    search's other runs use (coverage, explanations), so the engine evaluates each once."""
    if not units:
        return None
    parts = [unit for _, unit in units]
    parts += [query for _, _, query in expansions]
    if len(units) > 1:
        parts += _coverage_bonus(covered)
        forms = [f for _, f in sequence]
        if 1 < len(forms) <= 8:
            near = sequence_query(forms, weight=PROXIMITY_WEIGHT, slop=PROXIMITY_SLOP)
            if near is not None:
                parts.append(near)
    return parts[0] if len(parts) == 1 else wq.Or(parts)


def _glossary_units(sequence, glossary: Glossary):
    """For each glossary term the query contains: (first group, last group, query of the other variants)."""
    found = []
    for start, end, others in glossary.matches([forms for _, forms in sequence]):
        single = [q for q in (_variant_query(v) for v in others if len(v.forms) == 1) if q is not None]
        queries = [q for q in (_variant_query(v) for v in others if len(v.forms) > 1) if q is not None]
        if single:
            queries.insert(0, Equivalents(single) if len(single) > 1 else single[0])
        if queries:
            found.append((sequence[start][0], sequence[end - 1][0], wq.Or(queries)))
    return found


def _variant_query(variant: Variant, weight: float = GLOSSARY_WEIGHT) -> wq.Query | None:
    return _forms_query(variant.forms, weight)


@lru_cache(maxsize=ANALYSED)
def _forms_query(forms: tuple[frozenset, ...], weight: float) -> wq.Query | None:
    """The query of a glossary, thesaurus or answer variant: made once per variant and weight
    (the variants are the data files' own), shared by the searches that use it: queries are
    never changed once built."""
    return sequence_query(list(forms), weight=weight)


def _thesaurus_units(sequence, surface: list[str], thesaurus: Glossary | None, scarce=None, names=()):
    """The near-synonyms of the query's words: [Synonym], and (first group, last group, query) spans.

    `names`: spans of multi-word glossary terms the query holds. A word inside one is part of a
    name ("Migration" in "International Organization for Migration"), not a description, and
    gets no near-synonyms ("migrants" would be a wrong reason to show a hit)."""
    if thesaurus is None:
        return [], []
    synonyms, spans = [], []
    for start, end, others in thesaurus.matches([forms for _, forms in sequence]):
        if any(a <= start and end <= b and (a, b) != (start, end) for a, b in names):
            continue
        if scarce is not None and not any(scarce(forms) for _, forms in sequence[start:end]):
            continue
        typed = " ".join(w.strip(PUNCTUATION) for w in surface[start:end])
        typed_query = sequence_query([forms for _, forms in sequence[start:end]])
        found = [Synonym(typed, v.text, q, typed_query) for v in others
                 if (q := _variant_query(v, THESAURUS_WEIGHT)) is not None]
        if found:
            synonyms += found
            spans.append((sequence[start][0], sequence[end - 1][0], wq.Or([s.query for s in found])))
    return synonyms, spans


def _answer_units(asked, units, sequence, lang: str | None, group: int):
    """The answers a question asks for: [Synonym], the units with one more word each, and the first
    words of each answer, those of the query's language `lang` first (for the text embedded).

    An entry holding a word of the answer (duration, period...; its one-word variants scored as
    one word, weighted below the words typed) holds that unit; the words that ask for it ("long"
    of "how long") stay words of their own. An answer the question names itself ("who could
    fund": funds) adds nothing. `group`: the first free clause group, for the answers' units."""
    synonyms, units, embedded = [], list(units), []
    for answer, asking, groups in asked if units else ():
        at = [i for i, (g, _) in enumerate(units) if g in groups]
        if answer.named_by([forms for g, forms in sequence if g in groups]):
            continue
        found = sorted(((v, q) for v in answer.about if (q := _variant_query(v, ANSWER_WEIGHT)) is not None),
                       key=lambda pair: lang is not None and pair[0].lang != lang)   # named first
        single = [q for v, q in found if len(v.forms) == 1]
        parts = ([Equivalents(single) if len(single) > 1 else single[0]] if single else []) \
            + [q for v, q in found if len(v.forms) > 1]
        if not parts:
            continue
        typed = wq.Or([units[i][1] for i in at]) if at else wq.NullQuery
        synonyms += [Synonym(asking, v.text, q, typed) for v, q in found]
        units.append((group + len(units), parts[0] if len(parts) == 1 else wq.Or(parts)))
        embedded += [v.text for v, _ in found][:ANSWER_EMBEDDED]
    return synonyms, units, embedded


def _typed(units, expansions) -> wq.Query | None:
    """Any typed word or glossary equivalent: what a hit needs to be found by the reader's words."""
    parts = [unit for _, unit in units] + [q for _, _, q in expansions]
    return wq.Or(parts) if parts else None


def _coverage_bonus(covered: list) -> list[wq.Query]:
    """All the words score a bonus; so do most of them, less the fewer they are (graceful degradation)."""
    n = len(covered)
    parts = [wq.And(covered, boost=ALL_WORDS_BONUS)]
    for k in range(n - 1, max(2, math.ceil(n * MOST_WORDS_SHARE)) - 1, -1):
        parts.append(AtLeast(covered, minmatch=k, boost=MOST_WORDS_BONUS * k / n))
    return parts


def _coverage_spans(units, expansions):
    """[(query, first unit, end unit, expanded)]: each unit, or a glossary term standing for a run of them."""
    covered, index = [], 0
    while index < len(units):
        group = units[index][0]
        spans = [(last, q) for first, last, q in expansions if first == group]
        if spans:
            last, expansion = max(spans, key=lambda s: s[0])
            end = next((i for i in range(index, len(units)) if units[i][0] == last), index) + 1
            run = [u for _, u in units[index:end]]
            covered.append((wq.Or([run[0] if len(run) == 1 else wq.And(run), expansion]), index, end, True))
            index = end
        else:
            covered.append((units[index][1], index, index + 1, False))
            index += 1
    return covered
