"""`kb import` on files that are no report it can read: each is refused in one line that says
what is wrong and with which file, and nothing is written, neither drafts nor the report's record."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from indexer.importing.language import foreign_language
from kb.settings import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "import"
FRENCH = ("Le rapport présente les résultats de l'évaluation du projet dans les pays de la région, "
          "et les recommandations qui en découlent pour les partenaires. ") * 25
SPANISH = ("El informe presenta los resultados de la evaluación del proyecto en los países de la región "
           "y las recomendaciones para los socios que lo ejecutan. ") * 25
KAZAKH = ("Бағдарлама аясында балалар еңбегінің алдын алу бойынша жұмыс жүргізілді және "
          "аймақтағы серіктестермен ынтымақтастық нығайтылды. ") * 40


def text_pdf(path: Path, pages: list[list[str]]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        for n, line in enumerate(lines):
            sheet.drawString(72, 780 - 16 * n, line)
        sheet.showPage()
    sheet.save()
    return path


def scanned_pdf(path: Path, pages: int = 3) -> Path:
    """Pages that are images of text, no text layer; a scanner's stamp on the first."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (400, 500), 255)
    ImageDraw.Draw(image).text((20, 20), "5 Recommendations  1. Fund the plan.", fill=0)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    sheet = canvas.Canvas(str(path), pagesize=A4)
    for number in range(pages):
        sheet.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 50, 200, 400, 500)
        if number == 0:
            sheet.drawString(40, 20, "Scanned 12")
        sheet.showPage()
    sheet.save()
    return path


def encrypted_pdf(path: Path) -> Path:
    import pypdf

    plain = text_pdf(path.with_name("plain.pdf"), [["5 Recommendations", "1. Fund the plan."]])
    writer = pypdf.PdfWriter(clone_from=plain)
    writer.encrypt("secret")
    writer.write(path)
    return path


def word_file(path: Path) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading("Recommendations", 1)
    document.add_paragraph("Fund the plan from the state budget.", style="List Number")
    document.save(path)
    return path.read_bytes()


def broken_xml_docx(path: Path) -> Path:
    source = zipfile.ZipFile(io.BytesIO(word_file(path.with_name("good.docx"))))
    with zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info, b"<w:document><<<" if info.filename == "word/document.xml" else data)
    return path


def put(data: bytes):
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path
    return make


