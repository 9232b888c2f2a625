"""A Word report's words as Word shows them (indexer/importing/wordtext.py): tracked
insertions, content controls and smart tags read, deleted text and text boxes not."""

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from import_text import TAXONOMY

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document

W = nsdecls("w")


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _report(tmp_path, build) -> list:
    document = docx.Document()
    document.add_heading("Recommendations", 1)
    document.add_paragraph("The review makes the following recommendations.")
    build(document)
    path = tmp_path / "report.docx"
    document.save(path)
    items, _ = find_items(read_document(path), TAXONOMY)
    return [item.body for item in items if item.kind == "recommendation"]


def test_tracked_insertions_content_controls_and_smart_tags_are_read_deleted_text_is_not(tmp_path):
    def build(document):
        first = document.add_paragraph("1. The ministry should ")
        first._p.append(parse_xml(f'<w:ins {W} w:id="1" w:author="E" w:date="2021-03-01T00:00:00Z">'
                                  f'{_run("publish the results framework ")}</w:ins>'))
        first._p.append(parse_xml(f'<w:del {W} w:id="2" w:author="E" w:date="2021-03-01T00:00:00Z">'
                                  '<w:r><w:delText>keep it internal </w:delText></w:r></w:del>'))
        first._p.append(parse_xml(f"<w:r {W}><w:t>of the programme.</w:t></w:r>"))
        second = document.add_paragraph("2. The donors should ")
        second._p.append(parse_xml(f'<w:sdt {W}><w:sdtContent>{_run("fund the monitoring groups ")}'
                                   "</w:sdtContent></w:sdt>"))
        second._p.append(parse_xml(f'<w:smartTag {W} w:uri="urn:place" w:element="City">{_run("in Osh ")}'
                                   "</w:smartTag>"))
        second._p.append(parse_xml(f"<w:r {W}><w:t>from the second year.</w:t></w:r>"))

    assert _report(tmp_path, build) == [
        "The ministry should publish the results framework of the programme.",
        "The donors should fund the monitoring groups in Osh from the second year."]


def test_paragraphs_kept_in_a_block_content_control_are_read_in_their_place(tmp_path):
    def build(document):
        document.add_paragraph("1. The ministry should publish the results framework of the programme.")
        body = document.element.body
        body.insert(len(body) - 1, parse_xml(
            f"<w:sdt {W}><w:sdtContent><w:p>{_run('2. The donors should fund the monitoring groups.')}</w:p>"
            "</w:sdtContent></w:sdt>"))
        document.add_paragraph("3. The project team should train the regional offices first.")

    assert [body.split()[1] for body in _report(tmp_path, build)] == ["ministry", "donors", "project"]


def test_a_text_box_is_not_read_into_the_paragraph_that_anchors_it(tmp_path):
    def build(document):
        paragraph = document.add_paragraph("1. The ministry should publish the results framework.")
        paragraph._p.append(parse_xml(
            f'<w:r {W}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
            f"<w:txbxContent><w:p>{_run('Figure 3: staff trained, by region')}</w:p></w:txbxContent>"
            "</v:textbox></v:shape></w:pict></w:r>"))

    assert _report(tmp_path, build) == ["The ministry should publish the results framework."]


def test_a_text_box_of_items_is_read_after_the_paragraph_that_anchors_it(tmp_path):
    document = docx.Document()
    document.add_heading("Conclusions", 1)
    paragraph = document.add_paragraph("The project met its aims in the north, less so in the south.")
    box = "".join(f"<w:p>{_run(text)}</w:p>" for text in (
        "Lessons learned", "1. Joint field visits built more ownership than formal meetings did.",
        "2. Baselines collected late made the results hard to show."))
    paragraph._p.append(parse_xml(
        f'<w:r {W}><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
        f"<w:txbxContent>{box}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"))
    document.add_paragraph("The south lagged behind for want of staff.")
    path = tmp_path / "report.docx"
    document.save(path)
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [(item.kind, item.body.split()[0]) for item in items] == [
        ("lesson", "Joint"), ("lesson", "Baselines")]
