"""The controlled vocabulary: every slug an entry may use, with its English and Russian label.

The taxonomy file holds the vocabularies that grow without code (countries and regions,
stakeholders, themes, organisations, evaluation types, shared objectives); the report
records add their reports, their own objectives and their years.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from indexer.content.datafile import SAFE_LOADER
from indexer.content.reports import REPORTS_FOLDER, load_reports
from indexer.errors import ContentError

# Front-matter key of an entry -> vocabulary of the taxonomy file that governs it.
TAG_VOCABULARIES = {
    "countries": "countries",
    "objectives": "objectives",
    "stakeholders": "stakeholders",
    "themes": "themes",
}
VOCABULARIES = ("types", "langs", "countries", "objectives", "stakeholders", "themes")
# In the file but possibly absent; `regions` are merged into `countries` (sub-national to world).
# Optional: `source_names` maps names of report parts and sections as entries write them
# to both languages.
OPTIONAL_VOCABULARIES = ("regions", "organisations", "evaluation-types", "source_names")
# Made from the report records, never written in the taxonomy file.
DERIVED_VOCABULARIES = ("reports", "years")
LANGS = ("en", "ru")
# libyaml's safe loader where PyYAML was built with it: the ~400-line file loads 7x faster.


@dataclass(frozen=True)
class Taxonomy:
    """Slug -> {"en": label, "ru": label, ...} for each vocabulary, and the report records."""

    vocabularies: dict
    path: Path
    reports: dict = field(default_factory=dict)       # slug -> Report
    report_problems: tuple = ()                       # of the records that could not be used
    owners: dict = field(default_factory=dict)        # a report's own objective -> the report

    def slugs(self, vocabulary: str) -> list[str]:
        return list(self.vocabularies.get(vocabulary, {}))

    def label(self, vocabulary: str, slug: str, lang: str = "en", plural: bool = False) -> str:
        """The label of a slug in a language (else the other one); the slug itself when unknown."""
        labels = self.vocabularies.get(vocabulary, {}).get(slug)
        if not labels:
            return slug
        other = "ru" if lang == "en" else "en"
        return (labels.get(f"{lang}_plural" if plural else lang) or labels.get(lang)
                or labels.get(other) or slug)

    def name_of(self, vocabulary: str, text: str, lang: str) -> str | None:
        """The vocabulary's `lang` name for a free text (a report part, a section), or None."""
        labels = self.vocabularies.get(vocabulary, {}).get(str(text))
        return labels.get(lang) if isinstance(labels, dict) else None

    def closest(self, vocabulary: str, slug: str) -> str | None:
        """The allowed slug nearest to an unknown one, for 'did you mean' messages."""
        matches = difflib.get_close_matches(str(slug), self.slugs(vocabulary), n=5, cutoff=0.5)
        # Two letters swapped ("unpd") is the likeliest typo: prefer the slug of the same letters.
        swapped = [m for m in matches if sorted(m) == sorted(str(slug))]
        return (swapped or matches or [None])[0]

    def unknown_message(self, vocabulary: str, slug: str) -> str:
        """One sentence naming the unknown slug, the closest allowed one and (if few) all allowed."""
        near = self.closest(vocabulary, slug)
        hint = f" (did you mean `{near}`?)" if near else ""
        slugs = self.slugs(vocabulary)
        allowed = ", ".join(slugs) if len(slugs) <= 40 else f"{len(slugs)} slugs in {self.path.name}"
        return f"unknown {vocabulary} slug `{slug}`{hint}; allowed: {allowed or 'none'}"

    def objective_owner(self, slug: str) -> str | None:
        """The report whose own objective the slug is; None for a shared objective."""
        return self.owners.get(slug)

    def with_reports(self, reports: dict, problems=()) -> Taxonomy:
        """This taxonomy plus the reports, their objectives and their years as vocabularies."""
        vocabularies = dict(self.vocabularies)
        vocabularies["reports"] = {slug: {lang: r.label(lang) for lang in LANGS}
                                   for slug, r in reports.items()}
        objectives = {slug: labels for slug, labels in self.vocabularies["objectives"].items()
                      if self.objective_owner(slug) is None}
        for report in reports.values():
            objectives.update(report.objectives)
        vocabularies["objectives"] = objectives
        years = sorted({r.year for r in reports.values() if r.year}, reverse=True)
        vocabularies["years"] = {str(y): {lang: str(y) for lang in LANGS} for y in years}
        owners = {objective: slug for slug, r in reports.items() for objective in r.objectives}
        return Taxonomy(vocabularies, self.path, dict(reports), tuple(problems), owners)


def _read_vocabularies(path: Path) -> dict:
    """The checked vocabularies of the taxonomy file, regions merged into countries."""
    try:
        data = yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER)
    except FileNotFoundError:
        raise ContentError(f"{path}: taxonomy file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read taxonomy: {exc}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path}: taxonomy must be a mapping of vocabularies")
    for name in DERIVED_VOCABULARIES:
        if name in data:
            raise ContentError(f"{path}: `{name}` come from the report records "
                               "(content/reports/<slug>.yaml), not from the taxonomy")
    for name in VOCABULARIES + OPTIONAL_VOCABULARIES:
        vocab = data.get(name, {} if name in OPTIONAL_VOCABULARIES else None)
        if not isinstance(vocab, dict) or (not vocab and name not in OPTIONAL_VOCABULARIES):
            raise ContentError(f"{path}: vocabulary `{name}` is missing or empty")
        for slug, labels in vocab.items():
            if not isinstance(labels, dict) or not all(labels.get(lang) for lang in LANGS):
                raise ContentError(f"{path}: {name}.{slug} needs both `en` and `ru` labels")
    regions = data.get("regions") or {}
    both = sorted(set(regions) & set(data["countries"]))
    if both:
        raise ContentError(f"{path}: `{both[0]}` is both a region and a country")
    vocabularies = {name: data.get(name) or {} for name in VOCABULARIES + OPTIONAL_VOCABULARIES}
    vocabularies["countries"] = {**data["countries"], **regions}   # countries first, then regions
    return vocabularies


def load_taxonomy(path: Path, reports_dir: Path | None = None, base: Path | None = None) -> Taxonomy:
    """Read and check the taxonomy file, then the report records (default: `reports/` beside it).

    A broken taxonomy raises ContentError; a broken record is left out and kept in
    `report_problems`, so that `kb check` and `kb index` can say what and where.
    """
    plain = Taxonomy(vocabularies=_read_vocabularies(path), path=Path(path))
    folder = Path(reports_dir) if reports_dir else Path(path).parent / REPORTS_FOLDER
    reports, problems = load_reports(folder, plain, base)
    return plain.with_reports(reports, problems)
