"""Entries: one Markdown file with YAML front matter per recommendation, lesson or practice."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from indexer.content.problems import ID_PATTERN, Problem
from indexer.content.taxonomy import TAG_VOCABULARIES, Taxonomy

TYPES = ("recommendation", "lesson", "good-practice")
LIST_KEYS = ("countries", "objectives", "stakeholders", "themes", "parallel")
REQUIRED_KEYS = ("id", "type", "lang", "title", "title_translated", *LIST_KEYS, "source")
OPTIONAL_KEYS = ("draft",)
SOURCE_KEYS = ("report", "part", "section", "paragraph", "item", "page", "addressee", "also")
# Headings that open an editor's section after the report's own words.
SECTION_HEADINGS = {
    "translation": "translation", "перевод": "translation",
    "note": "note", "примечание": "note",
}
# The translation section's heading, by the entry's language (it is in the other language).
TRANSLATION_HEADINGS = {"en": "## Перевод", "ru": "## Translation"}
# The kind of an entry as its id spells it: `<part>-<kind>-<nn>-<slug>` (docs/content-format.md).
ID_KINDS = {"recommendation": "rec", "lesson": "lesson", "good-practice": "gp"}
BODY_LINE = "\x00body"  # key_lines entry: the first line after the front matter
HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Source:
    """Where the item stands in its report."""

    report: str
    section: str
    part: str = ""
    paragraph: int | None = None
    item: int | None = None
    page: int | None = None         # 1-based page of the file imported, where the item begins
    addressee: str = ""
    also: tuple = ()
    page: int | None = None     # 1-based page of the source document where the item begins

    def to_dict(self) -> dict:
        data = {"report": self.report, "part": self.part, "section": self.section,
                "paragraph": self.paragraph, "item": self.item, "page": self.page,
                "addressee": self.addressee,
                "also": [dict(place) for place in self.also]}
        return {k: v for k, v in data.items() if v not in (None, "", [])}


@dataclass(frozen=True)
class Entry:
    """A parsed entry: front matter, the report's own words and the editor's sections."""

    id: str
    type: str
    lang: str
    title: str
    title_translated: str
    countries: tuple[str, ...]
    objectives: tuple[str, ...]
    stakeholders: tuple[str, ...]
    themes: tuple[str, ...]
    parallel: tuple[str, ...]
    source: Source
    draft: bool
    body: str          # the whole Markdown body
    original: str      # the report's own words: the body before any marked section
    translation: str   # the editor's translation, "" when there is none
    note: str          # the editor's note, "" when there is none
    path: Path
    digest: str
    key_lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def line_of(self, key: str) -> int:
        """The line of a front-matter key, for messages; 1 when unknown."""
        return self.key_lines.get(key, 1)

    def front_matter(self) -> dict:
        """The front matter as plain data (the shape of the file and of the JSON API)."""
        data = {"id": self.id, "type": self.type, "lang": self.lang, "title": self.title,
                "title_translated": self.title_translated,
                **{key: list(getattr(self, key)) for key in LIST_KEYS},
                "source": self.source.to_dict()}
        if self.draft:
            data["draft"] = True
        return data


def split_sections(body: str) -> dict[str, str]:
    """Split a body into the report's words and the marked editor's sections.

    "Text.\\n## Перевод\\nТекст." -> {"original": "Text.", "translation": "Текст.", "note": ""}
    """
    parts = {"original": [], "translation": [], "note": []}
    current = "original"
    for line in body.splitlines():
        heading = HEADING.match(line)
        name = SECTION_HEADINGS.get(heading.group(1).strip().lower()) if heading else None
        if name:
            current = name
            continue
        parts[current].append(line)
    return {name: "\n".join(lines).strip() for name, lines in parts.items()}


def _key_lines(text: str) -> dict[str, int]:
    """Line number of each top-level front-matter key (the opening `---` is line 1)."""
    lines = {}
    for number, line in enumerate(text.splitlines()[1:], start=2):
        if line.strip() == "---":
            lines[BODY_LINE] = number + 1
            break
        match = re.match(r"([A-Za-z_][\w-]*)\s*:", line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines


class _FastYAML(frontmatter.YAMLHandler):
    """python-frontmatter's YAML handler with libyaml's parser (CSafeLoader: the same safe
    constructors and resolvers, a fifth of the parsing time), where PyYAML was built with it."""

    def load(self, fm, **kwargs):
        return yaml.load(fm, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_YAML = _FastYAML()


def read_entry(path: Path, display_path: str | None = None) -> Entry | list[Problem]:
    """Parse one file into an Entry, or return every structural problem found in it."""
    shown = display_path or str(path)
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        return [Problem(shown, 1, f"cannot read file: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return [Problem(shown, 1, f"not UTF-8 text (byte {exc.start})")]
    text = text.lstrip("\ufeff")
    if not text.startswith("---"):
        return [Problem(shown, 1, "no front matter: the file must start with a `---` line")]
    try:
        post = frontmatter.loads(text, handler=_YAML)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else 1  # the YAML text starts with the newline after `---`
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        context, start = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        if context and start:
            problem += f" ({context} started on line {start.line + 1})"
        return [Problem(shown, line, f"front matter is not valid YAML: {problem}")]
    except ValueError as exc:
        return [Problem(shown, 1, f"front matter cannot be read: {exc}")]
    return _to_entry(post.metadata, post.content, Path(path), shown, raw, _key_lines(text))


def _to_entry(meta, body, path, shown, raw, key_lines) -> Entry | list[Problem]:
    """Coerce front matter into an Entry, collecting every structural problem."""
    problems = []

    def problem(key, message):
        problems.append(Problem(shown, key_lines.get(key, 1), message))

    if not isinstance(meta, dict) or not meta:
        return [Problem(shown, 1, "front matter is empty or not a mapping")]
    allowed = REQUIRED_KEYS + OPTIONAL_KEYS
    for key in meta:
        if key not in allowed:
            near = _closest(str(key), allowed)
            problem(key, f"unknown front-matter key `{key}`" + (f" (did you mean `{near}`?)" if near else ""))
    for key in REQUIRED_KEYS:
        if key not in meta:
            problems.append(Problem(shown, 1, f"missing front-matter key `{key}`"))
    strings = {}
    for key in ("id", "type", "lang", "title", "title_translated"):
        value = meta.get(key)
        if value is None:
            value = ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            problem(key, f"`{key}` must be a single line of text")
            value = ""
        value = str(value).strip()
        if "\n" in value:
            problem(key, f"`{key}` must be one line")
        strings[key] = value
    lists = {}
    for key in LIST_KEYS:
        value = meta.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problem(key, f"`{key}` must be a list of slugs, e.g. `{key}: [a, b]`")
            value = []
        lists[key] = tuple(v.strip() for v in value)
    draft = meta.get("draft", False)
    if not isinstance(draft, bool):
        problem("draft", "`draft` must be true or false")
        draft = False
    source = _to_source(meta.get("source"), problem)
    sections = split_sections(body)
    if problems:
        return problems
    return Entry(**strings, **lists, source=source, draft=draft, body=body.strip(),
                 original=sections["original"], translation=sections["translation"],
                 note=sections["note"], path=path, digest=hashlib.sha1(raw).hexdigest(),
                 key_lines=key_lines)


def _to_source(value, problem) -> Source:
    """Coerce the `source` mapping; report what is wrong through `problem`."""
    if not isinstance(value, dict):
        if value is not None:
            problem("source", "`source` must be a mapping with `report` and `section`")
        return Source(report="", section="")
    for key in value:
        if key not in SOURCE_KEYS:
            problem("source", f"unknown key `source.{key}` (allowed: {', '.join(SOURCE_KEYS)})")
    numbers = {}
    for key in ("paragraph", "item", "page"):
        number = value.get(key)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            problem("source", f"`source.{key}` must be a whole number")
            number = None
        numbers[key] = number
    also = value.get("also") or []
    if not isinstance(also, list) or not all(isinstance(place, dict) for place in also):
        problem("source", "`source.also` must be a list of mappings (part, section, paragraph)")
        also = []
    return Source(report=str(value.get("report") or "").strip(),
                  section=str(value.get("section") or "").strip(),
                  part=str(value.get("part") or "").strip(),
                  addressee=str(value.get("addressee") or "").strip(),
                  also=tuple(also), **numbers)


def _closest(word: str, choices) -> str | None:
    import difflib

    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else None


def check_entry(entry: Entry, taxonomy: Taxonomy, shown: str | None = None) -> list[Problem]:
    """Every problem of one parsed entry against the taxonomy and the house rules."""
    shown = shown or str(entry.path)
    problems = []

    def problem(key, message):
        problems.append(Problem(shown, entry.line_of(key), message))

    if not ID_PATTERN.fullmatch(entry.id):
        problem("id", f"id `{entry.id}` must be a slug of a-z, 0-9 and single hyphens")
    elif entry.id != entry.path.stem:
        problem("id", f"id `{entry.id}` differs from the file name `{entry.path.name}`")
    if entry.type not in taxonomy.slugs("types"):
        problem("type", taxonomy.unknown_message("types", entry.type))
    if entry.lang not in taxonomy.slugs("langs"):
        problem("lang", taxonomy.unknown_message("langs", entry.lang))
    if not entry.title:
        problem("title", "`title` is empty")
    if not entry.title_translated and not entry.draft:
        problem("title_translated", "`title_translated` is empty (allowed only in a draft)")
    for key, vocabulary in TAG_VOCABULARIES.items():
        for slug in getattr(entry, key):
            if slug not in taxonomy.slugs(vocabulary):
                problem(key, taxonomy.unknown_message(vocabulary, slug))
        if len(set(getattr(entry, key))) != len(getattr(entry, key)):
            problem(key, f"`{key}` lists a slug twice")
    for other in entry.parallel:
        if not ID_PATTERN.fullmatch(other):
            problem("parallel", f"`parallel` holds `{other}`, which is not an id")
        elif other == entry.id:
            problem("parallel", "`parallel` lists the entry itself")
    if not entry.source.report:
        problem("source", "`source.report` is missing")
    elif entry.source.report not in taxonomy.slugs("reports"):
        problem("source", taxonomy.unknown_message("reports", entry.source.report).replace(
            "unknown reports slug", "`source.report` names no report record (reports/<slug>.yaml):"))
    else:
        for slug in entry.objectives:
            owner = taxonomy.objective_owner(slug)
            if owner not in (None, entry.source.report):
                problem("objectives", f"objective `{slug}` belongs to report `{owner}`, not to this "
                                      f"entry's report `{entry.source.report}`")
    if not entry.source.section and not entry.draft:
        problem("source", "`source.section` is missing (allowed only in a draft)")
    if not entry.original and not entry.draft:
        problems.append(Problem(shown, entry.line_of(BODY_LINE),
                                "the body has none of the report's own words before its marked sections"
                                " (allowed only in a draft)"))
    if entry.original and not entry.translation and not entry.draft:
        heading = TRANSLATION_HEADINGS.get(entry.lang, "## Translation")
        problems.append(Problem(shown, entry.line_of(BODY_LINE),
                                f"no `{heading}` section: every published entry carries the editor's "
                                "translation (allowed only in a draft)"))
    return problems
