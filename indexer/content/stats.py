"""`kb stats`: how many entries there are by type, language and country."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from indexer.content.corpus import discover, load_entry
from indexer.content.reports import default_reports_dir
from indexer.content.taxonomy import load_taxonomy


def count_entries(content_dir: Path, taxonomy_path: Path, base: Path,
                  reports_dir: Path | None = None) -> dict:
    """Counter of (type, lang, country) over the good entries, plus the vocabularies' order."""
    taxonomy = load_taxonomy(taxonomy_path, reports_dir or default_reports_dir(content_dir, taxonomy_path))
    counts = Counter()
    for path in discover(content_dir):
        entry = load_entry(path, taxonomy, base)
        if isinstance(entry, list):
            continue
        for country in entry.countries or ("(none)",):
            counts[entry.type, entry.lang, country] += 1
        counts[entry.type, entry.lang, "total"] += 1
    used = {country for _kind, _lang, country in counts}   # of some 270, the columns that count
    return {"counts": counts, "types": taxonomy.slugs("types"), "langs": taxonomy.slugs("langs"),
            "countries": [c for c in taxonomy.slugs("countries") if c in used]
            + (["(none)"] if "(none)" in used else [])}


def format_table(stats: dict) -> str:
    """A Markdown table: one row per type × language, one column per country, and totals.

    An entry tagged with several countries counts once in each of their columns.
    """
    counts, columns = stats["counts"], stats["countries"] + ["total"]
    lines = ["| type | lang | " + " | ".join(columns) + " |",
             "|---|---|" + "---:|" * len(columns)]
    for kind in stats["types"]:
        for lang in stats["langs"]:
            row = [counts.get((kind, lang, c), 0) for c in columns]
            lines.append(f"| {kind} | {lang} | " + " | ".join(map(str, row)) + " |")
    pairs = [(kind, lang) for kind in stats["types"] for lang in stats["langs"]]
    totals = [sum(counts.get((kind, lang, c), 0) for kind, lang in pairs) for c in columns]
    lines.append("| **all** | | " + " | ".join(f"**{n}**" for n in totals) + " |")
    return "\n".join(lines)
