"""Writing a composed synthetic report as a PDF, with reportlab (see reportgen).

The PDF has real text in DejaVu Sans (Cyrillic included), a running header and a
footer with the page number on every page after the cover, optionally two columns.
The writer returns the page on which each tagged block landed: the truth's `page`.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

NOTES_H = 30  # points kept free above the bottom margin for footnotes
FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
FONT_FILES = {"DejaVuSans": "DejaVuSans.ttf", "DejaVuSans-Bold": "DejaVuSans-Bold.ttf",
              "DejaVuSans-Oblique": "DejaVuSans-Oblique.ttf",
              "DejaVuSans-BoldOblique": "DejaVuSans-BoldOblique.ttf"}


def font_dir() -> Path:
    """The folder holding the DejaVu fonts, or a clear error naming the package to install."""
    for folder in FONT_DIRS:
        if all((folder / name).is_file() for name in FONT_FILES.values()):
            return folder
    raise FileNotFoundError(f"DejaVu Sans fonts not found in {' or '.join(map(str, FONT_DIRS))}: "
                            "install Debian's fonts-dejavu-core (`make test` does, as root)")


def register_fonts() -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" in pdfmetrics.getRegisteredFontNames():
        return
    folder = font_dir()
    for name, file in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    for bold, italic, name in ((0, 0, "DejaVuSans"), (1, 0, "DejaVuSans-Bold"), (0, 1, "DejaVuSans-Oblique"),
                               (1, 1, "DejaVuSans-BoldOblique")):
        addMapping("DejaVuSans", bold, italic, name)


def markup(block) -> str:
    """A block's text as reportlab paragraph markup, its bold lead (if any) first."""
    text = escape(block.text)
    return f"<b>{escape(block.lead)}</b> {text}" if block.lead else text


def col_widths(rows, width: float) -> list[float]:
    share = [0.08, 0.54, 0.22, 0.16] if len(rows[0][0]) <= 3 else [0.2, 0.38, 0.22, 0.2]
    return [width * s for s in share][: len(rows[0])]


def write_pdf(report, path: Path, columns: int = 1) -> dict[str, int]:
    """Write `report` as a PDF at `path`; return {tag: page} for its tagged blocks."""
    register_fonts()
    toc_pages: dict[str, int] = {}
    for _ in range(2):  # the first pass learns the chapters' pages for the table of contents
        pages = _build_pdf(report, path, columns, toc_pages)
        toc_pages = {tag: page for tag, page in pages.items() if tag.startswith("chapter:")}
    return pages


