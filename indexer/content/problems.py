"""What every content file shares: the shape of its identifiers and of what is wrong with it."""

from __future__ import annotations

import re
from dataclasses import dataclass

# An entry id, a report slug, a part: lowercase words of letters and digits joined by hyphens.
ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Problem:
    """Something wrong with a content file, printed as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "message": self.message}
