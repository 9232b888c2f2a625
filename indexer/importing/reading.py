"""Reading a report file (PDF, Word, plain text) into one text model: its pages of lines.

`read_document(path)` returns a `Document`: the file's name and sha256, and its pages,
each the page's text as lines. How the lines were laid out says how to clean them:
- "layout": lines keep the page's layout, columns side by side (`pdftotext -layout`, and
  our own PDF reading, made to look like it); pages are split at form feeds;
- "plain": one line per line of running text, no form feeds (the seed's extraction: a page
  starts at a line beginning with white space); one page, cleaned by `cleaning`;
- "styled": Word paragraphs, whose styles say what is a heading and what is a list item
  (a paragraph led by a bold sentence is one too).

PDF is read with pdfplumber's layout text, which of the three libraries we measured
(pdfplumber, pypdf, pdfminer.six) comes closest to `pdftotext -layout` line by line
(95-99 % of the lines identical on the four IOM reports, against 74-90 %), so that one set
of rules serves a PDF and the text an editor extracted from it.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from indexer.errors import KbError
from indexer.importing.blocks import BULLET, NUMBERED
from indexer.importing.cover import pdf_titles
from indexer.importing.language import foreign_language
from indexer.importing.pdfpages import page_text, without_overprint
from indexer.importing.pictured import gaps, name_pictured, strips
from indexer.importing.wordnumbers import WordNumbering
from indexer.importing.wordtables import body_lines
from indexer.importing.wordtext import shown_runs, shown_text

SUFFIXES = (".pdf", ".docx", ".txt", ".text", ".md")
SCANNED_WORDS = 5      # a page with fewer written words than this carries no text layer


class ReadingError(KbError):
    """A report file that cannot be read: a wrong format, a damaged or scanned PDF."""


@dataclass(frozen=True)
class Page:
    number: int                 # 1-based, as the PDF counts (not as the report prints)
    lines: tuple[str, ...]
    bold: tuple[str, ...] = ()  # a PDF's bold passages in reading order, lines kept ("\n")


@dataclass(frozen=True)
class Document:
    name: str
    sha256: str
    form: str                   # "layout" | "plain" | "styled"
    pages: tuple[Page, ...]
    titles: tuple[str, ...] = ()    # a PDF cover's title candidates by type size, best first

    @property
    def title(self) -> str:
        """The PDF cover's largest type that reads as a title (indexer.importing.cover), if any."""
        return self.titles[0] if self.titles else ""

    @property
    def text(self) -> str:
        return "\n".join(line for page in self.pages for line in page.lines)


def read_document(path: Path) -> Document:
    """The file's pages of lines; a ReadingError naming the file when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadingError(f"{path}: cannot read a {suffix or 'suffix-less'} file; "
                           f"give a PDF, a Word .docx or a plain text file ({', '.join(SUFFIXES)})")
    data = path.read_bytes()
    if not data.strip():
        raise ReadingError(f"{path}: the file is empty")
    digest = hashlib.sha256(data).hexdigest()
    titles: tuple[str, ...] = ()
    if suffix == ".pdf":
        form, (pages, titles) = "layout", _pdf_pages(path)
    elif suffix == ".docx":
        form, pages = "styled", _docx_pages(path)
    else:
        form, pages = _text_pages(path, data)
    if not any(line.strip() for page in pages for line in page.lines):
        raise ReadingError(f"{path}: no text found (a scanned PDF needs OCR first)")
    document = Document(path.name, digest, form, tuple(pages), titles)
    if language := foreign_language(document.text):
        raise ReadingError(f"{path}: the report is written in {language}; the importer reads reports "
                           "in English or Russian only")
    return document


def _text_pages(path: Path, data: bytes) -> tuple[str, list[Page]]:
    # Windows editors save "Unicode" text as UTF-16 with its byte-order mark.
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadingError(f"{path}: not {encoding[:5].upper()} text (byte {error.start}); "
                           "save it as UTF-8") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" not in text:
        return "plain", [Page(1, tuple(text.split("\n")))]
    chunks = text.split("\f")
    if chunks and not chunks[-1].strip():
        chunks.pop()
    pages = [tuple(chunk.split("\n")) for chunk in chunks]
    named = name_pictured(pages, {n: gaps(lines) for n, lines in enumerate(pages, 1)})
    return "layout", [Page(n, lines) for n, lines in enumerate(named, 1)]


def _pdf_pages(path: Path) -> tuple[list[Page], tuple[str, ...]]:
    """The PDF's pages of lines, and its cover's title candidates by type size."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with pdfplumber.open(path) as pdf:
            read = [without_overprint(page) for page in pdf.pages]
            pages = [_pdf_page(n, page) for n, page in enumerate(read, 1)]
            pictured = {n: strips(page) for n, page in enumerate(read, 1)}
            titles = tuple(pdf_titles(read))
    except (PdfminerException, MalformedPDFException, PSException, ValueError, KeyError,
            TypeError, AttributeError, IndexError, RecursionError) as error:
        cause = error.args[0] if isinstance(error, PdfminerException) and error.args else error
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ReadingError(f"{path}: the PDF is password-protected; save a copy without its "
                               "password and import that") from None
        raise ReadingError(f"{path}: not a readable PDF, damaged or cut short "
                           f"({type(cause).__name__}: {cause})") from None
    _refuse_scans(path, pages)
    named = name_pictured([page.lines for page in pages], pictured)
    return [Page(page.number, lines, page.bold) for page, lines in zip(pages, named, strict=True)], titles


