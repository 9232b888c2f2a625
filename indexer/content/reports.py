"""Report records: one `content/reports/<slug>.yaml` per source report (docs/content-format.md)."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from indexer.content.datafile import SAFE_LOADER
from indexer.content.problems import ID_PATTERN, Problem

REPORTS_FOLDER = "reports"
KEYS = ("slug", "draft", "title", "organisation", "project", "evaluation_type", "year",
        "countries", "languages", "evaluators", "source", "objectives", "parts")
PROJECT_KEYS = ("title", "code")
SOURCE_KEYS = ("url", "file", "sha256")
LANGS = ("en", "ru")
SHA256 = re.compile(r"[0-9a-f]{64}")
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Report:
    """What a report is: its metadata, its own objectives and its parts, both languages."""

    slug: str
    draft: bool
    title: dict                 # {"en": …, "ru": …}
    organisation: str
    project: dict               # {"title": …, "code": …}
    evaluation_type: str
    year: int | None
    countries: tuple[str, ...]
    languages: tuple[str, ...]
    evaluators: tuple[str, ...]
    source: dict                # {"url": …, "file": …, "sha256": …}
    objectives: dict            # slug -> {"en": label, "ru": label}, in the record's order
    parts: dict                 # folder slug -> {"en": label, "ru": label}
    path: Path
    digest: str
    key_lines: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def label(self, lang: str) -> str:
        """The title in a language, else in the other one, else the slug."""
        return self.title.get(lang) or next((t for t in self.title.values() if t), self.slug)

    def to_dict(self) -> dict:
        """The record as plain data (the shape of the file and of the JSON API)."""
        return {"slug": self.slug, "draft": self.draft, "title": dict(self.title),
                "organisation": self.organisation, "project": dict(self.project),
                "evaluation_type": self.evaluation_type, "year": self.year,
                "countries": list(self.countries), "languages": list(self.languages),
                "evaluators": list(self.evaluators), "source": dict(self.source),
                "objectives": {k: dict(v) for k, v in self.objectives.items()},
                "parts": {k: dict(v) for k, v in self.parts.items()}}


def default_reports_dir(content_dir: Path, taxonomy_path: Path) -> Path:
    """`reports/` of the content tree, else the one beside the taxonomy file."""
    own = Path(content_dir) / REPORTS_FOLDER
    return own if own.is_dir() else Path(taxonomy_path).parent / REPORTS_FOLDER


def discover_reports(reports_dir: Path) -> list[Path]:
    """Every record file of the reports folder, in a stable order."""
    folder = Path(reports_dir)
    return sorted(p for p in folder.glob("*.yaml") if not p.name.startswith(".")) if folder.is_dir() else []


def _node_lines(node, prefix: str = "", lines: dict | None = None) -> dict[str, int]:
    """`key` and `key.sub` -> 1-based line, from a composed YAML mapping node."""
    lines = {} if lines is None else lines
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines.setdefault(name, key.start_mark.line + 1)
            if not prefix:   # one level down is enough: objectives.io1-policy, source.sha256
                _node_lines(value, name + ".", lines)
    return lines


def read_report(path: Path, shown: str, vocabularies) -> Report | list[Problem]:
    """Parse and check one record against the vocabularies; a Report or every problem of it."""
    try:
        raw = Path(path).read_bytes()
        text = raw.decode("utf-8").lstrip("\ufeff")
        data = yaml.load(text, Loader=SAFE_LOADER)
        lines = _node_lines(yaml.compose(text, Loader=SAFE_LOADER))
    except OSError as exc:
        return [Problem(shown, 1, f"cannot read file: {exc.strerror or exc}")]
    except UnicodeDecodeError as exc:
        return [Problem(shown, 1, f"not UTF-8 text (byte {exc.start})")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [Problem(shown, mark.line + 1 if mark else 1, f"report record is not valid YAML: {problem}")]
    if not isinstance(data, dict) or not data:
        return [Problem(shown, 1, "a report record must be a mapping of the keys of docs/content-format.md")]
    checker = _RecordChecker(data, Path(path), shown, lines, vocabularies)
    report = checker.report(hashlib.sha1(raw).hexdigest())
    return checker.problems or report


class _RecordChecker:
    """Coerce one record's data, collecting a `path:line: message` problem per fault."""

    def __init__(self, data: dict, path: Path, shown: str, lines: dict, vocabularies):
        self.data, self.path, self.shown, self.lines = data, path, shown, lines
        self.vocabularies = vocabularies
        self.draft = data.get("draft", False) is True
        self.problems: list[Problem] = []

    def problem(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.shown, self.lines.get(key, self.lines.get(key.split(".")[0], 1)),
                                     message))

    def report(self, digest: str) -> Report:
        data = self.data
        for key in data:
            if key not in KEYS:
                near = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.6)
                self.problem(str(key), f"unknown report key `{key}`"
                             + (f" (did you mean `{near[0]}`?)" if near else ""))
        for key in KEYS:
            if key not in data and not (self.draft and key != "slug"):
                self.problems.append(Problem(self.shown, 1, f"missing report key `{key}`"
                                             + (" (a draft may leave out any key but `slug`)"
                                                if key != "slug" else "")))
        if not isinstance(data.get("draft", False), bool):
            self.problem("draft", "`draft` must be true or false")
        return Report(
            slug=self.slug(), draft=self.draft, title=self.labels("title", data.get("title")),
            organisation=self.slug_of("organisation", "organisations"),
            project=self.mapping("project", PROJECT_KEYS),
            evaluation_type=self.slug_of("evaluation_type", "evaluation-types"),
            year=self.year(), countries=self.slugs_of("countries", "countries"),
            languages=self.slugs_of("languages", "langs"), evaluators=self.strings("evaluators"),
            source=self.source(), objectives=self.labelled("objectives"), parts=self.labelled("parts"),
            path=self.path, digest=digest, key_lines=self.lines)

    def slug(self) -> str:
        slug = str(self.data.get("slug") or "")
        if not ID_PATTERN.fullmatch(slug):
            self.problem("slug", f"slug `{slug}` must be a-z, 0-9 and single hyphens")
        elif slug != self.path.stem:
            self.problem("slug", f"slug `{slug}` differs from the file name `{self.path.name}`")
        elif slug == REPORTS_FOLDER:
            self.problem("slug", f"`{REPORTS_FOLDER}` is the records' folder, not a report slug")
        return slug

    def text(self, key: str, value) -> str:
        if value is None:
            return ""
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            self.problem(key, f"`{key}` must be a line of text")
            return ""
        return str(value).strip()

    def labels(self, key: str, value) -> dict:
        """{"en": …, "ru": …}: both needed outside a draft."""
        if value is None:
            value = {}
        if not isinstance(value, dict):
            self.problem(key, f"`{key}` must be a mapping `{{en: …, ru: …}}`")
            return {lang: "" for lang in LANGS}
        for lang in value:
            if lang not in LANGS:
                self.problem(key, f"`{key}` has a label in `{lang}`; allowed: en, ru")
        labels = {lang: self.text(key, value.get(lang)) for lang in LANGS}
        missing = [lang for lang in LANGS if not labels[lang]]
        if missing and not self.draft:
            self.problem(key, f"`{key}` needs a label in {' and '.join(missing)} (a draft may lack one)")
        return labels

    def mapping(self, key: str, keys: tuple) -> dict:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            self.problem(key, f"`{key}` must be a mapping with {', '.join(keys)}")
            value = {}
        for sub in value:
            if sub not in keys:
                self.problem(f"{key}.{sub}", f"unknown key `{key}.{sub}` (allowed: {', '.join(keys)})")
        return {sub: self.text(f"{key}.{sub}", value.get(sub)) for sub in keys}

    def source(self) -> dict:
        source = self.mapping("source", SOURCE_KEYS)
        if source["sha256"] and not SHA256.fullmatch(source["sha256"]):
            self.problem("source.sha256", "`source.sha256` must be 64 lowercase hexadecimal digits")
        return source

    def known(self, key: str, vocabulary: str, slug: str) -> None:
        if slug not in self.vocabularies.slugs(vocabulary):
            self.problem(key, self.vocabularies.unknown_message(vocabulary, slug))

    def slug_of(self, key: str, vocabulary: str) -> str:
        slug = self.text(key, self.data.get(key))
        if slug:
            self.known(key, vocabulary, slug)
        elif not self.draft:
            self.problem(key, f"`{key}` is empty (allowed only in a draft)")
        return slug

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.problem(key, f"`{key}` must be a list, e.g. `{key}: [a, b]`")
            return ()
        return tuple(v.strip() for v in value)

    def slugs_of(self, key: str, vocabulary: str) -> tuple[str, ...]:
        slugs = self.strings(key)
        for slug in slugs:
            self.known(key, vocabulary, slug)
        if len(set(slugs)) != len(slugs):
            self.problem(key, f"`{key}` lists a slug twice")
        return slugs

    def year(self) -> int | None:
        year = self.data.get("year")
        if year is None or year == "":
            if not self.draft:
                self.problem("year", "`year` is empty (allowed only in a draft)")
            return None
        if isinstance(year, bool) or not isinstance(year, int) or year not in YEARS:
            self.problem("year", f"`year` must be a year such as 2013, not `{str(year)[:20]}`")
            return None
        return year

    def labelled(self, key: str) -> dict:
        """slug -> {"en", "ru"} for objectives and parts."""
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            self.problem(key, f"`{key}` must be a mapping `slug: {{en: …, ru: …}}`")
            return {}
        result = {}
        for slug, labels in value.items():
            if not ID_PATTERN.fullmatch(str(slug)):
                self.problem(f"{key}.{slug}", f"`{key}` slug `{slug}` must be a-z, 0-9 and single hyphens")
                continue
            result[str(slug)] = self.labels(f"{key}.{slug}", labels)
        return result


