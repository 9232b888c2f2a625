"""A content tree made of XSS payloads (tests/fixtures/xss.txt), its index, and every page to load.

Each payload becomes one entry holding it in every field a reader sees: title, translated
title, the report's words, the editor's translation and note, the source's part, section,
addressee and `also`, and a stakeholder of its own whose labels (both languages) are the
payload.
"""

from __future__ import annotations

import shutil
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.settings import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
# The repository's own report: its record (a taxonomy entry, or a file under content/reports/
# where records live there) is copied along, so the entries' source.report is always known.
REPORT = "proact-car-2013"


def payloads() -> list[str]:
    lines = (FIXTURES / "xss.txt").read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class XssSite:
    content: Path
    index: Path
    payloads: list[str]

    def ids(self) -> list[str]:
        return [entry_id(n) for n in range(len(self.payloads))]

    def urls(self) -> list[str]:
        """Every page type, each with the payloads where it shows them."""
        q = urllib.parse.quote
        urls = [
            "/",
            "/search",
            "/search?limit=100",
            "/search?limit=100&drafts=1",
            "/search?q=zebrafinch&limit=100",
            "/search?q=zebrafinch&limit=100&sort=title",
            "/browse/stakeholders/",
            "/browse/types/",
            "/browse/countries/kyrgyzstan?limit=100",
            "/browse/languages/ru?limit=100",
            # page types of the web branch (404 pages until it is merged): roles, reports, compare
            "/roles/",
            "/reports",
            f"/reports/{REPORT}",
            "/compare?q=zebrafinch",
            "/feed.atom",
            "/search/export.csv?q=zebrafinch",
            "/search/export.md?q=zebrafinch",
        ]
        for n, payload in enumerate(self.payloads):
            # its entry; a query holding it (results, snippets, the query echoed in the form);
            # its stakeholder's page; error pages that echo it (404 of an id, 400 of a filter).
            urls += [
                f"/entries/{entry_id(n)}",
                f"/search?q=zebrafinch+{q(payload)}",
                f"/browse/stakeholders/{stakeholder(n)}",
                f"/entries/{q(payload, safe='')}",
                f"/search?country={q(payload)}",
                f"/roles/{stakeholder(n)}",
                f"/compare?q=zebrafinch+{q(payload)}&country=kyrgyzstan",
                f"/entries/{entry_id(n)}/cite.txt",
            ]
        urls += [f"/locale/en?next={q(p)}" for p in self.payloads[:5]]
        return urls


def entry_id(n: int) -> str:
    return f"xss-{n:02d}"


def stakeholder(n: int) -> str:
    return f"xss-holder-{n:02d}"


def taxonomy(items: list[str]) -> dict:
    data = yaml.safe_load((ROOT / "content" / "taxonomy.yaml").read_text(encoding="utf-8"))
    for n, payload in enumerate(items):
        data["stakeholders"][stakeholder(n)] = {"en": f"Holder {payload}", "ru": f"Сторона {payload}"}
    return data


def entry_text(n: int, payload: str) -> str:
    lang = "ru" if n % 2 else "en"
    front = {
        "id": entry_id(n),
        "type": ["recommendation", "lesson", "good-practice"][n % 3],
        "lang": lang,
        "title": f"Zebrafinch {payload}",
        "title_translated": f"Зебра {payload}",
        "countries": ["kyrgyzstan"],
        "objectives": [],
        "stakeholders": [stakeholder(n)],
        "themes": [],
        "source": {
            "report": REPORT,
            "part": f"Part {payload}",
            "section": payload,
            "paragraph": n + 1,
            "addressee": payload,
            "also": [{"part": payload, "section": payload, "paragraph": 2}],
        },
        "parallel": [],
        "draft": n % 5 == 0,
    }
    translation, note = ("## Перевод", "## Примечание") if lang == "en" else ("## Translation", "## Note")
    body = (
        f"Zebrafinch words {payload}\n\n{payload}\n\n- {payload}\n\n> {payload}\n\n"
        f"{translation}\n\nЗебра {payload}\n\n{note}\n\n{payload}\n"
    )
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n" + body


def build_site(root: Path) -> XssSite:
    """Write the content tree and build its index the way `kb index` does."""
    from indexer.index.build import build_index

    items = payloads()
    content, index = root / "content", root / "index"
    folder = content / REPORT
    folder.mkdir(parents=True)
    (content / "taxonomy.yaml").write_text(
        yaml.safe_dump(taxonomy(items), allow_unicode=True), encoding="utf-8"
    )
    shutil.copy(ROOT / "content" / "glossary.yaml", content / "glossary.yaml")
    if (ROOT / "content" / "reports").is_dir():
        shutil.copytree(ROOT / "content" / "reports", content / "reports")
    for n, payload in enumerate(items):
        (folder / f"{entry_id(n)}.md").write_text(entry_text(n, payload), encoding="utf-8")
    report = build_index(content, index, content / "taxonomy.yaml", ROOT)
    assert not report.problems, [str(p) for p in report.problems]
    return XssSite(content, index, items)
