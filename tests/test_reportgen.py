"""The synthetic report generator (tests/reportgen.py): files open, text is real, truth holds."""

import re

import docx
import pytest
from pypdf import PdfReader
from reportgen import FORMATS, LANGS, STYLES, build_report, make_report
from reportgen_docx import parse_label

TRUTH_KEYS = {"type", "number", "section", "page", "first", "last"}
REPORT_KEYS = {"slug", "file", "source", "sha256", "title", "organisation", "evaluation_type", "year",
               "lang", "countries"}


def key(text: str) -> str:
    """Letters and digits only, lowercased, as the scorer compares words."""
    return re.sub(r"[\W_]+", "", text.lower())


def pdf_pages(path) -> list[str]:
    """Each page's text in scorer form, without the running header and footer.

    The writer draws them before the page's content, so they are a page's first two lines.
    """
    pages = []
    for n, page in enumerate(PdfReader(path).pages):
        lines = page.extract_text().splitlines()
        pages.append(key(" ".join(lines[2:] if n else lines)))
    return pages


def docx_text(path) -> str:
    """The document's paragraphs and table cells in body order, in scorer form."""
    parts = []
    for block in docx.Document(str(path)).iter_inner_content():
        if isinstance(block, docx.table.Table):
            parts += [cell.text for row in block.rows for cell in row.cells]
        else:
            parts.append(block.text)
    return key(" ".join(parts))


def assert_items_in(text: str, items: list[dict], starts: list[int] | None = None) -> None:
    """Every item's first words are in `text` in document order, its last words after them."""
    at = 0
    for n, item in enumerate(items):
        if starts is not None:  # on its own page (the summary may repeat its words earlier)
            at = max(at, starts[item["page"] - 1])
        first = text.find(key(item["first"]), at)
        assert first >= 0, f"item {n} ({item['number']}) not found after offset {at}: {item['first']!r}"
        if starts is not None:
            page = max(p for p, start in enumerate(starts, 1) if start <= first)
            assert page == item["page"], f"item {n} begins on page {page}, truth says {item['page']}"
        last = text.find(key(item["last"]), first)
        assert last >= first, f"item {n}: last words {item['last']!r} not after its first words"
        at = first + 1


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("style", STYLES)
def test_every_style_writes_a_pdf_whose_text_holds_its_items_on_their_pages(tmp_path, style, lang):
    path, truth = make_report(tmp_path, style=style, lang=lang, fmt="pdf", seed=11)
    pages = pdf_pages(path)
    starts = [sum(len(p) for p in pages[:n]) for n in range(len(pages))]
    assert len(pages) >= 4 and truth["report"]["file"] == path.name
    assert truth["items"] and all(set(item) == TRUTH_KEYS for item in truth["items"])
    assert_items_in("".join(pages), truth["items"], starts)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("style", STYLES)
def test_every_style_writes_a_docx_whose_text_holds_its_items(tmp_path, style, lang):
    path, truth = make_report(tmp_path, style=style, lang=lang, fmt="docx", seed=5)
    assert all(item["page"] is None for item in truth["items"])
    assert_items_in(docx_text(path), truth["items"])


@pytest.mark.parametrize("fmt", FORMATS)
def test_two_column_pages_keep_the_reading_order(tmp_path, fmt):
    for style, lang in (("numbered", "en"), ("bullets", "ru"), ("addressee", "ru")):
        path, truth = make_report(tmp_path, style=style, lang=lang, fmt=fmt, seed=3, columns=2)
        text = "".join(pdf_pages(path)) if fmt == "pdf" else docx_text(path)
        assert_items_in(text, truth["items"])


