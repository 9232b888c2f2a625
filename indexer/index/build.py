"""Building the index: discover -> read -> validate -> write a new generation -> atomic swap.

Layout of the index directory:

    index/current -> gen-00000042    symlink, replaced atomically by rename
    index/gen-00000042/              a complete Whoosh index + manifest.sqlite + state.json
    index/.lock                      held (flock) by the one running build

A build never writes into the served generation: it copies it (or starts empty),
updates the copy with the changed files only, and swaps the link. A build killed
half-way leaves a `*.tmp` directory that the next build removes.

A generation's state.json records what it was built from (the tree's signature, the taxonomy,
the report records, the glossary, thesaurus and question words, the semantic setting): when
all of it is the same, a build says "nothing changed" and stops, building and swapping nothing.
"""

from __future__ import annotations

import fcntl
import gc
import hashlib
import json
import logging
import os
import shutil
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.content.corpus import display_path, load_entry
from indexer.content.entries import Problem
from indexer.content.reports import default_reports_dir
from indexer.content.taxonomy import load_taxonomy
from indexer.errors import ContentError, IndexBusyError, IndexCorruptError, IndexMissingError, IndexWriteError
from indexer.index import integrity, sort_orders
from indexer.index import manifest as manifest_file
from indexer.index import plan as planning
from indexer.index.arrays import write_arrays
from indexer.index.embeddings import write_embeddings
from indexer.index.inplace import read_compound_in_place
from indexer.index.manifest import Manifest
from indexer.index.schema import SCHEMA_VERSION, make_schema
from indexer.index.tree import Tree, known_tree, scan
from indexer.index.writer import PreparedWriter, step

log = logging.getLogger(__name__)
CURRENT = "current"
MANIFEST = "manifest.json"    # of generations built before manifest.sqlite
STATE = "state.json"
KEEP_GENERATIONS = 3  # old generations stay readable for searchers still open on them


@dataclass
class BuildReport:
    """What one build did, for the CLI's summary line and for tests."""

    generation: str = ""
    entries: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    full: bool = False
    nothing_changed: bool = False
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        if self.nothing_changed:
            return (f"nothing changed: {self.entries} entries in {self.generation} are up to date, "
                    f"{len(self.problems)} skipped with problems, {len(self.warnings)} warnings, "
                    f"{self.seconds:.1f} s")
        mode = "full build" if self.full else "update"
        return (f"{mode}: {self.entries} entries in {self.generation} "
                f"(+{self.added} ~{self.updated} -{self.removed} ={self.unchanged}), "
                f"{len(self.problems)} skipped with problems, {len(self.warnings)} warnings, "
                f"{self.seconds:.1f} s")


def build_index(content_dir: Path, index_dir: Path, taxonomy_path: Path, base: Path,
                full: bool = False, progress=None, wait: float = 0.0, on_wait=None,
                reports_dir: Path | None = None, encoder=None, semantic_limit: int = 0,
                inputs=(), paths=None) -> BuildReport:
    """Bring the index up to date with the content tree; return what was done. A build already
    running on the same index is waited for up to `wait` seconds (see `build_lock`). The report
    records are read from `reports_dir` (default: `reports/` of the content tree, else beside
    the taxonomy); a changed record re-indexes the entries of its report. With an `encoder`
    (indexer.search.semantic), the entries' embeddings are written too, unless there are more
    than `semantic_limit` entries (0: no limit): then the generation is lexical only, said so.
    `inputs` are the other files the servers load with a generation (glossary, thesaurus...):
    a change in one makes a new generation even when no entry changed. `paths` (files or
    directories an editor changed, added or deleted) are looked at instead of the whole tree:
    the other files are taken to be as the served generation's manifest records them."""
    start = time.perf_counter()
    # An update reads the linked generation's segments (deletions, merges, the sort orders):
    # from their map, not copied whole per segment (0.7 s of a plain edit at 100 000 entries).
    read_compound_in_place()
    content_dir, index_dir = Path(content_dir), Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(index_dir, wait, on_wait), collector_paused():
        _remove_stale(index_dir)
        reports_dir = reports_dir or default_reports_dir(content_dir, taxonomy_path)
        taxonomy = load_taxonomy(taxonomy_path, reports_dir, base)
        fingerprint = _fingerprint(taxonomy_path)
        records = {slug: r.digest for slug, r in taxonomy.reports.items()}
        with step(progress, "looking for changed files"):
            tree = _tree(content_dir, base, index_dir, paths)
        log.info("scan: %d files under %s, %d report records", len(tree.files), content_dir, len(records))
        state = _state(fingerprint, records, tree, inputs, encoder, semantic_limit)
        if not full and (same := _unchanged(index_dir, state)) is not None:
            same.seconds = time.perf_counter() - start
            log.info("%s", same.summary())
            return same
        old = _open_manifest(index_dir)
        try:
            return _build(index_dir, content_dir, base, taxonomy, fingerprint, records, tree, state, old,
                          full, progress, encoder, semantic_limit, start)
        finally:
            if old is not None:
                old.close()


