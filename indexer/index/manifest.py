"""A generation's manifest: what each indexed file was when it was read, one SQLite row per file.

An update compares the tree with the rows' sizes and mtimes and re-reads the files that
differ; the new generation gets a copy of the served one's manifest with the changed rows
written, deleted or added (a 100 000-entry manifest is ~20 MB: rewriting it whole as one JSON
document took most of a one-file update). The copy is a plain copy, never a hard link:
generations share no file that is written after it is made.

    files(path, id, lang, parallel, report, line, digest, mtime_ns, size)
    links(path, other)    each `parallel` id a file names, to find who links to a changed entry
    meta(key, value)      the taxonomy fingerprint, the report records' digests (JSON)

A generation built before this (manifest.json) is read once and converted.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

FILE = "manifest.sqlite"
LEGACY = "manifest.json"
COLUMNS = ("id", "lang", "parallel", "report", "line", "digest", "mtime_ns", "size")
SCHEMA = """
create table files (path text primary key, id text, lang text, parallel text, report text,
                    line integer, digest text, mtime_ns integer, size integer);
create index files_id on files(id);
create table links (path text, other text);
create index links_other on links(other);
create index links_path on links(path);
create table meta (key text primary key, value text);
"""


class Manifest:
    """One generation's manifest, open for reading or (a new generation's) for writing."""

    def __init__(self, path: Path, connection: sqlite3.Connection):
        self.path = Path(path)
        self.db = connection

    @classmethod
    def create(cls, path: Path) -> Manifest:
        """A new, empty manifest at `path`."""
        Path(path).unlink(missing_ok=True)
        manifest = cls(path, _connect(path))
        manifest.db.executescript(SCHEMA)
        return manifest

    @classmethod
    def copy(cls, source: Manifest, path: Path) -> Manifest:
        """A writable copy of `source` at `path` (a new generation's, from the served one's)."""
        if source.path.name == ":memory:":       # a converted legacy manifest
            target = sqlite3.connect(path)
            source.db.backup(target)
            target.close()
        else:
            shutil.copyfile(source.path, path)
        return cls(path, _connect(path))

    @classmethod
    def open(cls, directory: Path) -> Manifest | None:
        """The manifest of a generation directory, read-only; None when it has none readable.
        A legacy manifest.json is converted into an in-memory SQLite manifest."""
        path = Path(directory) / FILE
        try:
            if path.exists():
                manifest = cls(path, sqlite3.connect(f"file:{path}?mode=ro", uri=True))
                manifest.meta("fingerprint")
                return manifest
            return _convert(Path(directory) / LEGACY)
        except (OSError, ValueError, sqlite3.Error):
            return None

    # --- reading -------------------------------------------------------------------------------

    def meta(self, key: str, default=None):
        row = self.db.execute("select value from meta where key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def stats(self) -> dict[str, tuple[int, int, str]]:
        """path -> (mtime_ns, size, report) of every file: what an update compares the tree with."""
        return {path: (mtime, size, report) for path, mtime, size, report
                in self.db.execute("select path, mtime_ns, size, report from files")}

    def rows(self, paths=None) -> dict[str, dict]:
        """path -> its record (id, lang, parallel, report, line, digest, mtime_ns, size), of the
        given paths or of every file."""
        query = f"select path, {', '.join(COLUMNS)} from files"
        if paths is None:
            found = self.db.execute(query)
        else:
            found = (row for chunk in _chunks(list(paths)) for row in self.db.execute(
                f"{query} where path in ({','.join('?' * len(chunk))})", chunk))
        return {row[0]: _record(row[1:]) for row in found}

    def owners(self, entry_id: str) -> list[str]:
        """The paths of the files with this id."""
        return [row[0] for row in self.db.execute("select path from files where id = ?", (entry_id,))]

    def naming(self, ids) -> set[str]:
        """The paths of the files whose `parallel` names one of `ids`, or whose own id is one."""
        found = set()
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            found.update(row[0] for row in self.db.execute(
                f"select path from links where other in ({marks}) "
                f"union select path from files where id in ({marks})", chunk + chunk))
        return found

    def ids(self, ids) -> dict[str, dict]:
        """id -> the record of the (first) file with that id, for the given ids."""
        found = {}
        for chunk in _chunks(list(ids)):
            query = f"select path, {', '.join(COLUMNS)} from files where id in ({','.join('?' * len(chunk))})"
            for row in self.db.execute(query, chunk):
                found.setdefault(row[1], dict(_record(row[1:]), path=row[0]))
        return found

    def __len__(self) -> int:
        return self.db.execute("select count(*) from files").fetchone()[0]

    # --- writing -------------------------------------------------------------------------------

    def put(self, records: dict[str, dict]) -> None:
        """Write (add or replace) the records of these paths."""
        self.delete(records)
        self.db.executemany(f"insert into files values (?, {', '.join('?' * len(COLUMNS))})",
                            ((path, *_row(info)) for path, info in records.items()))
        self.db.executemany("insert into links values (?, ?)",
                            ((path, other) for path, info in records.items() for other in info["parallel"]))

    def delete(self, paths) -> None:
        for chunk in _chunks(list(paths)):
            marks = ",".join("?" * len(chunk))
            self.db.execute(f"delete from files where path in ({marks})", chunk)
            self.db.execute(f"delete from links where path in ({marks})", chunk)

    def set_meta(self, **values) -> None:
        self.db.executemany("insert or replace into meta values (?, ?)",
                            ((key, json.dumps(value, ensure_ascii=False)) for key, value in values.items()))

    def finish(self) -> None:
        """Commit, close, and make the file durable before the generation is sealed."""
        self.db.commit()
        self.db.close()
        fd = os.open(self.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def close(self) -> None:
        self.db.close()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path)
    # One writer, a new file that nobody reads until it is sealed: no journal to leave behind.
    connection.execute("pragma journal_mode = off")
    connection.execute("pragma synchronous = off")
    return connection


def _record(values) -> dict:
    info = dict(zip(COLUMNS, values, strict=True))
    info["parallel"] = json.loads(info["parallel"])
    return info


def _row(info: dict) -> tuple:
    return tuple(json.dumps(info[c], ensure_ascii=False) if c == "parallel" else info.get(c) for c in COLUMNS)


def _chunks(items: list, size: int = 400):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def _convert(legacy: Path) -> Manifest | None:
    """A legacy manifest.json as an in-memory SQLite manifest (written out when copied)."""
    if not legacy.exists():
        return None
    data = json.loads(legacy.read_text(encoding="utf-8"))
    manifest = Manifest(Path(":memory:"), sqlite3.connect(":memory:"))
    manifest.db.executescript(SCHEMA)
    manifest.put({path: dict({"line": 1, "digest": "", "report": None}, **info)
                  for path, info in data.get("files", {}).items()})
    manifest.set_meta(fingerprint=data.get("fingerprint"), reports=data.get("reports", {}))
    # Committed: a backup of a connection holding an open write transaction waits on it for ever
    # (SQLITE_LOCKED, retried), and `copy` backs this one up into the next generation.
    manifest.db.commit()
    return manifest
