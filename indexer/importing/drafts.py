"""Writing the drafts: one Markdown file per item, under a fresh id, never over a file."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from indexer.content.entries import ID_KINDS
from indexer.content.taxonomy import Taxonomy
from indexer.errors import KbError
from indexer.importing.sections import Item
from indexer.importing.tagging import keyword_tags, russian_addressee
from indexer.importing.words import lang_of, slug_of, title_of


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as this very text.

    JSON quoting is not enough: YAML refuses raw control characters (U+007F, U+0080-U+009F)
    and folds NEL, LS and PS as line breaks; PyYAML's emitter escapes each of them.
    """
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1 << 30).strip()


@dataclass
class ImportReport:
    """Files written, files skipped (path, reason), items found per "<part> <section>"."""

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)
    merged: int = 0
    response: str = ""  # the title line of a management response, which holds no items of its own

    def summary(self) -> str:
        if self.response:
            return (f"the file is a management response (its title: \"{self.response}\"): the "
                    "recommendations it quotes are the evaluation's, so import the evaluation report "
                    "itself; no drafts written")
        if not self.found:
            return ("no recommendations, lessons learnt or good practices found: the report has no "
                    "section of them that the importer recognises; no drafts written")
        return (f"{sum(self.found.values())} items in {len(self.found)} sections "
                f"({self.merged} summary repeats merged): {len(self.written)} drafts written, "
                f"{len(self.skipped)} skipped")


class DraftError(KbError):
    """The drafts cannot be written where they are to go."""


def check_destination(out_dir: Path) -> None:
    """Refuse, before anything is written, a folder for drafts that is a file or cannot be made."""
    folder = Path(out_dir)
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if folder.exists() and not folder.is_dir():
        raise DraftError(f"{folder}: not a folder; give --out a folder for the drafts")
    if existing is None or not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise DraftError(f"{folder}: cannot write the drafts there ({existing or folder} is not a "
                         "writable folder)")


def write_drafts(items: list[Item], report: str, out_dir: Path, taxonomy: Taxonomy,
                 taken: set[str], result: ImportReport) -> None:
    """Write each item's draft under a fresh id; skip, never overwrite, an existing file. All or
    none: when one cannot be written (a full disk, a folder of that name taken by a file), the
    drafts written before it are removed and the error says which file and why."""
    try:
        _write_each(items, report, Path(out_dir), taxonomy, taken, result)
    except OSError as error:
        for path in result.written:
            path.unlink(missing_ok=True)
        result.written.clear()
        raise DraftError(f"{error.filename or out_dir}: cannot write a draft ({error.strerror or error}); "
                         "no drafts written") from None


def _write_each(items: list[Item], report: str, out_dir: Path, taxonomy: Taxonomy,
                taken: set[str], result: ImportReport) -> None:
    order, used = Counter(), set()
    for item in items:
        order[item.part.slug, item.kind] += 1
        nn = item.number or order[item.part.slug, item.kind]
        base = f"{item.part.slug}-{ID_KINDS[item.kind]}-{nn:02d}-{slug_of(item.body)}"
        path = _free_path(out_dir / item.part.slug, base, taken, used)
        used.add(path.stem)
        text = draft_text(item, path.stem, report, taxonomy)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                result.written.append(path)     # counted once made, so that a failed write is undone
                handle.write(text)
        except FileExistsError:
            result.skipped.append((path, "a file of that name exists"))


def _free_path(folder: Path, base: str, taken: set[str], used: set[str]) -> Path:
    """The draft's path: its id's existing file (to skip) or an id neither taken nor used."""
    candidate, number = base, 2
    while candidate in used or candidate in taken and not (folder / f"{candidate}.md").exists():
        candidate, number = f"{base}-{number}", number + 1
    return folder / f"{candidate}.md"


def suggest_tags(item: Item, addressee: str, taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Countries from the part or addressee; keyword suggestions; only taxonomy slugs."""
    tags = {"countries": [item.country or "central-asia"], **keyword_tags(item.body, addressee)}
    return {key: [s for s in slugs if s in taxonomy.slugs(key)] for key, slugs in tags.items()}


def draft_text(item: Item, entry_id: str, report: str, taxonomy: Taxonomy) -> str:
    """The draft file: front matter in the house order, then the item's own words."""
    addressee = item.addressee or russian_addressee(item.body)
    tags = suggest_tags(item, addressee, taxonomy)
    lines = ["---", f"id: {entry_id}", f"type: {item.kind}", f"lang: {lang_of(item.body)}",
             f"title: {_quoted(title_of(item.body))}", 'title_translated: ""',
             *(f"{key}: [{', '.join(slugs)}]" for key, slugs in tags.items()),
             "source:", f"  report: {_quoted(report)}", f"  part: {_quoted(item.part.label)}",
             f"  section: {_quoted(item.section)}"]
    if item.paragraph is not None:
        lines.append(f"  paragraph: {item.paragraph}")
    lines.append(f"  item: {item.item if item.item is not None else 'null'}")
    lines.append(f"  page: {item.page}")
    if addressee:
        lines.append(f"  addressee: {_quoted(addressee)}")
    lines.append("  also: []" if not item.also else "  also:")
    lines += ["    - {" + ", ".join(f"{k}: {_quoted(str(v)) if isinstance(v, str) else v}"
                                    for k, v in place.items()) + "}" for place in item.also]
    lines += ["parallel: []", "draft: true", "---", "", item.body, ""]
    return "\n".join(lines)
