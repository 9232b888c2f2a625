"""Building: full and incremental builds, deletion, the atomic swap, the lock, a killed build."""

import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import CONTENT, ROOT, build

from indexer.content.glossary import Glossary
from indexer.errors import IndexBusyError, IndexMissingError
from indexer.index.build import build_lock, current_generation, open_generation
from indexer.search.request import SearchRequest
from indexer.search.searcher import KbSearcher


def search(index_dir, q, **kwargs):
    ix, generation = open_generation(index_dir)
    return KbSearcher(ix, generation, Glossary()).search(SearchRequest(q=q, **kwargs))


def test_full_build_indexes_every_good_file(tmp_path):
    report = build(CONTENT, tmp_path / "index")
    assert report.full and report.entries == report.added == len(list(CONTENT.glob("*.md")))
    assert current_generation(tmp_path / "index") == report.generation


def test_second_build_reads_nothing_when_nothing_changed(tmp_path):
    build(CONTENT, tmp_path / "index")
    report = build(CONTENT, tmp_path / "index")
    assert not report.full and report.added == report.updated == report.removed == 0
    assert report.unchanged == report.entries


def test_edit_add_and_delete_are_taken_in(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    edited = content_copy / "car-rec-27-work-with-employers.md"
    edited.write_text(edited.read_text().replace("\n## Перевод", " Wombats too.\n\n## Перевод", 1))
    (content_copy / "kz-rec-03-involve-regional-akimats.md").unlink()
    report = build(content_copy, index)
    assert (report.updated, report.removed, report.added) == (1, 1, 0)
    assert [h.id for h in search(index, "wombats").hits] == ["car-rec-27-work-with-employers"]
    assert search(index, "акиматов").total == 0


def test_a_bad_file_is_reported_and_the_rest_indexed(content_copy, tmp_path):
    (content_copy / "broken.md").write_text("---\nid: [\n---\nbody\n")
    report = build(content_copy, tmp_path / "index")
    assert [p.path.endswith("broken.md") for p in report.problems] == [True]
    assert report.entries == len(list(CONTENT.glob("*.md")))


def test_a_clashing_id_skips_the_second_file(content_copy, tmp_path):
    original = content_copy / "car-rec-27-work-with-employers.md"
    twin = content_copy / "zz" / "car-rec-27-work-with-employers.md"
    twin.parent.mkdir()
    twin.write_text(original.read_text())
    report = build(content_copy, tmp_path / "index")
    assert any("already used by" in p.message for p in report.problems)


def test_an_open_searcher_keeps_its_generation_through_a_swap(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    ix, generation = open_generation(index)
    old = KbSearcher(ix, generation, Glossary())
    (content_copy / "car-rec-27-work-with-employers.md").unlink()
    for _ in range(4):  # more builds than generations kept
        new = build(content_copy, index, full=True)
    assert new.generation != generation
    assert old.search(SearchRequest(q="employers")).total >= 1  # still readable
    assert search(index, "", limit=100, drafts=True).total == old.count() - 1


def test_missing_index_is_a_clear_error(tmp_path):
    with pytest.raises(IndexMissingError, match="run `kb index`"):
        open_generation(tmp_path)


def test_two_builds_at_once_are_serialised(tmp_path):
    with build_lock(tmp_path):
        with pytest.raises(IndexBusyError, match=f"pid {os.getpid()}"):
            build(CONTENT, tmp_path)


@pytest.mark.slow
def test_a_build_killed_half_way_leaves_the_served_index_intact(tmp_path):
    content, index = tmp_path / "content", tmp_path / "index"
    content.mkdir()
    entry = (CONTENT / "car-lesson-08-pilot-duration.md").read_text()
    for n in range(600):
        text = entry.replace("car-lesson-08-pilot-duration", f"gen-{n:04d}").replace("parallel: [kg-lesson-04-pilot-duration]", "parallel: []")
        (content / f"gen-{n:04d}.md").write_text(text)
    build(content, index)
    served = current_generation(index)
    env = {**os.environ, "KB_CONTENT_DIR": str(content), "KB_INDEX_DIR": str(index)}
    process = subprocess.Popen([sys.executable, "-m", "kb.cli", "index", "--full", "-q"], cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while not list(index.glob("gen-*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert current_generation(index) == served
    assert search(index, "pilots").total == 600
    report = build(content, index)
    assert report.entries == 600 and not list(index.glob("gen-*.tmp"))


def test_an_unchanged_tree_builds_and_swaps_nothing(content_copy, tmp_path):
    index, glossary = tmp_path / "index", tmp_path / "glossary.yaml"
    glossary.write_text("terms:\n  - en: [CLMS, child labour monitoring system]\n", encoding="utf-8")
    (content_copy / "broken.md").write_text("---\nid: [\n---\nbody\n")
    first = build(content_copy, index, inputs=(glossary,))
    generations = sorted(p.name for p in index.glob("gen-*"))
    again = build(content_copy, index, inputs=(glossary,))
    assert again.nothing_changed and again.summary().startswith("nothing changed")
    assert again.generation == first.generation == current_generation(index)
    assert sorted(p.name for p in index.glob("gen-*")) == generations, "a generation was made"
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems] != []
    glossary.write_text(glossary.read_text(encoding="utf-8") + "  - en: [ELS, evening school]\n",
                        encoding="utf-8")
    changed = build(content_copy, index, inputs=(glossary,))   # the servers must reload the glossary
    assert not changed.nothing_changed and changed.generation != first.generation
    os.utime(content_copy / "car-rec-27-work-with-employers.md")
    touched = build(content_copy, index, inputs=(glossary,))
    assert not touched.nothing_changed and touched.updated == 1
    (content_copy / "kz-rec-03-involve-regional-akimats.md").unlink()
    assert build(content_copy, index, inputs=(glossary,)).removed == 1
    open_generation(index)                                     # the seal with inherited digests holds


def test_the_collector_is_paused_while_a_build_writes_and_runs_again_after(tmp_path, monkeypatch):
    import gc

    from indexer.index import build as build_module
    seen = []
    real = build_module._write_generation

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "_write_generation", spy)
    assert gc.isenabled()
    build(CONTENT, tmp_path / "index")
    assert seen == [False] and gc.isenabled()


def test_a_pool_worker_collects_again_though_forked_from_a_paused_writer():
    import gc
    import multiprocessing

    from indexer.index.writer import _init

    def worker(conn):
        _init(None, None)
        conn.send(gc.isenabled())

    gc.disable()
    try:
        parent, child = multiprocessing.get_context("fork").Pipe()
        process = multiprocessing.get_context("fork").Process(target=worker, args=(child,))
        process.start()
        enabled = parent.recv()
        process.join()
    finally:
        gc.enable()
    assert enabled is True
