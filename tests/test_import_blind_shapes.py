"""Importer rules for the shapes of the reports written blind in session 13 (UNEP/GEF, ADB,
UNHCR, WHO, SDC in Russian, ...), each on a small hand-written text of its shape."""

from pathlib import Path

from import_text import TAXONOMY, items_of, pages

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document

INTRO = "1. Introduction\nThe programme ran for four years in two regions of the country.\n\n"


def _word_table(tmp_path: Path, heading: str, rows: list[tuple[str, ...]]) -> list[tuple[str, str]]:
    import docx

    document = docx.Document()
    document.add_heading("1. Introduction", level=1)
    document.add_paragraph("The programme ran for four years.")
    document.add_heading(heading, level=1)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(tmp_path / "report.docx")
    items, _ = find_items(read_document(tmp_path / "report.docx"), TAXONOMY)
    return [(item.kind, item.body) for item in items]


def test_a_table_header_wrapped_inside_its_narrow_number_column_still_heads_the_table(tmp_path):
    # "Rec #" broken inside a narrow first column ("Re" / "c#"): the second line is the
    # header's, not a line of text that ends the table before its rows.
    text = pages(INTRO + "2. Recommendations\n"
                 " Re     Recommendation                                  Responsible        Timeframe\n"
                 " c#\n\n"
                 " 1      The ministry should fund the ranger posts from     Ministry of        2023\n"
                 "        the state budget before the next cycle.            Finance\n\n"
                 " 2      UNEP should plan equipment procurement in the      UNEP               Future\n"
                 "        first year of future projects.                                        projects\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "The ministry should fund the ranger posts from the state budget before the "
                           "next cycle."),
        ("recommendation", "UNEP should plan equipment procurement in the first year of future projects.")]


def test_a_table_column_named_by_the_bare_singular_lesson_holds_the_lessons(tmp_path):
    # «№ | Урок | На чём основан»: the column «Урок» (not «Уроки», not «Извлечённый урок»)
    # names the kind; its cells are the lessons, the evidence column goes.
    text = pages(INTRO + "2. Извлечённые уроки\n"
                 " № Урок                                               На чём основан\n\n"
                 " 1    Сёла, где тариф обсуждали на сходе жителей,     Данные по 48 сёлам\n"
                 "      собирают плату втрое лучше остальных.           за 2020 г.\n\n"
                 " 2    Подключение без счётчиков ведёт к перерасходу   Интервью\n"
                 "      воды в верхних частях сёл.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Сёла, где тариф обсуждали на сходе жителей, собирают плату втрое лучше остальных."),
        ("lesson", "Подключение без счётчиков ведёт к перерасходу воды в верхних частях сёл.")]


def test_a_word_table_whose_column_is_named_lesson_in_english_or_russian(tmp_path):
    rows = [("#", "Lesson", "Evidence"),
            ("1", "Villages that agreed the tariff before construction collect fees better.", "Data"),
            ("2", "Connections without meters waste water.", "Interviews")]
    assert _word_table(tmp_path, "2. Lessons learned", rows) == [
        ("lesson", "Villages that agreed the tariff before construction collect fees better."),
        ("lesson", "Connections without meters waste water.")]
    ru = [("№", "Урок", "Основание"), ("1", "Тариф, обсуждённый заранее, собирают лучше.", "Данные")]
    assert _word_table(tmp_path, "2. Извлечённые уроки", ru) == [
        ("lesson", "Тариф, обсуждённый заранее, собирают лучше.")]


def test_a_section_that_says_it_has_none_gives_no_item(tmp_path):
    # In a report whose paragraphs are numbered through, "D. Recommendation for Follow-Up" over
    # "31. None." (ADB's validation reports), «Г. Рекомендации» over «31. Нет.»: no item.
    running = "".join(f"{n}. The project rehabilitated canal section {n} and handed it over to the\n"
                      f"water users' association of the district.\n\n" for n in range(1, 31))
    for heading, word in (("D. Recommendation for IED Follow-Up", "31. None."),
                          ("Г. Рекомендации", "31. Нет.")):
        text = pages("I. PERFORMANCE\n\n" + running, f"II. OTHER ISSUES\n\n{heading}\n\n{word}\n")
        assert [body for _, body in items_of(tmp_path, text)] == []


