"""`kb new`: a fresh entry file with a unique id, valid as written, for an editor to fill in.

The id follows the house rule `[<part>-]<kind>-<nn>-<slug>` (docs/content-format.md): `nn`
is one past the highest number already used for that part and kind, the slug is the
title transliterated (python-slugify) and cut to a few words. Nothing is ever overwritten:
the file is created exclusively and re-checked after it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from slugify import slugify

from indexer.content.corpus import discover, load_entry
from indexer.content.entries import ID_KINDS, ID_PATTERN, TRANSLATION_HEADINGS
from indexer.content.taxonomy import TAG_VOCABULARIES, Taxonomy
from indexer.errors import ContentError

SLUG_WORDS = 5
DRAFT_HINT = ("# A draft: hidden from search until `draft: true` is removed. Put the report's own words,\n"
              "# verbatim, under the closing line, your translation under its heading, fill in\n"
              "# source.section and the tags, run `kb check`. See docs/editing.md.\n")


@dataclass
class NewEntry:
    """What the editor asked for; empty strings and lists are left for them to fill in."""

    type: str
    lang: str
    title: str
    report: str
    part: str = ""
    title_translated: str = ""
    tags: dict[str, list[str]] = field(default_factory=dict)
    section: str = ""
    paragraph: int | None = None
    source_part: str = ""
    body: str = ""
    translation: str = ""
    draft: bool = True
    entry_id: str = ""


def problems_of(new: NewEntry, taxonomy: Taxonomy) -> list[str]:
    """Every way the request is wrong before anything is written, one sentence each."""
    problems = []
    for value, vocabulary in ((new.type, "types"), (new.lang, "langs"), (new.report, "reports")):
        if value not in taxonomy.slugs(vocabulary):
            problems.append(taxonomy.unknown_message(vocabulary, value))
    for key, slugs in new.tags.items():
        problems += [taxonomy.unknown_message(TAG_VOCABULARIES[key], s) for s in slugs
                     if s not in taxonomy.slugs(TAG_VOCABULARIES[key])]
    if not new.title.strip() or "\n" in new.title:
        problems.append("the title must be one non-empty line")
    if new.part and not ID_PATTERN.fullmatch(new.part):
        problems.append(f"part `{new.part}` must be a slug of a-z, 0-9 and single hyphens, e.g. `kg`")
    if new.entry_id and not ID_PATTERN.fullmatch(new.entry_id):
        problems.append(f"id `{new.entry_id}` must be a slug of a-z, 0-9 and single hyphens")
    if not new.draft:
        missing = [name for name, value in (("--title-translated", new.title_translated),
                                            ("--section", new.section), ("--body", new.body),
                                            ("--translation", new.translation)) if not value]
        if missing:
            problems.append(f"a published entry (--no-draft) needs {', '.join(missing)}")
    return problems


def title_slug(title: str, words: int = SLUG_WORDS) -> str:
    """The title's first words, transliterated and lower-cased: «Вечерние школы» -> vechernie-shkoly."""
    return "-".join(slugify(title).split("-")[:words]) or "entry"


def next_id(new: NewEntry, taken: set[str]) -> str:
    """`[part-]kind-nn-slug` with `nn` one past the highest in use for that part and kind."""
    prefix = "-".join(p for p in (new.part, ID_KINDS[new.type]) if p)
    numbers = [int(m.group(1)) for i in taken if (m := re.match(rf"{re.escape(prefix)}-(\d+)-", i))]
    return f"{prefix}-{max(numbers, default=0) + 1:02d}-{title_slug(new.title)}"


def entry_text(new: NewEntry, entry_id: str) -> str:
    """The file: front matter in the house order, the report's words, the translation heading."""
    source = {"report": new.report, "part": new.source_part, "section": new.section}
    if new.paragraph is not None:
        source["paragraph"] = new.paragraph
    source.update(item=None, also=[])
    meta = {"id": entry_id, "type": new.type, "lang": new.lang, "title": new.title.strip(),
            "title_translated": new.title_translated.strip(),
            **{key: list(new.tags.get(key, [])) for key in TAG_VOCABULARIES},
            "source": source, "parallel": []}
    if new.draft:
        meta["draft"] = True
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=None, width=1000)
    hint = DRAFT_HINT if new.draft else ""
    return (f"---\n{front}{hint}---\n{new.body.strip()}\n\n"
            f"{TRANSLATION_HEADINGS[new.lang]}\n\n{new.translation.strip()}\n")


def create_entry(new: NewEntry, content_dir: Path, taxonomy: Taxonomy) -> Path:
    """Write the new entry under `content/<report>/<part>/`; raise ContentError saying why not."""
    problems = problems_of(new, taxonomy)
    if problems:
        raise ContentError("; ".join(problems))
    taken = {path.stem for path in discover(content_dir)}
    entry_id = new.entry_id or next_id(new, taken)
    if entry_id in taken:
        raise ContentError(f"id `{entry_id}` is already used in {content_dir}")
    folder = content_dir / new.report / new.part if new.part else content_dir / new.report
    path = folder / f"{entry_id}.md"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(entry_text(new, entry_id))
    except FileExistsError:
        raise ContentError(f"{path} exists already; nothing was written") from None
    # Read it back as `kb index` will; a failure here is a bug, so undo and say so.
    checked = load_entry(path, taxonomy, content_dir)
    if isinstance(checked, list):
        path.unlink()
        raise ContentError(f"the new entry would not be valid, so it was not kept: {checked[0]}")
    return path
