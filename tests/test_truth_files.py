"""Guard the hand-made ground truth (tests/fixtures/reports/*.truth.yaml) from typos.

Every truth file must have the shape tests/fixtures/reports/README.md defines; and
where the report itself can be found, every item's `first` and `last` words must be in
its text, in document order, `first` on the stated page. Words are compared as the
scorer compares them: letters and digits only, lowercased.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

import pytest
import yaml

REPORTS = Path(__file__).parent / "fixtures" / "reports"
TRUTH_FILES = sorted(REPORTS.glob("*.truth.yaml"))
SHARED_REPORTS = Path(__file__).resolve().parents[2] / "shared" / "reports-dev"

REPORT_KEYS = {"slug", "file", "source", "sha256", "title", "organisation", "evaluation_type",
               "year", "lang", "countries"}
ITEM_KEYS = {"type", "number", "section", "page", "first", "last"}
NOT_ITEM_KEYS = {"page", "what", "why"}
TYPES = {"recommendation", "lesson", "good-practice"}
EVALUATION_TYPES = {"interim", "final", "ex-post", "meta", "thematic", "country-programme"}
LANGS = {"en", "ru"}
SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
MAX_WORDS = 12        # `first` and `last` are 5-10 words; a longer one is a pasted item
MAX_ITEM_PAGES = 3    # an item whose `last` is found further on has a wrong `last`


def load(path: Path) -> dict:
    with path.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def norm(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def schema_problems(truth) -> list[str]:
    """Every way the truth file departs from the README's format, one line each."""
    if not isinstance(truth, dict) or set(truth) != {"report", "items", "not_items", "notes"}:
        keys = sorted(truth) if isinstance(truth, dict) else type(truth).__name__
        return [f"top-level keys must be report, items, not_items, notes; got {keys}"]
    problems = report_problems(truth["report"])
    problems += items_problems(truth["items"])
    problems += not_items_problems(truth["not_items"])
    if not isinstance(truth["notes"], str) or not truth["notes"].strip():
        problems.append("notes: must be a non-empty string")
    return problems


def report_problems(report) -> list[str]:
    if not isinstance(report, dict) or set(report) != REPORT_KEYS:
        keys = sorted(report) if isinstance(report, dict) else type(report).__name__
        return [f"report: keys must be {sorted(REPORT_KEYS)}; got {keys}"]
    problems = []
    for key in REPORT_KEYS - {"year", "countries"}:
        if not isinstance(report[key], str) or not report[key].strip():
            problems.append(f"report.{key}: must be a non-empty string")
    if problems:
        return problems
    if not SLUG.fullmatch(report["slug"]):
        problems.append(f"report.slug: {report['slug']!r} is not [a-z0-9-]+")
    if not re.fullmatch(r"[0-9a-f]{64}", report["sha256"]):
        problems.append("report.sha256: must be 64 lowercase hex digits")
    if not report["source"].startswith(("https://", "http://")):
        problems.append("report.source: must be a URL")
    if not SLUG.fullmatch(report["organisation"]):
        problems.append(f"report.organisation: {report['organisation']!r} is not a slug")
    if report["evaluation_type"] not in EVALUATION_TYPES:
        problems.append(f"report.evaluation_type: {report['evaluation_type']!r} "
                        f"not in {sorted(EVALUATION_TYPES)}")
    if report["lang"] not in LANGS:
        problems.append(f"report.lang: {report['lang']!r} not in {sorted(LANGS)}")
    year = report["year"]
    if isinstance(year, bool) or not isinstance(year, int) or not 1950 <= year <= 2100:
        problems.append(f"report.year: {year!r} is not a year")
    countries = report["countries"]
    if not isinstance(countries, list) or not all(isinstance(c, str) and SLUG.fullmatch(c)
                                                  for c in countries):
        problems.append(f"report.countries: {countries!r} is not a list of slugs")
    return problems


