"""Reports we wrote ourselves, each in the template and house style of one agency, with their truth.

Each source, tests/fixtures/reports/written/<slug>.report (format: written_source), says
which of its blocks are items and of what type; rendering it gives the file and its truth
(tests/fixtures/reports/README.md), the `page` of each item found in the rendered PDF:

    from writtenreports import SLUGS, render
    path, truth = render("ilo-final-youth-employment-2023", tmp_path, "pdf")   # pdf | docx | txt
    files = render_all(slug, tmp_path)          # {"pdf": (path, truth), "docx": …, "txt": …}

The .txt is `pdftotext -layout` of the PDF (Debian's poppler-utils), what an editor extracts.
`python tests/writtenreports.py OUT` writes every report's three files and truth.yaml to OUT.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from written_source import Source, load  # noqa: E402

FOLDER = Path(__file__).parent / "fixtures" / "reports" / "written"
SLUGS = sorted(p.name.removesuffix(".report") for p in FOLDER.glob("*.report"))
FORMATS = ("pdf", "docx", "txt")
META = ("slug", "title", "organisation", "evaluation_type", "year", "lang", "countries")


def source(slug: str) -> Source:
    return load(FOLDER / f"{slug}.report")


def render(slug: str, directory: Path, fmt: str) -> tuple[Path, dict]:
    """Write the report `slug` as `fmt` into `directory`; return its path and its truth."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    return render_all(slug, directory, (fmt,))[fmt]


def render_all(slug: str, directory: Path, formats=FORMATS) -> dict[str, tuple[Path, dict]]:
    """The report in each of `formats`, the PDF (whose pages the truth needs) made once."""
    from written_docx import write_docx
    from written_pdf import write_pdf

    src = source(slug)
    directory = Path(directory)
    pdf = directory / f"{slug}.pdf"
    pages = write_pdf(src, pdf)
    truth = truth_of(src, pages, pdf)
    out = {"pdf": (pdf, truth)}
    if "docx" in formats:
        path = directory / f"{slug}.docx"
        write_docx(src, path, pages)
        out["docx"] = (path, {**truth, "items": [{**item, "page": None} for item in truth["items"]]})
    if "txt" in formats:
        if not shutil.which("pdftotext"):
            raise FileNotFoundError("pdftotext not found: install Debian's poppler-utils (`make test` does)")
        path = directory / f"{slug}.txt"
        subprocess.run(["pdftotext", "-layout", str(pdf), str(path)], check=True)
        out["txt"] = (path, truth)
    return out


def squeezed(text: str) -> str:
    from indexer.importing.scoring import squeezed as squeeze
    return squeeze(text)


def truth_of(src: Source, pages: dict[int, int], pdf: Path) -> dict:
    """The truth: the source's items, each with the PDF page where its first words are printed."""
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        texts = [squeezed(page.extract_text() or "") for page in doc.pages]
        cells = [squeezed(" ".join(c or "" for t in page.extract_tables() for row in t for c in row))
                 if any(item.get("cell") for item in src.items) else "" for page in doc.pages]
    opening = {}
    for index, block in enumerate(src.blocks):
        if block.opens and block.item is not None:
            opening[block.item] = index
    items = []
    for k, item in enumerate(src.items):
        # (a heading opening an item is no block of it: the item's own record names its block)
        start = pages.get(opening.get(k, item.get("block", -1))) or table_page(src, pages, item)
        first = squeezed(" ".join(item["first"].split()[:5]))
        where = cells if item.get("cell") else texts  # a cell's lines hold the other cells' words too
        page = next((n for n in range(start, len(texts) + 1) if first in where[n - 1]), None)
        if page is None:
            raise AssertionError(f"{src.meta['slug']}: {item['first']!r} not in the PDF after page {start}")
        items.append({"type": item["type"], "number": item["number"], "section": item["section"],
                      "page": page, "first": item["first"], "last": item["last"]})
    not_items = [{"page": pages.get(n["block"]), "what": n["what"], "why": n["why"]} for n in src.not_items]
    report = {key: src.meta.get(key) for key in META}
    report["countries"] = [c.strip() for c in (report["countries"] or "").strip("[]").split(",") if c.strip()]
    report["year"] = int(report["year"])
    report["file"] = f"{src.meta['slug']}.pdf"
    return {"report": report, "items": items, "not_items": not_items, "notes": src.meta.get("notes", "")}


def table_page(src: Source, pages: dict[int, int], item: dict) -> int:
    """The page of the table holding a cell item: the last table block that began before it."""
    at = 1
    for index, block in enumerate(src.blocks):
        if block.kind == "table" and any(squeezed(item["first"])[:40] in squeezed(" ".join(row))
                                         for row in block.rows):
            return pages.get(index, at)
        at = pages.get(index, at)
    return 1


def main(out: str) -> None:
    directory = Path(out)
    directory.mkdir(parents=True, exist_ok=True)
    for slug in SLUGS:
        truth = render_all(slug, directory)["pdf"][1]
        text = yaml.safe_dump(truth, allow_unicode=True, sort_keys=False)
        (directory / f"{slug}.truth.yaml").write_text(text, encoding="utf-8")
        print(f"{slug}: {len(truth['items'])} items")


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parents[1]))
    main(sys.argv[1] if len(sys.argv) > 1 else "written-out")
