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
        os.utime(directory / name, (os.stat(directory / name).st_atime, os.stat(directory / name).st_mtime - 3600))
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


def test_the_build_writes_the_sort_orders_and_a_searcher_maps_them(tmp_path):
    """The title and report orders are the build's (mapped at open), the same as computed;
    an index without them has them computed at open."""
    import numpy as np
    from whoosh import index as whoosh_index

    from indexer.index import sort_orders
    from indexer.index.build import build_index, current_generation
    from kb.settings import resolve_paths

    paths = resolve_paths({"INDEX_DIR": str(tmp_path / "index")})
    build_index(paths.content_dir, paths.index_dir, paths.taxonomy, paths.base, reports_dir=paths.reports_dir)
    generation = paths.index_dir / current_generation(paths.index_dir)
    with whoosh_index.open_dir(str(generation)).reader() as reader:
        for column in sort_orders.COLUMNS:
            written = sort_orders.load(generation, reader, column)
            assert isinstance(written, np.memmap)
            assert np.array_equal(written, sort_orders.compute(reader, column))
            (generation / f"sort-{column}.npy").unlink()
            assert np.array_equal(sort_orders.load(generation, reader, column), written)
