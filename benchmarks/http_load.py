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
            "  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")


def run_wrk(url: str, script: Path | None, seconds: int, connections: int) -> dict:
    """Requests/s and latency percentiles (ms) of one wrk run; non-2xx answers counted."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    def latency(label):
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\b", out, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": latency("50"), "p90": latency("90"), "p99": latency("99"),
            "errors": int(errors.group(1)) if errors else 0,
            "requests": int(re.search(r"(\d+) requests in", out).group(1))}


def worker_rss(master: int) -> list[int]:
    """Resident memory (MiB) of each gunicorn worker of a master process."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) // 1024)
    return sizes


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default="real")
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--connections", type=int, default=4)
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("http_load.py: wrk is not installed (apt-get install wrk)")
    found = corpus(args.corpus)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KB_CONTENT_DIR": str(found.content), "KB_INDEX_DIR": str(found.index)}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "--preload", "--workers", "2",
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
        queries = query_strings()
        scripts = {}
        for name, prefix in (("api", "/api/search?q="), ("page", "/search?q=")):
            scripts[name] = work / f"{name}.lua"
            scripts[name].write_text(lua_script(prefix, queries), encoding="utf-8")
        for query in queries:           # warm every worker's caches, untimed
            for prefix in ("/api/search?q=", "/search?q="):
                urllib.request.urlopen(base + prefix + urllib.parse.quote(query)).read()
        runs = {"/health (before)": run_wrk(base + "/health", None, args.seconds, args.connections),
                "/api/search": run_wrk(base, scripts["api"], args.seconds, args.connections),
                "/search": run_wrk(base, scripts["page"], args.seconds, args.connections),
                "/health (after)": run_wrk(base + "/health", None, args.seconds, args.connections)}
        rss = worker_rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(work, ignore_errors=True)
    health = (runs["/health (before)"]["rps"] + runs["/health (after)"]["rps"]) / 2
    rows = ["| endpoint | requests | non-2xx | req/s | share of /health | p50 ms | p90 ms | p99 ms |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, r in runs.items():
        rows.append(f"| {name} | {r['requests']} | {r['errors']} | {r['rps']:.0f} | {r['rps'] / health:.2f} | "
                    f"{r['p50']:.1f} | {r['p90']:.1f} | {r['p99']:.1f} |")
    rows += ["", f"Resident memory per worker after the run: {', '.join(f'{m} MiB' for m in rss)}."]
    print("\n".join(rows), file=sys.stderr)
    command = "benchmarks/http_load.py " + " ".join(argv if argv is not None else sys.argv[1:])
    write_report(HERE / ("http.md" if args.corpus == "real" else f"http-{args.corpus}.md"),
                 f"HTTP under load ({found.name} corpus)", command.strip(), [
        f"wrk, 2 threads, {args.connections} connections, {args.seconds} s per endpoint, against "
        f"`gunicorn --preload --workers 2 wsgi:app` on the same machine (wrk takes CPU from the "
        f"workers). Search endpoints cycle through {len(queries)} distinct queries.", "", *rows])


if __name__ == "__main__":
    main()
