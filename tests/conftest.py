"""Fixtures: a real index on disk over tests/fixtures/content, the app, its client, the CLI runner."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from indexer.index.build import build_index
from kb import create_app
from kb.settings import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
CONTENT = FIXTURES / "content"
TAXONOMY = ROOT / "content" / "taxonomy.yaml"


def build(content: Path, index_dir: Path, **kwargs):
    """Build an index the way `kb index` does, paths relative to the repository."""
    return build_index(content, index_dir, TAXONOMY, ROOT, **kwargs)


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    """One real index over the fixture content, shared by read-only tests."""
    path = tmp_path_factory.mktemp("index")
    report = build(CONTENT, path)
    assert not report.problems, report.problems
    return path


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (tests/chromium.py launches it)."""
    from playwright.sync_api import sync_playwright

    from tests.chromium import launch

    with sync_playwright() as playwright:
        found = launch(playwright)
        yield found
        found.close()


@pytest.fixture
def app(index_dir):
    return create_app({"CONTENT_DIR": str(CONTENT), "INDEX_DIR": str(index_dir), "TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(index_dir, monkeypatch):
    monkeypatch.setenv("KB_CONTENT_DIR", str(CONTENT))
    monkeypatch.setenv("KB_INDEX_DIR", str(index_dir))
    return CliRunner()


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A writable copy of the fixture content, for tests that edit entries."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the real app on a free port; its output is kept for failure reports."""

    def __init__(self, env: dict, workers: int = 2):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(env["KB_INDEX_DIR"]).parent / f"gunicorn-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
            cwd=ROOT, env={**os.environ, **env}, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait()

    def _wait(self, timeout: float = 30.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise AssertionError(f"gunicorn did not become healthy:\n{self.output()}")

    def output(self) -> str:
        if self.log.closed:
            return ""
        self.log.flush()
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:   # gunicorn waits up to graceful_timeout (10 s) for its workers; a loaded machine more
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def served(tmp_path):
    """Start gunicorn over a copy of the fixture content and its own index; stop it afterwards."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    index = tmp_path / "index"
    build(content, index)
    server = Server({"KB_CONTENT_DIR": str(content), "KB_INDEX_DIR": str(index)})
    server.content, server.index = content, index
    yield server
    server.stop()


# Hypothesis (tests/test_fuzz_*.py): `ci`, the default, keeps the whole fuzz set within about a
# minute; HYPOTHESIS_PROFILE=soak tries thirty times as many inputs. No example database in
# CI: every run starts from a fresh machine, and the tree stays clean.
from hypothesis import HealthCheck  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402

hypothesis_settings.register_profile(
    "ci", max_examples=100, deadline=None, database=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
hypothesis_settings.register_profile(
    "soak", max_examples=3000, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
