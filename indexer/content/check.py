"""`kb check`: every problem of a content tree in one pass, for editors and tooling."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from indexer.content.corpus import (
    discover,
    display_path,
    drop_id_clashes,
    entry_record,
    link_problems,
    load_entry,
)
from indexer.content.entries import Entry, Problem
from indexer.content.reports import default_reports_dir, discover_reports
from indexer.content.taxonomy import load_taxonomy

SHINGLE = 5            # words per shingle
DUPLICATE_SHARE = 0.8  # share of shingles in common that makes two bodies near-duplicates
COMMON_SHINGLE = 50    # a shingle in more bodies than this says nothing about duplication


@dataclass
class CheckReport:
    """Problems found, and how many files were looked at."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        return f"{self.files} files checked, {len(self.problems)} problems"

    def to_dict(self) -> dict:
        return {"files": self.files, "clean": self.clean,
                "problems": [p.to_dict() for p in self.problems]}


def check_content(content_dir: Path, taxonomy_path: Path, base: Path,
                  reports_dir: Path | None = None) -> CheckReport:
    """Read every record and entry; report their problems, id clashes, broken links, near-duplicates."""
    reports_dir = reports_dir or default_reports_dir(content_dir, taxonomy_path)
    taxonomy = load_taxonomy(taxonomy_path, reports_dir, base)
    paths = discover(content_dir)
    report = CheckReport(files=len(paths) + len(discover_reports(reports_dir)))
    report.problems += taxonomy.report_problems
    entries = []
    for path in paths:
        loaded = load_entry(path, taxonomy, base)
        if isinstance(loaded, list):
            report.problems += loaded
        else:
            entries.append(loaded)
    entries, clashes = drop_id_clashes(entries, base)
    report.problems += clashes
    report.problems += [p for e in entries for p in placement_problems(e, content_dir, taxonomy, base)]
    report.problems += link_problems([entry_record(e, display_path(e.path, base)) for e in entries])
    report.problems += near_duplicates(entries, base)
    report.problems.sort(key=lambda p: (p.path, p.line))
    return report


def placement_problems(entry: Entry, content_dir: Path, taxonomy, base: Path) -> list[Problem]:
    """An entry of `content/<report>/<part>/` that cites another report, or sits in no declared part.

    The folder of a draft record is not held to its `parts` (an import's draft may not list them yet).
    """
    folders = Path(os.path.relpath(entry.path, content_dir)).parts[:-1]
    cited, shown = entry.source.report, display_path(entry.path, base)
    record = taxonomy.reports.get(folders[0]) if folders else None
    if record is None:
        if len(folders) == 2 and cited in taxonomy.reports:
            return [Problem(shown, _source_line(entry, "report"),
                            f"the file sits in `{folders[0]}/`, which is no report's folder; entries of "
                            f"`source.report` `{cited}` go in `{cited}/<part>/`")]
        return []
    problems = []
    if cited and cited != record.slug:
        problems.append(Problem(shown, _source_line(entry, "report"),
                                f"`source.report` is `{cited}`, but the file sits in the folder of report "
                                f"`{record.slug}`: cite `{record.slug}` or move the file to "
                                f"`{cited}/<part>/`"))
    allowed = ", ".join(record.parts) or "none"
    if not record.draft and (len(folders) < 2 or folders[1] not in record.parts):
        where = f"part folder `{folders[1]}/`" if len(folders) > 1 else f"`{record.slug}/` itself"
        problems.append(Problem(shown, _source_line(entry, "part"),
                                f"the file sits in {where}, not a part of report `{record.slug}` "
                                f"(reports/{record.slug}.yaml `parts`); allowed: {allowed}"))
    return problems


def _source_line(entry: Entry, key: str) -> int:
    """The line of `source.<key>` in the entry's file, else of `source`."""
    start = entry.line_of("source")
    try:
        lines = entry.path.read_text(encoding="utf-8").splitlines()[start:]
    except (OSError, UnicodeDecodeError):
        return start
    for number, line in enumerate(lines, start=start + 1):
        if not line.startswith((" ", "\t")):
            break
        if re.match(rf"\s+{key}\s*:", line):
            return number
    return start


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower().replace("ё", "е"))
    if not words:   # a draft not yet filled in repeats nothing
        return set()
    return {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def near_duplicates(entries: list[Entry], base: Path) -> list[Problem]:
    """Pairs of entries whose report words share most of their 5-word shingles."""
    shingles = [_shingles(e.original) for e in entries]
    holders = defaultdict(list)
    for number, found in enumerate(shingles):
        for shingle in found:
            holders[shingle].append(number)
    shared = Counter()
    for numbers in holders.values():
        if 1 < len(numbers) <= COMMON_SHINGLE:
            for i, a in enumerate(numbers):
                for b in numbers[i + 1:]:
                    shared[a, b] += 1
    problems = []
    for (a, b), count in shared.items():
        if count / max(1, min(len(shingles[a]), len(shingles[b]))) >= DUPLICATE_SHARE:
            first, second = entries[a], entries[b]
            problems.append(Problem(display_path(second.path, base), 1,
                                    f"the report's words nearly repeat `{first.id}` "
                                    f"({display_path(first.path, base)}): one item, one entry"))
    return problems
