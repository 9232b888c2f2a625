"""A generation's seal: the size, mtime and digest of every file its build wrote, checked at open.

`seal(directory)` writes `seal.json` as the last step before a generation is published;
`verify(directory)` raises IndexCorruptError, saying which file and how to rebuild, when a
file is missing, truncated, grown or altered, or the seal itself is unreadable. A generation
built before seals existed (no seal.json) is accepted as it is.

`verify(directory, full=False)` (a worker's open) hashes only the files whose stat says they may
have changed since the seal: a file at its sealed size and mtime, written before the seal was
(an earlier mtime than seal.json's), is the file the build digested, since any later write gives
it the mtime of that write, later than the seal's. Hashing every file was ~11 s of CPU at each
open in each worker at 100 000 entries (900 MB). `kb ship` verifies in full, as does
`verify(…, full=True)`; damage that leaves the mtime alone (the disk's own) is theirs to find.
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
    """Record every file's size, mtime and digest in the generation's seal.json (fsynced). A file that
    is a hard link to a sealed file of `linked_from` (the served generation an update linked)
    takes that seal's record: its bytes are the ones that build wrote and digested, and any
    damage since is still caught at open, against the digest taken when it was written."""
    directory = Path(directory)
    inherited = _linked_records(directory, Path(linked_from)) if linked_from else {}
    files = {}
    for p in _files(directory):
        name = str(p.relative_to(directory))
        stat = p.stat()
        old = inherited.get(name)
        files[name] = old if old and old["size"] == stat.st_size else {
            "size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "digest": _digest(p)}
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


def verify(directory: Path, full: bool = True) -> None:
    """Raise IndexCorruptError unless every sealed file is there, whole and unchanged; unless
    `full`, a file the stat shows untouched since the seal is taken as it is (module doc)."""
    directory = Path(directory)
    path = directory / SEAL
    try:
        sealed_ns = path.stat().st_mtime_ns
    except OSError:
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
            stat = file.stat()
            size = stat.st_size
        except OSError:
            raise IndexCorruptError(f"{file}: missing from generation {directory.name}; {rebuild}") from None
        if size != expected["size"]:
            raise IndexCorruptError(f"{file}: {size} bytes where the build wrote {expected['size']} "
                                    f"(truncated or altered); {rebuild}")
        if not full and _untouched(stat, expected, sealed_ns):
            continue
        if _digest(file) != expected["digest"]:
            raise IndexCorruptError(f"{file}: its content is not what the build wrote; {rebuild}")


def _untouched(stat: os.stat_result, expected: dict, sealed_ns: int) -> bool:
    """Whether a file's stat is the one sealed, from a write before the seal's own: a write in
    the seal's clock tick, or after it, could have left the mtime as it was."""
    recorded = expected.get("mtime_ns")
    return recorded is not None and stat.st_mtime_ns == recorded and recorded < sealed_ns
