"""HTTP throughput and latency under load: wrk against gunicorn with 2 workers, and worker memory.

    .venv/bin/python benchmarks/http_load.py                      # real corpus; writes benchmarks/http.md
    .venv/bin/python benchmarks/http_load.py --corpus 20000 --seconds 20

`/api/search` and `/search` cycle through distinct queries (the development set and its
words one by one); `/health`, which does no search, is measured in the same run before and
after them, so the ratio holds on a noisy machine. Needs `wrk` (Debian package `wrk`).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from corpora import HERE, REPO, corpus, dev_queries, write_report

# Figures before this issue (issue 10), same script and machine: the real corpus measured
# 2026-12-01 08:49 with `http_load.py --seconds 10 --connections 8`; 100 000 from the issue.
BEFORE = {("real", 8): {"/api/search": "0.05 × /health, p50 71.6, p90 125.6, p99 172.7",
                        "/search": "0.03 × /health, p50 117.2, p90 188.3, p99 291.9",
                        "memory": "80 MiB resident per worker"},
          ("100000", 1): {"/api/search": "p50 71, p95 288, max 1600 (the issue)",
                          "memory": "1.2 GiB resident per worker (the issue)"},
          ("100000", 8): {"memory": "1.2 GiB resident per worker (the issue)"}}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def query_strings() -> list[str]:
    """Distinct query strings: each development query, then each of its words alone."""
    found = []
    for query in dev_queries():
        for text in [query["q"], *query["q"].split()]:
            if text not in found:
                found.append(text)
    return found


def lua_script(prefix: str, queries: list[str]) -> str:
    """A wrk script that sends each thread round the queries in turn."""
    quoted = ",\n".join(f'  "{prefix}{urllib.parse.quote(q)}"' for q in queries)
    return ("local paths = {\n" + quoted + "\n}\nlocal i = 0\n"
            "request = function()\n  i = i + 1\n"
            "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n" + P95_LUA)


# wrk's --latency table has no 95th percentile: print it from the run's histogram.
P95_LUA = ('done = function(summary, latency, requests)\n'
           '  io.write(string.format("p95: %d\\n", latency:percentile(95)))\nend\n')


def run_wrk(url: str, script: Path, seconds: int, connections: int) -> dict:
    """Requests/s and latency percentiles (ms) of one wrk run; non-2xx answers counted."""
    threads = min(2, connections)
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script),
               url]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency("50"), "p90": latency("90"), "p99": latency("99"),
            "p95": int(re.search(r"^p95: (\d+)", out, re.M).group(1)) / 1000,
            "errors": int(errors.group(1)) if errors else 0,
            "requests": int(re.search(r"(\d+) requests in", out).group(1))}


def memory(pid: int) -> dict[str, int]:
    """MiB of one process from /proc/<pid>/smaps_rollup: resident (RSS), proportional (PSS: a page
    shared by n processes counts 1/n), private (USS: pages no other process maps)."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    kb = {k: int(re.search(rf"^{k}:\s+(\d+) kB", rollup, re.M).group(1))
          for k in ("Rss", "Pss", "Private_Clean", "Private_Dirty")}
    return {"rss": kb["Rss"] // 1024, "pss": kb["Pss"] // 1024,
            "uss": (kb["Private_Clean"] + kb["Private_Dirty"]) // 1024}


KINDS = ("anonymous (heap: Python objects, numpy arrays)", "postings arrays (.arr_*.npy, mapped)",
         "Whoosh segment files (.seg, mapped)", "semantic model weights (mapped)",
         "libraries and other files")


def kind_of(path: str) -> str:
    return (KINDS[1] if ".arr_" in path else KINDS[2] if path.endswith(".seg") else
            KINDS[3] if "kb-semantic" in path or path.endswith(".npy") else
            KINDS[0] if not path.startswith("/") else KINDS[4])


def mappings(pid: int) -> dict[str, list[float]]:
    """{kind: [resident, proportional, private] MiB} of one process's mappings (/proc/<pid>/smaps):
    its heap and the files it maps (file pages are the page cache's, shared by every process
    mapping them, and dropped by the kernel under pressure rather than swapped)."""
    found = {kind: [0.0, 0.0, 0.0] for kind in KINDS}
    kind = KINDS[0]
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        fields = line.split()
        if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
            kind = kind_of(fields[5] if len(fields) > 5 else "")
        elif fields and fields[0] in ("Rss:", "Pss:", "Private_Clean:", "Private_Dirty:"):
            at = {"Rss:": 0, "Pss:": 1}.get(fields[0], 2)
            found[kind][at] += int(fields[1]) / 1024
    return found


def mapping_rows(master: int) -> list[str]:
    """A table of each worker's memory by kind of mapping."""
    workers = [int(pid) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]
    found = [mappings(pid) for pid in workers]
    rows = ["| mapping | " + " | ".join(f"worker {n + 1} RSS / PSS / private MiB" for n in range(len(found)))
            + " |", "|---|" + "---:|" * len(found)]
    for kind in KINDS:
        rows.append(f"| {kind} | " + " | ".join("{:.0f} / {:.0f} / {:.0f}".format(*m[kind]) for m in found)
                    + " |")
    rows.append("| **all** | " + " | ".join(" / ".join(f"{sum(m[k][i] for k in KINDS):.0f}" for i in range(3))
                                          for m in found) + " |")
    return rows


def worker_memory(master: int) -> list[dict[str, int]]:
    """memory() of each gunicorn worker."""
    return [memory(int(pid)) for pid in Path(f"/proc/{master}/task/{master}/children").read_text().split()]


def describe(sizes: list[dict[str, int]]) -> str:
    return ", ".join(f"{m['rss']} MiB resident ({m['pss']} proportional, {m['uss']} private)" for m in sizes)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="real")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--as-is", action="store_true",
                        help="serve the index as it is, without bringing it up to date first")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("http_load.py: wrk is not installed (apt-get install wrk)")
    found = corpus(args.corpus, build=not args.as_is)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KB_CONTENT_DIR": str(found.content), "KB_INDEX_DIR": str(found.index)}
    # The service as `make run` starts it: gunicorn.conf.py (gevent, --preload, 2 workers).
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", "2",
                               "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=REPO, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="kb-http-bench-"))
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/health", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        started = worker_memory(server.pid)
        queries = query_strings()
        scripts = {"health": work / "health.lua"}
        scripts["health"].write_text(lua_script("/health?", [""]), encoding="utf-8")
        for name, prefix in (("api", "/api/search?q="), ("page", "/search?q=")):
            scripts[name] = work / f"{name}.lua"
            scripts[name].write_text(lua_script(prefix, queries), encoding="utf-8")
        for query in queries:           # warm every worker's caches, untimed
            for prefix in ("/api/search?q=", "/search?q="):
                urllib.request.urlopen(base + prefix + urllib.parse.quote(query)).read()
        # The first pass meets each query in a worker that has not analysed it (the warm-up above
        # reached one worker of two); the second, each worker's per-process caches of query
        # analysis and query vectors hold them (there is no result cache): a steady state.
        runs = {"/health (before)": run_wrk(base, scripts["health"], args.seconds, args.connections),
                "/api/search (first pass)": run_wrk(base, scripts["api"], args.seconds, args.connections),
                "/search (first pass)": run_wrk(base, scripts["page"], args.seconds, args.connections),
                "/api/search": run_wrk(base, scripts["api"], args.seconds, args.connections),
                "/search": run_wrk(base, scripts["page"], args.seconds, args.connections),
                "/health (after)": run_wrk(base, scripts["health"], args.seconds, args.connections)}
        loaded = worker_memory(server.pid)
        by_mapping = mapping_rows(server.pid)
        master = memory(server.pid)
        load = os.getloadavg()
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    health = (runs["/health (before)"]["rps"] + runs["/health (after)"]["rps"]) / 2
    before = BEFORE.get((args.corpus, args.connections), {})
    rows = ["| endpoint | requests | non-2xx | req/s | share of /health | p50 ms | p90 ms | p95 ms | "
            "p99 ms | before this issue |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for name, r in runs.items():
        rows.append(f"| {name} | {r['requests']} | {r['errors']} | {r['rps']:.0f} | "
                    f"{r['rps'] / health:.2f} | {r['p50']:.1f} | {r['p90']:.1f} | {r['p95']:.1f} | "
                    f"{r['p99']:.1f} | {before.get(name.removesuffix(' (first pass)'), '')} |")
    rows += ["", f"Memory per worker at start: {describe(started)}; after the run: {describe(loaded)}; "
             f"the master: {describe([master])}. Proportional (PSS) divides each page among the "
             "processes sharing it (what --preload loaded before the fork, the memory-mapped model "
             "weights and index files); private (USS) is what a worker alone holds, what one more "
             "worker would cost.",
             f"Load average (1/5/15 min) at the end: {load[0]:.1f}/{load[1]:.1f}/{load[2]:.1f} on "
             f"{os.cpu_count()} cores; /health of the same run is the yardstick.",
             f"Before this issue: {before.get('memory', 'see the issue')}.", "",
             "Each worker's memory after the run by kind of mapping (/proc/<pid>/smaps): file pages "
             "(the mapped index and model files) are the page cache's, in every worker's RSS but held "
             "once; the anonymous heap is each worker's own, but for what --preload made before the fork "
             "(shared until written).", "", *by_mapping]
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/http_load.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / ("http.md" if args.corpus == "real" else f"http-{args.corpus}.md"),
                 f"HTTP under load ({found.name} corpus)", command.strip(), [
        f"wrk, {min(2, args.connections)} threads, {args.connections} connections, {args.seconds} s per "
        f"endpoint, against "
        f"`gunicorn -c gunicorn.conf.py --workers 2 wsgi:app` (gevent, --preload) on the same machine "
        f"(wrk takes CPU from the "
        f"workers). Search endpoints cycle through {len(queries)} distinct queries, each asked once "
        f"of the service before the runs (reaching one worker of two). The first-pass rows are the "
        f"first run of each search endpoint: a worker meets part of the queries for the first time "
        f"(its analysis of the query's words and the query's vector not yet made: no result is ever "
        f"cached); the rows after them are the same queries again, the steady state the aims are "
        f"read against.", "", *rows])


if __name__ == "__main__":
    main()
