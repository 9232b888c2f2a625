"""How a PDF page is read into lines (indexer/importing/pdfpages.py), each rule on a small PDF
drawn with reportlab of the layout it is for."""

from __future__ import annotations

from pathlib import Path

import pytest

from indexer.importing.reading import read_document

pytest.importorskip("reportlab")

LEFT = ["The evaluation team visited both regions and", "met the residents of the villages that took",
        "part in the activities of the project. The", "partners noted that the guidance made by the",
        "project is already used outside the target", "districts of the two regions. One official",
        "said that the project should be seen as a", "starting point rather than a finished model",
        "for the other districts of the country."]
RIGHT = ["The documents show that the steering", "committee met four times, as planned.",
         "Gender equality was ensured mainly by", "the participation of women rather than",
         "the content of the activities. Delays in", "hiring staff and in procurement in the",
         "first year shortened the time left for", "the implementation of the work plan by",
         "the partners in the regions."]


def draw(path: Path, pages: list[list[tuple]]) -> Path:
    """A PDF of A4 pages, each a list of (x, y, text) or (x, y, text, font, size) strings."""
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=(595, 842))
    for strings in pages:
        for x, y, text, *font in strings:
            name, size = font or ("Helvetica", 10)
            sheet.setFont(name, size)
            sheet.drawString(x, y, text)
        sheet.showPage()
    sheet.save()
    return path


def lines_of(path: Path, page: int = 0) -> list[str]:
    return [" ".join(line.split()) for line in read_document(path).pages[page].lines if line.strip()]


def test_two_columns_whose_baselines_differ_are_read_one_after_the_other(tmp_path):
    # The right column's lines stand 5 points lower and 1 point closer than the left's, so no
    # row of the page holds both columns.
    strings = [(72, 790, "Review of the Example Programme, final report"), (72, 765, "2. Context")]
    strings += [(72, 740 - 14 * n, line) for n, line in enumerate(LEFT)]
    strings += [(315, 735 - 13 * n, line) for n, line in enumerate(RIGHT)]
    lines = lines_of(draw(tmp_path / "columns.pdf", [strings]))
    assert lines == ["Review of the Example Programme, final report", "2. Context", *LEFT, *RIGHT]


def test_a_page_of_one_column_with_short_last_lines_is_read_whole(tmp_path):
    # Paragraphs' last lines end left of the page's middle and a few lines stand right of it
    # (a date, a signature): no gutter runs down the page.
    prose = ["The evaluation covers the years 2019 to 2023 and both regions of the project, and the",
             "work of the national agency for local self-government in the capital city.",
             "It ends here.", "The team met the partners in the regions and in the capital city, and",
             "the residents of the villages that took part in the activities of the project.",
             "So it was.", "The documents show that the steering committee met four times, as was",
             "planned, and that the partners reported to it on time.", "Done."]
    strings = [(72, 760 - 14 * n, line) for n, line in enumerate(prose)]
    strings += [(400, 600, "Bishkek, 12 May 2022"), (400, 586, "The evaluation team"),
                (400, 572, "Final version")]
    assert lines_of(draw(tmp_path / "one.pdf", [strings])) == [
        *prose, "Bishkek, 12 May 2022", "The evaluation team", "Final version"]


@pytest.mark.parametrize("angle", [90, -90])
def test_a_landscape_table_set_sideways_on_a_portrait_page_reads_across(tmp_path, angle):
    # The text is turned a quarter (down the page or up it) on a portrait page without /Rotate:
    # the reader turns the paper; the importer reads it turned too, not a word a line.
    from reportlab.pdfgen import canvas

    rows = [f"Recommendation {n}. Strengthen the monitoring system of the programme." for n in (1, 2, 3)]
    sheet = canvas.Canvas(str(tmp_path / "sideways.pdf"), pagesize=(595, 842))
    sheet.drawString(72, 780, "Annex 3 follows on the next page.")
    sheet.showPage()
    sheet.translate(*((595, 0) if angle == 90 else (0, 842)))
    sheet.rotate(angle)
    sheet.drawString(72, 500, "Annex 3. Recommendations of the evaluation")
    for n, row in enumerate(rows):
        sheet.drawString(72, 470 - 14 * n, row)
    sheet.showPage()
    sheet.save()
    path = tmp_path / "sideways.pdf"
    assert lines_of(path, 0) == ["Annex 3 follows on the next page."]
    assert lines_of(path, 1) == ["Annex 3. Recommendations of the evaluation", *rows]


