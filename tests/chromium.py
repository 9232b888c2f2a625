"""Debian's Chromium for the browser tests and the screenshots: where it is and how it starts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def require(needed: str, how: str) -> None:
    """Skip the calling test module when `needed` is missing; in CI, where it must be there, fail."""
    if not Path(needed).exists():
        if os.environ.get("CI"):
            raise RuntimeError(f"{needed} is missing in CI: {how}")
        pytest.skip(f"{needed} not installed ({how})", allow_module_level=True)


def launch(playwright):
    """Headless Debian Chromium with the flags this closed network needs."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
