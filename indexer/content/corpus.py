"""Reading a whole content tree: discovery, parsing, per-entry and cross-entry checks."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from indexer.content.entries import Entry, Problem, check_entry, read_entry
from indexer.content.taxonomy import Taxonomy

SKIPPED_NAMES = {"readme.md"}


@dataclass
class Corpus:
    """The good entries of a content tree and every problem met while reading it."""

    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # the file was skipped
    warnings: list[Problem] = field(default_factory=list)  # the file was indexed anyway

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def discover(content_dir: Path) -> list[Path]:
    """Every entry file under the content directory, in a stable order."""
    found = []
    for root, dirs, files in os.walk(content_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found += [Path(root) / f for f in sorted(files)
                  if f.endswith(".md") and f.lower() not in SKIPPED_NAMES and not f.startswith(".")]
    return found


def display_path(path: Path, base: Path) -> str:
    """A path as users see it in messages and results: relative to the repository root."""
    return os.path.relpath(path, base)


def load_entry(path: Path, taxonomy: Taxonomy, base: Path) -> Entry | list[Problem]:
    """Read and check one file: an Entry, or every problem that makes it unusable."""
    shown = display_path(path, base)
    entry = read_entry(path, shown)
    if isinstance(entry, list):
        return entry
    return check_entry(entry, taxonomy, shown) or entry


def drop_id_clashes(entries: list[Entry], base: Path) -> tuple[list[Entry], list[Problem]]:
    """Keep the first entry of each id; each later one is skipped with a problem."""
    kept, problems, seen = [], [], {}
    for entry in entries:
        if entry.id in seen:
            problems.append(Problem(display_path(entry.path, base), entry.line_of("id"),
                                    f"id `{entry.id}` is already used by {seen[entry.id]}; file skipped"))
            continue
        seen[entry.id] = display_path(entry.path, base)
        kept.append(entry)
    return kept, problems


def link_problems(records: list[dict]) -> list[Problem]:
    """`parallel` links that point to no entry, to one of the same language, or not back.

    Each record has `id`, `lang`, `parallel`, `path` (as shown) and `line`: an Entry's
    front matter or the manifest's memory of an unchanged file.
    """
    by_id = {record["id"]: record for record in records}
    problems = []
    for record in records:
        shown, line = record["path"], record.get("line", 1)
        for other_id in record["parallel"]:
            other = by_id.get(other_id)
            if other is None:
                message = f"`parallel` names `{other_id}`, which no entry has"
            elif other["lang"] == record["lang"]:
                message = f"`parallel` entry `{other_id}` is in the same language"
            elif record["id"] not in other["parallel"]:
                message = f"`{other_id}` does not link back to `{record['id']}` in its `parallel`"
            else:
                continue
            problems.append(Problem(shown, line, message))
    return problems


def entry_record(entry: Entry, shown: str) -> dict:
    """The fields of an entry that link checks need."""
    return {"id": entry.id, "lang": entry.lang, "parallel": list(entry.parallel),
            "path": shown, "line": entry.line_of("parallel")}