@pytest.mark.parametrize("style", ["numbered", "recommendation-n", "lettered", "bullets", "addressee"])
def test_word_numbering_takes_the_labels_out_of_the_text_into_list_definitions(tmp_path, style):
    path, truth = make_report(tmp_path, style=style, lang="ru", fmt="docx", seed=8, numbering="word")
    document = docx.Document(str(path))
    assert_items_in(docx_text(path), truth["items"])
    numbered = [p for p in document.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    first = next(item for item in truth["items"] if item["type"] == "recommendation")
    opening = next(p for p in numbered if key(p.text).startswith(key(first["first"])))
    assert key(opening.text).startswith(key(first["first"])), "the label must not be typed into the text"
    formats = document.part.numbering_part.element.xml
    expected = {"numbered": 'w:lvlText w:val="%1."', "recommendation-n": 'w:lvlText w:val="Рекомендация %1:"',
                "lettered": 'w:numFmt w:val="russianLower"', "bullets": 'w:numFmt w:val="bullet"',
                "addressee": 'w:lvlText w:val="%1."'}[style]
    assert expected in formats


def test_footnotes_are_printed_at_the_foot_of_the_page_of_their_marker(tmp_path):
    report = build_report("numbered", "en", seed=4)
    noted = [block for block in report.blocks if block.note]
    assert noted, "this seed has footnoted paragraphs"
    path, truth = make_report(tmp_path, style="numbered", lang="en", fmt="pdf", seed=4)
    pages = [page.extract_text() for page in PdfReader(path).pages]
    for n, block in enumerate(noted, 1):
        marked = [k for k, text in enumerate(pages) if key(block.text) + str(n) in key(text)]
        assert marked, f"paragraph with footnote {n} not found with its marker"
        assert any(f"{n} {block.note}" in text for text in pages[marked[0]:marked[0] + 2])


def test_labels_parse_into_word_list_forms():
    assert parse_label("R3.") == ("R", "decimal", 3, ".")
    assert parse_label("Recommendation 12:") == ("Recommendation ", "decimal", 12, ":")
    assert parse_label("(b)") == ("(", "lowerLetter", 2, ")")
    assert parse_label("в)") == ("", "russianLower", 3, ")")
    assert parse_label("▪") == ("", "bullet", 1, "▪")
    assert parse_label("Conclusion") is None


def test_headed_and_summary_only_styles_place_their_items_where_the_report_does():
    headed = build_report("headed", "en", seed=1)
    recs = [item for item in headed.items if item["type"] == "recommendation"]
    assert all(item["number"] == f"{item['section']}.{n}" for n, item in enumerate(recs, 1))
    summary = build_report("summary-only", "en", seed=1)
    recs = [item for item in summary.items if item["type"] == "recommendation"]
    assert recs and {item["section"] for item in recs} == {"Executive summary"}
    assert not any("executive summary" in entry["what"] for entry in summary.not_items)


def test_the_truth_has_the_fixture_format_and_says_what_is_not_an_item(tmp_path):
    path, truth = make_report(tmp_path, style="recommendation-n", lang="en", fmt="pdf", seed=2)
    assert set(truth) == {"report", "items", "not_items", "notes"}
    assert set(truth["report"]) == REPORT_KEYS and len(truth["report"]["sha256"]) == 64
    whats = " ".join(entry["what"] for entry in truth["not_items"])
    assert "executive summary" in whats and "interview guide" in whats and "management response" in whats
    assert all(entry["page"] for entry in truth["not_items"])
    numbers = [item["number"] for item in truth["items"] if item["type"] == "recommendation"]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_labels_and_numbers_follow_the_style():
    labels = {style: build_report(style, "ru", seed=4) for style in ("r-code", "lettered", "hash", "bullets")}
    numbers = {style: [item["number"] for item in report.items if item["type"] == "recommendation"]
               for style, report in labels.items()}
    assert numbers["r-code"][:2] == ["Р1", "Р2"]
    assert numbers["lettered"][:2] == ["а", "б"]
    assert numbers["hash"][:2] == ["#1", "#2"]
    assert set(numbers["bullets"]) == {None}


def test_seeds_vary_the_wording_and_the_counts():
    reports = [build_report("numbered", "en", seed) for seed in range(8)]
    firsts = [tuple(item["first"] for item in report.items) for report in reports]
    assert len(set(firsts)) == 8
    assert len({len(report.items) for report in reports}) > 2
    assert build_report("numbered", "en", 3).items == reports[3].items


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_same_seed_writes_the_same_bytes(tmp_path, fmt):
    first = make_report(tmp_path / "a", style="hash", lang="ru", fmt=fmt, seed=3)[1]
    again = make_report(tmp_path / "b", style="hash", lang="ru", fmt=fmt, seed=3)[1]
    other = make_report(tmp_path / "c", style="hash", lang="ru", fmt=fmt, seed=4)[1]
    assert first == again and first["report"]["sha256"] != other["report"]["sha256"]


def test_no_two_items_of_a_report_begin_with_the_same_words():
    for style in STYLES:
        for seed in range(6):
            items = build_report(style, "en", seed).items
            assert len({key(item["first"]) for item in items}) == len(items), (style, seed)


def test_bad_arguments_are_refused_with_the_choices(tmp_path):
    with pytest.raises(ValueError, match="numbered"):
        make_report(tmp_path, style="gothic", lang="en")
    with pytest.raises(ValueError, match="ru"):
        make_report(tmp_path, style="numbered", lang="fr")
    with pytest.raises(ValueError, match="docx"):
        make_report(tmp_path, style="numbered", fmt="odt")
    with pytest.raises(ValueError, match="word"):
        make_report(tmp_path, style="numbered", fmt="pdf", numbering="word")