def test_a_rationale_paragraph_then_an_actions_line_over_bullets_stay_in_the_recommendation(tmp_path):
    # UNHCR: "Recommendation 1:" and its title, a rationale paragraph, "Actions:" over its
    # bullets, a responsibility line: one recommendation, the bullets no items of their own.
    for label, rationale, actions, bullets, owner in (
            ("Recommendation 1: Record refugee pupils in the national school census.",
             "Enrolment data are kept in a separate spreadsheet by the partner, so the ministry does\n"
             "not plan teachers for them.", "Actions:",
             ("agree a refugee status field with the ministry;", "stop the spreadsheet after one year."),
             "Responsibility: Representation. Priority: High. Timeline: 2024."),
            ("Рекомендация 1: Учитывать детей беженцев в школьной переписи.",
             "Сведения о зачислении ведёт партнёр в отдельной таблице, поэтому министерство не\n"
             "планирует для них учителей.", "Меры:",
             ("согласовать с министерством поле статуса беженца;", "отказаться от таблицы через год."),
             "Ответственные: представительство. Приоритет: высокий. Срок: 2024 г.")):
        text = pages(INTRO + ("2. Рекомендации\n" if label[0] == "Р" else "2. Recommendations\n")
                     + f"\n{label}\n\n{rationale}\n\n{actions}\n\n"
                     + "".join(f"    • {b}\n" for b in bullets) + f"{owner}\n")
        found = items_of(tmp_path, text)
        assert len(found) == 1, found
        kind, body = found[0]
        assert kind == "recommendation" and rationale.split()[0] in body and bullets[1] in body


def test_paragraphs_numbered_under_the_chapters_number_are_its_items_not_sub_sections(tmp_path):
    # «6. Основные уроки» over «6.1. Родители …», «6.2. …»: each a sentence over two lines
    # to its full stop, so a numbered lesson, not the title of a sub-section «6.1».
    for title, first, second in (
            ("2. Основные уроки",
             "Родители охотнее отдают детей в центры, когда занятия ведут воспитатели из\n"
             "      своей махалли, а не приезжие специалисты.",
             "Короткие группы по три часа в день привлекают больше детей из сельских семей,\n"
             "      чем группы полного дня, и стоят вдвое дешевле."),
            ("2. Lessons learned",
             "Parents enrol their children more readily when the classes are taught by\n"
             "      teachers from their own neighbourhood rather than by visiting specialists.",
             "Short groups of three hours a day attract more children from rural families\n"
             "      than full-day groups, and cost half as much.")):
        text = pages(INTRO + f"{title}\n 2.1. {first}\n\n 2.2. {second}\n\n"
                     "3. Annexes\n\nList of people met.\n")
        assert items_of(tmp_path, text) == [("lesson", " ".join(first.split())),
                                            ("lesson", " ".join(second.split()))]


def test_a_key_recommendation_box_in_the_findings_is_a_recommendation(tmp_path):
    # WHO: each chapter of findings closes on a box "Key recommendation 2" («Ключевая
    # рекомендация 2»), its text below the label; no chapter of recommendations.
    findings = ("Interviews with the ministry confirmed that the reform responded to national\n"
                "priorities, and most respondents valued the support they received.\n\n")
    for label, words in (("Key recommendation 1", "Fix the share of primary care in the insurance fund's\n"
                                                  "spending at no less than 35 per cent."),
                         ("Ключевая рекомендация 1", "Закрепить долю первичной помощи в расходах фонда\n"
                                                     "не ниже 35 процентов.")):
        text = pages(INTRO + "2. Financing of primary care\n" + findings + f"{label}\n{words}\n\n"
                     + "3. Staff\n" + findings)
        assert items_of(tmp_path, text) == [("recommendation", " ".join(words.split()))]


