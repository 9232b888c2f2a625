"""Issue 11, session 5: the answer a question asks for ("how long": a duration), measured.

Used by relevance.py: every category of a query set with the `answers:` of the question words
off and on, in the same run; the figures of the queries written in session 5 alone; and the
variants measured in session 5 and not adopted.
"""

from __future__ import annotations

from pathlib import Path

import yaml

# The queries of tests/relevance/queries.yaml written in session 5, apart from the engine: the last ones.
WRITTEN_APART = 28
# Measured in session 5 with the service's ranking of then (answers off), each row one variant:
# dev question r@10 / MRR, own question r@10 / MRR and own paraphrase r@10 / MRR on the own set
# of 54 questions and 43 paraphrases. Then: 0.938 / 0.854, 0.969 / 0.923, 0.893 / 0.697.
NOT_ADOPTED = [
    "| variant | dev question r@10 / MRR | own question r@10 / MRR | own paraphrase r@10 / MRR |",
    "|---|---|---|---|",
    "| (then: answers off) | 0.938 / 0.854 | 0.969 / 0.923 | 0.893 / 0.697 |",
    "| answer as one more unit of the share of the words, five answers (also 'who should': "
    "responsibility, role; 'when should': stage, phase, early), no embedding, no 'names itself' rule "
    "| 0.896 / 0.854 | 0.948 / 0.932 | 0.893 / 0.709 |",
    "| ... adding to the lexical score only, not a unit of the share | 0.938 / 0.854 | 0.969 / 0.923 "
    "| 0.893 / 0.697 |",
    "| ... folded into the asking word's unit ('long' held by an entry holding 'duration'), "
    "with or without the embedding | 0.875 / 0.792 | 0.969 / 0.932 | 0.893 / 0.697 |",
    "| ... one more unit at half its idf in the share (a searcher change), with or without the "
    "embedding | 0.896 / 0.854 | 0.957 / 0.932 | 0.893 / 0.697 |",
    "| ... at 0.3 of its idf, with the embedding | 0.938 / 0.854 | 0.963 / 0.932 | 0.893 / 0.697 |",
    "| the answer's words only embedded with the question, no lexical unit | 0.938 / 0.854 "
    "| 0.969 / 0.932 | 0.893 / 0.697 |",
    "| the adopted three answers as a lexical unit only, no embedding | 0.938 / 0.854 | 0.969 / 0.932 "
    "| 0.893 / 0.709 |",
    "| the adopted rule without 'an answer the question names adds nothing' (who could fund: funds) "
    "| 0.958 / 0.854 | 0.969 / 0.932 | 0.893 / 0.709 |",
    "| the adopted rule plus the 'who should' and 'when should' answers | 0.958 / 0.854 "
    "| 0.957 / 0.932 | 0.893 / 0.709 |",
]
THESAURUS_NOTE = (
    "Everyday words added to the thesaurus (teenagers, cash, firms, tracking, oversight, people who "
    "came back, staff; kids ≈ children), on the enlarged own set (56 paraphrases): paraphrase "
    "0.865 / 0.591 -> 0.856 / 0.610 with kids ≈ children, 0.865 / 0.613 without; the dev set did "
    "not move. Not adopted: the words came from reading the own set's misses, so the gain says "
    "nothing of queries written apart.")


def subset(queries: Path, out_dir: Path, last: int) -> Path:
    """A query file of the last `last` queries of `queries` (fingerprinted files keep their ids)."""
    data = yaml.safe_load(queries.read_text(encoding="utf-8"))
    items = data["queries"] if isinstance(data, dict) else data
    path = out_dir / f"last-{last}-{queries.name}"
    path.write_text(yaml.safe_dump({"queries": items[-last:]}, allow_unicode=True), encoding="utf-8")
    return path


def before_after(module, queries: Path, engine_class, evaluate, categories) -> list[str]:
    """Every category with the answers off and on, in this run."""
    found = {}
    for answers in (False, True):
        engine_class.answers = answers
        found[answers] = categories(evaluate(module, "project", queries))
    engine_class.answers = True
    rows = ["| category | answers off r@10 | MRR | answers on r@10 | MRR |", "|---|---:|---:|---:|---:|"]
    for category in found[True]:
        off, on = found[False].get(category, (0, 0)), found[True][category]
        rows.append(f"| {category} | {off[0]:.3f} | {off[1]:.3f} | {on[0]:.3f} | {on[1]:.3f} |")
    return rows


def sections(module, paths: list[Path], converted, engine_class, evaluate, categories,
             scratch: Path) -> list[str]:
    """The session's Markdown: before/after per set, the queries written apart, the variants."""
    out = []
    for path in paths:
        out += [f"## Issue 11, session 5: the answer a question asks for, off and on: `{path.name}`", "",
                "All layers on; `answers:` of content/question-words.yaml (how long: a duration; "
                "who should pay: funding; why: a reason) removed, then as the service runs.", "",
                *before_after(module, converted(path), engine_class, evaluate, categories), ""]
        if path.name == "queries.yaml":
            out += [f"The {WRITTEN_APART} queries written in session 5 apart from the engine, alone:", "",
                    *before_after(module, converted(subset(path, scratch, WRITTEN_APART)), engine_class,
                                  evaluate, categories), ""]
    return out + ["## Tried in session 5 and not adopted", "", *NOT_ADOPTED, "", THESAURUS_NOTE, ""]
