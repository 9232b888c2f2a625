"""Word's own list numbering read as the numbers and letters it shows (indexer/importing/wordnumbers.py)."""

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from import_text import TAXONOMY

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document
from indexer.importing.wordnumbers import shown


def _define(document, num_id: int, levels: list[tuple[str, str]]) -> None:
    """A list definition of `levels` (numFmt, lvlText), one level each, and its w:num."""
    root = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{n}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for n, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">{lvls}</w:abstractNum>')
    first = root.find(qn("w:num"))
    if first is not None:
        first.addprevious(abstract)
    else:
        root.append(abstract)
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                          f'<w:abstractNumId w:val="{num_id}"/></w:num>'))


def _listed(document, text: str, num_id: int, level: int = 0) -> None:
    num_pr = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = num_id


def test_shown_gives_a_counter_as_word_shows_it_in_each_format():
    assert [shown(4, fmt) for fmt in ("decimal", "lowerLetter", "upperLetter", "lowerRoman",
                                      "upperRoman", "russianLower", "decimalZero")] == [
        "4", "d", "D", "iv", "IV", "г", "04"]


def test_a_list_numbered_by_word_keeps_its_numbers_and_letters_and_cites_them(tmp_path):
    document = docx.Document()
    document.add_heading("Recommendations", 1)
    document.add_paragraph("The review makes the following recommendations.")
    _define(document, 201, [("decimal", "%1."), ("lowerLetter", "%2)")])
    _define(document, 202, [("bullet", "•")])
    _listed(document, "The ministry should publish the results framework of the programme.", 201)
    _listed(document, "The project team should train the regional offices before the next phase:", 201)
    _listed(document, "a plan for the first year;", 201, 1)
    _listed(document, "a budget agreed with the donor.", 201, 1)
    _listed(document, "The donors should fund the monitoring groups from the second year.", 201)
    document.add_heading("Lessons learned", 1)
    _listed(document, "Joint field visits built more ownership than formal meetings did.", 202)
    _listed(document, "Baselines collected late made the results hard to show.", 202)
    path = tmp_path / "report.docx"
    document.save(path)
    items, _ = find_items(read_document(path), TAXONOMY)
    recommendations = [item for item in items if item.kind == "recommendation"]
    assert [item.number for item in recommendations] == [1, 2, 3]
    assert recommendations[1].body.endswith("- a plan for the first year;\n- a budget agreed with the donor.")
    assert [item.body.split()[0] for item in items if item.kind == "lesson"] == ["Joint", "Baselines"]
