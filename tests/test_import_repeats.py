"""An item written twice in one report is drafted once (indexer/importing/repeats.py)."""

from __future__ import annotations

from import_text import TAXONOMY

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document
from indexer.importing.repeats import merge_repeats
from indexer.importing.sections import Item, Part

MAIN = Part("main", "Main report")


def item(body: str, page: int, kind: str = "recommendation", part: Part = MAIN) -> Item:
    return Item(kind, part, "5", None, page, page, "", None, False, [("p", [body])], body=body, page=page)


def test_a_chapter_item_restated_word_for_word_further_on_is_cited_not_written_again():
    first = item("Explore ways to address complaints efficiently, in order to reduce the backlog.", 12)
    again = item("Explore ways to address complaints efficiently in order to reduce a backlog.", 30)
    kept = merge_repeats([first, item("Use program data effectively.", 13), again])
    assert [k.body for k in kept] == [first.body, "Use program data effectively."]
    assert first.also == [{"part": "Main report", "section": "5", "paragraph": 30, "page": 30}]


def test_items_that_differ_in_a_word_of_content_or_in_kind_or_part_stay_apart():
    other = Part("kz", "Kazakhstan", "kazakhstan")
    items = [item("Develop a national action plan on child labour in Kazakhstan.", 5),
             item("Develop a national action plan on child labour in Kyrgyzstan.", 6),
             item("Develop a national action plan on child labour in Kazakhstan.", 7, kind="lesson"),
             item("Develop a national action plan on child labour in Kazakhstan.", 8, part=other),
             item("Schools should not close in winter.", 9),
             item("Schools should close in winter.", 10)]
    assert len(merge_repeats(items)) == 6


SUMMARY = ("Executive summary\n\nThe programme met most targets.\n\nMain recommendations\n\n"
           "• Simplify the procurement procedures.\n\n• Document the grievance mechanism.\n\n")
CHAPTER = ("Recommendations\n\n"
           "1. Implementing partners should simplify the procurement procedures for field offices.\n\n"
           "2. Local authorities should document the grievance and feedback mechanism.\n")


def _found(tmp_path, text: str):
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    return items


def test_a_recommendations_chapter_right_after_the_summary_ends_the_summary(tmp_path):
    # No "1. Introduction" between them: the second heading of the kind is the chapter's, whose
    # items are the items, the summary's cited in their `also`.
    items = _found(tmp_path, SUMMARY + CHAPTER)
    assert [item.body for item in items] == [
        "Implementing partners should simplify the procurement procedures for field offices.",
        "Local authorities should document the grievance and feedback mechanism."]
    assert not any(item.summary for item in items)
    assert all(len(item.also) == 1 and item.section == "Recommendations" for item in items)


def test_a_summary_dividing_its_list_goes_on_with_the_summary(tmp_path):
    divided = SUMMARY + "Operational recommendations\n\n• Train the district staff.\n\n"
    items = _found(tmp_path, divided + "1. Introduction\n\nThe programme ran for years.\n\n" + CHAPTER)
    assert [item.body for item in items] == [
        "Implementing partners should simplify the procurement procedures for field offices.",
        "Local authorities should document the grievance and feedback mechanism."]


def test_a_pdf_whose_recommendations_chapter_follows_the_summary_writes_each_once(tmp_path):
    from reportgen_pdf import register_fonts
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    register_fonts()
    styles = getSampleStyleSheet()
    for name in ("Title", "Heading1", "Heading2", "Normal"):
        styles[name].fontName = "DejaVuSans" if name == "Normal" else "DejaVuSans-Bold"
    text = [("Title", "Final evaluation of the Example Programme"), None,
            ("Heading1", "Executive summary"), ("Normal", "The programme met most targets."),
            ("Heading2", "Main recommendations"), ("Normal", "• Simplify the procurement procedures."),
            ("Normal", "• Document the grievance mechanism."), None, ("Heading1", "Recommendations"),
            ("Normal", "1. Implementing partners should simplify the procurement procedures "
                       "for field offices."),
            ("Normal", "2. Local authorities should document the grievance and feedback mechanism.")]
    path = tmp_path / "report.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [PageBreak() if line is None else Paragraph(line[1], styles[line[0]]) for line in text])
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [(item.body, item.section, len(item.also)) for item in items] == [
        ("Implementing partners should simplify the procurement procedures for field offices.",
         "Recommendations", 1),
        ("Local authorities should document the grievance and feedback mechanism.", "Recommendations", 1)]