def items_problems(items) -> list[str]:
    if not isinstance(items, list):
        return ["items: must be a list"]
    problems, last_page = [], 0
    for i, item in enumerate(items, 1):
        where = f"items[{i}]"
        if not isinstance(item, dict) or set(item) != ITEM_KEYS:
            keys = sorted(item) if isinstance(item, dict) else type(item).__name__
            problems.append(f"{where}: keys must be {sorted(ITEM_KEYS)}; got {keys}")
            continue
        if item["type"] not in TYPES:
            problems.append(f"{where}.type: {item['type']!r} not in {sorted(TYPES)}")
        if item["number"] is not None and (not isinstance(item["number"], str) or not item["number"].strip()):
            problems.append(f"{where}.number: must be a quoted string or null, got {item['number']!r}")
        if not isinstance(item["section"], str) or not item["section"].strip():
            problems.append(f"{where}.section: must be a non-empty string")
        page = item["page"]
        if isinstance(page, bool) or not isinstance(page, int) or page < 1:
            problems.append(f"{where}.page: {page!r} is not a positive integer")
        elif page < last_page:
            problems.append(f"{where}.page: {page} comes before the previous item's page {last_page}")
        else:
            last_page = page
        for key in ("first", "last"):
            words = item[key]
            if not isinstance(words, str) or not norm(words):
                problems.append(f"{where}.{key}: must be a string with words in it")
            elif len(words.split()) > MAX_WORDS:
                problems.append(f"{where}.{key}: {len(words.split())} words, at most {MAX_WORDS}")
    return problems


def not_items_problems(not_items) -> list[str]:
    if not isinstance(not_items, list):
        return ["not_items: must be a list"]
    problems = []
    for i, entry in enumerate(not_items, 1):
        where = f"not_items[{i}]"
        if not isinstance(entry, dict) or set(entry) != NOT_ITEM_KEYS:
            keys = sorted(entry) if isinstance(entry, dict) else type(entry).__name__
            problems.append(f"{where}: keys must be {sorted(NOT_ITEM_KEYS)}; got {keys}")
            continue
        page = entry["page"]
        if isinstance(page, bool) or not isinstance(page, int) or page < 1:
            problems.append(f"{where}.page: {page!r} is not a positive integer")
        for key in ("what", "why"):
            if not isinstance(entry[key], str) or not entry[key].strip():
                problems.append(f"{where}.{key}: must be a non-empty string")
    return problems


def search_dirs() -> list[Path]:
    dirs = [SHARED_REPORTS]
    dirs += [Path(d) for d in os.environ.get("KB_TEST_REPORTS", "").split(":") if d]
    return dirs


def find_report(report: dict) -> tuple[Path | None, Path | None, str]:
    """(the report file, its text, why the text check cannot run) from the search folders."""
    file = next((d / report["file"] for d in search_dirs() if (d / report["file"]).is_file()), None)
    if file is None:
        return None, None, f"{report['file']} is in none of {[str(d) for d in search_dirs()]}"
    if file.suffix.lower() == ".txt":
        return file, file, ""
    candidates = [file.with_suffix(".txt")] + [d / f"{report['slug']}.txt" for d in search_dirs()]
    text = next((c for c in candidates if c.is_file()), None)
    if text is None:
        return file, None, f"no text beside {file} and no {report['slug']}.txt in the search folders"
    return file, text, ""


class PagedText:
    """A report's text with only letters and digits, lowercased, knowing each position's page."""

    def __init__(self, raw: str):
        pages = raw.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()             # pdftotext ends every page, the last one included, with \f
        self.starts, parts, offset = [], [], 0
        for page in pages:
            self.starts.append(offset)
            parts.append(norm(page))
            offset += len(parts[-1])
        self.text = "".join(parts)

    @property
    def pages(self) -> int:
        return len(self.starts)

    def page_of(self, pos: int) -> int:
        return sum(1 for start in self.starts if start <= pos)


def _find_on_or_after(text: PagedText, words: str, cursor: int, page: int) -> int:
    pos = text.text.find(words, cursor)
    while pos != -1 and text.page_of(pos) < page:
        pos = text.text.find(words, pos + 1)
    return pos


def text_problems(items: list[dict], text: PagedText) -> list[str]:
    """Each item's `first` on its page after the previous item, then its `last` after it."""
    problems, cursor = [], 0
    for i, item in enumerate(items, 1):
        first, last = norm(item["first"]), norm(item["last"])
        where = f"items[{i}] (p. {item['page']}, {item['first']!r})"
        pos = _find_on_or_after(text, first, cursor, item["page"])
        if pos == -1:   # its first words cross a page break and the page's furniture: try the tail
            tail = norm(" ".join(item["first"].split()[-4:]))
            pos = _find_on_or_after(text, tail, cursor, item["page"])
            if pos != -1 and text.page_of(pos) > item["page"] + 1:
                pos = -1
            elif pos != -1 and text.page_of(pos) == item["page"] + 1:
                pos = text.starts[item["page"] - 1]   # it begins on its stated page
        if pos == -1:
            problems.append(f"{where}: `first` not found on p. {item['page']} or after the previous item")
            continue
        if text.page_of(pos) != item["page"]:
            problems.append(f"{where}: `first` is on p. {text.page_of(pos)}, not on p. {item['page']}")
        end = text.text.find(last, pos)
        if end == -1:
            problems.append(f"{where}: `last` {item['last']!r} not found after `first`")
            cursor = pos + len(first)
            continue
        if text.page_of(end) - text.page_of(pos) > MAX_ITEM_PAGES:
            problems.append(f"{where}: `last` first found on p. {text.page_of(end)}, too far on")
        cursor = end + len(last)
    return problems