def _build(index_dir, content_dir, base, taxonomy, fingerprint, records, tree, state, old, full,
           progress, encoder, semantic_limit, start) -> BuildReport:
    """Plan, read, write and publish a new generation (the served one's manifest `old`, or None)."""
    full = full or old is None or old.meta("fingerprint") != fingerprint or not _sound(index_dir)
    known = {} if full else (tree.known if tree.known is not None else old.stats())
    plan = planning.plan(tree, known, records, {} if full else old.meta("reports", {}))
    report = BuildReport(full=full, problems=list(taxonomy.report_problems) + plan["unreadable"])
    log.info("plan: %d files to read, %d unchanged, %d removed", len(plan["read"]), len(plan["kept"]),
             len(plan["removed"]))
    # With only the taxonomy's reports, the glossary or the like changed, a new generation is
    # still made (links, an empty commit): the servers re-read them when one is swapped in.
    embedded = encoder is not None and not (semantic_limit and len(tree.files) > semantic_limit)
    fresh = planning.read_changed(plan, taxonomy, base, report, progress, None if full else old, embedded)
    try:
        taken: list = []      # (key, Entry) of the entries read, for their embeddings
        fresh = planning.kept(fresh, taken if embedded else None)
        generation = _write_generation(index_dir, full, plan, fresh, report, progress)
        write_arrays(generation)      # a segment the writer wrote none for (indexer.index.arrays)
        with step(progress, "writing the manifest and checking parallel links"):
            manifest = planning.write_manifest(generation, None if report.full else old, plan, fingerprint,
                                               records)
            links = planning.links(manifest, None if report.full else old, plan,
                               _recorded_links(index_dir) if not report.full else None)
        report.warnings = list(links)
        entries = len(manifest)
        if encoder is not None and semantic_limit and entries > semantic_limit:
            report.warnings.append(Problem(display_path(content_dir, base), 1, (
                f"{entries} entries, more than KB_SEMANTIC_LIMIT ({semantic_limit}): "
                "no embeddings written, search is lexical only")))
            encoder = None
        write_embeddings(generation, taken, manifest.rows() if encoder is not None else {}, encoder,
                         read=lambda key: load_entry(base / key, taxonomy, base), progress=progress)
        manifest.finish()
        report.entries = entries
        with step(progress, "sealing and swapping in the new generation"):
            report.generation = _publish(index_dir, generation, _state_record(state, report, links),
                                         linked_from=None if report.full else _current_dir(index_dir))
    except OSError as exc:
        _remove_stale(index_dir)
        served = current_generation(index_dir) or "none"
        raise IndexWriteError(f"cannot write a new generation in {index_dir}: {exc.strerror or exc}"
                              f"{f' ({exc.filename})' if exc.filename else ''}; the served "
                              f"generation ({served}) is unchanged; free space and run "
                              "`kb index` again") from None
    report.seconds = time.perf_counter() - start
    log.info("%s", report.summary())
    return report


def _tree(content_dir: Path, base: Path, index_dir: Path, paths) -> Tree:
    """The content tree: walked, or (`paths` named and a served manifest) known and looked at."""
    served = _open_manifest(index_dir) if paths else None
    if served is None:
        return scan(content_dir, base)
    try:
        return known_tree(content_dir, base, served.stats(), paths)
    except ValueError as exc:
        raise ContentError(str(exc)) from None
    finally:
        served.close()


def _sound(index_dir: Path) -> bool:
    """Whether the served generation's files are all there at their sealed sizes, so that an
    update may link them. Their digests are not recomputed here (seconds at 100 000 entries):
    the new seal keeps the digests taken when they were written, so an altered byte in a linked
    file still makes the new generation refused at open, saying to run `kb index --full`."""
    current = _current_dir(index_dir)
    if current is None or integrity.sizes_match(current):
        return True
    log.warning("%s: a file is missing or not its sealed size; building from scratch instead", current)
    return False


def _state(fingerprint: str, records: dict, tree: Tree, inputs, encoder, semantic_limit: int) -> dict:
    """What a generation is built from, compared as a whole to tell an unchanged tree."""
    return {"fingerprint": fingerprint, "records": records, "tree": tree.signature(),
            "unreadable": [p.path for p in tree.unreadable], "inputs": _input_digests(inputs),
            "semantic": [encoder.name if encoder is not None else None, semantic_limit]}


def _input_digests(inputs) -> dict:
    """Each input file's sha1 (None when it cannot be read), by its path."""
    digests = {}
    for path in inputs:
        if path is not None:
            try:
                digests[str(path)] = hashlib.sha1(Path(path).read_bytes()).hexdigest()
            except OSError:
                digests[str(path)] = None
    return digests


