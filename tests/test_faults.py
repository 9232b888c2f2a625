"""Faults: builds killed at any point, a full disk, damaged generations, files that vanish.

After each fault the served generation still answers, nothing half-written is served, and
the next build succeeds."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from indexer.errors import IndexCorruptError, IndexWriteError
from indexer.index.build import current_generation, open_generation
from kb import create_app
from kb.settings import ROOT
from tests.conftest import CONTENT, build

REAL_CONTENT = ROOT / "content"
# Each fresh app stands for a new worker; its searcher holds its files open until the end.
pytestmark = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")


def kb(content: Path, index: Path, *args: str, wait: bool = True):
    env = {**os.environ, "KB_CONTENT_DIR": str(content), "KB_INDEX_DIR": str(index)}
    command = [sys.executable, "-m", "kb.cli", "index", "-q", *args]
    if not wait:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def client_for(content: Path, index: Path):
    return create_app({"CONTENT_DIR": str(content), "INDEX_DIR": str(index), "TESTING": True}).test_client()


def answers(client, q="evening schools") -> bool:
    response = client.get(f"/api/search?q={q}")
    return response.status_code == 200 and response.get_json()["total"] > 0


@pytest.fixture
def real_copy(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(REAL_CONTENT, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.mark.slow
def test_kb_index_killed_at_random_points_20_times_never_breaks_the_service(real_copy, tmp_path):
    index = tmp_path / "index"
    assert kb(real_copy, index).returncode == 0
    started = time.monotonic()
    assert kb(real_copy, index, "--full").returncode == 0
    duration = time.monotonic() - started
    rng = random.Random(20)
    generations = set()
    for attempt in range(20):
        before = current_generation(index)
        build = kb(real_copy, index, "--full", wait=False)
        if attempt < 17:
            time.sleep(rng.uniform(0.0, duration * 1.2))   # before, during and after the swap
        else:
            # the last kills land right after a swap, however slow the machine makes the build
            _wait_for(lambda before=before, build=build: current_generation(index) != before
                      or build.poll() is not None, 120)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=30)
        served = current_generation(index)
        generations.add(served)
        open_generation(index)                           # whole: opens and passes its seal
        client = client_for(real_copy, index)            # a fresh worker
        assert answers(client), f"attempt {attempt}: {served} does not answer"
        assert client.get("/health").get_json()["status"] == "ok"
    assert len(generations) > 1, "no kill landed after a swap: the test did not cover it"
    after = kb(real_copy, index)
    assert after.returncode == 0, after.stderr
    assert not list(index.glob("*.tmp")), "a killed build's leftovers were not removed"
    assert answers(client_for(real_copy, index))


def _wait_for(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s"
        time.sleep(0.005)


def _truncate_biggest(generation: Path) -> Path:
    """Truncate the largest file this generation's build wrote itself. An update hard-links the
    files it keeps from the served generation; damaging one of those would damage both."""
    own = [p for p in generation.iterdir() if p.is_file() and p.stat().st_nlink == 1
           and p.name not in ("seal.json", "manifest.json")]
    victim = max(own, key=lambda p: p.stat().st_size)
    with open(victim, "r+b") as handle:
        handle.truncate(victim.stat().st_size // 2)
    return victim


def test_a_damaged_generation_is_refused_and_the_last_good_one_kept(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    client = client_for(content_copy, index)
    assert answers(client)
    good = current_generation(index)
    (content_copy / "car-rec-06-present-evening-school-pilot.md").touch()
    build(content_copy, index)
    damaged = current_generation(index)
    assert damaged != good
    # the worker has not opened the new generation yet; damage it before it does
    victim = _truncate_biggest(index / damaged)

    with pytest.raises(IndexCorruptError, match=r"kb index --full"):
        open_generation(index)
    assert answers(client), "the worker stopped answering instead of keeping the good generation"
    client.application.extensions["kb"].wait_until_open()    # the new one is opened in the background
    health = client.get("/health").get_json()
    assert health["status"] == "stale" and health["index"] == good and health["current"] == damaged
    assert victim.name in health["message"] and "kb index --full" in health["message"]

    fresh = client_for(content_copy, index)              # a worker that has nothing to keep
    response = fresh.get("/api/search?q=evening")
    assert response.status_code == 503
    assert "kb index --full" in response.get_json()["error"]["message"]
    assert fresh.get("/health").status_code == 503

    report = build(content_copy, index)                  # the next build does not copy the damage
    assert report.full
    assert answers(client_for(content_copy, index))
    assert client.get("/health").get_json()["status"] == "ok"


def test_an_altered_byte_is_caught_by_the_seal(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    generation = index / current_generation(index)
    victim = max((p for p in generation.iterdir() if p.is_file()), key=lambda p: p.stat().st_size)
    data = bytearray(victim.read_bytes())
    data[len(data) // 2] ^= 0xFF
    victim.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="not what the build wrote"):
        open_generation(index)


def test_vanished_and_unreadable_files_are_reported_not_fatal(content_copy, tmp_path, monkeypatch):
    import indexer.index.build as build_module

    index = tmp_path / "index"
    (content_copy / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    vanishing = content_copy / "car-rec-27-work-with-employers.md"
    scan = build_module.scan

    def scan_then_delete(content_dir, base):   # the file goes between the scan and reading
        found = scan(content_dir, base)
        vanishing.unlink()
        return found

    monkeypatch.setattr(build_module, "scan", scan_then_delete)
    report = build(content_copy, index)
    shown = {p.path.rsplit("/", 1)[-1]: p.message for p in report.problems}
    assert "cannot read file" in shown["dangling.md"]
    assert "cannot read file" in shown[vanishing.name]
    assert report.entries == len(list(CONTENT.glob("*.md"))) - 1
    assert answers(client_for(content_copy, index))


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_build_on_a_full_disk_fails_clearly_and_keeps_the_served_index(content_copy, small_disk):
    index = small_disk / "index"
    build(content_copy, index)
    served = current_generation(index)
    client = client_for(content_copy, index)
    assert answers(client)
    free = shutil.disk_usage(small_disk).free
    with open(small_disk / "filler", "wb") as filler:
        filler.write(b"\0" * (free - 16 * 1024))
    with pytest.raises(IndexWriteError, match=r"No space left on device.*is unchanged.*kb index"):
        build(content_copy, index, full=True)
    assert current_generation(index) == served
    open_generation(index)
    assert answers(client) and answers(client_for(content_copy, index))
    cli = kb(content_copy, index, "--full")
    assert cli.returncode == 1 and cli.stderr.count("\n") == 1 and "No space left" in cli.stderr
    (small_disk / "filler").unlink()
    assert build(content_copy, index, full=True).generation != served


def test_an_altered_byte_in_a_linked_file_is_caught_after_an_update(content_copy, tmp_path):
    """An update keeps the served seal's digests for the files it links: damage done before
    the update is still refused when the new generation is opened."""
    index = tmp_path / "index"
    build(content_copy, index)
    generation = index / current_generation(index)
    victim = max((p for p in generation.iterdir() if p.suffix == ".seg"), key=lambda p: p.stat().st_size)
    with open(victim, "r+b") as handle:          # in place: the inode (and its links) stay
        handle.seek(victim.stat().st_size // 2)
        byte = handle.read(1)
        handle.seek(-1, 1)
        handle.write(bytes([byte[0] ^ 0xFF]))
    os.utime(content_copy / "car-rec-27-work-with-employers.md")
    report = build(content_copy, index)
    assert not report.full and report.updated == 1
    with pytest.raises(IndexCorruptError, match="not what the build wrote"):
        open_generation(index)