BOXES = [["Collaborate to establish a common set of", "categories for the voluntary identification",
          "of personnel by June 2024, for the purposes", "of monitoring progress and success."],
         ["Direct the training and learning units to", "develop and implement an integrated",
          "curriculum that responds to the needs of", "personnel of all functions and levels."],
         ["Provide sufficient resources to support", "the achievement of the defined results of",
          "the action plans of the organizations."],
         ["Jointly develop and provide resources to", "a high-level inter-agency mechanism that",
          "unites the organizations and their work", "across the system and in the countries."]]


def test_a_display_numeral_beside_a_box_of_text_numbers_its_item(tmp_path):
    # Big numerals (40 points, three lines tall) in each box's margin, standing on the box's
    # third line, the right column's numerals reaching into the gutter: read as "1. ", the
    # columns apart, no numeral glued to a word ("1of monitoring").
    strings = [(200, 790, "What the evaluation recommends", "Helvetica-Bold", 14),
               (72, 760, "The executive heads of the organizations are called on to:")]
    for n, box in enumerate(BOXES):
        x, y = (80 if n < 2 else 330), 730 - 90 * (n % 2)
        strings.append((x - 26 if n < 2 else x - 30, y - 28, str(n + 1), "Helvetica", 40))
        strings += [(x, y - 14 * row, line) for row, line in enumerate(box)]
    lines = lines_of(draw(tmp_path / "numerals.pdf", [strings]))
    assert lines == ["What the evaluation recommends",
                     "The executive heads of the organizations are called on to:",
                     *(f"{n}. {line}" if row == 0 else line
                       for n, box in enumerate(BOXES, 1) for row, line in enumerate(box))]


def test_the_display_numerals_items_are_found_under_a_heading_saying_who_recommends(tmp_path):
    from indexer.content.taxonomy import load_taxonomy
    from indexer.importing.importer import find_items
    from kb.settings import ROOT

    strings = [(72, 790, "I. Background", "Helvetica-Bold", 12),
               (72, 770, "The review covers the organizations of the system between 2019 and 2023.")]
    strings += [(200, 740, "What the evaluation recommends", "Helvetica-Bold", 14)]
    for n, box in enumerate(BOXES):
        x, y = (80 if n < 2 else 330), 710 - 90 * (n % 2)
        strings.append((x - 26 if n < 2 else x - 30, y - 28, str(n + 1), "Helvetica", 40))
        strings += [(x, y - 14 * row, line) for row, line in enumerate(box)]
    strings += [(200, 500, "Approach and methodology", "Helvetica-Bold", 14),
                (72, 480, "The development of nine principles guiding the framework of the review:"),
                (72, 460, "1. The importance of anchoring the review in the values of the system."),
                (72, 446, "2. The need to establish the benchmarks of the review.")]
    taxonomy = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
    items, _ = find_items(read_document(draw(tmp_path / "leaflet.pdf", [strings])), taxonomy)
    assert [(item.kind, " ".join(item.body.split())) for item in items] == [
        ("recommendation", " ".join(box)) for box in BOXES]


def test_a_lettered_list_with_a_hanging_indent_is_no_second_column(tmp_path):
    # The markers "(a)" stand alone at x 150, the text at x 175, as a UN document sets a
    # list: the blank band right of the markers runs down the page like a gutter.
    items = [["UN Member States should ensure child protection remains central in",
              "diplomatic and mediation efforts, integrating concerns into peace",
              "negotiations and Security Council deliberations."],
             ["The Security Council should strengthen engagement with parties to",
              "conflict to end and prevent grave violations against children."],
             ["UN agencies and humanitarian actors should enhance collaboration to",
              "provide real-time updates on evolving child protection risks."],
             ["All parties to conflict should improve access for child protection",
              "actors, addressing operational and political constraints."]]
    strings, y = [(72, 790, "VIII. Recommendations"), (125, 770, "Leveraging tools and frameworks")], 750
    for letter, lines in zip("abcd", items, strict=True):
        strings.append((150, y, f"({letter})"))
        for line in lines:
            strings.append((175, y, line))
            y -= 14
        y -= 4
    lines = lines_of(draw(tmp_path / "hanging.pdf", [strings]))
    assert lines[2:] == [f"({letter}) {group[0]}" if n == 0 else group[n]
                         for letter, group in zip("abcd", items, strict=True) for n in range(len(group))]