def changed_inputs(index_dir: Path, inputs) -> list[Path]:
    """The inputs (glossary, thesaurus...) not as the served generation was built from them:
    every one when there is none. `kb index` checks only these before it builds: an unchanged
    glossary was checked when it was taken in (analysing every variant again cost a sixth of a
    one-entry update at 100 000 entries)."""
    try:
        recorded = _recorded(_current_dir(Path(index_dir)))["state"]["inputs"]
    except (TypeError, KeyError):
        recorded = {}
    if not isinstance(recorded, dict):
        recorded = {}
    return [Path(path) for path, digest in _input_digests(inputs).items()
            if digest is None or recorded.get(path) != digest]


def _recorded(generation: Path | None) -> dict | None:
    """What a generation's state.json records (see _state_record); None when there is no
    generation or its record cannot be read."""
    if generation is None:
        return None
    try:
        return json.loads((generation / STATE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _state_record(state: dict, report: BuildReport, links: list[Problem]) -> dict:
    return {"state": state, "entries": report.entries,
            "problems": [[p.path, p.line, p.message] for p in report.problems],
            "warnings": [[p.path, p.line, p.message] for p in report.warnings],
            "links": [[p.path, p.line, p.message] for p in links]}


def _unchanged(index_dir: Path, state: dict) -> BuildReport | None:
    """The served generation's report when it was built from exactly `state` and its files are
    there at their sealed sizes; None when a build is needed."""
    current = _current_dir(index_dir)
    recorded = _recorded(current)
    if recorded is None:
        return None
    try:
        if recorded["state"] != state or not integrity.sizes_match(current):
            return None
        return BuildReport(generation=current.name, entries=recorded["entries"],
                           unchanged=recorded["entries"], nothing_changed=True,
                           problems=[Problem(*p) for p in recorded["problems"]],
                           warnings=[Problem(*p) for p in recorded["warnings"]])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _fingerprint(taxonomy_path: Path) -> str:
    """What makes an old index unusable as a base: schema version and the taxonomy's labels."""
    digest = hashlib.sha1(Path(taxonomy_path).read_bytes()).hexdigest()
    return f"v{SCHEMA_VERSION}-{digest}"


def _write_generation(index_dir, full, plan, fresh, report, progress) -> Path:
    """Link the served generation's files into a new one (or start empty), apply the changes, commit.

    Whoosh never rewrites a segment file once written (a commit adds files and a new table of
    contents), so hard links are a safe and instant copy, however big the index."""
    number = 1 + max([_gen_number(p) for p in index_dir.glob("gen-*")] or [0])
    final = index_dir / f"gen-{number:08d}"
    tmp = index_dir / f"{final.name}.tmp"
    current = _current_dir(index_dir)
    if full or current is None:
        tmp.mkdir()
        ix = whoosh_index.create_in(str(tmp), make_schema())
        report.full = True
    else:
        # Never link a file this build rewrites in place: the old generation would change with it.
        shutil.copytree(current, tmp, ignore=shutil.ignore_patterns(
            "*.lock", "*WRITELOCK", MANIFEST, manifest_file.FILE, STATE, integrity.SEAL,
            sort_orders.PATTERN),
            copy_function=_link_or_copy)
        ix = whoosh_index.open_dir(str(tmp))
    previous = plan["previous"] if not report.full else {}
    with PreparedWriter(ix, progress=progress, limitmb=256) as writer:
        # The linked segments, whose documents keep their sort positions (see sort_orders).
        before = None if report.full else (current, [(segment.segment_id(), segment.doc_count_all())
                                                     for segment in writer.segments])
        for key in plan["removed"]:
            writer.delete_by_term("path", key)
        for key, _, doc in fresh:
            if key in previous:
                writer.delete_by_term("path", key)
                report.updated += 1
            else:
                report.added += 1
            writer.add_document(**doc)
        # A changed file that now fails validation is dropped from the index too.
        for key in planning.dropped(plan)[len(plan["removed"]):]:
            writer.delete_by_term("path", key)
        log.info("write: %d documents, %d postings; committing", writer.docnum, writer.postings)
        if progress:
            writer.mergetype = _announced_merge(progress)
    with ix.reader() as reader:
        sort_orders.write(tmp, reader, before)
    report.removed = len(plan["removed"])
    report.unchanged = len(plan["kept"]) if not report.full else 0
    return tmp


def _recorded_links(index_dir: Path) -> list[Problem] | None:
    try:
        return [Problem(*p) for p in _recorded(_current_dir(index_dir))["links"]]
    except (KeyError, TypeError):
        return None


def _announced_merge(progress):
    """Whoosh's default merge policy (merge the small segments into the new one), shown."""
    from whoosh.writing import MERGE_SMALL

    def merge(writer, segments):
        with step(progress, "merging small segments into the new one"):
            return MERGE_SMALL(writer, segments)
    return merge


def _link_or_copy(source, target):
    try:
        os.link(source, target)
    except OSError:          # another file system, or links not allowed: copy
        shutil.copy2(source, target)


def _publish(index_dir: Path, tmp: Path, state: dict, linked_from: Path | None) -> str:
    """Write the state, seal, rename the generation into place and swap the link."""
    (tmp / STATE).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    integrity.seal(tmp, linked_from=linked_from)
    _fsync_dir(tmp)
    final = tmp.with_name(tmp.name[: -len(".tmp")])
    os.rename(tmp, final)
    return point_current(index_dir, final)


def point_current(index_dir: Path, final: Path) -> str:
    """Swap the `current` link to a complete generation atomically; drop the oldest ones."""
    link = index_dir / f"{CURRENT}.new"
    if link.is_symlink() or link.exists():
        link.unlink()
    os.symlink(final.name, link)
    os.replace(link, index_dir / CURRENT)
    _fsync_dir(index_dir)
    _prune(index_dir, final)
    return final.name


def _prune(index_dir: Path, keep: Path) -> None:
    """Remove all but the newest generations; searchers may still read the recent ones."""
    gens = sorted((p for p in index_dir.glob("gen-*") if not p.name.endswith(".tmp")), key=_gen_number)
    for old in gens[:-KEEP_GENERATIONS]:
        if old != keep:
            shutil.rmtree(old, ignore_errors=True)


def _remove_stale(index_dir: Path) -> None:
    """Remove what a killed build left behind (we hold the lock, so nobody is writing it)."""
    for leftover in index_dir.glob("gen-*.tmp"):
        log.info("removing %s left by an interrupted build", leftover.name)
        shutil.rmtree(leftover, ignore_errors=True)


def _gen_number(path: Path) -> int:
    try:
        return int(path.name.split("-")[1].split(".")[0])
    except (IndexError, ValueError):
        return 0


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _current_dir(index_dir: Path) -> Path | None:
    link = Path(index_dir) / CURRENT
    try:
        target = os.readlink(link)
    except OSError:
        return None
    path = Path(index_dir) / target
    return path if path.is_dir() else None


def _open_manifest(index_dir: Path) -> Manifest | None:
    current = _current_dir(index_dir)
    return Manifest.open(current) if current is not None else None


def generation_manifest(index_dir: Path, generation: str) -> dict:
    """The manifest of one generation: {"files": {path: {"id", "mtime_ns", ...}}}; {} when unreadable."""
    manifest = Manifest.open(Path(index_dir) / generation)
    if manifest is None:
        return {}
    try:
        return {"files": manifest.rows()}
    finally:
        manifest.close()


def current_generation(index_dir: Path) -> str | None:
    """The name of the served generation, from one readlink: cheap enough for every request."""
    try:
        return os.readlink(Path(index_dir) / CURRENT)
    except OSError:
        return None


def open_generation(index_dir: Path):
    """Open the served generation: (Whoosh index, generation name); IndexMissingError if none."""
    current = _current_dir(index_dir)
    if current is None:
        raise IndexMissingError(f"no index in {index_dir}: run `kb index` first")
    integrity.verify(current, full=False)
    try:
        return whoosh_index.open_dir(str(current)), current.name
    except Exception as exc:  # whoosh raises what its unpickling meets in a damaged file
        raise IndexCorruptError(f"the index in {current} cannot be opened ({exc!r}): "
                                "run `kb index --full` to build a new generation") from None


@contextmanager
def collector_paused():
    """Pause Python's cyclic garbage collector while a build runs. A build makes millions of
    small objects that live until the generation is written (the term pool's postings, the
    prepared documents, the records) and frees nearly none of them in cycles, so each of the
    collector's full passes walks them all for nothing (100 000 entries: 340 -> 427 entries/s on
    two free cores with them paused, paired runs of session 9). The pool's workers, forked
    inside, run with it again (`writer._init`). On leaving, the collector is as it was."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def build_lock(index_dir: Path, wait: float = 0.0, on_wait=None):
    """Hold the index directory's build lock. If another build holds it, call `on_wait(message)`
    once and wait up to `wait` seconds for it; raise IndexBusyError when it is still held."""
    path = Path(index_dir) / ".lock"
    handle = open(path, "a+")
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                message = (f"another `kb index` (pid {handle.read().strip() or 'unknown'}) "
                           f"is building {index_dir}")
                if time.monotonic() >= deadline:
                    raise IndexBusyError(f"{message}; it still holds the lock, try again when it "
                                         "has finished") from None
                if on_wait:
                    on_wait(f"{message}; waiting for it to finish")
                    on_wait = None
                time.sleep(0.1)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()
