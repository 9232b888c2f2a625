"""The controlled vocabulary: every slug an entry may use, with its English and Russian label."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

import yaml

from indexer.errors import ContentError

# Front-matter key of an entry -> vocabulary of the taxonomy file that governs it.
TAG_VOCABULARIES = {
    "countries": "countries",
    "objectives": "objectives",
    "stakeholders": "stakeholders",
    "themes": "themes",
}
VOCABULARIES = ("types", "langs", "countries", "objectives", "stakeholders", "themes", "reports")
# Optional: names of report parts and sections as entries' `source` writes them -> both languages.
OPTIONAL_VOCABULARIES = ("source_names",)
LANGS = ("en", "ru")


@dataclass(frozen=True)
class Taxonomy:
    """Slug -> {"en": label, "ru": label, ...} for each vocabulary."""

    vocabularies: dict
    path: Path

    def slugs(self, vocabulary: str) -> list[str]:
        return list(self.vocabularies.get(vocabulary, {}))

    def label(self, vocabulary: str, slug: str, lang: str = "en", plural: bool = False) -> str:
        """The label of a slug in a language; the slug itself when it is unknown."""
        labels = self.vocabularies.get(vocabulary, {}).get(slug)
        if not labels:
            return slug
        return labels.get(f"{lang}_plural" if plural else lang) or labels.get(lang) or slug

    def name_of(self, vocabulary: str, text: str, lang: str) -> str | None:
        """The vocabulary's `lang` name for a free text (a report part, a section), or None."""
        labels = self.vocabularies.get(vocabulary, {}).get(str(text))
        return labels.get(lang) if isinstance(labels, dict) else None

    def closest(self, vocabulary: str, slug: str) -> str | None:
        """The allowed slug nearest to an unknown one, for 'did you mean' messages."""
        match = difflib.get_close_matches(str(slug), self.slugs(vocabulary), n=1, cutoff=0.5)
        return match[0] if match else None

    def unknown_message(self, vocabulary: str, slug: str) -> str:
        """One sentence naming the unknown slug, the closest allowed one and all allowed."""
        near = self.closest(vocabulary, slug)
        hint = f" (did you mean `{near}`?)" if near else ""
        allowed = ", ".join(self.slugs(vocabulary))
        return f"unknown {vocabulary} slug `{slug}`{hint}; allowed: {allowed}"


def load_taxonomy(path: Path) -> Taxonomy:
    """Read and check the taxonomy file; raise ContentError saying what and where."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ContentError(f"{path}: taxonomy file not found") from None
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read taxonomy: {exc}") from None
    if not isinstance(data, dict):
        raise ContentError(f"{path}: taxonomy must be a mapping of vocabularies")
    for name in VOCABULARIES + OPTIONAL_VOCABULARIES:
        vocab = data.get(name)
        if name in OPTIONAL_VOCABULARIES and vocab is None:
            continue
        if not isinstance(vocab, dict) or not vocab:
            raise ContentError(f"{path}: vocabulary `{name}` is missing or empty")
        for slug, labels in vocab.items():
            if not isinstance(labels, dict) or not all(labels.get(lang) for lang in LANGS):
                raise ContentError(f"{path}: {name}.{slug} needs both `en` and `ru` labels")
    kept = [k for k in VOCABULARIES + OPTIONAL_VOCABULARIES if k in data]
    return Taxonomy(vocabularies={k: data[k] for k in kept}, path=Path(path))
