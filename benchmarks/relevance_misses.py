"""The queries that miss, one by one: where each wanted entry ranks and why.

    .venv/bin/python benchmarks/relevance_misses.py                       # dev and own set
    .venv/bin/python benchmarks/relevance_misses.py --category question --all

For every query of the chosen categories whose first wanted entry is not first (or whose
recall@10 is below 1): the words kept and the filler dropped, the wanted entries' fused
rank, lexical rank, similarity rank and share of the words they hold, and the first three
results. Then recall@10 and MRR per category of each set, in the service's configuration.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import yaml
from corpora import DEV_QUERIES, REPO
from relevance import ProjectInProcess, load_evaluate

from indexer.search.facets import mask_to_vector
from indexer.search.query import build_query, parse_query

OWN = REPO / "tests" / "relevance" / "queries.yaml"
CATEGORIES = ("question", "paraphrase", "abbrev")


def wanted_docs(searcher, query: dict, module) -> list[int]:
    """Document numbers of the entries the query wants (fingerprints or id prefixes)."""
    found = []
    for docnum in range(searcher.reader.doc_count_all()):
        fields = searcher.reader.stored_fields(docnum)
        if "fingerprint" in query:
            text = module.read_entry(REPO / fields["path"])[1]
            if any(module.normalize(f) in text for f in query["relevant"]):
                found.append(docnum)
        elif any(fields["id"].startswith(r) for r in query["relevant"]):
            found.append(docnum)
    return found


def rank_of(score: np.ndarray, members: np.ndarray, docnum: int) -> int | None:
    if not members[docnum]:
        return None
    return int(np.sum(members & (score > score[docnum]))) + 1


def diagnose(engine: ProjectInProcess, query: dict, module) -> tuple[float, float, str]:
    searcher = engine.searcher
    paths = engine.search(query["q"], query.get("filters") or {}, 10)
    row = module.judge(query, paths)
    clauses = parse_query(query["q"])
    built = build_query(clauses, searcher.glossary, {}, searcher.questions, searcher.thesaurus,
                        searcher._scarce)
    lines = [f"[{query['category']}] {query['q']!r}  r@10={row['r10']:.2f} rr={row['mrr']:.2f}",
             f"    kept: {' '.join(c.text for c in clauses if c.text not in built.filler)} | "
             f"filler: {' '.join(built.filler)} | synonyms: {[s.text for s in built.synonyms][:4]}"]
    if built.query is not None:
        found = searcher.engine.run(built.query)
        coverage = searcher._coverage(built.units)
        visible = mask_to_vector(searcher.masks.alive, searcher.masks.size)
        similarity = searcher.semantic.similarity(query["q"]) if searcher.semantic else np.zeros(len(visible))
        unit_matches = [searcher.engine.run(u).strict for u in built.units]
        labels = [_label(u) for u in built.units]
        lines.append("    units: " + ", ".join(f"{label}(df {int(m.sum())})"
                                             for label, m in zip(labels, unit_matches, strict=True)))
        for docnum in wanted_docs(searcher, query, module):
            fields = searcher.reader.stored_fields(docnum)
            held = " ".join(label for label, m in zip(labels, unit_matches, strict=True) if m[docnum])
            lexical = rank_of(found.score, found.loose & visible, docnum)
            lines.append(f"    want {fields['id']:<28} lex#{lexical}"
                         f" sem#{rank_of(similarity, visible, docnum)} cov={coverage[docnum]:.2f}"
                         f" cos={similarity[docnum]:.2f} holds: {held}")
        for number, path in enumerate(paths[:3], start=1):
            docnum = next(n for n in range(searcher.reader.doc_count_all())
                          if REPO / searcher.reader.stored_fields(n)["path"] == path)
            fields = searcher.reader.stored_fields(docnum)
            lines.append(f"    got#{number} {fields['id']:<28} cov={coverage[docnum]:.2f} "
                         f"cos={similarity[docnum]:.2f} {fields['title'][:60]!r}")
    return row["r10"], row["mrr"], "\n".join(lines)


def _label(unit) -> str:
    """A unit's first indexed term: enough to tell the units of a query apart."""
    for _, text in unit.iter_all_terms(phrases=True):
        return text.decode("utf-8") if isinstance(text, bytes) else text
    return "?"


def load(path: Path) -> list[dict]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = data["queries"] if isinstance(data, dict) else data
    for item in items:
        if path == DEV_QUERIES:
            item["fingerprint"] = True
    return items


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--category", action="append", help=f"default: {', '.join(CATEGORIES)}")
    parser.add_argument("--all", action="store_true", help="every query, not only the misses")
    parser.add_argument("--queries", type=Path, action="append", help="default: the dev set and ours")
    args = parser.parse_args(argv)
    module = load_evaluate()
    engine = ProjectInProcess(args)
    wanted = set(args.category or CATEGORIES)
    for path in args.queries or [DEV_QUERIES, OWN]:
        totals: dict[str, list] = {}
        print(f"== {path}")
        for query in load(path):
            if query["category"] not in wanted:
                continue
            if not query.get("fingerprint"):
                query = dict(query, relevant=[f"id: {r}" for r in query["relevant"]], fingerprint=True)
            recall, rr, text = diagnose(engine, query, module)
            totals.setdefault(query["category"], []).append((recall, rr))
            if args.all or recall < 1 or rr < 1:
                print(text)
        for category, rows in totals.items():
            print(f"  {category:<12} n={len(rows):<3} r@10 {np.mean([r for r, _ in rows]):.3f}"
                  f"  MRR {np.mean([m for _, m in rows]):.3f}", file=sys.stderr)
    engine.close()


if __name__ == "__main__":
    main()
