"""Writing a written report's blocks (written_source) as a .docx, with python-docx.

Headings take Word's heading styles, bullets Word's list styles (the glyph is then in no
paragraph's text, as in a report written in Word), labelled paragraphs keep their typed
label, tables and boxes are Word tables; the running header and footer go into the body
section's header and footer parts. Footnote marks stay as superscript numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from reportgen_docx import normalise_zip
from written_pdf import printed


def runs(p, text: str, bold: bool = False) -> None:
    """**bold** and ^[note] marks of `text` as runs of paragraph `p`."""
    count = 0
    for part in re.split(r"(\*\*.+?\*\*|\^\[[^\]]*\])", text.replace("||", " ")):
        if part.startswith("**") and part.endswith("**"):
            p.add_run(part[2:-2]).bold = True
        elif part.startswith("^["):
            count += 1
            p.add_run(str(count)).font.superscript = True
        elif part:
            p.add_run(part).bold = bold or None


def write_docx(src, path: Path, pages: dict[int, int]) -> None:
    """Write the .docx; `pages` (block index -> PDF page) numbers its contents page as Word's TOC does."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt

    doc = docx.Document()
    doc.core_properties.title = src.meta["title"]
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    for block in src.blocks:
        kind = block.kind
        if kind == "cover":
            doc.add_paragraph(block.lines[0], style="Title")
            for line in block.lines[1:]:
                doc.add_paragraph(line)
            section = doc.add_section(WD_SECTION.NEW_PAGE)
            section.header.is_linked_to_previous = False
            section.header.paragraphs[0].text = src.meta.get("header", "")
            section.footer.paragraphs[0].text = src.meta.get("footer", "{n}").replace("{n}", "")
        elif kind == "toc":
            doc.add_paragraph(block.text or "Contents", style="Heading 1")
            offset = int(src.meta.get("page_offset", 1))
            for level in (1, 2):  # Word's own contents styles, "title<TAB>page" in each entry
                style = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = doc.styles["Normal"]
            for j, b in enumerate(src.blocks):
                if b.kind == "heading" and b.level <= 2 and j in pages:
                    entry = f"{b.text.replace('**', '').replace('||', '')}\t{printed(pages[j], offset)}"
                    doc.add_paragraph(entry, style=f"TOC {b.level}")
        elif kind in ("break", "columns"):
            doc.add_page_break()
        elif kind == "heading":
            doc.add_heading(block.text.replace("**", "").replace("||", ""), level=min(block.level, 3))
        elif kind == "table":
            n = max(len(r) for r in block.rows)
            table = doc.add_table(rows=0, cols=n)
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for cell, text in zip(table.add_row().cells, row + [""] * (n - len(row)), strict=True):
                    cell.text = ""
                    runs(cell.paragraphs[0], text, bold=r == 0)
        elif kind == "box":
            cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
            runs(cell.paragraphs[0], block.text, bold=True)
            for text in block.lines:
                runs(cell.add_paragraph(), text)
        elif kind == "bullet":
            style = "List Bullet" if block.level == 0 else f"List Bullet {min(block.level + 1, 3)}"
            runs(doc.add_paragraph(style=style), block.text)
        elif kind == "labelled":
            p = doc.add_paragraph()
            if len(block.label) > 5:
                p.add_run(block.label + " ").bold = True
            else:
                p.paragraph_format.left_indent = Cm(0.9 + 0.7 * block.level)
                p.paragraph_format.first_line_indent = Cm(-0.9)
                p.add_run(block.label + "\t")
            runs(p, block.text)
        else:
            runs(doc.add_paragraph(), block.text)
    doc.save(str(path))
    normalise_zip(path)
