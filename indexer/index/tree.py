"""The content tree as a build sees it: every entry file's key, size and mtime, and one digest of
them all, so that an unchanged tree is recognised without reading a file or the index's manifest.

`scan` walks with os.scandir (no Path objects, no relpath per file: a fifth of the cost of
`discover` + `Path.stat` at 100 000 files) and keeps `discover`'s order and rules: directories
starting with `.` or `_` skipped, `*.md` files but README.md and dot-files.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from indexer.content.corpus import SKIPPED_NAMES
from indexer.content.problems import Problem


@dataclass
class Tree:
    """The entry files found: (key, path, mtime_ns, size) of each readable one (not its whole
    stat: 57 MiB less at the peak of an update at 100 000 files), the unreadable ones' problems."""

    files: list = field(default_factory=list)
    unreadable: list[Problem] = field(default_factory=list)
    known: dict | None = None      # the manifest's stats a `known_tree` was made from

    def signature(self) -> str:
        """One digest of every file's key, size and mtime (and of the unreadable ones' keys), in
        key order: a tree taken from the manifest and the named files (`known_tree`) signs as
        the walk of the same files does."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update("".join(sorted(f"{key}\0{size}\0{mtime}\n"
                                     for key, _, mtime, size in self.files)).encode("utf-8", "surrogateescape"))
        digest.update("".join(f"!{p.path}\n" for p in self.unreadable).encode("utf-8", "surrogateescape"))
        return digest.hexdigest()


def scan(content_dir: Path, base: Path) -> Tree:
    """Every entry file under `content_dir`, keyed by its path relative to `base` (as
    `display_path` gives it), in `discover`'s order, each stat-ed once."""
    tree = Tree()
    prefix = os.path.relpath(content_dir, base)
    _walk(os.fspath(content_dir), "" if prefix == "." else prefix + os.sep, tree)
    return tree


def _walk(directory: str, prefix: str, tree: Tree) -> None:
    with os.scandir(directory) as found:
        entries = sorted(found, key=lambda e: e.name)
    subdirs = []
    for entry in entries:
        name = entry.name
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            if not name.startswith((".", "_")) and not entry.is_symlink():   # os.walk does not follow links
                subdirs.append(entry)
            continue
        if not name.endswith(".md") or name.lower() in SKIPPED_NAMES or name.startswith("."):
            continue
        key = prefix + name
        try:
            stat = entry.stat()
        except OSError as exc:   # a dangling link, or gone since the listing: report, go on
            tree.unreadable.append(Problem(key, 1, f"cannot read file: {exc.strerror or exc}"))
            continue
        tree.files.append((key, entry.path, stat.st_mtime_ns, stat.st_size))
    for entry in subdirs:
        _walk(entry.path, prefix + entry.name + os.sep, tree)


class Recorded(NamedTuple):
    """A file's size and mtime as the tree or the manifest recorded them, standing in for its stat."""

    st_mtime_ns: int
    st_size: int


def known_tree(content_dir: Path, base: Path, known: dict, paths) -> Tree:
    """The tree as the manifest knows it (`known`: key -> (mtime_ns, size, ...)), with the named
    files and directories looked at afresh: for an editor who knows what changed, no walk of
    every file. A named file that is gone is dropped; a named directory is walked."""
    content_dir = Path(content_dir).resolve()
    named, walked = set(), Tree()
    for path in paths:
        path = Path(path).resolve()
        if path != content_dir and content_dir not in path.parents:
            raise ValueError(f"{path} is not under the content tree {content_dir}")
        prefix = os.path.relpath(path, base)
        skipped = [part for part in path.relative_to(content_dir).parts[:-1 if path.suffix else None]
                   if part.startswith((".", "_"))]
        if skipped:
            raise ValueError(f"{path} is in a folder the index skips (`{skipped[0]}`: names starting "
                             "with . or _)")
        if path.is_dir():
            _walk(os.fspath(path), prefix + os.sep, walked)
            named.add(prefix + os.sep)
        else:
            name = path.name
            if not name.endswith(".md") or name.lower() in SKIPPED_NAMES or name.startswith("."):
                raise ValueError(f"{path} is not an entry file (a .md file other than README.md)")
            named.add(prefix)
            try:
                stat = path.stat()
                walked.files.append((prefix, os.fspath(path), stat.st_mtime_ns, stat.st_size))
            except FileNotFoundError:
                pass                                    # deleted: dropped from the index
    tree = Tree(unreadable=walked.unreadable, known=known)
    folders = tuple(p for p in named if p.endswith(os.sep))
    root = os.fspath(base) + os.sep
    tree.files = [(key, root + key, info[0], info[1]) for key, info in known.items()
                  if key not in named and not (folders and key.startswith(folders))]
    tree.files += walked.files
    return tree
