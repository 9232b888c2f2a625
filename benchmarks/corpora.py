"""The corpora the benchmarks run on: the real content, or a generated one of N entries.

A generated corpus and its index are made on first use (`generate_corpus.py`, then the
same `build_index` as `kb index`) and kept under `benchmarks/corpus-<N>` and
`benchmarks/index-<N>` (git-ignored), so later runs measure search alone.
"""

from __future__ import annotations

import platform
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from indexer.index.build import build_index  # noqa: E402
from kb.settings import resolve_paths  # noqa: E402

DEV_QUERIES = REPO.parent / "shared" / "eval" / "queries-dev.yaml"


@dataclass(frozen=True)
class Corpus:
    """A content tree, its index directory and a name for tables ("real", "20000")."""

    name: str
    content: Path
    index: Path

    @property
    def paths(self):
        return resolve_paths({"CONTENT_DIR": str(self.content), "INDEX_DIR": str(self.index)})


def corpus(name: str, build: bool = True) -> Corpus:
    """`real` (content/, indexed into benchmarks/index-real) or a number of generated entries;
    `build=False`: the content only (build.py times the first build itself)."""
    if name == "real":
        found = Corpus("real", REPO / "content", HERE / "index-real")
    else:
        count = int(name)
        found = Corpus(str(count), HERE / f"corpus-{count}", HERE / f"index-{count}")
        if not (found.content / "taxonomy.yaml").exists() or not (found.content / "reports").is_dir():
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--entries", str(count),
                            "--out", str(found.content), "--force"], check=True)
    if not build:
        return found
    # Always bring the index up to date (a no-op when nothing changed): an index of an older
    # schema or content would measure what is no longer served. Built as `kb index` builds it:
    # with the semantic model's embeddings up to KB_SEMANTIC_LIMIT entries.
    paths = found.paths
    report = build_index(paths.content_dir, paths.index_dir, paths.taxonomy, paths.base,
                         reports_dir=paths.reports_dir, encoder=encoder(paths),
                         semantic_limit=paths.semantic_limit)
    print(f"{found.name}: {report.summary()}", file=sys.stderr)
    return found


def encoder(paths):
    """The semantic model the service would use (None: lexical only), as `kb index` loads it."""
    from indexer.search.semantic import load_encoder

    return load_encoder(paths.semantic_model)


def open_searcher(paths, **layers):
    """A KbSearcher over the served generation as the web app opens it: glossary, question words,
    thesaurus and the semantic layer (when the generation has embeddings). `encoder=None` etc.
    turn a layer off."""
    from indexer.content.glossary import load_glossary
    from indexer.index.build import open_generation
    from indexer.search.questions import load_question_words
    from indexer.search.searcher import KbSearcher
    from indexer.search.thesaurus import load_thesaurus

    ix, generation = open_generation(paths.index_dir)
    parts = {"questions": load_question_words(paths.questions), "encoder": encoder(paths),
             "thesaurus": load_thesaurus(paths.thesaurus)}
    parts.update(layers)
    return KbSearcher(ix, generation, load_glossary(paths.glossary), **parts)


def dev_queries() -> list[dict]:
    """The shared development queries: q, filters, category."""
    return yaml.safe_load(DEV_QUERIES.read_text(encoding="utf-8"))["queries"]


def machine() -> str:
    """One line naming the machine the figures come from."""
    import os

    return (f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{time.strftime('%Y-%m-%d')}")


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of a list of numbers."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def write_report(path: Path, title: str, command: str, sections: list[str]) -> None:
    """A benchmarks/*.md file: what, the command that produced it, where, then the tables."""
    text = [f"# {title}", "", f"Produced by `{command}` on {machine()}.", "", *sections]
    path.write_text("\n".join(text).rstrip() + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(REPO) if path.is_relative_to(REPO) else path}", file=sys.stderr)
