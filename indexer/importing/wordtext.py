"""A Word paragraph's words as Word shows them, and the body's blocks as Word lays them out.

python-docx reads only the runs that are a paragraph's own children, and only the paragraphs
and tables that are the body's: a real report's words also sit in tracked insertions
(`w:ins`, shown once changes are accepted), inline content controls (`w:sdt`), smart tags
and custom XML, and whole paragraphs in block content controls (a template's cover page,
a section kept in one). Deleted text (`w:del`, `w:moveFrom`) is not shown, a text box's
text (`w:txbxContent`) is not the paragraph's, and a drawing's fallback copy is not read twice.
A text box of two paragraphs or more (a box of lessons, a case study) is read after the
paragraph that anchors it, as a box set in a table of one cell is; a one-line text box (a
caption, a label in a diagram) is not.
"""

from __future__ import annotations

from docx.oxml.ns import qn

# Runs a reader sees: any run of the paragraph, however wrapped, except deleted or moved
# away ones and a drawing's fallback copy; a text box's runs are its own paragraphs'.
_SHOWN = "not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::*[local-name()='Fallback'])"
_WRAPPERS = {qn("w:sdt"), qn("w:customXml")}
_BOXES = ".//w:txbxContent[not(ancestor::*[local-name()='Fallback'])]"


def shown_runs(paragraph) -> list:
    """The paragraph's runs (python-docx `Run`s) that Word shows, in order."""
    from docx.text.run import Run

    own = paragraph._p
    return [Run(r, paragraph) for r in own.xpath(f".//w:r[{_SHOWN}]")
            if next(r.iterancestors(qn("w:p"))) is own]


def shown_text(paragraph) -> str:
    """The paragraph's text with tracked changes accepted and wrapped runs included:
    `<w:r>The ministry should </w:r><w:ins><w:r>publish</w:r></w:ins>` → "The ministry should publish"."""
    return "".join(run.text for run in shown_runs(paragraph))


def inner_content(container):
    """The container's paragraphs and tables in order (python-docx `Paragraph`, `Table`),
    those inside block content controls and custom XML included."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in _blocks(container._element):
        yield Paragraph(child, container) if child.tag == qn("w:p") else Table(child, container)


def _blocks(element):
    for child in element:
        if child.tag == qn("w:tbl"):
            yield child
        elif child.tag == qn("w:p"):
            yield child
            for box in child.xpath(_BOXES):
                if sum(bool("".join(p.xpath(".//w:t/text()")).strip()) for p in box.findall(qn("w:p"))) >= 2:
                    yield from _blocks(box)
        elif child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _blocks(content)