def test_a_line_saying_what_for_over_bullets_is_no_addressee(tmp_path):
    # «Для этого необходимо:» / "To this end, the ministry should:" under a labelled
    # recommendation's first sentence: its own bullets follow, not the items of an addressee
    # («Для правительства:»).
    for heading, label, purpose, bullets in (
            ("2. Рекомендации", "Рекомендация № 2. Обеспечить финансирование центров из местных бюджетов.",
             "Для этого необходимо:", ("включить центры в нормативы финансирования;",
                                       "заключить с хукуматами соглашения о передаче расходов.")),
            ("2. Recommendations", "Recommendation 2. Fund the centres from the local budgets.",
             "To this end, the ministry should:", ("include the centres in the funding norms;",
                                                   "agree with the districts to take over the costs."))):
        text = pages(INTRO + f"{heading}\n\n{label}\n{purpose}\n\n"
                     + "".join(f"  • {b}\n" for b in bullets) + "\n3. Annexes\n\nList of people met.\n")
        found = items_of(tmp_path, text)
        assert len(found) == 1 and purpose in found[0][1] and bullets[1] in found[0][1], found


def test_a_recommendations_second_sub_point_follows_the_first_run_into_its_text(tmp_path):
    # "R3. … in particular by:" with "3.1 …" read into its paragraph (no blank line between),
    # then "3.2 …" apart: the second sub-point is R3's as the first is, no item lost.
    text = pages(INTRO + "2. Recommendations\n\n"
                 "R3. Strengthen follow-up with alumni. The College should make systematic use of its\n"
                 "alumni network, in particular by: 3.1 keeping a register of graduates and their\n"
                 "current posts, shared with the border agencies;\n\n"
                 "3.2 holding a yearly regional alumni meeting on a current border security theme.\n"
                 "R4. Widen participation of women officers. The College should set a target of 30 per\n"
                 "cent women participants by 2025.\n")
    found = items_of(tmp_path, text)
    assert len(found) == 2 and found[0][1].endswith("on a current border security theme."), found


def test_sub_sections_titled_by_a_numbered_recommendation_label_are_the_recommendations(tmp_path):
    # "5.1 Recommendation 1: Give …" as a numbered sub-heading, its title wrapped onto a second
    # line, its text below in one or two paragraphs: each sub-section one recommendation whose
    # words start after the label; a title of more than twelve words is still a title.
    for chapter, label, title, wrapped, paragraph in (
            ("2. Recommendations", "Recommendation", "Move the guide certification to the Tourism",
             "Committee", "The certification of local guides should become part of the national\n"
                          "register, so that certificates are recognised by tour operators."),
            ("2. Рекомендации", "Рекомендация", "Передать сертификацию гидов Комитету по туризму и",
             "национальному реестру", "Сертификация местных гидов должна стать частью национального\n"
                                      "реестра, чтобы туроператоры признавали сертификаты.")):
        second = ("Target the small grants at women-run guesthouses in the remote mountain communities"
                  if label == "Recommendation" else
                  "Направить малые гранты гостевым домам, которыми руководят женщины в отдалённых сёлах")
        text = pages(INTRO + f"{chapter}\n2.1 {label} 1: {title}\n{wrapped}\n{paragraph}\n\n"
                     f"2.2 {label} 2: {second}\n{paragraph}\n\n3. Annexes\n\nList of people met.\n")
        found = items_of(tmp_path, text)
        assert [kind for kind, _ in found] == ["recommendation"] * 2, found
        assert " ".join(found[0][1].split()).startswith(f"{title} {wrapped} {paragraph.split()[0]}")
        assert found[1][1].startswith(second)
