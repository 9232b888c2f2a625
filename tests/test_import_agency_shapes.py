"""Rules of the importer for shapes the session-7 written reports showed (GIZ, EU, CARE, IOM,
UNICEF and an NGO in Russian), each on a small hand-written text, .docx or PDF of that shape."""

import pytest
from import_text import TAXONOMY, items_of, pages

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document

FINDINGS = ("The team met the partners in both regions and visited the schools that took part. "
            "Most of them valued the support they received from the project.")
НАХОДКИ = ("Группа оценки посетила оба района и встретилась с партнёрами проекта. Большинство "
           "участников высоко оценили полученную поддержку.")


def test_chapters_numbered_with_no_full_stop_are_headings_even_over_their_first_line(tmp_path):
    # GIZ and the EU's evaluators write "6 Recommendations"; pdftotext leaves no blank line
    # between a heading and its first paragraph.
    text = pages(f"1 Introduction\n{FINDINGS}\n\n2 Findings\n{FINDINGS}",
                 "3 Recommendations\nR1 – Fund the registry from the state budget. The ministry should "
                 "plan it.\n\n"
                 "Addressee: Ministry of Finance; Priority: high.\n"
                 "4 Lessons learnt\nL1. Registries last when the ministry runs them from the start.")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Fund the registry from the state budget. The ministry should plan it.\n\n"
                           "Addressee: Ministry of Finance; Priority: high."),
        ("lesson", "Registries last when the ministry runs them from the start.")]


@pytest.mark.parametrize(("line", "second"), [
    ("Recommendations for GIZ:", "Plan the exit from the start."),
    ("Рекомендации для доноров:", "Финансировать проекты три года."),
    ("Для доноров:", "Финансировать проекты три года.")])
def test_a_line_naming_whom_the_recommendations_below_are_for_ends_the_item_above(tmp_path, line, second):
    # The addressee line follows the last bullet with no blank line between (GIZ's 5.2).
    text = pages(f"1. Introduction\n\n{FINDINGS}\n\n2. Recommendations\n\n"
                 f"• Anchor the training in the national institute.\n{line}\n\n• {second}")
    assert items_of(tmp_path, text) == [("recommendation", "Anchor the training in the national institute."),
                                        ("recommendation", second)]


def test_a_letter_and_a_full_stop_mark_a_list_of_items(tmp_path):
    text = pages(f"1. Introduction\n\n{FINDINGS}\n\n2. Recommendations\nShort term\n"
                 "a.    CARE should sign maintenance agreements with all schools, with a yearly\n"
                 "      budget line for repairs.\n\n"
                 "b.    CARE should train a second teacher in each school.\n\nLonger term\n"
                 "c.    Future projects should include a follow-up visit one year after handover.")
    assert items_of(tmp_path, text) == [
        ("recommendation", "CARE should sign maintenance agreements with all schools, with a yearly budget "
                           "line for repairs."),
        ("recommendation", "CARE should train a second teacher in each school."),
        ("recommendation", "Future projects should include a follow-up visit one year after handover.")]


def test_key_learnings_are_lessons(tmp_path):
    text = pages(f"1. Introduction\n\n{FINDINGS}\n\n2. Key learnings\n\n"
                 "▪ Maintenance has to be budgeted before the works start.\n\n"
                 "▪ Pupils are the best hygiene promoters.")
    assert [kind for kind, _ in items_of(tmp_path, text)] == ["lesson", "lesson"]


@pytest.mark.parametrize(("lessons", "practices"), [("Извлечённые уроки:", "Передовая практика:"),
                                                    ("Lessons learned:", "Good practice:")])
def test_a_line_naming_one_kind_of_a_combined_section_types_the_list_below_it(tmp_path, lessons, practices):
    text = pages(f"1. Введение\n\n{НАХОДКИ}\n\n2. Извлечённые уроки и передовая практика\n\n{lessons}\n\n"
                 "– Пилотные модели становятся политикой, когда министерство участвует с начала.\n"
                 f"{practices}\n\n– Ресурсные центры при опорных школах.\n"
                 "– Совместная с акиматами система школьного транспорта.")
    assert items_of(tmp_path, text) == [
        ("lesson", "Пилотные модели становятся политикой, когда министерство участвует с начала."),
        ("good-practice", "Ресурсные центры при опорных школах."),
        ("good-practice", "Совместная с акиматами система школьного транспорта.")]


