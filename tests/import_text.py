"""Small hand-written report texts for the importer's rule tests, and what it finds in them."""

from pathlib import Path

from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import find_items
from indexer.importing.reading import read_document
from kb.settings import ROOT

TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")


def items_of(tmp_path: Path, text: str, name: str = "report.txt") -> list[tuple[str, str]]:
    """(kind, body) of every item the importer finds in `text`, written to a file named `name`."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    return [(item.kind, item.body) for item in items]


def pages(*texts: str) -> str:
    """A `pdftotext -layout` text: pages apart by form feeds, a running header on each."""
    return "".join(f"Review of the Example Programme\n\n{text}\n\n{n}\n\f"
                   for n, text in enumerate(texts, 1))
