"""Reading the editors' YAML data files (glossary, thesaurus, question words) one way."""

from __future__ import annotations

from pathlib import Path

import yaml

from indexer.errors import ContentError

# The C loader where PyYAML has it: several times faster on the taxonomy and the records.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data_file(path: Path | None, what: str):
    """The file's YAML data, or None when there is no file; ContentError naming it when broken."""
    if path is None or not Path(path).exists():
        return None
    try:
        return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=SAFE_LOADER) or {}
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ContentError(f"{path}: cannot read {what}: {exc}") from None
