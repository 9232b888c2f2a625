"""A Word paragraph's words as Word shows them, and the body's blocks as Word lays them out.

python-docx reads only the runs that are a paragraph's own children, and only the paragraphs
and tables that are the body's: a real report's words also sit in tracked insertions
(`w:ins`, shown once changes are accepted), inline content controls (`w:sdt`), smart tags
and custom XML, and whole paragraphs in block content controls (a template's cover page,
a section kept in one). Deleted text (`w:del`, `w:moveFrom`) is not shown, a text box's
text (`w:txbxContent`) is not the paragraph's, and a drawing's fallback copy is not read twice.
"""

from __future__ import annotations

from docx.oxml.ns import qn

# Runs a reader sees: any run of the paragraph, however wrapped, except deleted or moved
# away ones, those inside a text box or a drawing's fallback copy, and a nested paragraph's.
_SHOWN = ("not(ancestor::w:del) and not(ancestor::w:moveFrom) and not(ancestor::w:txbxContent)"
          " and not(ancestor::*[local-name()='Fallback'])")
_WRAPPERS = {qn("w:sdt"), qn("w:customXml")}


def shown_runs(paragraph) -> list:
    """The paragraph's runs (python-docx `Run`s) that Word shows, in order."""
    from docx.text.run import Run

    return [Run(r, paragraph) for r in paragraph._p.xpath(f".//w:r[{_SHOWN}]")]


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
        if child.tag in (qn("w:p"), qn("w:tbl")):
            yield child
        elif child.tag in _WRAPPERS:
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _blocks(content)
