"""A generation's seal: the size and digest of every file its build wrote, checked at open.

`seal(directory)` writes `seal.json` as the last step before a generation is published;
`verify(directory)` raises IndexCorruptError, saying which file and how to rebuild, when a
file is missing, truncated, grown or altered, or the seal itself is unreadable. A generation
built before seals existed (no seal.json) is accepted as it is.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from indexer.errors import IndexCorruptError

SEAL = "seal.json"
CHUNK = 1 << 20


def _digest(path: Path) -> str:
    digest = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_file() and p.name != SEAL
                  and not p.name.endswith(".lock"))


def seal(directory: Path, linked_from: Path | None = None) -> None:
    """Record every file's size and digest in the generation's seal.json (fsynced). A file that
    is a hard link to a sealed file of `linked_from` (the served generation an update linked)
    takes that seal's record: its bytes are the ones that build wrote and digested, and any
    damage since is still caught at open, against the digest taken when it was written."""
    directory = Path(directory)
    inherited = _linked_records(directory, Path(linked_from)) if linked_from else {}
    files = {}
    for p in _files(directory):
        name = str(p.relative_to(directory))
        size = p.stat().st_size
        old = inherited.get(name)
        files[name] = old if old and old["size"] == size else {"size": size, "digest": _digest(p)}
    path = directory / SEAL
    with open(path, "w", encoding="utf-8") as handle:
        json.dump({"files": files}, handle)
        handle.flush()
        os.fsync(handle.fileno())


def _linked_records(directory: Path, source: Path) -> dict:
    """The seal records of `source` for the files of `directory` that are the same inode."""
    records = _read_seal(source)
    same = {}
    for name, record in (records or {}).items():
        try:
            old, new = os.stat(source / name), os.stat(directory / name)
        except OSError:
            continue
        if (old.st_ino, old.st_dev) == (new.st_ino, new.st_dev):
            same[name] = record
    return same


def _read_seal(directory: Path) -> dict | None:
    try:
        files = json.loads((directory / SEAL).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return files if isinstance(files, dict) else None


def sizes_match(directory: Path) -> bool:
    """Whether every sealed file of a generation is there at its sealed size (stat only: cheap
    enough for every build; `verify` also compares the digests)."""
    files = _read_seal(Path(directory))
    if files is None:
        return (Path(directory) / SEAL).exists() is False
    for name, expected in files.items():
        try:
            if os.stat(Path(directory) / name).st_size != expected["size"]:
                return False
        except (OSError, KeyError, TypeError):
            return False
    return True


def verify(directory: Path) -> None:
    """Raise IndexCorruptError unless every sealed file is there, whole and unchanged."""
    directory = Path(directory)
    path = directory / SEAL
    if not path.exists():
        return
    rebuild = "run `kb index --full` to build a new generation"
    try:
        files = json.loads(path.read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"{path}: the seal of generation {directory.name} is unreadable "
                                f"({exc}); {rebuild}") from None
    for name, expected in files.items():
        file = directory / name
        try:
            size = file.stat().st_size
        except OSError:
            raise IndexCorruptError(f"{file}: missing from generation {directory.name}; {rebuild}") from None
        if size != expected["size"]:
            raise IndexCorruptError(f"{file}: {size} bytes where the build wrote {expected['size']} "
                                    f"(truncated or altered); {rebuild}")
        if _digest(file) != expected["digest"]:
            raise IndexCorruptError(f"{file}: its content is not what the build wrote; {rebuild}")
