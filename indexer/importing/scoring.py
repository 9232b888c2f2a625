"""Scoring an import against a report's ground truth (tests/fixtures/reports/README.md).

- recall: items whose `first` words are in some draft;
- clean: items with a draft that starts with `first` and ends with `last`;
- precision: drafts that hold the `first` words of some item no earlier draft holds (an
  item written twice counts once);
- type: found items whose draft has the truth's type.
Words are compared with only letters and digits kept, lowercased (ё as е).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

AIMS = {"recall": 0.95, "clean": 0.90, "precision": 0.95, "type": 0.95}
EACH = 0.85


def squeezed(text: str) -> str:
    return "".join(re.findall(r"[^\W_]+", text.lower().replace("ё", "е")))


@dataclass
class Score:
    """Counts for one import (or a sum of imports); ratios on demand."""

    items: int = 0
    found: int = 0
    clean: int = 0
    drafts: int = 0
    true_drafts: int = 0
    typed: int = 0
    misses: list[str] = field(default_factory=list)
    junk: list[str] = field(default_factory=list)

    def __add__(self, other: Score) -> Score:
        return Score(*(getattr(self, k) + getattr(other, k) for k in
                       ("items", "found", "clean", "drafts", "true_drafts", "typed", "misses", "junk")))

    def ratios(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0
        return {"recall": ratio(self.found, self.items), "clean": ratio(self.clean, self.items),
                "precision": ratio(self.true_drafts, self.drafts), "type": ratio(self.typed, self.found)}


def score(truth: list[dict], drafts: list[tuple[str, str]]) -> Score:
    """Score drafts, (type, body) pairs, against the truth's items."""
    bodies = [(kind, squeezed(body)) for kind, body in drafts]
    firsts = [squeezed(item["first"]) for item in truth]
    result = Score(items=len(truth), drafts=len(drafts))
    for item, first in zip(truth, firsts, strict=True):
        last = squeezed(item["last"])
        holding = [(kind, body) for kind, body in bodies if first in body]
        if not holding:
            result.misses.append(item["first"])
            continue
        result.found += 1
        whole = [(kind, body) for kind, body in holding if body.startswith(first) and body.endswith(last)]
        result.clean += bool(whole)
        result.typed += (whole or holding)[0][0] == item["type"]
    # Each item makes one draft true: a draft that holds only items earlier drafts have made
    # true is the same item written twice (a summary or a response table repeating it).
    claimed: set[int] = set()
    for (_, body), (_, raw) in zip(bodies, drafts, strict=True):
        held = [n for n, first in enumerate(firsts) if first in body]
        new = [n for n in held if n not in claimed]
        if new:
            claimed.add(new[0])
            result.true_drafts += 1
        else:
            result.junk.append(("written again: " if held else "") + raw[:80])
    return result


@dataclass(frozen=True)
class Truth:
    path: Path
    report: dict
    items: list[dict]


def load_truths(folder: Path) -> list[Truth]:
    truths = []
    for path in sorted(Path(folder).glob("*.truth.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        truths.append(Truth(path, data["report"], data.get("items") or []))
    return truths


def report_folders(root: Path) -> list[Path]:
    """Where report files are looked for: ../shared/reports-dev, then KB_TEST_REPORTS."""
    folders = [Path(root).resolve().parent / "shared" / "reports-dev"]
    folders += [Path(p) for p in os.environ.get("KB_TEST_REPORTS", "").split(":") if p]
    return folders


def report_files(truth: Truth, folders: list[Path]) -> list[Path]:
    """The report's file and its `.txt` twin (the text an editor extracts), where found."""
    name = Path(truth.report["file"])
    found = []
    for candidate in (name.name, name.with_suffix(".txt").name):
        path = next((folder / candidate for folder in folders if (folder / candidate).is_file()), None)
        if path and path not in found:
            found.append(path)
    return found
