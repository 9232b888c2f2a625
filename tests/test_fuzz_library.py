"""Fuzzing the library with arbitrary Unicode: query parser, analyzer, front-matter reader, importer.

Each property: no uncaught exception; a rejection is a KbError or a Problem that says what and
where. Examples that once broke something are pinned with @example.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
import yaml
from fuzz_strategies import SPECIAL, WORDS, hostile_text, huge
from hypothesis import example, given
from hypothesis import strategies as st
from whoosh import query as wq

from indexer.analysis import make_analyzer
from indexer.content.entries import Entry, Problem, check_entry, read_entry
from indexer.content.glossary import load_glossary
from indexer.content.render import render_markdown
from indexer.content.taxonomy import load_taxonomy
from indexer.errors import KbError, QueryError
from indexer.importing.importer import import_report
from indexer.search.query import build_query, parse_query
from indexer.search.request import parse_search_args
from kb.settings import ROOT

pytestmark = pytest.mark.fuzz
TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
GLOSSARY = load_glossary(ROOT / "content" / "glossary.yaml")


@pytest.fixture(scope="module")
def searcher(index_dir):
    from indexer.index.build import open_generation
    from indexer.search.searcher import KbSearcher

    ix, generation = open_generation(index_dir)
    searcher = KbSearcher(ix, generation, GLOSSARY)
    yield searcher
    searcher.close()


# --- the query language ----------------------------------------------------------------------

@given(hostile_text())
@example('"')
@example('-"" OR NOT -')
@example("\ud800 OR \udfff*")
@example("a*" * 200)
def test_any_query_parses_into_clauses_and_a_whoosh_query(text):
    clauses = parse_query(text)
    assert all(clause.text for clause in clauses)
    built = build_query(clauses, GLOSSARY, {})
    assert built.query is None or isinstance(built.query, wq.Query)


@given(st.one_of(hostile_text(), huge(hostile_text(4), (50, 200))),
       st.dictionaries(st.sampled_from(["limit", "page", "sort", "drafts", "type", "lang", "country"]),
                       hostile_text(3), max_size=3))
@example("\x00" * 600, {})
@example("\ud800", {})
@example("\udcff OR x", {"country": "\udcff"})
@example("школам OR", {"limit": "100", "page": "10000"})
def test_any_search_request_answers_or_says_what_is_wrong(searcher, q, args):
    try:
        request = parse_search_args({"q": q, **args}, TAXONOMY)
    except QueryError as exc:
        assert str(exc)
        return
    results = searcher.search(request)
    assert results.total >= 0 and len(results.hits) <= request.limit
    assert results.to_dict()["query"] == request.q


# --- the analyzer ----------------------------------------------------------------------------

@given(st.one_of(hostile_text(), huge(hostile_text(6), (200, 2_000))))
@example("\u0301\u0301ё\u0308й")
@example("İİİ ǅ ﬁ Ⅻ ² ٣")
@example("in‐house part-time --- '-' ''' -a- a--b")
def test_the_analyzer_keeps_offsets_inside_the_text(text):
    for token in make_analyzer(keep_surface=True)(text, positions=True, chars=True):
        assert token.text
        assert 0 <= token.startchar < token.endchar <= len(text)


@given(hostile_text())
@example("[x](javascript:alert(1)) <script>alert(1)</script>")
def test_any_markdown_renders(text):
    assert isinstance(render_markdown(text), str)


# --- the front-matter reader -----------------------------------------------------------------

def read_bytes(raw: bytes) -> Entry | list[Problem]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed-entry.md"
        path.write_bytes(raw)
        return read_entry(path, "content/fuzzed-entry.md")


def assert_clear(result) -> None:
    """An Entry, or problems each naming the file, a line and a message."""
    if isinstance(result, Entry):
        check_entry(result, TAXONOMY, "content/fuzzed-entry.md")
        return
    assert result and all(isinstance(p, Problem) for p in result)
    for problem in result:
        assert problem.path == "content/fuzzed-entry.md" and problem.line >= 1 and problem.message


@given(st.binary(max_size=400))
@example(b"---\n\x00\n---\n")
@example(b"\xef\xbb\xbf---\n---\n")
@example(b"---\nid: [\n---\n")
def test_any_bytes_read_as_an_entry_or_problems(raw):
    assert_clear(read_bytes(b"---\n" + raw if raw[:1] != b"-" else raw))


@given(hostile_text())
def test_any_text_reads_as_an_entry_or_problems(text):
    assert_clear(read_bytes(text.encode("utf-8", "surrogatepass")))


VALID = {"id": "fuzzed-entry", "type": "lesson", "lang": "en", "title": "A title",
         "title_translated": "Заголовок", "countries": ["kyrgyzstan"], "objectives": [],
         "stakeholders": [], "themes": [], "parallel": [],
         "source": {"report": "proact-car-2013", "section": "4.2"}}
KEYS = st.sampled_from(["title", "title_translated", "id", "type", "lang"])
YAML_VALUES = st.one_of(hostile_text(10), st.integers(), st.floats(), st.booleans(), st.none(),
                        st.lists(hostile_text(3), max_size=3),
                        st.dictionaries(hostile_text(2), hostile_text(2)))


@given(st.dictionaries(KEYS, YAML_VALUES, max_size=3), hostile_text(), hostile_text(20))
@example({"title": "\x85"}, "body", "")
@example({"title": "a\u2028b"}, "body", "")
def test_hostile_front_matter_values_read_back_or_are_named(changes, body, source_section):
    meta = {**VALID, **changes, "source": {**VALID["source"], "section": source_section}}
    try:
        front = yaml.safe_dump(meta, allow_unicode=True)
    except yaml.YAMLError:
        return   # PyYAML cannot write it (a lone surrogate): no editor can have saved it either
    raw = f"---\n{front}---\n{body}\n".encode("utf-8", "surrogatepass")
    result = read_bytes(raw)
    assert_clear(result)


# --- the importer ----------------------------------------------------------------------------

STRUCTURE = ["4.1 Lessons learnt", "Annex 6a: Country evaluation report Kyrgyzstan", "Рекомендации",
             "To ILO/IPEC:", "Kyrgyzstan", "\f", "", "•", "-", "1.", "12.", "(a)", "Эта", "This"]
item_text = st.one_of(hostile_text(12), st.sampled_from(STRUCTURE))
CHAPTERS = "1 Introduction\n\nSome text.\n\n2 Findings\n\nText.\n\n3 Recommendations\n\n"


def report_text(items: list[str]) -> str:
    """A report whose chapter 3 holds these items, numbered or bulleted."""
    lines = [f"{n}. Recommend {text}" if n % 3 else f"• {text}" for n, text in enumerate(items, 1)]
    return CHAPTERS + "\n\n".join(lines) + "\n\n4 Conclusions\n\nEnd.\n"


def import_text(raw: bytes):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "report.txt"
        source.write_bytes(raw)
        out = Path(folder) / "out"
        try:
            result = import_report(source, "proact-car-2013", out, TAXONOMY)
        except KbError as exc:
            assert str(exc)
            return None
        for path in result.written:
            draft = read_entry(path, path.name)
            assert isinstance(draft, Entry), (path.read_text(encoding="utf-8"), draft)
            assert draft.draft
            assert not check_entry(draft, TAXONOMY, path.name), path.read_text(encoding="utf-8")
        return result


@given(st.lists(item_text, min_size=1, max_size=30))
@example(["\x00 this \u2028 that.", "Ё\u0301 \ud800"])
@example(['"quoted" #: --- [a] {b}', "\x85 next", "\x7f"])
def test_report_like_text_imports_as_readable_drafts(items):
    import_text(report_text(items).encode("utf-8", "replace"))


@given(st.one_of(st.binary(max_size=300), hostile_text().map(lambda t: t.encode("utf-8", "surrogatepass"))))
@example(b"\xff\xfe4 Recommendations\n")
def test_any_report_text_imports_or_says_why(raw):
    import_text(raw)


def test_a_huge_report_text_imports():
    items = [f"{' '.join(WORDS)} {''.join(SPECIAL)} {n}." * 20 for n in range(1, 300)]
    result = import_text(report_text(items).encode("utf-8", "replace"))
    assert len(result.written) >= 100