def test_there_is_ground_truth():
    assert TRUTH_FILES, f"no *.truth.yaml in {REPORTS}"


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda p: p.name)
def test_truth_file_has_the_readme_shape(path):
    truth = load(path)
    assert schema_problems(truth) == []
    assert truth["report"]["slug"] + ".truth.yaml" == path.name, "slug must be the file's name"


def test_every_truth_names_an_organisation_of_the_vocabulary():
    """A report's organisation is a slug of content/taxonomy.yaml's `organisations`, so that
    a report imported and published is filed under it (issue 9: vocabularies grow in files)."""
    taxonomy = load(Path(__file__).resolve().parents[1] / "content" / "taxonomy.yaml")
    unknown = {path.name: load(path)["report"]["organisation"] for path in TRUTH_FILES}
    unknown = {name: org for name, org in unknown.items() if org not in taxonomy["organisations"]}
    assert unknown == {}


@pytest.mark.parametrize("path", TRUTH_FILES, ids=lambda p: p.name)
def test_truth_words_are_in_the_report(path):
    truth = load(path)
    if schema_problems(truth):
        pytest.skip("the shape test reports this file's problems")
    report = truth["report"]
    file, text_path, why = find_report(report)
    if text_path is None:
        pytest.skip(f"cannot check {path.name} against its report: {why}")
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    assert digest == report["sha256"], f"{file}: sha256 {digest}, truth says {report['sha256']}"
    text = PagedText(text_path.read_text(encoding="utf-8"))
    problems = text_problems(truth["items"], text)
    # Two-column pages and side boxes: `-layout` text interleaves the columns, so an item that
    # is whole in reading order (plain `pdftotext`, <slug>.raw.txt, when present) is whole.
    raw = text_path.with_name(f"{report['slug']}.raw.txt")
    if problems and raw.is_file():
        in_order = {p.split(" ", 1)[0] for p in text_problems(truth["items"], PagedText(
            raw.read_text(encoding="utf-8")))}
        problems = [p for p in problems if p.split(" ", 1)[0] in in_order]
    assert problems == []
    pages = [e["page"] for e in truth["not_items"]] + [i["page"] for i in truth["items"]]
    assert max(pages, default=1) <= text.pages, f"a page beyond the report's {text.pages}"


# The checks themselves must be able to fail: a few known-bad cases.

def test_schema_catches_typos():
    good = load(TRUTH_FILES[0])
    bad_item = dict(good["items"][0], frist="x")
    bad_page = dict(good["items"][0], page=0)
    bad_type = dict(good["items"][0], type="lessons")
    backwards = [dict(good["items"][0], page=9), dict(good["items"][0], page=2)]
    for items in ([bad_item], [bad_page], [bad_type], backwards):
        assert schema_problems(dict(good, items=items)), items
    assert schema_problems(dict(good, report=dict(good["report"], year="2021")))


def test_text_check_catches_wrong_words_and_pages():
    text = PagedText("Cover\fRecommendation 1.\nStrengthen the capa-\ncity of partners.\f"
                     "Findings only.\fRecommendation 2. Train the staff well.\f")
    item = {"first": "Strengthen the capacity", "last": "of partners.", "page": 2}
    later = {"first": "Train the staff", "last": "staff well.", "page": 4}
    assert text_problems([item, later], text) == []
    assert text_problems([dict(item, page=3), later], text)
    assert text_problems([dict(item, last="of the partners."), later], text)
    assert text_problems([later, item], text)          # out of document order
    assert text.pages == 4 and text.page_of(0) == 1


def test_find_report_looks_in_kb_test_reports_and_says_why(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "SHARED_REPORTS", tmp_path / "absent")
    monkeypatch.setenv("KB_TEST_REPORTS", f"{tmp_path / 'none'}:{tmp_path}")
    report = {"slug": "some-report-2020", "file": "Some Report.pdf"}
    assert find_report(report)[2].startswith("Some Report.pdf is in none of")
    (tmp_path / "Some Report.pdf").write_bytes(b"%PDF-1.4")
    assert "no text beside" in find_report(report)[2]
    (tmp_path / "some-report-2020.txt").write_text("text", encoding="utf-8")
    assert find_report(report) == (tmp_path / "Some Report.pdf", tmp_path / "some-report-2020.txt", "")