def test_recommendations_numbered_through_two_sub_sections_are_all_items(tmp_path):
    text = pages(f"1. Введение\n\n{НАХОДКИ}\n\n2. Рекомендации\n\nСтратегические рекомендации\n\n"
                 "1. Закрепить порядок работы механизма постановлением.\n\n"
                 "2. Финансировать реабилитационные центры из бюджета.\n\nОперативные рекомендации\n\n"
                 "3. Включить курс в программы учебных заведений МВД.\n\n"
                 "Адресат: МВД, МОМ; приоритет: средний; срок: 2022 г.\n\n"
                 "4. Перевести горячую линию на круглосуточный режим.")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Закрепить порядок работы механизма постановлением.",
        "Финансировать реабилитационные центры из бюджета.",
        "Включить курс в программы учебных заведений МВД.\n\n"
        "Адресат: МВД, МОМ; приоритет: средний; срок: 2022 г.",
        "Перевести горячую линию на круглосуточный режим."]


def test_a_table_of_items_whose_number_column_is_narrow_and_header_wraps(tmp_path):
    # "№" and "Рекомендация" one space apart; «Приоритет» broken over two lines in its cell.
    text = pages(f"1. Введение\n\n{НАХОДКИ}\n\n2. Рекомендации\n\n"
                 " № Рекомендация                              Адресат          Приорите   Срок\n"
                 "                                                              т\n\n"
                 " 1    Закрепить в нормативе финансирования   МП РК            Высокий    2023 г.\n"
                 "      школ повышающий коэффициент.\n\n"
                 " 2    Включить модуль по инклюзии в          МП РК, вузы      Средний    2024 г.\n"
                 "      программы подготовки педагогов.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Закрепить в нормативе финансирования школ повышающий коэффициент.",
        "Включить модуль по инклюзии в программы подготовки педагогов."]


def test_a_heading_spread_like_a_table_header_stays_when_no_rows_follow(tmp_path):
    # A wide bold heading comes out of the PDF with wide gaps, its words like a header's cells.
    text = pages(f"1. Введение\n\n{НАХОДКИ}\n\n2. Рекомендации\n\n"
                 "1) Включать пожилых людей в планирование.\n\n"
                 "3. Извлеченные      уроки   и передовой     опыт\n\nПередовой опыт проекта:\n\n"
                 "• Выездные приёмы юриста в отдалённых сёлах.\n• Онлайн-консультации для мигрантов.")
    assert items_of(tmp_path, text) == [("recommendation", "Включать пожилых людей в планирование."),
                                        ("good-practice", "Выездные приёмы юриста в отдалённых сёлах."),
                                        ("good-practice", "Онлайн-консультации для мигрантов.")]


def test_a_box_of_one_cell_in_a_word_document_is_read_as_text(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("3. Результаты оценки", level=1)
    document.add_paragraph(НАХОДКИ)
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]
    cell.paragraphs[0].add_run("Урок 1").bold = True
    cell.add_paragraph("Социальный паспорт семьи помогает выявить детей без присмотра.")
    document.add_paragraph(НАХОДКИ)
    document.save(tmp_path / "report.docx")
    items, _ = find_items(read_document(tmp_path / "report.docx"), TAXONOMY)
    assert [(item.kind, item.body) for item in items] == [
        ("lesson", "Социальный паспорт семьи помогает выявить детей без присмотра.")]


def test_a_boxed_panel_in_a_pdf_is_a_paragraph_of_its_own(tmp_path):
    # The line below the box stands at the text's own line pitch: only the box's edge parts them.
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    path = tmp_path / "box.pdf"
    sheet = canvas.Canvas(str(path), pagesize=(595, 842))
    sheet.setFont("Helvetica", 10)
    sheet.drawString(72, 760, "The team met the partners in both regions and visited the schools.")
    sheet.setFillColorRGB(0.93, 0.95, 0.97)
    sheet.rect(66, 723, 460, 27, stroke=1, fill=1)
    sheet.setFillColorRGB(0, 0, 0)
    sheet.drawString(72, 738, "Lesson 2")
    sheet.drawString(72, 726, "Groups of grandparents last when they have a place to meet.")
    sheet.drawString(72, 714, "Coordination with other partners was informal and depended on people.")
    sheet.showPage()
    sheet.save()
    lines = [" ".join(line.split()) for line in read_document(path).pages[0].lines]
    box = lines.index("Groups of grandparents last when they have a place to meet.")
    assert lines[box + 1] == "" and "Coordination" in next(line for line in lines[box + 1:] if line)