def load_reports(reports_dir: Path, vocabularies, base: Path | None = None) -> tuple[dict, list[Problem]]:
    """Every good record of the folder by slug, and every problem.

    Objective slugs are unique across the knowledge base: where two records declare one,
    the published and older record keeps it (drafts and newer reports come second), and
    the other loses it with a problem, so an import never takes the objectives of the seed.
    """
    found, problems = [], []
    for path in discover_reports(reports_dir):
        loaded = read_report(path, _shown(path, base), vocabularies)
        if isinstance(loaded, list):
            problems += loaded
        else:
            found.append(loaded)
    owners = {slug: "the taxonomy" for slug in vocabularies.slugs("objectives")}
    reports = {}
    for report in sorted(found, key=lambda r: (r.draft, r.year or 9999, r.path.name)):
        shown = _shown(report.path, base)
        taken = [slug for slug in report.objectives if slug in owners]
        problems += [Problem(shown, report.key_lines.get(f"objectives.{slug}", 1),
                             f"objective `{slug}` is already declared by {owners[slug]}; "
                             "objective slugs are unique across the knowledge base")
                     for slug in taken]
        objectives = {k: v for k, v in report.objectives.items() if k not in taken}
        owners.update({slug: shown for slug in objectives})
        reports[report.slug] = replace(report, objectives=objectives) if taken else report
    return {r.path.stem: reports[r.path.stem] for r in found}, problems


def _shown(path: Path, base: Path | None) -> str:
    import os

    return os.path.relpath(path, base) if base else str(path)


def record_text(data: dict) -> str:
    """A record as YAML in the documented key order, for `kb import`'s draft records.

    Missing keys are written empty, so a draft shows the editor every field to fill;
    `read_report` reads the text back to the same values.
    """
    empty = {"draft": True, "title": {"en": "", "ru": ""}, "organisation": "",
             "project": {"title": "", "code": ""}, "evaluation_type": "", "year": None,
             "countries": [], "languages": [], "evaluators": [],
             "source": {"url": "", "file": "", "sha256": ""}, "objectives": {}, "parts": {}}
    unknown = set(data) - set(KEYS)
    if unknown:
        raise ValueError(f"not report record keys: {', '.join(sorted(unknown))}")
    ordered = {key: data.get(key, empty.get(key)) for key in KEYS}
    for key in ("title", "project", "source"):
        ordered[key] = {**empty[key], **(ordered[key] or {})}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False, width=100)
