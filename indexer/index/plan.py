"""What a build reads and what it records: the plan of an update, the files read in the pool,
the new generation's manifest and its parallel-link problems.

    plan(tree, manifest stats)      -> files kept, to read, removed
    read_changed(plan, ...)         -> (key, Entry, prepared document) of the good files read
    write_manifest(generation, ...) -> the new manifest (a copy of the served one, rows changed)
    links(manifest, old, plan, ...) -> the link problems, checked again where a change touches
"""

from __future__ import annotations

from pathlib import Path

from indexer.content.corpus import link_problems
from indexer.content.entries import Problem
from indexer.index import manifest as manifest_file
from indexer.index.manifest import Manifest
from indexer.index.tree import Recorded, Tree
from indexer.index.writer import load_all


def plan(tree: Tree, known: dict, records: dict, old_records: dict) -> dict:
    """Sort the tree's files into kept (same size and mtime as in the manifest, and their report
    record unchanged) and to-read; the manifest's files no longer in the tree are removed."""
    plan = {"read": [], "kept": set(), "removed": [], "records": {}, "previous": known,
            "unreadable": list(tree.unreadable)}
    same = {slug for slug, digest in records.items()            # reports whose record is unchanged
            if digest is not None and old_records.get(slug) == digest}
    kept, read, get = plan["kept"], plan["read"], known.get
    for key, path, mtime, size in tree.files:
        old = get(key)
        if old and old[0] == mtime and old[1] == size and old[2] in same:
            kept.add(key)
        else:
            read.append((Path(path), key, Recorded(mtime, size)))
    if len(kept) < len(known):                 # else every file of the manifest is still there
        seen = kept | {key for _, key, _ in read}
        plan["removed"] = [key for key in known if key not in seen]
    return plan


def read_changed(plan, taxonomy, base, report, progress, old, texts: bool = True):
    """Read, check and analyse the new and changed files in parallel (see indexer.index.writer);
    yield (key, Entry, prepared document) of the good ones, recording them in plan["records"]
    (`texts=False`: Entries without their texts, when no embeddings are written)."""
    owners = {}      # id -> file, of the files read so far; the kept ones are asked of `old`
    for (_, key, stat), entry, doc in load_all(plan["read"], taxonomy, base, progress, texts):
        if isinstance(entry, list):
            report.problems += entry
            continue
        owner = owners.get(entry.id)
        if owner is None and old is not None:
            owner = next((path for path in old.owners(entry.id) if path in plan["kept"]), None)
        if owner is not None and owner != key:
            report.problems.append(Problem(key, entry.line_of("id"),
                                           f"id `{entry.id}` is already used by {owner}; file skipped"))
            continue
        owners[entry.id] = key
        plan["records"][key] = {"id": entry.id, "lang": entry.lang, "parallel": list(entry.parallel),
                                "report": entry.source.report,
                                "line": entry.line_of("parallel"), "digest": entry.digest,
                                "mtime_ns": stat.st_mtime_ns, "size": stat.st_size}
        yield key, entry, doc


def kept(fresh, taken: list | None):
    """Pass the read entries on, keeping (key, Entry) of each in `taken` (None: no embeddings to
    write, keep none: at 100 000 entries they would hold every text in memory to the end)."""
    for key, entry, doc in fresh:
        if taken is not None:
            taken.append((key, entry))
        yield key, entry, doc


def dropped(plan) -> list[str]:
    """The files of the served generation that are gone, or were re-read and are now skipped."""
    return plan["removed"] + [key for _, key, _ in plan["read"]
                              if key in plan["previous"] and key not in plan["records"]]


def write_manifest(generation: Path, old, plan, fingerprint: str, records: dict):
    """The new generation's manifest: a copy of the served one's with the changed rows written
    (an update), or every record (a full build); left open for the embeddings to read."""
    path = generation / manifest_file.FILE
    if old is None:
        manifest = Manifest.create(path)
    else:
        manifest = Manifest.copy(old, path)
        manifest.delete(dropped(plan))
    manifest.put(plan["records"])
    manifest.set_meta(fingerprint=fingerprint, reports=records)
    return manifest


def links(manifest, old, plan, recorded: list[Problem] | None) -> list[Problem]:
    """`parallel` link problems of the whole new generation. An update (`old`: the served
    manifest) checks again only the files that changed and those that name, or are named by, a
    changed or removed id; the others keep the problems the served generation `recorded`."""
    if old is None or recorded is None:
        return by_place(link_problems([dict(info, path=key) for key, info in manifest.rows().items()]))
    changed = [key for _, key, _ in plan["read"]] + plan["removed"]
    ids = {info["id"] for info in old.rows(changed).values()} | {r["id"] for r in plan["records"].values()}
    affected = manifest.naming(ids) | set(plan["records"])
    rows = manifest.rows(affected)
    named = {other for info in rows.values() for other in info["parallel"]}
    partners = manifest.ids(named - {info["id"] for info in rows.values()})
    found = link_problems([dict(info, path=key) for key, info in rows.items()] + list(partners.values()))
    gone = set(dropped(plan))
    kept = [p for p in recorded if p.path not in affected and p.path not in gone]
    return by_place(kept + [p for p in found if p.path in affected])


def by_place(problems: list[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.message))