def _refuse_scans(path: Path, pages: list[Page]) -> None:
    """A scanned PDF, its pages images without a text layer (a page number or a scanner's stamp
    at most), is refused: an importer that read only its few written pages would find nothing."""
    bare = [page.number for page in pages if len(" ".join(page.lines).split()) < SCANNED_WORDS]
    if pages and len(bare) > len(pages) / 2:
        shown = ", ".join(map(str, bare[:8])) + (", …" if len(bare) > 8 else "")
        raise ReadingError(f"{path}: no text layer on {len(bare)} of {len(pages)} pages ({shown}): "
                           "a scanned PDF needs OCR first (e.g. ocrmypdf), then import its output")


def _pdf_page(number: int, page) -> Page:
    lines, bold = page_text(page)
    return Page(number, tuple(lines), tuple(bold))


def _docx_pages(path: Path) -> list[Page]:
    """Word paragraphs as lines: a heading or list item stands alone, a list item bulleted;
    tables and contents entries as `wordtables` reads them."""
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(str(path))
        numbering = WordNumbering(document)
        blocks = body_lines(document, lambda paragraph: _docx_lines(paragraph, numbering))
    except (PackageNotFoundError, zipfile.BadZipFile, LxmlError, KeyError, ValueError, AttributeError,
            TypeError, IndexError) as error:
        raise ReadingError(f"{path}: not a readable Word .docx file, damaged or cut short "
                           f"({type(error).__name__}: {error})") from None
    pages, lines = [], []
    for page_break, block in blocks:
        if page_break and lines:
            pages.append(Page(len(pages) + 1, tuple(lines)))
            lines = []
        lines += block
    pages.append(Page(len(pages) + 1, tuple(lines)))
    return pages


def _docx_lines(paragraph, numbering: WordNumbering) -> list[str]:
    text = " ".join(shown_text(paragraph).split())
    if not text:
        return []
    style = (paragraph.style.name if paragraph.style is not None else "").lower()
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    shown = numbering.label(paragraph)      # counted on every paragraph, to keep Word's counters
    if style.startswith(("heading", "title")):
        return ["", text, ""]
    if shown and not BULLET.match(text) and not NUMBERED.match(text):
        return ["", f"{shown} {text}"]      # Word's own number or letter: "3.", "b)", "Recommendation 2:"
    if "list" in style or numbered or _bold_lead(paragraph, text):
        # A typed marker ("(iii) ", "b) ") before the bold lead is the list's own: no bullet before it.
        return ["", text if BULLET.match(text) else f"• {text}"]
    if own := _numbered_lead(paragraph, text):
        return ["", own]
    return ["", text]


def _numbered_lead(paragraph, text: str) -> str:
    """A paragraph whose own typed number ("20. ", roman) comes before a bold lead sentence,
    as a UN document numbers all its paragraphs: its text with the lead's bullet after the
    number ("20. • Climate …"), as `leads` marks a PDF's; else ""."""
    from indexer.importing.leads import PARAGRAPH_NUMBER

    runs = [run for run in shown_runs(paragraph) if run.text.strip()]
    number = PARAGRAPH_NUMBER.fullmatch(runs[0].text.strip() + " ") if runs else None
    if not number or runs[0].bold or len(runs) < 3 or not runs[1].bold:
        return ""
    lead = " ".join(run.text for run in runs[1:next((n for n, r in enumerate(runs[1:], 1) if not r.bold),
                                                    len(runs))])
    done = lead.strip().endswith((".", "!", "?")) and len(lead.split()) >= 3
    if not done or all(run.bold for run in runs[1:]):
        return ""
    rest = text[len(runs[0].text.strip()):].lstrip()
    return f"{runs[0].text.strip()} • {rest}"


def _bold_lead(paragraph, text: str) -> bool:
    """A paragraph led by a bold sentence (three words or more), or by a bold title run in
    ("Debt restructuring Support should …", see `leads.run_in_title`), and going on in roman:
    an item's start, as a bullet is; a bold label ("Recommendation 3:") keeps its own road."""
    from indexer.importing.labels import item_label
    from indexer.importing.leads import run_in_title

    runs = [run for run in shown_runs(paragraph) if run.text.strip()]
    if len(runs) < 2 or not runs[0].bold or all(run.bold for run in runs):
        return False
    roman = next(n for n, run in enumerate(runs) if not run.bold)
    lead = " ".join(run.text for run in runs[:roman])
    if item_label(text) is not None:
        return False
    return len(lead.split()) >= 3 or run_in_title(lead, " ".join(run.text for run in runs[roman:]))