def _build_pdf(report, path: Path, columns: int, toc_pages: dict[str, int]) -> dict[str, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        Table,
        TableStyle,
    )

    width, height = A4
    margin, gap = 2.2 * cm, 0.8 * cm
    body_w = width - 2 * margin
    col_w = (body_w - gap * (columns - 1)) / columns
    base = ParagraphStyle("body", fontName="DejaVuSans", fontSize=10, leading=13.5, spaceAfter=6)
    styles = {
        "para": base,
        "cont": ParagraphStyle("cont", parent=base, leftIndent=18),
        "item": ParagraphStyle("item", parent=base, leftIndent=18, bulletIndent=0,
                               bulletFontName="DejaVuSans"),
        "sub": ParagraphStyle("sub", parent=base, leftIndent=36, bulletIndent=18, spaceAfter=3,
                              bulletFontName="DejaVuSans"),
        "addressee": ParagraphStyle("addr", parent=base, fontName="DejaVuSans-Bold", spaceBefore=6),
        "boldline": ParagraphStyle("boldline", parent=base, fontName="DejaVuSans-Bold", spaceBefore=6,
                                   keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11, spaceAfter=0),
        1: ParagraphStyle("h1", parent=base, fontName="DejaVuSans-Bold", fontSize=15, leading=19,
                          spaceBefore=12, spaceAfter=10, keepWithNext=1),
        2: ParagraphStyle("h2", parent=base, fontName="DejaVuSans-Bold", fontSize=11.5, leading=15,
                          spaceBefore=8, spaceAfter=6, keepWithNext=1),
        "title": ParagraphStyle("title", parent=base, fontName="DejaVuSans-Bold", fontSize=22, leading=28),
    }

    class Doc(BaseDocTemplate):
        def __init__(self):
            super().__init__(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                             bottomMargin=margin, title=report.title, author="reportgen", invariant=1)
            frame_h = height - 2 * margin - NOTES_H
            frames = [Frame(margin + k * (col_w + gap), margin + NOTES_H, col_w, frame_h, id=f"c{k}")
                      for k in range(columns)]
            self.addPageTemplates([
                PageTemplate("cover", [Frame(margin, margin, body_w, height - 2 * margin, id="cover")]),
                PageTemplate("body", frames, onPage=furniture, onPageEnd=footnotes),
            ])
            self.pages: dict[str, int] = {}
            self.notes: list[tuple[int, str]] = []

        def afterFlowable(self, flowable):
            self.notes += getattr(flowable, "kb_notes", [])
            tag = getattr(flowable, "kb_tag", None)
            if tag and tag not in self.pages:
                self.pages[tag] = self.page

    def footnotes(canvas, doc):
        """The notes of the paragraphs set on this page, small, above the footer."""
        if not doc.notes:
            return
        canvas.saveState()
        canvas.setFont("DejaVuSans", 7)
        top = margin + NOTES_H - 4
        canvas.line(margin, top, margin + 120, top)
        for k, (n, text) in enumerate(doc.notes[:3]):
            canvas.drawString(margin, top - 9 * (k + 1), f"{n} {text}")
        canvas.restoreState()
        doc.notes = doc.notes[3:]  # more than fit run on to the next page

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVuSans", 8)
        canvas.drawString(margin, height - margin + 14, report.header)
        canvas.line(margin, height - margin + 10, width - margin, height - margin + 10)
        canvas.drawCentredString(width / 2, margin - 22, report.footer.format(n=doc.page))
        canvas.restoreState()

    class Tagged(Paragraph):
        """A paragraph whose tag survives a split across pages: the first part keeps it."""

        def split(self, avail_w, avail_h):
            parts = super().split(avail_w, avail_h)
            if parts and getattr(self, "kb_tag", None):
                parts[0].kb_tag = self.kb_tag
            if parts and getattr(self, "kb_notes", None):
                parts[0].kb_notes = self.kb_notes
            return parts

    story, marks = [], 0
    for block in report.blocks:
        flow = _pdf_flowables(block, report, styles, col_w, toc_pages, Tagged, Table, TableStyle, Spacer)
        if block.kind == "cover":
            story += flow + [NextPageTemplate("body"), PageBreak()]
            continue
        if block.kind == "pagebreak":
            story.append(PageBreak())
            continue
        if flow and block.tag:
            flow[0].kb_tag = block.tag
        if flow and block.note:
            marks += 1
            flow[0] = Tagged(f"{markup(block)}<super>{marks}</super>", flow[0].style,
                             bulletText=getattr(flow[0], "bulletText", None))
            flow[0].kb_tag, flow[0].kb_notes = block.tag, [(marks, block.note)]
        story += flow
    doc = Doc()
    doc.build(story)
    return doc.pages


def _pdf_flowables(block, report, styles, col_w, toc_pages, Paragraph, Table, TableStyle, Spacer) -> list:
    kind = block.kind
    if kind == "cover":
        lines = [Paragraph(escape(line), styles["para"]) for line in block.rows[0]]
        return [Spacer(1, 160), Paragraph(escape(block.text), styles["title"]), Spacer(1, 30)] + lines
    if kind == "toc":
        rows = [[Paragraph(f"{num}. {escape(title)}", styles["cell"]),
                 str(toc_pages.get(f"chapter:{num}", ""))] for num, title in report.toc]
        table = Table(rows, colWidths=[col_w * 0.85, col_w * 0.15])
        table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 9),
                                   ("ALIGN", (1, 0), (1, -1), "RIGHT")]))
        return [Paragraph(escape(block.text), styles[1]), table]
    if kind == "heading":
        return [Paragraph(escape(block.text), styles[block.level])]
    if kind == "table":
        widths = col_widths(block.rows, col_w)
        rows = [[Paragraph(escape(cell), styles["cell"]) for cell in row] for row in block.rows]
        table = Table(rows, colWidths=widths, repeatRows=0)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "#777777"),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return [table]
    if kind in ("item", "sub"):
        label = block.label
        if len(label) > 4:  # long labels ("Recommendation 3:") run in, in bold, at the start
            return [Paragraph(f"<b>{escape(label)}</b> {markup(block)}", styles["para"])]
        return [Paragraph(markup(block), styles[kind], bulletText=label or None)]
    return [Paragraph(markup(block), styles.get(kind, styles["para"]))]
