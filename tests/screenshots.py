"""Regenerate the README's screenshots: `make screenshots` (python -m tests.screenshots DIR).

Serves the repository's own content with gunicorn on a free port (a temporary index)
and photographs the main pages in headless Chromium, desktop and phone, in both languages.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from kb.settings import ROOT
from tests.chromium import launch
from tests.conftest import Server, build

SHOTS = [  # file name, URL, viewport width, whole page
    ("home-en.png", "/en/", 1280, True),
    ("home-ru.png", "/ru/", 1280, False),
    ("search-ru.png", "/ru/search?q=вечерние школы", 1280, False),
    ("role-ru.png", "/ru/roles/trade-unions", 1280, False),
    ("compare-en.png", "/en/compare?theme=evening-schools&country=kyrgyzstan&country=tajikistan"
                       "&country=central-asia", 1280, False),
    ("entry-ru.png", "/ru/entries/kg-rec-17-evening-schools-support", 1280, True),
    ("phone-search-ru.png", "/ru/search?q=мониторинг&stakeholder=npc", 390, False),
]


def main(target: Path) -> None:
    from playwright.sync_api import sync_playwright

    target.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kb-shots-"))
    try:
        build(ROOT / "content", work / "index")
        server = Server({"KB_CONTENT_DIR": str(ROOT / "content"), "KB_INDEX_DIR": str(work / "index")})
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                for name, url, width, whole in SHOTS:
                    page = browser.new_page(viewport={"width": width, "height": 900 if width > 400 else 844})
                    page.goto(server.url + url)
                    page.screenshot(path=str(target / name), full_page=whole)
                    page.close()
                    print(target / name)
                browser.close()
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