def cut_short(path: Path, data: bytes) -> Path:
    path.write_bytes(data[:len(data) // 2])
    return path


CASES = {
    "empty.pdf": (put(b""), "the file is empty"),
    "empty.docx": (put(b""), "the file is empty"),
    "blank.txt": (put(b"\n  \n\f\n"), "the file is empty"),
    "scanned.pdf": (scanned_pdf, "no text layer on 3 of 3 pages (1, 2, 3): a scanned PDF needs OCR"),
    "locked.pdf": (encrypted_pdf, "the PDF is password-protected"),
    "cut.pdf": (lambda p: cut_short(p, text_pdf(p.with_name("whole.pdf"), [["Report"] * 30]).read_bytes()),
                "not a readable PDF, damaged or cut short"),
    "cut.docx": (lambda p: cut_short(p, word_file(p.with_name("whole.docx"))),
                 "not a readable Word .docx file, damaged or cut short"),
    "xml.docx": (broken_xml_docx, "not a readable Word .docx file, damaged or cut short (XMLSyntaxError"),
    "no-document.docx": (lambda p: put(_zip({"[Content_Types].xml": "<Types/>"}))(p),
                         "not a readable Word .docx file, damaged or cut short"),
    "french.txt": (put(f"5 Recommandations\n\n1. {FRENCH}\n".encode()),
                   "the report is written in French; the importer reads reports in English or Russian"),
    "french.pdf": (lambda p: text_pdf(p, [[FRENCH[n:n + 90] for n in range(0, 2700, 90)]] * 2),
                   "the report is written in French"),
    "latin1.txt": (put("Évaluation: 5 Recommendations".encode("latin-1")),
                   "not UTF-8 text (byte 0); save it as UTF-8"),
}


def _zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return buffer.getvalue()


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "taxonomy.yaml").write_bytes((ROOT / "content" / "taxonomy.yaml").read_bytes())
    return folder


@pytest.mark.parametrize("name", CASES)
def test_a_file_it_cannot_read_is_refused_in_one_line_and_nothing_is_written(runner, tmp_path, content,
                                                                          name):
    from kb.cli import main

    make, message = CASES[name]
    (tmp_path / "in").mkdir()
    source = make(tmp_path / "in" / name)
    result = runner.invoke(main, ["import", str(source), "--report", "hostile-2024",
                                  "--out", str(tmp_path / "out")], env={"KB_CONTENT_DIR": str(content)})
    assert result.exit_code == 1, result.output
    assert message in result.output and str(source) in result.output, result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert not (tmp_path / "out").exists() and not (content / "reports").exists()


def test_a_windows_unicode_text_is_read_as_utf16(runner, tmp_path, content):
    from kb.cli import main

    source = tmp_path / "report.txt"
    source.write_bytes((FIXTURES / "report-en.txt").read_text(encoding="utf-8").encode("utf-16"))
    result = runner.invoke(main, ["import", str(source), "--report", "example-2024",
                                  "--out", str(tmp_path / "out")], env={"KB_CONTENT_DIR": str(content)})
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*/*.md"))) == 6


def test_a_report_with_one_huge_line_imports_what_it_holds(runner, tmp_path, content):
    from kb.cli import main

    sentence = "The project trained the staff of the ministry in the regions and the capital. "
    text = (FIXTURES / "report-en.txt").read_text(encoding="utf-8")
    source = tmp_path / "report.txt"
    source.write_text(text.replace("were well received.", "were well received. " + sentence * 40_000),
                      encoding="utf-8")
    result = runner.invoke(main, ["import", str(source), "--report", "huge-2024",
                                  "--out", str(tmp_path / "out")], env={"KB_CONTENT_DIR": str(content)})
    assert result.exit_code == 0, result.output
    drafts = [path.read_text(encoding="utf-8") for path in (tmp_path / "out").glob("*/*.md")]
    assert len(drafts) == 6 and not any(sentence in draft for draft in drafts)


@pytest.mark.parametrize(("text", "language"), [
    (FRENCH, "French"), (SPANISH, "Spanish"), (KAZAKH, "a language other than English or Russian"),
    ("Доклад представляет результаты оценки проекта в странах региона и рекомендации для "
     "партнёров, которые его осуществляют, а также извлечённые уроки. " * 25, None),
    ("The report presents the findings of the evaluation of the project in the countries of the "
     "region and the recommendations for the partners. " * 25, None),
    ("Évaluation finale du projet " * 5, None),                    # too short to judge
    ("ILO IPEC UNICEF OSCE UNDP FAO WFP IOM " * 100, None),         # no language's words
])
def test_the_report_language_is_told_by_its_function_words(text, language):
    assert foreign_language(text) == language


def _import(runner, content: Path, *args: str):
    from kb.cli import main

    return runner.invoke(main, ["import", str(FIXTURES / "report-en.txt"), *args],
                         env={"KB_CONTENT_DIR": str(content)})


@pytest.mark.parametrize("slug", ["../outside", "Bad Slug", "x/y", ""])
def test_a_slug_that_is_no_slug_is_refused_before_anything_is_written(runner, tmp_path, content, slug):
    result = _import(runner, content, "--report", slug, "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and "a report's slug is lower-case letters" in result.output
    assert not (tmp_path / "out").exists() and not (content / "reports").exists()
    assert sorted(p.name for p in tmp_path.rglob("*.yaml")) == ["taxonomy.yaml"]


def test_drafts_going_to_a_file_are_refused_before_the_record_is_written(runner, tmp_path, content):
    (tmp_path / "out").write_text("a file", encoding="utf-8")
    result = _import(runner, content, "--report", "example-2024", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and f"{tmp_path / 'out'}: not a folder" in result.output
    assert not (content / "reports").exists()


def test_a_draft_that_cannot_be_written_takes_the_others_and_the_new_record_with_it(
        runner, tmp_path, content, monkeypatch):
    from indexer.importing import drafts

    calls = []
    real = drafts.draft_text

    def disk_fills_up(*args, **kwargs):
        calls.append(1)
        if len(calls) == 4:
            raise OSError(28, "No space left on device", str(tmp_path / "out" / "fourth.md"))
        return real(*args, **kwargs)

    monkeypatch.setattr(drafts, "draft_text", disk_fills_up)
    result = _import(runner, content, "--report", "example-2024", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1, result.output
    assert "fourth.md: cannot write a draft (No space left on device); no drafts written" in result.output
    assert list((tmp_path / "out").rglob("*.md")) == []
    assert not (content / "reports" / "example-2024.yaml").exists()
