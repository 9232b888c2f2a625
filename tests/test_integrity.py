"""The seal's check at open: names, sizes and mtimes, hashing only a file whose stat moved."""

import os

import pytest

from indexer.errors import IndexCorruptError
from indexer.index import integrity


@pytest.fixture
def sealed(tmp_path):
    """A sealed directory whose files were written well before the seal (their mtimes an hour
    back), as a real build's are: the seal hashes them all for many ms."""
    directory = tmp_path / "gen"
    directory.mkdir()
    for name, size in (("a.seg", 5000), ("b.npy", 300)):
        (directory / name).write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        stat = os.stat(directory / name)
        os.utime(directory / name, (stat.st_atime, stat.st_mtime - 3600))
    integrity.seal(directory)
    return directory


def _hashed(monkeypatch) -> list:
    seen = []
    digest = integrity._digest
    monkeypatch.setattr(integrity, "_digest", lambda path: seen.append(path.name) or digest(path))
    return seen


def test_an_untouched_generation_is_opened_without_hashing(sealed, monkeypatch):
    seen = _hashed(monkeypatch)
    integrity.verify(sealed, full=False)
    assert seen == []
    integrity.verify(sealed)                 # full: every file
    assert sorted(seen) == ["a.seg", "b.npy"]


def test_a_file_written_after_the_seal_is_hashed_and_refused(sealed, monkeypatch):
    victim = sealed / "a.seg"
    data = bytearray(victim.read_bytes())
    data[100] ^= 0xFF
    victim.write_bytes(bytes(data))          # same size, a new mtime
    seen = _hashed(monkeypatch)
    with pytest.raises(IndexCorruptError, match="a.seg: its content is not what the build wrote"):
        integrity.verify(sealed, full=False)
    assert seen == ["a.seg"]


def test_a_file_of_the_seals_own_tick_is_hashed(sealed, monkeypatch):
    """A write in the seal's clock tick may leave the mtime the seal recorded: hashed."""
    import json

    path = sealed / integrity.SEAL
    tick = os.stat(path).st_mtime_ns
    seal = json.loads(path.read_text())
    seal["files"]["b.npy"]["mtime_ns"] = tick
    path.write_text(json.dumps(seal))
    for name in (integrity.SEAL, "b.npy"):
        os.utime(sealed / name, ns=(tick, tick))
    seen = _hashed(monkeypatch)
    integrity.verify(sealed, full=False)
    assert "b.npy" in seen and "a.seg" not in seen


def test_truncated_and_missing_files_are_refused_by_their_stat(sealed):
    with open(sealed / "a.seg", "r+b") as handle:
        handle.truncate(10)
    with pytest.raises(IndexCorruptError, match="10 bytes where the build wrote 5000"):
        integrity.verify(sealed, full=False)
    (sealed / "a.seg").unlink()
    with pytest.raises(IndexCorruptError, match="a.seg: missing"):
        integrity.verify(sealed, full=False)


def test_a_seal_without_mtimes_hashes_every_file(sealed, monkeypatch):
    """A generation sealed before the mtimes were recorded is checked as it was: in full."""
    import json

    seal = json.loads((sealed / integrity.SEAL).read_text())
    for record in seal["files"].values():
        del record["mtime_ns"]
    (sealed / integrity.SEAL).write_text(json.dumps(seal))
    seen = _hashed(monkeypatch)
    integrity.verify(sealed, full=False)
    assert sorted(seen) == ["a.seg", "b.npy"]

