"""Replicas: a generation built once is shipped to each replica's index directory (copy, verify,
atomic swap); two gunicorn instances behind nginx lose no request through the rolling swap."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from indexer.errors import IndexCorruptError
from indexer.index.build import current_generation
from indexer.index.ship import ship_generation
from kb.settings import ROOT
from tests.conftest import Server, build, free_port
from tests.test_live_update import NEW_ENTRY, Hammer, stop_all


def test_ship_copies_verifies_and_swaps(content_copy, tmp_path):
    builder, replica = tmp_path / "builder", tmp_path / "replica"
    report = build(content_copy, builder)
    assert ship_generation(builder / report.generation, replica) == report.generation
    assert current_generation(replica) == report.generation
    assert ship_generation(builder / report.generation, replica) == report.generation  # again: no-op
    assert not list(replica.glob("*.tmp"))


def test_a_damaged_generation_is_not_shipped(content_copy, tmp_path):
    builder, replica = tmp_path / "builder", tmp_path / "replica"
    report = build(content_copy, builder)
    victim = max((builder / report.generation).iterdir(), key=lambda p: p.stat().st_size)
    with open(victim, "r+b") as handle:
        handle.truncate(10)
    with pytest.raises(IndexCorruptError, match="truncated"):
        ship_generation(builder / report.generation, replica)
    assert current_generation(replica) is None


def test_kb_ship_says_what_each_replica_serves(content_copy, tmp_path):
    builder = tmp_path / "builder"
    report = build(content_copy, builder)
    env = {**os.environ, "KB_CONTENT_DIR": str(content_copy), "KB_INDEX_DIR": str(builder)}
    done = subprocess.run([sys.executable, "-m", "kb.cli", "ship", "--to", str(tmp_path / "a"),
                           "--to", str(tmp_path / "b")], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"{tmp_path / 'a'}: now serving {report.generation}",
                                        f"{tmp_path / 'b'}: now serving {report.generation}"]
    refused = subprocess.run([sys.executable, "-m", "kb.cli", "ship", "--from", str(tmp_path / "nothing"),
                              "--to", str(tmp_path / "c")], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=60)
    assert refused.returncode == 1 and "no index in" in refused.stderr and refused.stderr.count("\n") == 1
    receiving = {**env, "KB_INDEX_DIR": str(tmp_path / "d")}      # a replica receiving a copy
    done = subprocess.run([sys.executable, "-m", "kb.cli", "ship", "--from",
                           str(builder / report.generation)], cwd=ROOT, env=receiving, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and current_generation(tmp_path / "d") == report.generation


NGINX = """
daemon off; worker_processes 1; pid {run}/nginx.pid; error_log {run}/error.log; user root;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {run}/body; proxy_temp_path {run}/proxy; fastcgi_temp_path {run}/fcgi;
  uwsgi_temp_path {run}/uwsgi; scgi_temp_path {run}/scgi;
  upstream kb {{ server 127.0.0.1:{a}; server 127.0.0.1:{b}; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://kb;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }}
  }}
}}
"""


class Nginx:
    def __init__(self, run: Path, backends: list[int]):
        run.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        conf = run / "nginx.conf"
        conf.write_text(NGINX.format(run=run, a=backends[0], b=backends[1], port=self.port))
        self.run = run
        self.process = subprocess.Popen(["nginx", "-c", str(conf), "-p", str(run)],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError("nginx did not answer:\n" + (run / "error.log").read_text())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _serving(server, generation: str, seconds: float = 60) -> None:
    """Wait until the replica answers from `generation` (a rolling swap waits for each)."""
    deadline = time.monotonic() + seconds       # a loaded machine opens slowly
    while _get_json(server.url + "/health")["index"] != generation:
        assert time.monotonic() < deadline, f"{server.url} still serves the old generation"
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (make test installs it)")
def test_two_replicas_behind_nginx_lose_no_request_through_a_rolling_swap(content_copy, tmp_path):
    builder = tmp_path / "builder"
    first = build(content_copy, builder).generation
    replicas = [tmp_path / "replica-a", tmp_path / "replica-b"]
    for replica in replicas:
        ship_generation(builder / first, replica)
    servers = [Server({"KB_CONTENT_DIR": str(content_copy), "KB_INDEX_DIR": str(r)}) for r in replicas]
    proxy = Nginx(tmp_path / "nginx", [s.port for s in servers])
    hammers = [Hammer(proxy.url, n) for n in range(4)]
    try:
        for hammer in hammers:
            hammer.start()
        time.sleep(1.0)
        (content_copy / "test-live-beekeeping-cooperatives.md").write_text(NEW_ENTRY, encoding="utf-8")
        second = build(content_copy, builder).generation        # built once
        for replica, server in zip(replicas, servers):          # shipped to each in turn
            assert ship_generation(builder / second, replica) == second
            _serving(server, second)    # it opens the new generation in the background first
            time.sleep(1.0)
        deadline = time.monotonic() + 60                        # a loaded machine answers slowly
        while sum(h.done for h in hammers) < 100 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        stop_all(hammers)
        try:
            through_proxy = [_get_json(proxy.url + "/api/search?q=beekeeping+cooperatives") for _ in range(6)]
            direct = [_get_json(s.url + "/health") for s in servers]
            with pytest.raises(urllib.error.HTTPError) as hidden:
                urllib.request.urlopen(proxy.url + "/metrics", timeout=5)
            hidden.value.close()
        finally:
            proxy.stop()
            for server in servers:
                server.stop()
    failures = [f for hammer in hammers for f in hammer.failures]
    assert not failures, failures[:5]
    assert sum(h.done for h in hammers) > 100, "too few requests overlapped the swap"
    assert all(found["results"][0]["id"] == "test-live-beekeeping-cooperatives" for found in through_proxy)
    assert [health["index"] for health in direct] == [second, second]
    assert hidden.value.code == 404, "/metrics must not be reachable through the proxy"
