"""Whether a compiled runtime makes the query encoding cheaper: the model's forward pass as one
ONNX graph run by ONNX Runtime, against the numpy pass the service runs.

    pip install onnx onnxruntime            # not dependencies of the project: this measures them
    .venv/bin/python benchmarks/encoder_runtime.py     # writes benchmarks/encoder-runtime.md

The graph is built here from the served backend's own arrays (the same weights, float32: the
n-gram windows of one sentence as 1-D convolutions with zero padding); the embedding table stays
the row file read per piece, as served. `int8` is the same graph through ONNX Runtime's dynamic
quantization (weights int8 per channel, activations quantized per product). Each development
query is encoded by each backend in turn (interleaved), thread CPU per encoding; the vectors are
compared with the numpy ones, and the private memory a session takes is read from smaps_rollup.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml
from corpora import DEV_QUERIES, HERE, write_report

from indexer.search.semantic import load_encoder

ROUNDS = 5
ORDERS = ((2, 0), (3, 1), (5, 2))    # the package's (n-gram order, left context), CNN width 256
WIDTH, CHUNKS = 256, 17


def graph(backend):
    """The forward pass of one sentence (embedded pieces `emb` (T, 512), `tn` = [T]) as ONNX."""
    from onnx import TensorProto, helper, numpy_helper

    inits, nodes = [], []

    def const(name, array, dtype=np.float32):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(np.asarray(array, dtype=dtype)), name))
        return name

    def node(op, inputs, out, **attributes):
        nodes.append(helper.make_node(op, inputs, [out], **attributes))
        return out

    const("axis0", [0], np.int64)
    const("axis1", [1], np.int64)
    x = node("Add", [node("MatMul", ["emb", const("proj_W", backend.proj_W)], "x0"),
                     const("proj_b", backend.proj_b)], "x1")
    norm_all = [const("ln_g_all", backend.ln_g_all), const("ln_b_all", backend.ln_b_all)]
    x = node("LayerNormalization", [x, *norm_all], "x2", axis=-1, epsilon=backend.eps)
    x = node("Unsqueeze", [node("Transpose", [x], "xt", perm=[1, 0]), "axis0"], "x3")    # (1, 768, T)
    branches = []
    for i, (n, left) in enumerate(ORDERS):
        bounds = [const(f"s{i}", [i * WIDTH], np.int64), const(f"e{i}", [(i + 1) * WIDTH], np.int64)]
        xs = node("Slice", [x, *bounds, "axis1"], f"xs{i}")

        def conv(source, weights, bias, tag, n=n, left=left):
            kernel = np.asarray(weights, dtype=np.float32).reshape(n, WIDTH, WIDTH).transpose(2, 1, 0)
            return node("Conv", [source, const(f"W{tag}", kernel), const(f"b{tag}", bias)], f"conv{tag}",
                        pads=[left, n - 1 - left], kernel_shape=[n])

        h = node("Relu", [conv(xs, backend.w1[i], backend.b1[i], f"1{i}")], f"h{i}")
        h = node("Add", [h, xs], f"hr{i}")
        c = node("Relu", [conv(h, backend.w2[i], backend.b2[i], f"2{i}")], f"c{i}")
        c = node("Add", [c, h], f"cr{i}")
        branches.append(c)
    cnn = node("Transpose", [node("Squeeze", [node("Concat", branches, "cnn", axis=1), "axis0"], "cnn2")],
               "cnnT", perm=[1, 0])
    feats = node("LayerNormalization", [node("Concat", ["emb", cnn], "feats", axis=1),
                                        const("ln_g", backend.ln_g), const("ln_b", backend.ln_b)],
                 "featsn", axis=-1, epsilon=backend.eps)
    summed = node("ReduceSum", [feats, "axis0"], "sum", keepdims=1)
    pooled = node("MatMul", [summed, const("cnn_W", backend.cnn_W)], "m0")
    pooled = node("Add", [pooled, node("Mul", ["tn", const("cnn_b", backend.cnn_b)], "tb")], "m1")
    mean = node("Mul", [pooled, node("Reciprocal", [node("Sqrt", ["tn"], "sq")], "rs")], "mean")

    def dense(source, name):
        return node("MatMul", [source, const(name, getattr(backend, name))], f"{source}_{name}")

    y0 = node("Relu", [dense(mean, "d0")], "y0")
    y1 = node("Relu", [node("Add", [dense(mean, "p1"), dense(y0, "d1")], "y1a")], "y1")
    y2 = node("Relu", [dense(y1, "d2")], "y2")
    z = node("Tanh", [node("Add", [dense(y1, "p3"), dense(y2, "d3")], "za")], "z")
    norm = node("Max", [node("ReduceSumSquare", [z], "ss", keepdims=1, axes=[1]),
                        const("eps", [backend.eps])], "ssc")
    node("Mul", [z, node("Reciprocal", [node("Sqrt", [norm], "nrm")], "rn")], "out")
    inputs = [helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["T", 512]),
              helper.make_tensor_value_info("tn", TensorProto.FLOAT, [1])]
    outputs = [helper.make_tensor_value_info("out", TensorProto.FLOAT, [1, 512])]
    model = helper.make_model(helper.make_graph(nodes, "use-multilingual-3", inputs, outputs, inits),
                              opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    return model


def session(path: Path):
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def runner(backend, compiled):
    """text -> its vector through the compiled graph (the table read and dequantised as served)."""
    def encode(text: str) -> np.ndarray:
        ids = np.array(backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True), dtype=np.int64)
        chunk = ids % CHUNKS
        emb = backend.table[ids].astype(np.float32)
        emb *= backend.scale[chunk, None]
        emb += backend.lo[chunk, None]
        return compiled.run(["out"], {"emb": emb, "tn": np.array([len(ids)], dtype=np.float32)})[0][0]
    return encode


def private_mib() -> float:
    rollup = Path("/proc/self/smaps_rollup").read_text()
    return sum(int(re.search(rf"^{k}:\s+(\d+) kB", rollup, re.M).group(1))
               for k in ("Private_Clean", "Private_Dirty")) / 1024


def main() -> None:
    try:
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic
    except ImportError:
        sys.exit("needs onnx and onnxruntime (pip install onnx onnxruntime): not dependencies of the project")
    backend = load_encoder("").load()._backend
    queries = [q["q"] for q in yaml.safe_load(DEV_QUERIES.read_text(encoding="utf-8"))["queries"] if q["q"]]
    work = Path(tempfile.mkdtemp(prefix="encoder-runtime-"))
    onnx.save(graph(backend), work / "f32.onnx")
    quantize_dynamic(work / "f32.onnx", work / "int8.onnx", weight_type=QuantType.QInt8, per_channel=True,
                     op_types_to_quantize=["MatMul", "Conv"])
    before = private_mib()
    f32 = session(work / "f32.onnx")
    memory = private_mib() - before
    backends = {"numpy (served)": lambda t: backend.encode([t])[0],
                "ONNX Runtime float32": runner(backend, f32),
                "ONNX Runtime int8 (dynamic)": runner(backend, session(work / "int8.onnx"))}
    reference = {q: backends["numpy (served)"](q) for q in queries}
    times = {name: [] for name in backends}
    differences = {name: (0.0, 1.0) for name in backends}
    for _ in range(ROUNDS):
        for query in queries:
            for name, encode in backends.items():
                start = time.thread_time()
                vector = encode(query)
                times[name].append((time.thread_time() - start) * 1000)
                gap, cosine = differences[name]
                differences[name] = (max(gap, float(np.abs(vector - reference[query]).max())),
                                     min(cosine, float(vector @ reference[query])))
    rows = ["| backend | encodings | CPU p50 ms | CPU p90 ms | CPU min ms | largest difference | "
            "least cosine |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for name, values in times.items():
        values.sort()
        gap, cosine = differences[name]
        middle, high = values[len(values) // 2], values[int(len(values) * 0.9)]
        rows.append(f"| {name} | {len(values)} | {middle:.2f} | {high:.2f} | {values[0]:.2f} | {gap:.1e} | "
                    f"{cosine:.4f} |")
    for path in work.iterdir():
        path.unlink()
    work.rmdir()
    write_report(HERE / "encoder-runtime.md", "Query encoding: numpy against ONNX Runtime",
                 "benchmarks/encoder_runtime.py", [
                     __doc__.split("\n\n")[2].replace("\n", " ").strip(), "",
                     f"{len(queries)} development queries × {ROUNDS} rounds, interleaved; load "
                     f"{os.getloadavg()[0]:.1f}. Before this measurement every query was encoded by numpy "
                     "(the first row).", "", *rows, "",
                     f"Making one float32 session took {memory:.0f} MiB of private memory (a worker's own, "
                     "unless made before the fork), besides the library's pages."])


if __name__ == "__main__":
    main()
