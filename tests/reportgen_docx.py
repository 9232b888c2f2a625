"""Writing a composed synthetic report as a .docx, with python-docx (see reportgen).

Labels are either typed into the paragraph text ("1.", "R3.", "Recommendation 2:",
"•"), or, with numbering="word", made by Word's own list numbering (numbering.xml),
as most reports written in Word do: then the label is in no paragraph's text, and a
reader must take it from the list definition. A .docx has no fixed pages, so the
writer returns no pages.
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

GLYPHS = {"•", "▪", "–", "o"}
FIXED_TIME = datetime(2020, 1, 1)
RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"  # Word's russianLower sequence


def write_docx(report, path: Path, columns: int = 1, numbering: str = "text") -> dict[str, int]:
    """Write `report` as a .docx at `path`; return no pages (a .docx has none)."""
    import docx
    from docx.enum.section import WD_SECTION
    from docx.shared import Pt

    doc = docx.Document()
    doc.core_properties.title = report.title
    doc.styles["Normal"].font.name = "DejaVu Sans"
    doc.styles["Normal"].font.size = Pt(10)
    lists = WordLists(doc) if numbering == "word" else None
    for block in report.blocks:
        kind = block.kind
        if kind == "cover":
            doc.add_paragraph(block.text, style="Title")
            for line in block.rows[0]:
                doc.add_paragraph(line)
            furniture(doc.add_section(WD_SECTION.NEW_PAGE), report, columns)
        elif kind == "toc":
            doc.add_paragraph(block.text, style="Heading 1")
            for num, title in report.toc:
                doc.add_paragraph(f"{num}. {title}")
        elif kind == "pagebreak":
            doc.add_page_break()
        elif kind == "heading":
            doc.add_heading(block.text, level=block.level)
        elif kind == "table":
            table = doc.add_table(rows=0, cols=len(block.rows[0]))
            table.style = "Table Grid"
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
        else:
            paragraph(doc, block, lists)
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    doc.save(str(path))
    normalise_zip(path)
    return {}


def normalise_zip(path: Path) -> None:
    """Give every member of the .docx one fixed date, so that a seed writes the same bytes."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type, fixed.external_attr = zipfile.ZIP_DEFLATED, info.external_attr
            target.writestr(fixed, data)


def paragraph(doc, block, lists) -> None:
    """One text block: its label (typed, or Word-numbered), its bold lead, its text."""
    from docx.shared import Cm

    p = doc.add_paragraph()
    indent = {"item": 0.8, "sub": 1.6, "cont": 0.8}.get(block.kind, 0)
    if block.label and lists is not None and lists.number(p, block):
        pass
    elif indent and block.label and len(block.label) <= 4:
        p.paragraph_format.left_indent = Cm(indent)
        p.paragraph_format.first_line_indent = Cm(-0.8)
        p.add_run(f"{block.label}\t")
    elif block.label:
        p.add_run(f"{block.label} ").bold = True
    elif indent:
        p.paragraph_format.left_indent = Cm(indent)
    if block.lead:
        p.add_run(f"{block.lead} ").bold = True
    p.add_run(block.text).bold = block.kind in ("addressee", "boldline")


def parse_label(label: str, letters: str = "abcdefghijklmnopqrstuvwxyz") -> tuple | None:
    """(prefix, Word number format, value, suffix) of a label, or None if Word cannot make it.

    "R3." -> ("R", "decimal", 3, "."); "(b)" -> ("(", "lowerLetter", 2, ")");
    "в)" -> ("", "russianLower", 3, ")"); "•" -> ("", "bullet", 1, "•").
    """
    if label in GLYPHS:
        return ("", "bullet", 1, label)
    if m := re.fullmatch(r"(\D*?)(\d+)([.):]?)", label):
        return (m[1], "decimal", int(m[2]), m[3])
    if m := re.fullmatch(r"(\(?)([a-z])(\))", label):
        return (m[1], "lowerLetter", letters.index(m[2]) + 1, m[3])
    if m := re.fullmatch(r"(\(?)([а-я])(\))", label):
        return (m[1], "russianLower", RU_LETTERS.index(m[2]) + 1, m[3])
    return None


class WordLists:
    """Word list definitions made on the fly: a new list where a label restarts or changes form."""

    def __init__(self, doc):
        self.root = doc.part.numbering_part.element
        self.next_id = 100
        self.current: dict[str, tuple] = {}  # block kind -> (form, numId, last value)

    def number(self, p, block) -> bool:
        """Give paragraph `p` Word numbering for the block's label; False if the label is not a list's."""
        parsed = parse_label(block.label)
        if parsed is None:
            return False
        pre, fmt, value, post = parsed
        form = (pre, fmt, post)
        last = self.current.get(block.kind)
        if last and last[0] == form and value == last[2] + (fmt != "bullet"):
            num_id = last[1]
        else:
            num_id = self.define(form, value, 1.6 if block.kind == "sub" else 0.8, bold=len(block.label) > 4)
        self.current[block.kind] = (form, num_id, value)
        num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id
        return True

    def define(self, form: tuple, start: int, indent_cm: float, bold: bool) -> int:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls, qn

        pre, fmt, post = form
        num_id = self.next_id
        self.next_id += 1
        text = post if fmt == "bullet" else f"{pre}%1{post}"
        left, hanging = int(indent_cm * 567), 454 if len(text) <= 4 else 0
        abstract = parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
            f'<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{escape_attr(text)}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>'
            f'{"<w:rPr><w:b/></w:rPr>" if bold else ""}</w:lvl></w:abstractNum>')
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.root.append(abstract)
        self.root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                                   f'<w:abstractNumId w:val="{num_id}"/></w:num>'))
        return num_id


def escape_attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def furniture(section, report, columns: int) -> None:
    """The body section's running header, its footer with a PAGE field, its columns."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    section.header.paragraphs[0].text = report.header
    before, _, after = report.footer.partition("{n}")
    footer = section.footer.paragraphs[0]
    footer.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    footer.add_run(after)
    if columns == 2:
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), "2")
        cols.set(qn("w:space"), "454")