def items_in(path: Path) -> list[tuple[str, str]]:
    from import_text import TAXONOMY

    from indexer.importing.importer import find_items

    items, _ = find_items(read_document(path), TAXONOMY)
    return [(item.kind, item.body) for item in items]


def test_a_chapter_title_set_as_a_picture_is_named_by_the_contents(tmp_path):
    # The chapter titles are pictures, a strip a line high at the left margin: the text layer
    # lacks them, the contents name them with their pages. The picture of a logo in the
    # header, or one beside a line of text, is no heading.
    from PIL import Image
    from reportlab.pdfgen import canvas

    path = tmp_path / "pictured.pdf"
    sheet = canvas.Canvas(str(path), pagesize=(595, 842))
    strip = Image.new("RGB", (400, 40), "red")
    for y, text in ((760, "Contents"), (730, "Findings ........................................ 2"),
                    (715, "Recommendations ................................. 2"),
                    (700, "Annex 1 People met .............................. 3")):
        sheet.drawString(72, y, text)
    sheet.showPage()
    sheet.drawInlineImage(strip, 72, 800, 120, 12)                      # a logo in the header
    sheet.drawInlineImage(strip, 72, 720, 160, 16)                      # "Findings"
    sheet.drawString(72, 690, "The resource centres served five townships and their groups met.")
    sheet.drawInlineImage(strip, 72, 640, 160, 16)                      # "Recommendations"
    sheet.drawString(72, 610, "The ministry should fund the resource centres from its budget.")
    sheet.drawString(72, 580, "The centres should share their records with the township offices.")
    sheet.showPage()
    sheet.drawString(72, 760, "Annex 1 People met")
    sheet.drawString(72, 730, "Ten teachers and five officials of the township.")
    sheet.showPage()
    sheet.save()
    lines = [line.strip() for line in read_document(path).pages[1].lines if line.strip()]
    assert lines[:3] == ["Findings", "The resource centres served five townships and their groups met.",
                         "Recommendations"]
    assert [body.split()[:2] for _, body in items_in(path)] == [["The", "ministry"], ["The", "centres"]]


def test_a_box_in_two_columns_below_a_band_of_white_is_read_after_both_columns_above(tmp_path):
    # Two columns that end their sentences, a band of white across the page, then a box at the
    # page's foot set in two columns of its own: the box's halves are no tails of the columns.
    box_left = ["OUR PRINCIPLES", "Information should be published.", "It should be complete."]
    box_right = ["Everyone should be able to ask.", "The right to ask is promoted.", "Requests are answered."]
    strings = [(72, 790 - 14 * row, line) for row, line in enumerate(LEFT)]
    strings += [(320, 790 - 14 * row, line) for row, line in enumerate(RIGHT)]
    strings += [(72, 600 - 14 * row, line) for row, line in enumerate(box_left)]
    strings += [(320, 600 - 14 * row, line) for row, line in enumerate(box_right)]
    lines = lines_of(draw(tmp_path / "band.pdf", [strings]))
    assert lines == [*LEFT, *RIGHT, *box_left, *box_right]


def test_a_text_struck_twice_a_hair_apart_is_read_once(tmp_path):
    """An old word processor's bold: every line printed again 0.3 points to the right, which a
    PDF keeps as a second set of characters ("RReeccoommmmeennddaattiioonnss"). Read once, the
    heading is a heading and its items are whole; a word's own double letters stay."""
    text = [(72, 760, "Evaluation of the Example Programme"), (72, 730, "1. Findings"),
            (72, 710, "The programme reached most of the districts it planned to reach."),
            (72, 680, "2. Recommendations"),
            (72, 650, "(a) The Committee should publish its annual programme in all official languages."),
            (72, 630, "(b) The secretariat should report on the follow-up of all recommendations.")]
    strings = [(x + shift, y, line) for x, y, line in text for shift in (0, 0.3)]
    path = draw(tmp_path / "overprint.pdf", [strings])
    assert lines_of(path)[:2] == ["Evaluation of the Example Programme", "1. Findings"]
    assert items_in(path) == [
        ("recommendation", "The Committee should publish its annual programme in all official languages."),
        ("recommendation", "The secretariat should report on the follow-up of all recommendations.")]
