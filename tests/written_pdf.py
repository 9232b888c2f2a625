"""Writing a written report's blocks (written_source) as a PDF, with reportlab.

DejaVu Sans (Cyrillic included, fonts registered by reportgen_pdf), a running header and a
footer with the printed page number on every page after the cover, one or two columns
(`@columns 2` starts a new page in two), a contents page with or without dot leaders,
footnotes at the foot of the page their mark lands on. Returns the PDF page each block
landed on, by block index.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

from reportgen_pdf import register_fonts

NOTES_H = 34
VOWELS = set("аеёиоуыэюяaeiouy")
LONG_WORD = re.compile(r"[^\W\d_]{8,}")


def hyphenated(text: str) -> str:
    """Soft hyphens at the syllable breaks of long words (V-CV, VC-CV), so that a justified
    paragraph breaks words across lines as a typesetter does ("самоуправ-" / "ления")."""
    def word(m):
        w, out = m[0], []
        for i, ch in enumerate(w):
            if 2 <= i <= len(w) - 3 and ch.lower() not in "ьъй" and w[i - 1].lower() not in "ьъй" and (
                    w[i - 1].lower() in VOWELS and ch.lower() not in VOWELS and w[i + 1].lower() in VOWELS
                    or w[i - 1].lower() not in VOWELS and ch.lower() not in VOWELS
                    and w[i - 2].lower() in VOWELS and w[i + 1].lower() in VOWELS):
                out.append("\xad")
            out.append(ch)
        return "".join(out)
    return LONG_WORD.sub(word, text)


def inline(text: str, notes: list[str], counter: list[int]) -> str:
    """Markup for reportlab: **bold**, footnote marks (their texts appended to `notes`)."""
    text = escape(text.replace("||", " "))
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)

    def note(m):
        counter[0] += 1
        notes.append(f"{counter[0]} {m[1]}".replace("\xad", ""))
        return f"<super>{counter[0]}</super>"
    return re.sub(r"\^\[([^\]]*)\]", note, text)


def printed(page: int, offset: int) -> str:
    """The number a page prints: arabic from the first body page, roman (i, ii…) before it."""
    if page - offset >= 1:
        return str(page - offset)
    return ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")[page - 1]


def write_pdf(src, path: Path) -> dict[int, int]:
    register_fonts()
    toc: dict[int, int] = {}
    for _ in range(2):  # the first pass learns the headings' pages for the contents page
        pages = _build(src, path, toc)
        toc = pages
    return pages


def _styles():
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName="DejaVuSans", fontSize=9.5, leading=13, spaceAfter=6,
                          alignment=TA_JUSTIFY)
    return {
        "para": base,
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10, spaceAfter=0, alignment=0),
        "head": ParagraphStyle("headcell", parent=base, fontName="DejaVuSans-Bold", fontSize=8, leading=10,
                               spaceAfter=0, alignment=0),
        "toc": ParagraphStyle("toc", parent=base, spaceAfter=2, alignment=0),
        1: ParagraphStyle("h1", parent=base, fontName="DejaVuSans-Bold", fontSize=15, leading=19,
                          spaceBefore=10, spaceAfter=10, keepWithNext=1, alignment=0),
        2: ParagraphStyle("h2", parent=base, fontName="DejaVuSans-Bold", fontSize=11.5, leading=15,
                          spaceBefore=8, spaceAfter=6, keepWithNext=1, alignment=0),
        3: ParagraphStyle("h3", parent=base, fontName="DejaVuSans-BoldOblique", fontSize=10, leading=13,
                          spaceBefore=6, spaceAfter=4, keepWithNext=1, alignment=0),
        "title": ParagraphStyle("title", parent=base, fontName="DejaVuSans-Bold", fontSize=20, leading=26,
                                alignment=0),
    }


def _build(src, path: Path, toc: dict[int, int]) -> dict[int, int]:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase.pdfmetrics import stringWidth
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

    meta, styles = src.meta, _styles()
    width, height = A4
    margin, gap = 2.2 * cm, 0.7 * cm
    body_w = width - 2 * margin
    offset = int(meta.get("page_offset", 1))
    notes_of: dict[int, list[str]] = {}
    counter = [0]

    def frames(n):
        w = (body_w - gap * (n - 1)) / n
        tall = height - 2 * margin - NOTES_H
        return [Frame(margin + k * (w + gap), margin + NOTES_H, w, tall, id=f"c{n}{k}") for k in range(n)]

    class Doc(BaseDocTemplate):
        def __init__(self):
            super().__init__(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin, topMargin=margin,
                             bottomMargin=margin, title=meta["title"], author=meta.get("author", ""),
                             invariant=1)
            self.addPageTemplates([
                PageTemplate("cover", [Frame(margin, margin, body_w, height - 2 * margin, id="cover")]),
                PageTemplate("body1", frames(1), onPage=furniture, onPageEnd=footnotes),
                PageTemplate("body2", frames(2), onPage=furniture, onPageEnd=footnotes)])
            self.pages: dict[int, int] = {}
            self.page_notes: list[str] = []

        def afterFlowable(self, flowable):
            index = getattr(flowable, "kb_block", None)
            if index is not None and index not in self.pages:
                self.pages[index] = self.page
            self.page_notes += notes_of.pop(id(flowable), [])

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVuSans", 7.5)
        canvas.drawString(margin, height - margin + 14, meta.get("header", ""))
        if meta.get("header_right"):
            canvas.drawRightString(width - margin, height - margin + 14, meta["header_right"])
        canvas.line(margin, height - margin + 10, width - margin, height - margin + 10)
        footer = meta.get("footer", "{n}").format(n=printed(doc.page, offset))
        if meta.get("footer_align") == "right":
            canvas.drawRightString(width - margin, margin - 22, footer)
        else:
            canvas.drawCentredString(width / 2, margin - 22, footer)
        canvas.restoreState()

    def footnotes(canvas, doc):
        if not doc.page_notes:
            return
        canvas.saveState()
        canvas.setFont("DejaVuSans", 6.5)
        top = margin + NOTES_H - 4
        canvas.line(margin, top, margin + 110, top)
        for k, note in enumerate(doc.page_notes[:3]):
            canvas.drawString(margin, top - 8 * (k + 1), note[:150])
        doc.page_notes = doc.page_notes[3:]
        canvas.restoreState()

    class Para(Paragraph):
        def split(self, w, h):
            parts = super().split(w, h)
            if parts and getattr(self, "kb_block", None) is not None:
                parts[0].kb_block = self.kb_block
                notes_of[id(parts[0])] = notes_of.pop(id(self), [])
            return parts

    def para(text, style, **kw):
        notes: list[str] = []
        if meta.get("hyphenate") and style.name[:1] in "bl":   # body, bullets, labelled: no cell, heading
            text = hyphenated(text)
            style = ParagraphStyle(f"{style.name}-hy", parent=style, embeddedHyphenation=1,
                                   uriWasteReduce=0.3)
        p = Para(inline(text, notes, counter), style, **kw)
        if notes:
            notes_of[id(p)] = notes
        return p

    def table(rows, col_w, header=True):
        cells = [[para(c, styles["head"] if header and r == 0 else styles["cell"]) for c in row]
                 for r, row in enumerate(rows)]
        n = max(len(r) for r in rows)
        cells = [row + [""] * (n - len(row)) for row in cells]
        t = Table(cells, colWidths=widths(rows, col_w), repeatRows=1 if header else 0)
        style = [("GRID", (0, 0), (-1, -1), 0.4, "#888888"), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if header:
            style.append(("BACKGROUND", (0, 0), (-1, 0), "#dde6f0"))
        t.setStyle(TableStyle(style))
        return t

    story, columns = [], 1
    col_w = body_w
    for index, block in enumerate(src.blocks):
        kind = block.kind
        flow = []
        if kind == "cover":
            flow = [Spacer(1, 120), Paragraph(escape(block.lines[0]), styles["title"]), Spacer(1, 24)]
            flow += [Paragraph(escape(line), styles["para"]) for line in block.lines[1:]]
            story += flow + [NextPageTemplate("body1"), PageBreak()]
            continue
        if kind == "break":
            story.append(PageBreak())
            continue
        if kind == "columns":
            columns = int(block.text)
            col_w = (body_w - gap * (columns - 1)) / columns
            story += [NextPageTemplate(f"body{columns}"), PageBreak()]
            continue
        if kind == "toc":
            flow = [para(block.text or "Contents", styles[1])]
            dots = meta.get("toc", "dots") == "dots"
            for j, b in enumerate(src.blocks):
                if b.kind != "heading" or b.level > 2 or j not in toc:
                    continue
                num = printed(toc[j], offset)
                title = ("    " if b.level == 2 else "") + b.text.replace("**", "").replace("||", "")
                if dots:
                    room = 0.92 * col_w - stringWidth(title + " " + num, "DejaVuSans", 9.5) - 20
                    title += " " + "." * max(3, int(room / stringWidth(".", "DejaVuSans", 9.5)))
                flow.append(Paragraph(f"{escape(title)} {num}", styles["toc"]))
        elif kind == "heading":
            flow = [para(block.text, styles[min(block.level, 3)])]
        elif kind == "table":
            flow = [table(block.rows, col_w), Spacer(1, 8)]
        elif kind == "box":
            inner = [para(f"**{block.text}**", styles["cell"])]
            inner += [para(t, styles["cell"]) for t in block.lines]
            t = Table([[inner]], colWidths=[col_w - 4])
            t.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, "#335577"),
                                   ("BACKGROUND", (0, 0), (-1, -1), "#eef2f7")]))
            flow = [t, Spacer(1, 8)]
        elif kind == "bullet":
            indent = 14 + 14 * block.level
            st = ParagraphStyle(f"b{block.level}", parent=styles["para"], leftIndent=indent,
                                bulletIndent=indent - 11, spaceAfter=3, bulletFontName="DejaVuSans")
            flow = [para(block.text, st, bulletText=block.label)]
        elif kind == "labelled":
            label = block.label
            if len(label) > 5:
                flow = [para(f"**{label}** {block.text}", styles["para"])]
            else:
                indent = 22 + 16 * block.level
                st = ParagraphStyle(f"l{block.level}", parent=styles["para"], leftIndent=indent,
                                    bulletIndent=indent - 22, bulletFontName="DejaVuSans")
                flow = [para(block.text, st, bulletText=label)]
        else:
            flow = [para(block.text, styles["para"])]
        if flow:
            flow[0].kb_block = index
        story += flow
    doc = Doc()
    doc.build(story)
    return doc.pages


def widths(rows: list[list[str]], total: float) -> list[float]:
    """Column widths: each wide enough for its longest word, the rest shared by its texts' length."""
    n = max(len(r) for r in rows)
    cols = [[r[k] if k < len(r) else "" for r in rows] for k in range(n)]
    least = [max((len(w) for c in col for w in c.split()), default=1) * 5.0 + 8 for col in cols]
    weight = [max(len(c) for c in col) + 1 for col in cols]
    spare = max(0.0, total - sum(least))
    return [lo + spare * w / sum(weight) for lo, w in zip(least, weight, strict=True)]
