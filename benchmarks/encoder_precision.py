"""Whether the query encoding gets cheaper with its weights in a lower precision, in numpy.

    .venv/bin/python benchmarks/encoder_precision.py          # writes benchmarks/encoder-precision.md

One query's encoding multiplies a few token rows by each weight matrix of the model (13 MB of
float32). numpy has a fast product (BLAS) only for float32 and float64, so weights kept as
int8 (a scale per column) or bfloat16 must be widened to float32 before each product. This
times, for each matrix, thread CPU of one product as an encoding does it, the median of many:
`hot` right after the same product (the weights in the CPU's caches), `cold` after reading
64 MB of other memory (as after the rest of a search, or another worker's); float32 as served,
int8 widened into a float32 buffer then multiplied, bfloat16 widened (a shift) then multiplied.
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np
import yaml
from corpora import DEV_QUERIES, HERE, write_report

from indexer.search.semantic import load_encoder

ROUNDS = 40


def matrices(backend) -> dict[str, tuple[np.ndarray, int]]:
    """name -> (the weight matrix, rows it meets per query: tokens, or 1 after pooling)."""
    queries = [q["q"] for q in yaml.safe_load(DEV_QUERIES.read_text(encoding="utf-8"))["queries"] if q["q"]]
    tokens = int(np.median([len(backend.sp.encode(q, out_type=int, add_bos=True, add_eos=True))
                            for q in queries]))
    found = {"proj_W": (backend.proj_W, tokens)}
    for i, order in enumerate((2, 3, 5)):
        found[f"w1 (order {order})"] = (backend.w1[i], tokens)
        found[f"w2 (order {order})"] = (backend.w2[i], tokens)
    for name in ("cnn_W", "d0", "d1", "d2", "d3", "p1", "p3"):
        found[name] = (getattr(backend, name), 1)
    return found


def forms(weights: np.ndarray):
    """(float32 product, int8 widened then product, bfloat16 widened then product) of one matrix."""
    weights = np.ascontiguousarray(weights, dtype=np.float32)
    scale = np.maximum(np.abs(weights).max(axis=0), 1e-12) / 127
    int8 = np.round(weights / scale).astype(np.int8)
    bf16 = (weights.view(np.uint32) >> 16).astype(np.uint16)
    buffer = np.empty_like(weights)
    wide = buffer.view(np.uint32)

    def f32(rows):
        return rows @ weights

    def i8(rows):
        np.copyto(buffer, int8, casting="unsafe")
        return (rows @ buffer) * scale

    def b16(rows):
        np.copyto(wide, bf16, casting="unsafe")
        np.left_shift(wide, 16, out=wide)
        return rows @ buffer

    return f32, i8, b16


def timed(product, rows: np.ndarray, cold: bool, junk: np.ndarray) -> float:
    """Median thread CPU ms of one product."""
    runs = []
    for _ in range(ROUNDS):
        if cold:
            junk.sum()
        else:
            product(rows)
        start = time.thread_time()
        product(rows)
        runs.append(time.thread_time() - start)
    return float(np.median(runs)) * 1000


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    encoder = load_encoder("")
    if encoder is None:
        raise SystemExit("encoder_precision.py: the semantic model is not installed")
    backend = encoder.load()._backend
    junk = np.ones(64 << 20, dtype=np.uint8)
    rng = np.random.default_rng(0)
    found = matrices(backend)
    rows, totals = [], np.zeros(6)
    for name, (weights, count) in found.items():
        sample = rng.standard_normal((count, weights.shape[0])).astype(np.float32)
        figures = [timed(product, sample, cold, junk) for cold in (False, True) for product in forms(weights)]
        totals += figures
        shape = f"{weights.shape[0]}×{weights.shape[1]}"
        rows.append(f"| {name} | {shape} | {count} | {weights.nbytes / 2**20:.2f} | " + _cells(figures))
    size = sum(w.nbytes for w, _ in found.values()) / 2**20
    rows.append(f"| all | | | {size:.2f} | " + _cells(totals))
    load = os.getloadavg()[0]
    write_report(HERE / "encoder-precision.md", "The query encoding's products by weight precision",
                 "benchmarks/encoder_precision.py", [
                     __doc__.split("\n\n", 2)[2].strip(), "",
                     f"Thread CPU ms per product, median of {ROUNDS}; load {load:.1f} on 2 cores at the end.",
                     "", "| matrix | shape | rows | MiB (float32) | hot float32 | hot int8 | hot bfloat16 | "
                     "cold float32 | cold int8 | cold bfloat16 |",
                     "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|", *rows])


def _cells(figures) -> str:
    return " | ".join(f"{v:.3f}" for v in figures) + " |"

if __name__ == "__main__":
    main()
