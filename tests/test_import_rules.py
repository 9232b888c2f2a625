"""Rules of the importer, each on a small hand-written text of the shape it is for."""

from pathlib import Path

import pytest

from import_text import TAXONOMY, items_of, pages

from indexer.importing.importer import find_items
from indexer.importing.reading import read_document

NARRATIVE = pages(
    "I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four regional offices.\n",
    "II. Governance\n\n2. The board met twice a year. Its minutes were late. The Inspector encourages\n"
    "management to publish the minutes within a month of each meeting.\n\n"
    "3. Planning improved after 2022. Therefore, the Inspector suggests a review of the planning\n"
    "cycle by the end of 2026. It should also cover the regional offices.\n\n"
    "4. The data suggest that costs rose. Stakeholders suggested more meetings, which the board is\n"
    "encouraged to hold, by which each office is invited to report.\n",
    "III. Finance\n\n5. Contributions fell in 2023. 36 Participating offices are encouraged to\n"
    "record every pledge in one register, so that arrears can be followed.\n\n"
    "6. The budget was approved late. The Inspectors recommend that the budget be approved before\n"
    "the year begins, as the financial rules require.\n")


def test_the_evaluators_voice_asking_in_the_narrative_makes_items(tmp_path):
    bodies = [body for _, body in items_of(tmp_path, NARRATIVE)]
    assert bodies == [
        "The Inspector encourages management to publish the minutes within a month of each meeting.",
        "Therefore, the Inspector suggests a review of the planning cycle by the end of 2026. "
        "It should also cover the regional offices.",
        "Participating offices are encouraged to record every pledge in one register, so that "
        "arrears can be followed.",
        "The Inspectors recommend that the budget be approved before the year begins, as the "
        "financial rules require."]


def test_a_stray_recommending_sentence_makes_no_item(tmp_path):
    # One or two such sentences in a report's conclusions are no habit of recommending in passing.
    text = pages("I. Conclusions\n\n1. Costs rose. The review recommends a leaner structure for the\n"
                 "offices in the next cycle of planning.\n\n2. Staff were satisfied with the support.\n")
    assert items_of(tmp_path, text) == []


def test_a_contents_page_without_leaders_does_not_number_the_chapters(tmp_path):
    contents = ("Contents\n 1. Introduction                                    2\n"
                " 2. Findings                                        2\n"
                " 3. Recommendations                                 3\n"
                " 4. Lessons learned                                 3\n")
    text = pages(contents, "1. Introduction\nThe programme ran for four years.\n\n2. Findings\n"
                 "Most targets were met.", "3. Recommendations\n1. Fund the registry from the\n"
                 "   national budget.\n2. Train the new staff before the next phase.\n\n"
                 "4. Lessons learned\n1. Early training of district staff pays off.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Fund the registry from the national budget."),
        ("recommendation", "Train the new staff before the next phase."),
        ("lesson", "Early training of district staff pays off.")]


def test_countries_are_named_by_their_names_not_by_their_first_letters(tmp_path):
    from indexer.importing.countries import CountryNames

    names = CountryNames(TAXONOMY)
    assert names.named("To the Government of Niger and the United Nations country team:") == ["niger"]
    assert names.named("Returnees in Nigeria, as in Nigeria's north") == ["nigeria"]
    assert names.named("a turkey farm in the small village; the republic of letters") == []
    assert names.named("Партнёрам в Кыргызстане и в Нигерии; КАЗАХСТАН") == [
        "kazakhstan", "kyrgyzstan", "nigeria"]
    assert names.named("мали и малы, Маликов") == []
    text = ("Recommendations\n\nTo the United Nations country team:\n\n1. Share the data with the\n"
            "partners every quarter.\n\nTo the Government of Mali:\n\n"
            "2. Fund the registry of returnees from the national budget.\n")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [(item.body, item.country) for item in items] == [
        ("Share the data with the partners every quarter.", None),
        ("Fund the registry of returnees from the national budget.", "mali")]


def test_a_numbered_label_opens_its_item_after_a_tables_last_cell(tmp_path):
    # A key-action table's last cell ends on no full stop; the next label is still an item's.
    table = ("Key action(s)            Time frame            Responsible unit(s)\n\n"
             "Prepare inputs for the revised          June 2025       Bureau for Policy and\n"
             "evaluation policy                                       Programme Support\n")
    text = pages("IV. Recommendations\n\nRecommendation 1. Incorporate a theory of change in the policy.\n\n"
                 + table + "Recommendation 2. Extend the review cycle of the policy to ten years.\n\n"
                 + table + "Recommendation 3.\n3.1. Continue to improve the evaluation resource centre.\n"
                 "3.2. Continue to work with the regional bureaux on incentives.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Incorporate a theory of change in the policy.",
        "Extend the review cycle of the policy to ten years.",
        "3.1. Continue to improve the evaluation resource centre.\n\n"
        "3.2. Continue to work with the regional bureaux on incentives."]


RUSSIAN = pages(
    " Резюме\n Основные рекомендации\n 1. Расширить критерии отбора получателей грантов.\n"
    " 2. Обновить график отчётности.\n I. Введение\n Программа реализовывалась с 2012 года.1\n"
    " II. Выводы оценки\n II.1 Актуальность\n Партнёры выразили заинтересованность.\n\n"
    "1 Источник: интервью с сотрудниками программы.\n",
    " IV. Рекомендации\n По итогам оценки сформулированы следующие рекомендации.\n"
    " 1. Группе проекта следует расширить критерии отбора получателей денежных\n"
    "    грантов.\n"
    " 2. Группе проекта рекомендуется обновить график отчётности, согласованный с\n"
    "    донором.\n")


def test_a_russian_summary_list_a_section_number_and_a_short_first_line(tmp_path):
    # The summary's numbered list is no run of chapters 1, 2; "II.1" is a section's number,
    # not footnote 1's marker; a numbered item's first line of eight words goes on below.
    assert items_of(tmp_path, RUSSIAN) == [
        ("recommendation", "Группе проекта следует расширить критерии отбора получателей денежных грантов."),
        ("recommendation",
         "Группе проекта рекомендуется обновить график отчётности, согласованный с донором.")]


def test_a_section_written_in_paragraphs_gives_one_item_a_paragraph(tmp_path):
    text = ("Findings\n\nThe programme met most of its targets in the four districts.\n\n"
            "Lessons learned\n\nThe following lessons can be drawn from the experience.\n\n"
            "Joint field visits with ministry staff built more ownership than formal meetings.\n\n"
            "Baselines collected after activities had started made results hard to demonstrate.\n\n"
            "Annex 1. Interview guide\n\nWhat lessons would you share with colleagues?\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Joint field visits with ministry staff built more ownership than formal meetings."),
        ("lesson", "Baselines collected after activities had started made results hard to demonstrate.")]


def test_a_table_of_cells_under_a_recommendations_heading_is_no_section_of_paragraphs(tmp_path):
    text = ("Recommendations of the mid-term review\n\nRecommendation        Status        Comment\n\n"
            "Train the district staff in the new tools.\n\nDone\n\nIn 2021\n\n"
            "Fund the registry from the national budget.\n\nPending\n\nNo budget yet\n")
    assert items_of(tmp_path, text) == []


TABLE = ("2. Recommendations\n\nThe evaluation makes the following recommendations.\n\n"
         " #       Recommendations                                        To the Government    Priority\n\n"
         " 1       Implementing partners should simplify the procurement  To the Ministry of   High\n"
         "         procedures for field offices, in order to reduce the   Labour\n"
         "         reporting burden on field staff.\n\n"
         " 2       It is recommended that local authorities document the  To UNHCR             Medium\n"
         "         grievance and feedback mechanism.\n")


def test_a_table_of_numbered_recommendations_reads_its_items_column(tmp_path):
    assert items_of(tmp_path, pages("1. Introduction\n\nThe programme ran for years.", TABLE)) == [
        ("recommendation", "Implementing partners should simplify the procurement procedures for field "
         "offices, in order to reduce the reporting burden on field staff."),
        ("recommendation", "It is recommended that local authorities document the grievance and feedback "
         "mechanism.")]


FIRST_COLUMN = (
    "Recommendation            Responsibility    Other              Priority   By\n"
    "                                            contributing                  when\n\n"
    "{rows}\n")
ROWS_1 = ("1. Sharpen the strategic     Country office    Regional           High       June\n"
          "focus of the next plan.                       bureau                        2023\n\n"
          "1.1 Support the ministry     Country office                       High       2023\n"
          "to use the registry.\n")
ROWS_2 = ("1.2 Concentrate the         Country office                       High       2024\n"
          "activities in fewer\ndistricts.\n\n"
          "2. Diversify funding and     Country office    Partnerships       Medium     2024\n"
          "partnerships.\n\n"
          "3.2 Commission a review      Country office                       Medium     2024\n"
          "of school meals.\n\n"
          "The evaluation team thanks the country office for the support given throughout the work.\n")


def test_a_table_whose_first_column_holds_the_numbered_items_and_their_sub_rows(tmp_path):
    # WFP's table: the item's number inside its cell, sub-rows 1.1, 1.2 of the item above, the
    # header repeated on the next page; the summary's short table makes no chapters of its rows.
    summary = ("Executive summary\n\nRecommendation                 Responsibility     By\n"
               "                                                  when\n\n"
               "1. Sharpen the strategic focus  Country office     2023\n\n"
               "2. Diversify funding            Country office     2024\n")
    text = pages(summary, "1. Introduction\n\nThe programme ran for years.",
                 "2. Recommendations\n\nTwo recommendations emerge from the evaluation.\n\n"
                 + FIRST_COLUMN.format(rows=ROWS_1), FIRST_COLUMN.format(rows=ROWS_2))
    assert items_of(tmp_path, text) == [
        ("recommendation", "Sharpen the strategic focus of the next plan.\n\n"
         "- 1.1 Support the ministry to use the registry.\n"
         "- 1.2 Concentrate the activities in fewer districts."),
        ("recommendation", "Diversify funding and partnerships.\n\n"
         "- 3.2 Commission a review of school meals.")]


def test_a_first_column_table_of_management_responses_is_no_list_of_items(tmp_path):
    response = ("Recommendation                 Management           Actions          Deadline\n"
                "                               response (agree /\n"
                "                               disagree)\n\n"
                "1. Sharpen the strategic       Agree                A new plan.      2023\n"
                "focus.\n")
    text = pages("1. Introduction\n\nThe programme ran for years.",
                 "2. Recommendations\n\nThe recommendations and the responses to them.\n\n" + response)
    assert items_of(tmp_path, text) == []


def test_a_summary_list_repeats_the_chapter_or_stands_alone(tmp_path):
    summary = ("Executive summary\n\nThe programme met most targets.\n\nMain recommendations\n\n"
               "• Simplify the procurement procedures.\n\n• Document the grievance mechanism.\n\n")
    chapter = ("1. Introduction\n\nThe programme ran for years.\n\n2. Recommendations\n\n"
               "1. Implementing partners should simplify the procurement procedures for field offices.\n\n"
               "2. Local authorities should document the grievance and feedback mechanism.\n")
    assert [body for _, body in items_of(tmp_path, summary + chapter)] == [
        "Implementing partners should simplify the procurement procedures for field offices.",
        "Local authorities should document the grievance and feedback mechanism."]
    alone = summary + "1. Introduction\n\nThe programme ran for years.\n"
    assert [body for _, body in items_of(tmp_path, alone)] == [
        "Simplify the procurement procedures.", "Document the grievance mechanism."]


def test_russian_best_experience_heads_good_practices_and_a_sub_sections_list_stays_in_it(tmp_path):
    text = ("1. Введение\n\nПрограмма реализовывалась четыре года.\n\n2. Рекомендации\n\n"
            "2.1 Укрепить потенциал социальных служб\n\n"
            "Рекомендуется укрепить потенциал социальных служб в районах. При этом следует предусмотреть:\n\n"
            "а) обучение новых сотрудников;\n\nб) отдельное финансирование.\n\n"
            "3. Передовой опыт\n\n"
            "1. Совместные закупки с родственным агентством снизили стоимость комплектов.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Укрепить потенциал социальных служб\n\nРекомендуется укрепить потенциал "
         "социальных служб в районах. При этом следует предусмотреть:\n\n- обучение новых сотрудников;\n"
         "- отдельное финансирование."),
        ("good-practice", "Совместные закупки с родственным агентством снизили стоимость комплектов.")]


def test_a_word_paragraph_led_by_a_bold_sentence_opens_an_item(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Recommendations", level=1)
    document.add_paragraph("The evaluation makes the following recommendations.")
    for lead, rest in (("Fund the monitoring groups from the district budgets.", "Start in 2025."),
                       ("Train the new inspectors before the harvest.", "Use the new manual.")):
        paragraph = document.add_paragraph()
        paragraph.add_run(lead).bold = True
        paragraph.add_run(" " + rest)
        if rest == "Start in 2025.":
            document.add_paragraph("Lessons from the pilot regions should inform the national roll-out.")
    document.save(tmp_path / "report.docx")
    items, _ = find_items(read_document(tmp_path / "report.docx"), TAXONOMY)
    assert [item.body for item in items] == [
        "Fund the monitoring groups from the district budgets. Start in 2025.\n\n"
        "Lessons from the pilot regions should inform the national roll-out.",
        "Train the new inspectors before the harvest. Use the new manual."]


def test_paragraphs_set_apart_by_no_blank_line_end_at_a_short_last_line(tmp_path):
    # pdftotext -layout gives no blank line for a small paragraph space; a paragraph's last
    # line ends a sentence well short of the width, and a capital opens the next.
    section = (" 2. Lessons learned\n The following lessons can be drawn from the experience.\n"
               "     Joint field visits with ministry staff built more ownership than formal\n"
               "     meetings ever did, and they cost less than the workshops held in the capital.\n"
               "     Partners intend to keep them.\n"
               "     Baselines collected after activities had started made it hard to demonstrate\n"
               "     any results to the donors.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", section)
    assert items_of(tmp_path, text) == [
        ("lesson", "Joint field visits with ministry staff built more ownership than formal meetings ever "
         "did, and they cost less than the workshops held in the capital. Partners intend to keep them."),
        ("lesson", "Baselines collected after activities had started made it hard to demonstrate any "
         "results to the donors.")]


RESPONSE_BODY = ("II. Recommendations and management response\n\n"
                 "Recommendation 1: The programme should publish its results framework.\n\n"
                 "Management response: Agreed. Action: publish the framework. Responsible: PMU.\n\n"
                 "Recommendation 2: The programme should train the regional offices.\n\n"
                 "Management response: Partially agreed.\n")


def test_a_fuller_summary_repeat_leaves_the_chapter_its_wording(tmp_path):
    # The summary words the item at more length (a sentence more): the chapter's item is still
    # the item, with its own words, the summary cited beside it.
    summary = ("Executive summary\n\nMain recommendations\n\n"
               "• Develop a training programme for the tripartite partners at all levels. The "
               "programme will let the partners determine their roles.\n\n")
    chapter = ("1. Introduction\n\nThe programme ran for years.\n\n2. Recommendations\n\n"
               "1. It is time to develop a training programme for the tripartite partners at all "
               "levels.\n")
    assert [body for _, body in items_of(tmp_path, summary + chapter)] == [
        "It is time to develop a training programme for the tripartite partners at all levels."]


def _import(tmp_path: Path, text: str):
    from indexer.importing.importer import import_report

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return import_report(path, "example", tmp_path / "drafts", TAXONOMY)


def test_a_management_response_writes_no_drafts_and_says_why(tmp_path):
    for title in ("Management response to the evaluation report",
                  "UNDP report on the implementation of the recommendations of the",
                  "Ответ руководства на рекомендации оценки"):
        text = f"E/2025/4\n\n      {title}\n      Evaluation of the Example Programme\n\f" \
               + pages(RESPONSE_BODY)
        result = _import(tmp_path, text)
        assert result.written == [] and result.response == title
        assert "management response" in result.summary()
        assert not (tmp_path / "drafts").exists()


def test_an_evaluation_that_quotes_its_response_in_prose_still_imports(tmp_path):
    # The summary's sentence and an annex heading name the response; the title is the evaluation's.
    cover = ("Final evaluation of the Example Programme\n\n"
             "The present document provides the management response to the evaluation in annex 3.\n\f")
    annex = "Annex 3. Management response to the evaluation\n"
    result = _import(tmp_path, cover + pages(RESPONSE_BODY, annex))
    assert result.response == "" and len(result.written) == 2


def test_a_contents_page_with_one_space_before_its_page_numbers_is_no_text(tmp_path):
    contents = ("Contents\n Executive summary iii\n 1. Introduction 1\n 1.1 Scope 2\n"
                " 2. Findings 4\n 3. Recommendations 12\n 3.1 Main recommendations 13\n")
    text = pages(contents, "1. Introduction\nThe programme ran for four years.\n\n2. Findings\n"
                 "Most targets were met.", "3. Recommendations\n1. Fund the registry from the\n"
                 "   national budget.\n2. Train the new staff before the next phase.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Fund the registry from the national budget."),
        ("recommendation", "Train the new staff before the next phase.")]


def _word(tmp_path: Path, build) -> list[tuple[str, str]]:
    import docx

    document = docx.Document()
    build(document)
    document.save(tmp_path / "report.docx")
    items, _ = find_items(read_document(tmp_path / "report.docx"), TAXONOMY)
    return [(item.kind, item.body) for item in items]


def _contents(document) -> None:
    document.add_heading("Contents", level=1)
    for title, page in (("1. Introduction", 2), ("2. Findings", 3), ("3. Recommendations", 5)):
        paragraph = document.add_paragraph(f"{title}\t{page}")
        paragraph.style = document.styles.add_style("TOC 1", 1) if "TOC 1" not in [
            s.name for s in document.styles] else document.styles["TOC 1"]


def test_a_word_contents_page_does_not_hide_the_recommendations(tmp_path):
    def build(document):
        _contents(document)
        document.add_heading("1. Introduction", level=1)
        document.add_paragraph("The programme ran for four years.")
        document.add_heading("3. Recommendations", level=1)
        document.add_paragraph("Fund the registry from the national budget.", style="List Number")
        document.add_paragraph("Train the new staff before the next phase.", style="List Number")
    assert _word(tmp_path, build) == [
        ("recommendation", "Fund the registry from the national budget."),
        ("recommendation", "Train the new staff before the next phase.")]


def test_a_word_table_of_recommendations_reads_its_rows_and_sub_rows(tmp_path):
    rows = [("Recommendation", "Responsibility", "Priority"),
            ("1. Focus the next plan on social protection.", "Country office", "High"),
            ("1.1 Support the ministry's registry.", "Country office", "High"),
            ("2. Diversify funding.", "Partnerships", "Medium")]

    def build(document):
        document.add_heading("1. Introduction", level=1)
        document.add_paragraph("The programme ran for four years.")
        document.add_heading("2. Recommendations", level=1)
        document.add_paragraph("The evaluation makes two recommendations.")
        table = document.add_table(rows=len(rows), cols=3)
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    assert _word(tmp_path, build) == [
        ("recommendation", "Focus the next plan on social protection.\n\n"
         "- 1.1 Support the ministry's registry."),
        ("recommendation", "Diversify funding.")]


def test_a_chapter_named_by_the_word_keeps_its_sub_sections_in_the_recommendations(tmp_path):
    text = pages("Chapter 1: Introduction\nThe programme ran for four years.\n\n"
                 "Chapter 2: Recommendations\n2.1 Strategic level\n1.  Focus the next programme on\n"
                 "    two target groups.\n\nPriority: High. Target level: country office\n\n"
                 "Operational implications:\n\n • Reduce the number of outputs.\n • Agree a joint plan.\n"
                 "2.2 Programmatic level\n2.  Scale up the referral model to all districts.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Focus the next programme on two target groups.\n\nPriority: High. Target level: "
         "country office\n\nOperational implications:\n\n- Reduce the number of outputs.\n"
         "- Agree a joint plan."),
        ("recommendation", "Scale up the referral model to all districts.")]


def test_an_addressee_line_stays_in_its_recommendation_a_key_action_table_does_not(tmp_path):
    text = pages("1. Introduction\nThe programme ran for four years.\n\n2. Recommendations\n\n"
                 "Recommendation 1 (priority: high): Fund the registry from the national budget.\n\n"
                 "Responsible unit: Country office, ministry\n\nTimeframe: 2024\n\n"
                 "Recommendation 2: Train the new staff before the next phase.\n\n"
                 "Key action(s)          Time frame     Responsible unit(s)     Tracking\n"
                 "Prepare a training plan   2024        Country office          Ongoing\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Fund the registry from the national budget.\n\nResponsible unit: Country office, "
         "ministry\n\nTimeframe: 2024"),
        ("recommendation", "Train the new staff before the next phase.")]


def test_a_list_before_the_first_chapter_is_the_summary_whatever_its_name(tmp_path):
    # A summary called "Evaluation brief" (or "At a glance"): its list repeats chapter 4's items,
    # which are the items; a report whose chapters hold none would keep the summary's.
    brief = ("EVALUATION BRIEF: EXAMPLE COUNTRY\n\nThe programme worked in two regions since 2019.\n\n"
             "KEY RECOMMENDATIONS\n"
             "1. Prioritise the governance reforms with the most potential in the regions.\n"
             "2. Develop an exit strategy for the programmes of both regions.\n")
    chapters = ("1. Introduction\n\nThe evaluation covers 2019 to 2023 and both regions.\n\n"
                "4. Recommendations\n\n"
                "Recommendation 1. Prioritise the governance reforms with the highest potential for "
                "change.\n\n"
                "Recommendation 2. Develop an exit strategy for the regional programmes with the partners.\n")
    bodies = [body for _, body in items_of(tmp_path, pages(brief, chapters))]
    assert bodies == ["Prioritise the governance reforms with the highest potential for change.",
                      "Develop an exit strategy for the regional programmes with the partners."]
    alone = [body for _, body in items_of(tmp_path, pages(brief, chapters.split("4. Recommendations")[0]))]
    assert alone == ["Prioritise the governance reforms with the most potential in the regions.",
                     "Develop an exit strategy for the programmes of both regions."]


def _bold_pdf(path: Path, pages_of_lines: list[list[list[tuple[str, bool]]]]) -> Path:
    """A PDF whose lines are runs of roman and bold words (Times), a page number at each foot."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=(595, 842))
    for number, lines in enumerate(pages_of_lines, 1):
        for row, runs in enumerate(lines):
            x = 72.0
            for n, (text, bold) in enumerate(runs):
                font = "Times-Bold" if bold else "Times-Roman"
                sheet.setFont(font, 11)
                sheet.drawString(x, 780 - 15 * row, text)
                glued = n + 1 < len(runs) and runs[n + 1][0][:1] in ".,;:"
                x += stringWidth(text if glued else text + " ", font, 11)
        sheet.setFont("Times-Roman", 10)
        sheet.drawString(290, 40, str(number))
        sheet.showPage()
    sheet.save()
    return path


def _roman(text: str) -> list[tuple[str, bool]]:
    return [(text, False)]


INTRO = [_roman("I. Introduction"), _roman(""),
         _roman("1. The review covers the years 2020 to 2024 and the four regional offices of the"),
         _roman("programme, and the work of its secretariat in the capital.")]


def _bold_items(tmp_path: Path, body: list[list[list[tuple[str, bool]]]]) -> list[str]:
    items, _ = find_items(read_document(_bold_pdf(tmp_path / "bold.pdf", [INTRO, *body])), TAXONOMY)
    return [item.body for item in items]


def test_a_bold_item_ends_before_the_bold_heading_under_it(tmp_path):
    page = [_roman("II. Governance"), _roman(""),
            [("2. The board met twice a year and its minutes were late.", False),
             ("The Inspector suggests", True)],
            [("that the minutes be published within a month of each meeting.", True)],
            _roman(""), [("III. Financial framework", True)], _roman(""), [("A. Funding model", True)],
            _roman(""), _roman("3. Contributions fell in 2023 and rose again in 2024 with the new donors.")]
    assert _bold_items(tmp_path, [page]) == [
        "The Inspector suggests that the minutes be published within a month of each meeting."]


def test_a_bold_paragraph_ends_before_the_unnumbered_bold_heading_under_it(tmp_path):
    # A UN report sets a recommendation paragraph in bold and the next sub-section's title in
    # bold right under it, wrapped, with no number: the title is no part of the item.
    page = [_roman("II. Conclusions"), _roman(""),
            _roman("2. Women continue to be under-represented in decision-making at all levels."),
            [("3.", False), ("States should urgently address all barriers to the full", True)],
            [("participation of women in decision-making at all levels.", True)],
            _roman(""), [("Closing the financing gap and investing in catalytic interventions to", True)],
            [("drive impact", True)],
            _roman("4. Dire levels of financing for gender equality persist as a major barrier.")]
    assert _bold_items(tmp_path, [page]) == [
        "States should urgently address all barriers to the full participation of women in "
        "decision-making at all levels."]


def test_a_bold_side_heading_is_no_start_of_the_bold_item_on_the_next_page(tmp_path):
    first = [_roman("II. Reporting"), _roman(""),
             [("4.", False), ("Plethora of reporting mechanisms", True),
              (". The secretariat reports to the board, the", False)],
             _roman("donors and the assembly, each in its own form and at its own time of the year.")]
    second = [_roman("While such information could be inferred from the narrative, the reports differ,"),
              [("and", False), ("the Inspector encourages management to structure its reporting", True)],
              [("on the qualitative indicators of the programme.", True)],
              _roman(""), _roman("5. The board welcomed the reports of the secretariat in 2024.")]
    assert _bold_items(tmp_path, [first, second]) == [
        "the Inspector encourages management to structure its reporting on the qualitative indicators "
        "of the programme."]


def test_a_bold_sentence_in_which_the_evaluator_believes_something_could_be_done_is_an_item(tmp_path):
    page = [_roman("II. Discipline"), _roman(""),
            [("6. Cases took two years on average;", False),
             ("the Inspectors believe that a more rigorous", True)],
            [("approach could be taken to placing staff on leave without pay.", True)],
            _roman(""), _roman("7. The board welcomed the reports of the secretariat in 2024.")]
    assert _bold_items(tmp_path, [page]) == [
        "the Inspectors believe that a more rigorous approach could be taken to placing staff on "
        "leave without pay."]


def test_a_boxs_title_standing_alone_heads_the_text_below_it(tmp_path):
    text = pages("I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four offices.\n",
                 "II. Findings\n\n5. The team found silos between the units of the office (see Box 1).\n\n"
                 "Box 1: Good practice: Development of the\nData Management and Analysis Team\n\n"
                 "The office created a data unit in May 2018 to bring the data of the sectors\n"
                 "together. It reports to the deputy director.\n\n"
                 "6. The most important consequence is the added effort to consolidate the data.\n")
    assert [(kind, " ".join(body.split())) for kind, body in items_of(tmp_path, text)] == [
        ("good-practice", "Development of the Data Management and Analysis Team The office created a data "
                          "unit in May 2018 to bring the data of the sectors together. It reports to the "
                          "deputy director.")]


def test_a_management_response_right_under_an_item_is_no_part_of_it(tmp_path):
    text = pages("I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four offices.\n",
                 "IV. Recommendations\n\n"
                 "Recommendation 1. Strengthen the tracking of the recommendations of evaluations.\n"
                 "IEO response: IEO welcomes this recommendation.\n\n"
                 "Recommendation 2. Improve the evaluation resource centre for its users.\n"
                 "IEO response: The IEO accepts the recommendation.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Strengthen the tracking of the recommendations of evaluations.",
        "Improve the evaluation resource centre for its users."]


def test_a_label_alone_waits_for_its_sub_items_past_a_tables_cells(tmp_path):
    # A key-action table read as two columns puts its right-hand cells between
    # "Recommendation 9." and its sub-items 9.1, 9.2.
    text = pages("I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four offices.\n",
                 "IV. Recommendations\n\nRecommendation 9.\n\nResponsible unit(s) Tracking\n\n"
                 "Status Comments\n\n"
                 "Bureau for Policy and Programme Support and the IEO\n\n"
                 "9.1. Continue to improve the user-friendliness of the resource centre.\n"
                 "9.2. Continue to work with the regional bureaus on incentives for learning.\n\n"
                 "IEO response: The IEO welcomes the recommendation.\n")
    assert [" ".join(body.split()) for _, body in items_of(tmp_path, text)] == [
        "9.1. Continue to improve the user-friendliness of the resource centre. 9.2. Continue to work "
        "with the regional bureaus on incentives for learning."]


def test_a_side_box_ends_where_the_full_width_text_below_it_resumes(tmp_path):
    from reportlab.pdfgen import canvas

    left = ["51. In the regional response, the team", "found silos within an operation based",
            "on the structures of its teams. The", "information team, working on products",
            "for the partners, has access to a wealth", "of data and produces many dashboards,",
            "maps and briefs for its partners. The", "creation of an integrated data service",
            "reflects the lessons of the office and", "the added effort is"]
    right = ["Box 1: Good practice: Development of the", "Data and Analysis Team",
             "The office in Amman created the data", "and analysis unit in May 2018, as the",
             "sectors of the office had capacities", "and resources for their data that were",
             "siloed, and data were lost. The unit", "reports to the head of the protection",
             "service of the bureau and to the", "deputy director of the bureau."]
    below = ["necessary to consolidate the data so that staff can analyse it across protection and",
             "programme delivery, for donors and for the governments of the host countries."]
    sheet = canvas.Canvas(str(tmp_path / "box.pdf"), pagesize=(595, 842))
    for lines in ([" I. Introduction", "", "1. The review covers the years 2020 to 2024 and the offices."],):
        for row, line in enumerate(lines):
            sheet.drawString(72, 780 - 14 * row, line)
        sheet.showPage()
    sheet.setFont("Helvetica", 10)
    sheet.drawString(72, 790, "II. Findings")
    for row, line in enumerate(left):
        sheet.drawString(72, 760 - 14 * row, line)
    for row, line in enumerate(right):
        sheet.drawString(330, 760 - 14 * row, line)
    for row, line in enumerate(below):
        sheet.drawString(72, 760 - 14 * (len(left) + row), line)
    sheet.showPage()
    sheet.save()
    items, _ = find_items(read_document(tmp_path / "box.pdf"), TAXONOMY)
    assert [(item.kind, " ".join(item.body.split())) for item in items] == [
        ("good-practice", "Development of the Data and Analysis Team The office in Amman created the data "
                          "and analysis unit in May 2018, as the sectors of the office had capacities and "
                          "resources for their data that were siloed, and data were lost. The unit reports "
                          "to the head of the protection service of the bureau and to the deputy director "
                          "of the bureau.")]


CLOSINGS = pages(
    "I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four regional offices.\n",
    "II. Governance\n\n2. The board met twice a year. The Inspector encourages management to publish\n"
    "the minutes within a month of each meeting.\n\n"
    "3. Planning improved after 2022. The Inspector suggests a review of the planning cycle by 2026.\n\n"
    "4. Vetting varies between the offices, and some vet none of their consultants. Participating\n"
    "organizations should vet every consultant who works with the beneficiaries of the programme.\n\n"
    "5. The offices report in many forms. This fact should be kept in mind when the forms are revised.\n\n"
    "6. A framework was adopted in 2023. Such a framework should give the basis for the reports of all\n"
    "the offices.\n\n"
    "7. Women are few among senior staff. The Inspector draws attention to the fact that gender balance\n"
    "should be pursued at every level of the offices.\n",
    "III. Discipline\n\n8. Cases took two years. Given the delays in the cases of the last years, the\n"
    "Secretary-General should set a time limit of six months for every investigation.\n\n"
    "9. Leave without pay is rare. In this regard, the Inspectors believe that a more rigorous approach\n"
    "could be taken when the criteria are met.\n\n"
    "10. The budget was approved late. The Inspectors recommend that the budget be approved before the\n"
    "year begins.\n\n"
    "11. Contributions fell. Participating offices are encouraged to record every pledge in one register.\n")


def test_a_paragraph_closing_on_what_an_actor_should_do_is_an_item_where_the_evaluator_recommends(
        tmp_path):
    bodies = [body for _, body in items_of(tmp_path, CLOSINGS)]
    assert bodies == [
        "The Inspector encourages management to publish the minutes within a month of each meeting.",
        "The Inspector suggests a review of the planning cycle by 2026.",
        "Participating organizations should vet every consultant who works with the beneficiaries of the "
        "programme.",
        "Given the delays in the cases of the last years, the Secretary-General should set a time limit of "
        "six months for every investigation.",
        "In this regard, the Inspectors believe that a more rigorous approach could be taken when the "
        "criteria are met.",
        "The Inspectors recommend that the budget be approved before the year begins.",
        "Participating offices are encouraged to record every pledge in one register."]


def test_a_view_reported_with_should_closes_no_item(tmp_path):
    text = CLOSINGS.replace("Participating offices are encouraged to record every pledge in one register.",
                            "Several interviewees recommended that the project should keep one register.")
    bodies = [body for _, body in items_of(tmp_path, text)]
    assert len(bodies) == 6 and not any("interviewees" in body for body in bodies)


def test_a_footnotes_number_on_its_own_line_is_no_page_number(tmp_path):
    # A footnote set as its number on one line and its words on the next, at the page's foot:
    # the number is no page number, so the footnote goes, and its marker with it.
    text = pages("I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four offices.\n",
                 "II. Recommendations\n\n"
                 "1. Report the data on affiliate personnel to the board, so as to give a\n"
                 "more comprehensive overview of the workforce.3\n\n"
                 "2. Publish the minutes of the board within a month of each meeting.\n\n\n\n"
                 "__________________\n   3\n        JIU/REP/2023/8, recommendation 5.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Report the data on affiliate personnel to the board, so as to give a more comprehensive "
        "overview of the workforce.",
        "Publish the minutes of the board within a month of each meeting."]


def test_in_a_report_that_numbers_every_paragraph_the_item_chapters_paragraphs_are_items(tmp_path):
    # The World Bank's ICR: paragraphs 1 to 12 run through the report; under "V. Lessons and
    # recommendations" each numbered paragraph is a lesson, its introduction none.
    findings = "".join(f"{n}. The works of year {n} were finished on time and within the budget set.\n\n"
                       for n in range(1, 13))
    text = pages("I. Project context\n\n" + findings,
                 "V. LESSONS AND RECOMMENDATIONS\n\n13. This section draws the main lessons from the "
                 "project for the Government.\n\n14. Maintenance contracts need a credible payment "
                 "record before they attract bidders.\n\n15. Road safety audits work best at the design "
                 "stage.\n\nANNEX 1. RESULTS FRAMEWORK\n\n16. Travel time fell by a third.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Maintenance contracts need a credible payment record before they attract bidders."),
        ("lesson", "Road safety audits work best at the design stage.")]


LL_TEMPLATE = (
    "Annex 5. Lessons learned (ILO template)\n"
    " LL Element                        Text\n\n"
    " Name of the lesson                Provincial ownership\n\n"
    " Brief description of lesson       Involving provincial authorities from the design stage builds\n"
    " learned (link to specific         ownership: the province assigned its own staff and budget.\n"
    " action or task)\n"
    " Context and any related           Decentralised employment services.\n"
    " preconditions\n\n"
    "Annex 6. Emerging good practices (ILO template)\n"
    " GP Element                        Text\n\n"
    " Brief summary of the good         The youth corner in district employment centres combines\n"
    " practice                          counselling and job matching.\n\n"
    " Potential for replication         Two provinces replicated it.\n")


def test_an_ilo_template_states_its_item_in_an_annex_as_in_the_body(tmp_path):
    # The template, not the annex, says what it holds; the chapter only points to the annexes.
    text = pages("1. Introduction\n\nThe project ran for four years in two provinces.",
                 "2. Lessons learned and good practices\n\nThe evaluation identified one lesson and one "
                 "good practice, described in the ILO templates of Annexes 5 and 6.\n\nThey are "
                 "presented in full there, with their context and the conditions of replication.",
                 LL_TEMPLATE)
    assert items_of(tmp_path, text) == [
        ("lesson", "Involving provincial authorities from the design stage builds ownership: the "
         "province assigned its own staff and budget."),
        ("good-practice", "The youth corner in district employment centres combines counselling and "
         "job matching.")]


def test_ilo_templates_repeating_the_chapters_lessons_are_no_items_of_their_own(tmp_path):
    text = pages("1. Lessons learned\n\n• Involving provincial authorities from the design stage builds "
                 "ownership.\n\n• Blended training keeps completion rates high.", LL_TEMPLATE)
    assert [kind for kind, _ in items_of(tmp_path, text)] == ["lesson", "lesson", "good-practice"]


def test_an_ilo_template_in_a_word_table_is_an_item(tmp_path):
    def build(document):
        document.add_heading("1. Introduction", level=1)
        document.add_paragraph("The project ran for four years.")
        document.add_heading("Annex 5. Lessons learned", level=1)
        table = document.add_table(rows=3, cols=2)
        for row, cells in zip(table.rows, [("Элемент ИУ", "Текст"), ("Название урока", "Роль профсоюзов"),
                                           ("Краткое описание извлечённого урока",
                                            "Защита прав мигрантов действенна, когда профсоюзы помогают.")],
                              strict=True):
            for cell, value in zip(row.cells, cells, strict=True):
                cell.text = value
    assert _word(tmp_path, build) == [
        ("lesson", "Защита прав мигрантов действенна, когда профсоюзы помогают.")]


def test_a_mixed_chapters_sub_sections_type_their_items_and_a_wrapped_title_keeps_the_count(tmp_path):
    # «3. Результаты оценки:» wraps in its column; «6.2 Успешные практики» holds good practices.
    text = ("1. Введение\n\nОценка охватывает проект за четыре года.\n\n2. Контекст\n\nПроект работал в "
            "двух областях.\n\n3. Результаты оценки:\n\nрелевантность и согласованность\n\nПроект был "
            "релевантен.\n\n4. Результаты оценки:\n\nрезультативность\n\nПроект был результативен."
            "\n\n5. Рекомендации\n\nРекомендация 1. Усилить систему мониторинга, ориентированного "
            "на результаты:\nопределить показатели качества услуг и ежегодно публиковать их.\n\n"
            "6. Извлечённые уроки и успешные практики\n\n6.1 Извлечённые уроки\n\n1) Изменения устойчивы, "
            "когда их закрепляет нормативный акт.\n\n6.2 Успешные практики\n\n• Конкурс муниципальных "
            "инициатив повысил ответственность ОМСУ.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Усилить систему мониторинга, ориентированного на результаты: определить "
         "показатели качества услуг и ежегодно публиковать их."),
        ("lesson", "Изменения устойчивы, когда их закрепляет нормативный акт."),
        ("good-practice", "Конкурс муниципальных инициатив повысил ответственность ОМСУ.")]


def test_running_paragraphs_under_sub_sections_leave_the_sub_sections_the_items(tmp_path):
    # UNHCR's evaluations number every paragraph too, but each sub-section of the chapter is one
    # recommendation, its title leading; the chapter's first paragraph only introduces them.
    findings = "".join(f"{n}. The data of year {n} were collected on time and stored in one place.\n\n"
                       for n in range(1, 13))
    text = pages("1. Findings\n\n" + findings + "ANNEX 4. COMMENTS OF THE PARTNERS ... 15\n\n"
                 "13. The offices kept their own registers until the last year of the period.",
                 "2. Recommendations\n\n14. The evaluation has highlighted the gaps in data practice that "
                 "exist today.\n\n2.1. Developing a global vision\n\n15. The evaluation recommends that "
                 "the organization develop a data strategy.\n\n2.2. Connecting the systems\n\n16. The "
                 "evaluation recommends that the systems share one registry.\n")
    assert [body.split("\n\n")[0] for _, body in items_of(tmp_path, text)] == [
        "Developing a global vision", "Connecting the systems"]


def _pdf_with_table(path: Path, rows: list[list[str]], grid: bool) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    table = Table([[Paragraph(text, cell) for text in row] for row in rows],
                  colWidths=[150] + [320 / (len(rows[0]) - 1)] * (len(rows[0]) - 1))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]
                              + ([("GRID", (0, 0), (-1, -1), 0.4, "#888888")] if grid else [])))
    story = [Paragraph("1. Introduction", styles["Heading1"]),
             Paragraph("The programme ran for four years in two provinces.", styles["BodyText"]),
             Paragraph("2. Recommendations", styles["Heading1"]),
             Paragraph("Two recommendations emerge from the evaluation.", styles["BodyText"]), table]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)


def test_a_pdf_table_in_small_print_keeps_its_columns_apart(tmp_path):
    # pdfplumber's grid runs a small-print table's cells together ("1. Sharpen the Strategic
    # Country office"); laid out as pdftotext does, the item column is read as in the text.
    rows = [["Recommendation", "Grouping", "Responsibility", "Priority"],
            ["1. Sharpen the strategic focus of the next plan on social protection.", "Strategic",
             "Country office", "High"],
            ["1.1 Support the ministry to use the registry for shock response.", "", "Country office",
             "High"],
            ["2. Diversify funding and partnerships with the private sector.", "Operational",
             "Regional bureau", "Medium"]]
    _pdf_with_table(tmp_path / "report.pdf", rows, grid=False)
    items, _ = find_items(read_document(tmp_path / "report.pdf"), TAXONOMY)
    assert [(item.kind, item.body) for item in items] == [
        ("recommendation", "Sharpen the strategic focus of the next plan on social protection.\n\n"
         "- 1.1 Support the ministry to use the registry for shock response."),
        ("recommendation", "Diversify funding and partnerships with the private sector.")]


def test_a_ruled_pdf_table_of_two_columns_is_no_two_column_page(tmp_path):
    rows = [["LL Element", "Text"], ["Name of the lesson", "Provincial ownership"],
            ["Brief description of lesson learned", "Involving provincial authorities from the design "
             "stage builds ownership: the province assigned its own staff and budget to the model."],
            ["Context and any related preconditions", "Decentralised employment services in the provinces."],
            ["Targeted users / Beneficiaries", "Project designers and the ministry of labour."]]
    _pdf_with_table(tmp_path / "report.pdf", rows, grid=True)
    items, _ = find_items(read_document(tmp_path / "report.pdf"), TAXONOMY)
    assert [(item.kind, item.body) for item in items] == [
        ("lesson", "Involving provincial authorities from the design stage builds ownership: the province "
         "assigned its own staff and budget to the model.")]


def test_a_space_glyph_of_another_line_splits_no_word_of_a_pdf_table(tmp_path):
    # UNDP's Executive Board document: a space glyph a little above a ruled table's label lies
    # between its letters, and sorted by x it cut the label ("Recommend ation 4.").
    import pdfplumber
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    from indexer.importing.pdftables import table_lines

    sheet = canvas.Canvas(str(tmp_path / "table.pdf"), pagesize=(595, 842))
    sheet.rect(60, 600, 470, 120)
    sheet.setFont("Helvetica-Bold", 10)
    sheet.drawString(70, 700, "Recommendation 4.")
    sheet.drawString(70 + stringWidth("Recommend", "Helvetica-Bold", 10) - 2, 702.7, " ")
    sheet.setFont("Helvetica", 10)
    sheet.drawString(70, 686, "4.1. Encourage greater attention to the identification of risks.")
    sheet.save()
    with pdfplumber.open(tmp_path / "table.pdf") as pdf:
        lines = [line.strip() for line in table_lines(pdf.pages[0]) if line.strip()]
    assert lines == ["Recommendation 4.", "4.1. Encourage greater attention to the identification of risks."]


def test_a_labelled_recommendations_rationale_paragraph_stays_in_it(tmp_path):
    # UNDP's ICPE: a paragraph after the recommendation, before its management response.
    text = pages("1. Introduction\n\nThe evaluation covers the years 2021 to 2025.",
                 "2. Recommendations\n\nRecommendation 1. UNDP should consolidate its small governance "
                 "projects into a coherent portfolio.\n\nThe consolidation should be reflected in the new "
                 "country programme document and its results framework.\n\nManagement response: Fully "
                 "accepted\n\nRecommendation 2. UNDP should develop an exit strategy for its area-based "
                 "programmes.\n\nConclusion 3. The area-based programmes depend on continued donor funding "
                 "for years.\n\nRecommendation 3. UNDP should strengthen the evidence base of its "
                 "programme.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "UNDP should consolidate its small governance projects into a coherent portfolio."
         "\n\nThe consolidation should be reflected in the new country programme document and its results "
         "framework."),
        ("recommendation", "UNDP should develop an exit strategy for its area-based programmes."),
        ("recommendation", "UNDP should strengthen the evidence base of its programme.")]


def test_a_lettered_section_of_numbered_paragraphs_each_opened_by_its_label(tmp_path):
    # IFAD's CSPE: "B. Recommendations" under a Roman chapter; "41. Recommendation 1. …" and the
    # running paragraph after it, which explains it, is part of it.
    findings = "".join(f"{n}. The pasture unions of year {n} met twice and kept their accounts.\n\n"
                       for n in range(1, 13))
    text = pages("I. Background\n\n" + findings,
                 "VI. Conclusions and recommendations\n\nB. Recommendations\n\n13. The CSPE makes two "
                 "recommendations, which take into account the priorities of the next programme.\n\n"
                 "14. Recommendation 1. Deepen the support to pasture user unions. The next operation "
                 "should include a plan for each union.\n\n15. The plan should also cover the unions' "
                 "role in resolving disputes over pasture use between villages.\n\n16. Recommendation 2. "
                 "Link livestock producers to markets through cooperatives.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Deepen the support to pasture user unions. The next operation should include a "
         "plan for each union.\n\nThe plan should also cover the unions' role in resolving disputes over "
         "pasture use between villages."),
        ("recommendation", "Link livestock producers to markets through cooperatives.")]


def test_a_labels_long_bracketed_qualifier_is_no_part_of_the_item(tmp_path):
    # UN Women: the conclusions a recommendation rests on and its priority, in brackets.
    text = ("1. Введение\n\nОценка охватывает проект.\n\n2. Рекомендации\n\nРекомендация 1 (основана на "
            "выводах 1 и 2; приоритет высокий): Закрепить методику гендерного анализа бюджетных программ.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Закрепить методику гендерного анализа бюджетных программ.")]


def test_a_pdf_paragraph_led_by_a_bold_sentence_opens_an_item(tmp_path):
    # No label and no blank line between the items: the bold lead sentence starts each one;
    # the bold heading right above the first lead, and a bold heading over a bold run-in
    # heading ("Summary" / "Project description."), open no item.
    summary = [[("II. Summary", True)], [("Project description. ", True), ("The project ran in", False)],
               _roman("three districts from 2019 to 2023 with four partners.")]
    page = [[("III. Recommendations", True)],
            [("Fund the monitoring groups from the district budgets so that", True)],
            [("they outlast the project. ", True), ("Start in the districts where coverage is", False)],
            _roman("lowest, and report to the steering committee each year."),
            [("Train the new inspectors before the harvest. ", True), ("Use the manual of 2024", False)],
            _roman("and the checklists the ministry has approved.")]
    assert _bold_items(tmp_path, [summary, page]) == [
        "Fund the monitoring groups from the district budgets so that they outlast the project. Start in "
        "the districts where coverage is lowest, and report to the steering committee each year.",
        "Train the new inspectors before the harvest. Use the manual of 2024 and the checklists the "
        "ministry has approved."]


def test_a_word_table_cut_into_one_table_a_row_with_its_numbers_in_a_column_reads_its_items(tmp_path):
    # Word keeps a table broken row by row (its header apart) as so many tables; the rows
    # number their items in a "#" column of their own. A table with a header of its own
    # (the management response's) right after it is no row of it.
    rows = [("#", "Recommendations", "Addressee"),
            ("1", "Focus the next plan on social protection.", "UNICEF"),
            ("2", "Diversify the funding of the programme.", "Government")]
    response = [("Recommendation", "Management response", "Timeline"),
                ("1. Focus the next plan", "Accepted", "2025")]

    def build(document):
        document.add_heading("1. Introduction", level=1)
        document.add_paragraph("The programme ran for four years.")
        document.add_heading("2. Recommendations", level=1)
        document.add_paragraph("The evaluation makes two recommendations.")
        for table_rows in ([row] for row in rows):
            table = document.add_table(rows=1, cols=3)
            for cell, text in zip(table.rows[0].cells, table_rows[0], strict=True):
                cell.text = text
        table = document.add_table(rows=2, cols=3)
        for row, cells in zip(table.rows, response, strict=True):
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text
    assert _word(tmp_path, build) == [("recommendation", "Focus the next plan on social protection."),
                                      ("recommendation", "Diversify the funding of the programme.")]


def test_a_paragraph_between_a_recommendation_and_the_next_conclusion_stays_in_the_recommendation(tmp_path):
    # A "Conclusions and recommendations" chapter alternating "Conclusion n:" and
    # "Recommendation n:": the paragraph after a recommendation's sub-list is still its own.
    text = pages("1. Introduction\n\nThe evaluation covers the years 2020 to 2023.",
                 "2. Conclusions and recommendations\n\nConclusion 1: The programme was relevant to the "
                 "national priorities.\n\nRecommendation 1: The steering committee should agree a joint work "
                 "plan with the line ministries. The plan should cover the following:\n\na) a calendar of joint "
                 "monitoring visits;\n\nb) dedicated funding for training.\n\nProgress should be reviewed at each "
                 "meeting of the steering committee.\n\nConclusion 2: Most outputs were delivered, although "
                 "several were late.\n\nRecommendation 2: The project team should update the risk register "
                 "before the next phase.")
    found = items_of(tmp_path, text)
    assert [kind for kind, _ in found] == ["recommendation", "recommendation"]
    assert found[0][1].endswith("Progress should be reviewed at each meeting of the steering committee.")
    assert "Most outputs" not in found[0][1] and found[1][1].startswith("The project team should update")


def test_a_heading_saying_who_recommends_opens_a_section_and_a_methodology_heading_ends_it(tmp_path):
    # A leaflet's "What the evaluation recommends"; its "Approach & Methodology" lists methods.
    text = pages("Background\n\nThe review covers the organizations of the system between 2019 and 2023.\n",
                 "What the evaluation recommends\n\nThe executive heads are called on to:\n\n"
                 "1. Collaborate to establish a common set of categories by June 2024.\n\n"
                 "2. Direct the training units to develop an integrated curriculum.\n\n"
                 "Approach & Methodology\n\nThe review used a blend of methods, including:\n\n"
                 "• Desk review of literature and data sources.\n\n"
                 "• The development of 9 principles guiding the conceptual framework:\n\n"
                 "1. The importance of anchoring the review in the values of the system;\n\n"
                 "2. The need to establish the benchmarks of the review;\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Collaborate to establish a common set of categories by June 2024."),
        ("recommendation", "Direct the training units to develop an integrated curriculum.")]
# A section of plain paragraphs in `pdftotext -layout` text, no blank line between them: each
# ends where its last line stops short of the measure; a sub-list after a colon is its own.
PLAIN_WITH_LISTS = (
    " 3. Recommendations\n"
    " The evaluation makes the following recommendations.\n"
    "     The project team should review the referral mechanism for vulnerable households, so\n"
    "     that assistance reaches the most vulnerable groups first. The plan should cover:\n"
    "     a) regular feedback sessions with the communities that take part;\n"
    "     b) clear roles and responsibilities for each partner involved in delivery;\n"
    "     Local authorities should finance the data collection tools used by partners before\n"
    "     the next phase of the programme is designed.\n"
    "     The ministry should simplify the reporting calendar agreed with the donor, in order\n"
    "     to reduce the reporting burden on field staff. The plan should cover the following:\n"
    "     a) a small set of outcome indicators that partners can actually collect;\n"
    "     b) dedicated funding for training and for the replacement of equipment.\n")


def test_plain_paragraphs_keep_their_sub_lists_and_end_at_a_line_broken_short(tmp_path):
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", PLAIN_WITH_LISTS)
    assert items_of(tmp_path, text) == [
        ("recommendation", "The project team should review the referral mechanism for vulnerable households, "
         "so that assistance reaches the most vulnerable groups first. The plan should cover:\n\n"
         "- regular feedback sessions with the communities that take part;\n"
         "- clear roles and responsibilities for each partner involved in delivery"),
        ("recommendation", "Local authorities should finance the data collection tools used by partners "
         "before the next phase of the programme is designed."),
        ("recommendation", "The ministry should simplify the reporting calendar agreed with the donor, "
         "in order to reduce the reporting burden on field staff. The plan should cover the following:\n\n"
         "- a small set of outcome indicators that partners can actually collect;\n"
         "- dedicated funding for training and for the replacement of equipment.")]


def test_a_named_conclusion_under_a_recommendations_sub_list_is_not_its_text(tmp_path):
    # "Conclusion 2:" opens a block of its own even with no blank line above it.
    section = (" 3. Conclusions and recommendations\n"
               " Conclusion 1: The programme was highly relevant to national priorities.\n"
               " Recommendation 1: The project team should simplify the joint work plan. The plan\n"
               " should cover the following:\n"
               " a) regular feedback sessions with the communities that take part;\n"
               " b) a small set of outcome indicators that partners can actually collect;\n"
               " Progress should be reviewed at each meeting of the steering committee.\n"
               " Conclusion 2: Most outputs were delivered, although several were delayed by\n"
               " procurement problems.\n"
               " Recommendation 2: The ministry should update the risk register of the project.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", section)
    assert items_of(tmp_path, text) == [
        ("recommendation", "The project team should simplify the joint work plan. The plan should cover the "
         "following:\n\n- regular feedback sessions with the communities that take part;\n"
         "- a small set of outcome indicators that partners can actually collect;\n"
         "Progress should be reviewed at each meeting of the steering committee."),
        ("recommendation", "The ministry should update the risk register of the project.")]


def test_only_a_sections_first_paragraph_introduces_it_and_a_footnote_is_no_paragraph(tmp_path):
    # «следующем этапе» in a lesson is no introduction («следующие уроки» is); a footnote left
    # at the page's foot neither makes an item nor makes the section a table's cells.
    section = (" 2. Извлечённые уроки\n"
               " Из опыта программы можно извлечь следующие уроки.\n"
               "     Там, где партнёры вели общую базу данных, дублирование помощи\n"
               "     одним и тем же семьям заметно сократилось. Партнёры намерены сохранить\n"
               "     её на следующем этапе.\n"
               "     Участие женщин росло везде, где занятия планировались с учётом их\n"
               "     домашних обязанностей, и его стоит описать в других офисах.\n\n\n"
               "3 Рекомендации обзора 2014 года приведены в его приложении 4.\n")
    text = pages(" 1. Введение\n Программа работала четыре года в трёх районах.", section,
                 "     Короткие циклы проектов оставляют слишком мало времени, чтобы новые\n"
                 "     практики прижились в учреждениях.\n")
    assert [body[:20] for _, body in items_of(tmp_path, text)] == [
        "Там, где партнёры ве", "Участие женщин росло", "Короткие циклы проек"]


SCENES = pages(
    "I. Introduction\n\n1. The review covers the years 2020 to 2024 and the four regional offices.\n",
    "II. Governance\n\n2. The board met twice a year. While the new policy can be seen as a response to\n"
    "these observations, the Inspector encourages management to publish the minutes within a month. 12\n"
    "3. Planning improved after 2022. Therefore, the Inspector suggests a review of the planning\n"
    "cycle by the end of 2026.\n\n"
    "4. A working group studies the services. While awaiting its outcomes, the Inspector suggests\n"
    "reviewing the process of each service with its clients.\n\n"
    "5. The budget was approved late. The Inspectors recommend that the budget be approved before\n"
    "the year begins, as the financial rules require.\n")


def test_an_asking_starts_after_the_clause_that_sets_its_scene_and_ends_before_its_footnote(tmp_path):
    # "While X can be seen as …," concedes; "While awaiting …," says when: part of the asking.
    # A footnote's number after the full stop ("… a month. 12") ends the sentence and the paragraph.
    assert [body for _, body in items_of(tmp_path, SCENES)] == [
        "the Inspector encourages management to publish the minutes within a month.",
        "Therefore, the Inspector suggests a review of the planning cycle by the end of 2026.",
        "While awaiting its outcomes, the Inspector suggests reviewing the process of each service with "
        "its clients.",
        "The Inspectors recommend that the budget be approved before the year begins, as the financial "
        "rules require."]


def test_a_recommendations_paragraph_and_attribute_lines_stay_in_it_over_a_page_turn(tmp_path):
    # The paragraph under the sub-list goes with the item when its attribute lines follow; the
    # last attribute line ("Timeline: …", no full stop) ends the item before the next page's heading.
    first = (" 2. Recommendations\n"
             " 2.1 Strategic recommendations\n"
             " Recommendation 1: The project team should update the risk register of the project. The\n"
             " plan should cover the following:\n"
             " a) a realistic timeline with milestones agreed by all the stakeholders;\n"
             " b) regular feedback sessions with the communities that take part;\n"
             " Lessons from the pilot regions should inform the national roll-out.\n"
             " Responsible: The steering committee\n"
             " Timeline: within 12 months\n")
    second = (" 2.2 Operational recommendations\n"
              " Recommendation 2: The ministry should finance the follow-up visits of the inspectors.\n"
              " Responsible: The Ministry of Labour\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", first, second)
    assert items_of(tmp_path, text) == [
        ("recommendation", "The project team should update the risk register of the project. The plan should "
         "cover the following:\n\n- a realistic timeline with milestones agreed by all the stakeholders;\n"
         "- regular feedback sessions with the communities that take part;\n"
         "Lessons from the pilot regions should inform the national roll-out.\n\n"
         "Responsible: The steering committee\n\nTimeline: within 12 months"),
        ("recommendation", "The ministry should finance the follow-up visits of the inspectors.\n\n"
         "Responsible: The Ministry of Labour")]


def test_letter_labels_in_cyrillic_and_their_short_lead_in_to_a_sub_list(tmp_path):
    # «Рекомендация Д:» is a label as "Recommendation D:" is; «При этом следует предусмотреть:»
    # standing alone over bullets leads the item's sub-list in.
    section = (" 3. Рекомендации\n"
               " Рекомендация Г: Министерству труда следует согласовать инструменты сбора данных.\n"
               " Рекомендация Д: Необходимо разработать критерии отбора получателей грантов до\n"
               " начала следующего этапа программы.\n"
               " При этом следует предусмотреть:\n"
               " а) чёткое распределение ролей и обязанностей между всеми партнёрами;\n"
               " б) отдельное финансирование обучения и замены оборудования;\n")
    text = pages(" 1. Введение\n Программа работала четыре года в трёх районах.", section)
    assert items_of(tmp_path, text) == [
        ("recommendation", "Министерству труда следует согласовать инструменты сбора данных."),
        ("recommendation", "Необходимо разработать критерии отбора получателей грантов до начала следующего "
         "этапа программы.\n\nПри этом следует предусмотреть:\n\n"
         "- чёткое распределение ролей и обязанностей между всеми партнёрами;\n"
         "- отдельное финансирование обучения и замены оборудования")]


def test_items_marked_with_roman_numerals_and_an_i_that_is_a_letter(tmp_path):
    # "(i) (ii) (iii)" mark a list's items; after "(h)", "(i)" is the next letter of a list.
    roman = (" 3. Lessons learned\n"
             " (i) Joint field visits with ministry staff built more ownership than formal meetings.\n"
             " (ii) Baselines collected after activities had started made results hard to show.\n"
             " (iii) Small grants worked best when they came with mentoring by local firms.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", roman)
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Joint field visits with ministry staff built more ownership than formal meetings.",
        "Baselines collected after activities had started made results hard to show.",
        "Small grants worked best when they came with mentoring by local firms."]
    from indexer.importing.blocks import blocks
    found = blocks(["(g) Seventh point of the list.", "(h) Eighth point of the list.", "(i) Ninth point.",
                    "", "(i) A first point.", "(ii) A second point."])
    assert [block.marker for block in found] == ["(a)", "(a)", "(a)", "(i)", "(i)"]


def test_a_short_line_leading_in_a_labelled_items_sub_list_stays_in_it(tmp_path):
    english = (" 3. Recommendations\n"
               " Recommendation B: The ministry should publish the results framework of the programme.\n"
               " The plan should cover the following:\n"
               " a) a small set of outcome indicators that partners can actually collect;\n"
               " b) dedicated funding for training and for the replacement of equipment.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", english)
    assert items_of(tmp_path, text, "english.txt") == [
        ("recommendation", "The ministry should publish the results framework of the programme.\n\n"
         "The plan should cover the following:\n\n"
         "- a small set of outcome indicators that partners can actually collect;\n"
         "- dedicated funding for training and for the replacement of equipment.")]


def test_russian_paragraphs_full_of_one_letter_prepositions_are_prose(tmp_path):
    # «о», «с», «в», «к» are words: a paragraph of them is running prose, not a chart's letters.
    text = ("Передовой опыт\n\nОценка выявила следующие примеры передового опыта.\n\n"
            "Передачи местного радио на языках меньшинств разъяснили правила отбора всему сообществу.\n\n"
            "Соглашения о софинансировании с муниципалитетами обеспечили текущие расходы центров после их "
            "передачи. Это в равной мере относится к аналогичным программам в регионе.\n")
    assert [body[:20] for _, body in items_of(tmp_path, text)] == [
        "Передачи местного ра", "Соглашения о софинан"]


def test_a_labelled_items_closing_paragraph_before_the_next_heading_stays_in_it(tmp_path):
    section = (" 2. Recommendations\n"
               " 2.1 Strategic recommendations\n"
               " Recommendation 1: The ministry should harmonise the monitoring system. The plan\n"
               " should cover the following:\n"
               " a) a small set of outcome indicators that partners can actually collect;\n"
               " b) a written agreement on how data are shared and protected.\n"
               " Lessons from the pilot regions should inform the national roll-out.\n\n"
               " 2.2 Operational recommendations\n"
               " Recommendation 2: The project team should train the regional offices.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", section)
    assert items_of(tmp_path, text)[0][1].endswith(
        "protected.\nLessons from the pilot regions should inform the national roll-out.")
def test_a_pdf_paragraph_led_by_a_bold_run_in_title_opens_an_item(tmp_path):
    # USAID's contractors: no numbers; under a bold sector heading, each recommendation is a
    # paragraph whose bold title runs in before its roman text, with no stop after it. The
    # title belongs to the item; the heading alone on its line opens none. No blank line
    # between the paragraphs: the titles alone tell where each begins.
    page = [[("II. Recommendations", True)], _roman(""),
            [("Housing Sector", True)], _roman(""),
            [("Home Repair", True), (" This recommendation is to support lending to small", False)],
            _roman("entrepreneurs for the repair of productive housing."),
            [("Loan Guarantees", True), (" If the Government is to pursue guarantee schemes, it is", False)],
            _roman("recommended that the laws on foreclosures be reformed first."),
            [("Technical Assistance to MFIs", True), (" To reach more small firms, the microfinance", False)],
            _roman("institutions will need technical assistance and more funding.")]
    assert _bold_items(tmp_path, [page]) == [
        "Home Repair This recommendation is to support lending to small entrepreneurs for the repair of "
        "productive housing.",
        "Loan Guarantees If the Government is to pursue guarantee schemes, it is recommended that the "
        "laws on foreclosures be reformed first.",
        "Technical Assistance to MFIs To reach more small firms, the microfinance institutions will need "
        "technical assistance and more funding."]


def test_a_bold_heading_ending_in_a_full_stop_is_no_lead(tmp_path):
    # A heading of two bold lines that ends in a full stop, its paragraph starting on the
    # line below, opens no item: a lead's roman words go on in its own last line.
    page = [[("II. Recommendations", True)], _roman(""),
            [("Fund the monitoring groups from the district budgets. ", True),
             ("Start where coverage is", False)],
            _roman("lowest, and report to the steering committee each year."), _roman(""),
            [("Task 5: Priority recommendations for private enterprises to", True)],
            [("reactivate the economy in four regions.", True)], _roman(""),
            _roman("In the course of the review, emphasis was placed on the measures that would help"),
            _roman("the regions most damaged by the earthquakes, where the markets were weakest.")]
    assert _bold_items(tmp_path, [page]) == [
        "Fund the monitoring groups from the district budgets. Start where coverage is lowest, and report "
        "to the steering committee each year."]


def test_a_lettered_section_of_items_ends_at_its_lettered_sibling(tmp_path):
    # UNOPS: "VI. Lessons learned and the way forward", "A. Lessons learned", "B. The way
    # forward": the lessons end where the next lettered sub-section begins.
    text = pages("I. Introduction\n\nThe report covers the year 2024 and the projects of the office.",
                 "VI. Lessons learned and the way forward\n\nA. Lessons learned\n\n"
                 "• Managing for impact starts when the project is designed.\n\n"
                 "• Gender targets need processes and systems that are built for them.\n\n"
                 "B. The way forward\n\n"
                 "• The office will present its strategic plan to the Board in September.")
    assert items_of(tmp_path, text) == [
        ("lesson", "Managing for impact starts when the project is designed."),
        ("lesson", "Gender targets need processes and systems that are built for them.")]


def test_a_list_announced_by_the_sentence_above_it_is_a_section_of_that_kind(tmp_path):
    # UNOPS: in a chapter on results, "The main lessons learned … are as follows:" over a
    # lettered list; the list's items are lessons, the paragraph after it is none. A list
    # of others' views ("Stakeholders made the following recommendations:"), or of what
    # came of the recommendations ("… the recommendations included:"), is no items.
    text = pages("1. Introduction\n\nThe report covers the year 2024 and the projects of the office.",
                 "2. Results\n\nIn 2024 the office commissioned two thematic evaluations of its projects. "
                 "The main lessons learned confirm earlier observations and are summarized below:\n\n"
                 "(a) The office is agile. It adapts to its partners in complex settings.\n\n"
                 "(b) Past experience can be used again to replicate projects between countries.\n\n"
                 "The office delivered 1,100 projects in 130 countries during the year.\n\n"
                 "Stakeholders made the following recommendations:\n\n"
                 "(a) Publish the project reports every quarter.\n\n"
                 "(b) Hold the partner meetings in the field.\n\n"
                 "The outcomes of implementing the recommendations included:\n\n"
                 "(a) Two regional networks were set up.\n\n(b) The board approved a new policy.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "The office is agile. It adapts to its partners in complex settings."),
        ("lesson", "Past experience can be used again to replicate projects between countries.")]


def test_a_paragraph_introducing_capitalised_bullets_leaves_them_items(tmp_path):
    # Under "…to sustain the observed results:" the capitalised bullets are the items it
    # introduces, not its sub-list (which goes on in lower case, as "a) regular feedback…").
    section = (" 2. Good practices and lessons learned\n"
               " Some good practices and lessons learned can be derived from this evaluation to inform\n"
               " future interventions or to be considered by management to sustain the results:\n"
               " ▪ Close alignment with national strategies: The close alignment of the project ensured\n"
               "   its overall relevance and its direct contribution to these sectorial policies.\n"
               " ▪ Initial technical assessment: The assessment proved to be a crucial planning task for\n"
               "   the whole project and its partners.\n")
    text = pages(" 1. Introduction\n The programme ran for four years in three districts.", section)
    assert [body[:30] for _, body in items_of(tmp_path, text)] == [
        "Close alignment with national ", "Initial technical assessment: "]
def running(first: int, last: int) -> str:
    """Paragraphs numbered in sequence, as a report that numbers every paragraph has them."""
    return "\n\n".join(f"{n}. The office reported on the work of the year {2000 + n} to the board in time."
                       for n in range(first, last + 1))


def test_a_long_roman_chapter_heading_right_over_its_numbered_paragraph_stands_alone(tmp_path):
    # UN reports set "IV. How the absence of the State feeds conflict" right over "12. The
    # limited …", no blank line between: a chapter's heading however long its title.
    text = pages("I. Introduction\n\n1. The report reviews the support given to the national institutions.",
                 "II. Recommendations of the Secretary-General to Member States and partners\n"
                 "2. Member States should consider:\n"
                 "(a) Funding the national statistics offices from their own budgets;\n"
                 "(b) Publishing the budget of each ministry every year.")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Funding the national statistics offices from their own budgets"),
        ("recommendation", "Publishing the budget of each ministry every year.")]


def test_a_roman_chapter_heading_wrapped_onto_a_second_line_opens_its_chapter(tmp_path):
    text = pages("I. Introduction\n\n1. The report reviews the support given to the national institutions.",
                 "II. Recommendations to the Executive Board and to the management of\nthe programme\n\n"
                 "(a) The Executive Board should approve the new budget rules;\n\n"
                 "(b) Management should report on the new rules each year.")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "The Executive Board should approve the new budget rules",
        "Management should report on the new rules each year."]


def test_a_running_paragraph_naming_who_the_lettered_list_asks_is_no_item(tmp_path):
    # "57. Development partners are encouraged to:" over (a)…(d), after the list of "56.": the
    # addressee of the items below, in a report that numbers every paragraph.
    text = pages("I. Introduction\n\n" + running(1, 11),
                 "II. Recommendations\n\n12. Governments should consider:\n\n"
                 "(a) Raising the share of the budget spent on schools;\n\n(b) Paying teachers on time.\n\n"
                 "13. Development partners are encouraged to:\n\n"
                 "(a) Fund the plans of the ministries over five years;\n\n"
                 "(b) Report their aid to the ministries.")
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [item.body for item in items] == [
        "Raising the share of the budget spent on schools", "Paying teachers on time.",
        "Fund the plans of the ministries over five years", "Report their aid to the ministries."]
    assert items[-1].addressee == "Development partners are encouraged to:"


def test_a_bold_lead_in_ending_in_a_colon_is_no_bold_item(tmp_path):
    # UN reports set in bold both the paragraph that names who is asked and its lettered items.
    lead = "I encourage all the stakeholders, including the Member States, the donors and the"
    first, second = ("To fund the trust fund for the survivors of the conflict in the region;",
                     "To train the staff of the field operations of the missions each year.")
    page = [_roman("II. Recommendations"), _roman(""), [("2.", False), (lead, True)],
            [("regional and intergovernmental organizations:", True)], _roman(""),
            [("(a) ", False), (first, True)], _roman(""), [("(b) ", False), (second, True)]]
    assert _bold_items(tmp_path, [page]) == [
        "To fund the trust fund for the survivors of the conflict in the region",
        "To train the staff of the field operations of the missions each year."]


def test_a_recommendation_heading_over_one_paragraph_labels_that_paragraph_only(tmp_path):
    # The Secretary-General's reports close each country's section on a "Recommendation"
    # heading over one paragraph; the next country's heading ends it.
    text = pages("I. Introduction\n\n" + running(1, 11),
                 "II. Situations of concern\n\nAfghanistan\n\n12. In 2024 the restrictions on the work of "
                 "women grew in every province.\n\nRecommendation\n\n13. I call upon the de facto "
                 "authorities to reverse the restrictions on the work of women.\n\nColombia\n\n14. The "
                 "gender provisions of the peace agreement remained unimplemented in several regions."
                 "\n\nRecommendation\n\n"
                 "15. I urge the authorities to implement the gender provisions of the peace agreement.")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "I call upon the de facto authorities to reverse the restrictions on the work of women.",
        "I urge the authorities to implement the gender provisions of the peace agreement."]


def test_a_lettered_heading_after_a_lettered_lessons_section_ends_it(tmp_path):
    # "VI. Lessons learned and the way forward": "A. Lessons learned", then "B. The way forward".
    text = pages("I. Introduction\n\n" + running(1, 11),
                 "II. Lessons learned and the way forward\n\nA. Lessons learned\n\n12. Managing for impact "
                 "requires early information on the objectives of each project.\n\n13. Longer-term planning "
                 "needs robust financial arrangements and solid forecasting.\n\nB. The way forward\n\n"
                 "14. The office will present its next strategic plan to the board in September.")
    assert items_of(tmp_path, text) == [
        ("lesson", "Managing for impact requires early information on the objectives of each project."),
        ("lesson", "Longer-term planning needs robust financial arrangements and solid forecasting.")]


def test_a_paragraph_announcing_its_lessons_makes_the_list_below_it_lessons(tmp_path):
    # Outside any section of lessons: "25. The main lessons learned … are summarized below:"
    # over (a)-(c); the list ends at the next paragraph. Others' lessons reported are none.
    text = pages("I. Introduction\n\n1. The report covers the year 2024 and all the projects of the office.",
                 "II. Results\n\nC. External evaluations\n\n2. The main lessons learned of the thematic "
                 "evaluations are summarized below:\n\n(a) The office is agile and adaptable in fragile "
                 "settings.\n\n(b) Past experience can be leveraged for new projects.\n\n3. The office "
                 "commissioned two more evaluations for the next year.\n\n4. Participants shared the "
                 "following lessons learned:\n\n(a) Meetings were too long for the partners.\n\n5. The "
                 "office took two actions, which also corresponded with recommendation 3:\n\n(a) It "
                 "hired two more staff for the regional offices.")
    assert items_of(tmp_path, text) == [
        ("lesson", "The office is agile and adaptable in fragile settings."),
        ("lesson", "Past experience can be leveraged for new projects.")]


def test_a_long_roman_chapter_heading_in_russian_over_its_numbered_paragraph_stands_alone(tmp_path):
    text = pages("I. Введение\n\n1. Доклад охватывает поддержку национальных учреждений в 2024 году.",
                 "II. Рекомендации Генерального секретаря государствам-членам и партнёрам по развитию\n"
                 "2. Государствам-членам следует рассмотреть:\n"
                 "а) финансирование национальных статистических служб из собственных бюджетов;\n"
                 "б) ежегодную публикацию бюджета каждого министерства.")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "финансирование национальных статистических служб из собственных бюджетов",
        "ежегодную публикацию бюджета каждого министерства."]


def test_a_recommendation_heading_in_russian_over_one_paragraph_labels_that_paragraph_only(tmp_path):
    paragraphs = "\n\n".join(f"{n}. Управление отчиталось перед советом о работе за {2000 + n} год вовремя."
                             for n in range(1, 12))
    text = pages("I. Введение\n\n" + paragraphs,
                 "II. Ситуации, вызывающие обеспокоенность\n\nАфганистан\n\n12. В 2024 году ограничения на "
                 "работу женщин усилились во всех провинциях.\n\nРекомендация\n\n13. Я призываю власти "
                 "отменить ограничения на работу женщин.\n\nКолумбия\n\n14. Гендерные положения мирного "
                 "соглашения не выполнены в ряде регионов.\n\nРекомендация\n\n15. Я настоятельно призываю "
                 "власти выполнить гендерные положения мирного соглашения.")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Я призываю власти отменить ограничения на работу женщин.",
        "Я настоятельно призываю власти выполнить гендерные положения мирного соглашения."]


def _un_findings(last: int) -> str:
    """A UN document's first chapters: every paragraph numbered, 1 to `last`."""
    return "".join(f"{n}. The office completed {n} evaluations in the year, each one on time and within its "
                   f"budget.\n" for n in range(1, last + 1))


def test_a_long_lettered_heading_under_a_paragraph_opens_its_section_of_numbered_paragraphs(tmp_path):
    # A UN document: "B. Key lessons …" right under the last line of paragraph 12, no blank
    # line between, its title longer than a short heading's; the report numbers every
    # paragraph, so those of the lessons section are its items.
    text = pages("III. Key outputs\n\nA. Independent evaluations\n\n" + _un_findings(12)
                 + "B. Key lessons from the evaluations of the year on adapting to climate change\n"
                 "13. This section brings together insights from the publications of the year.\n"
                 "14. Climate impacts were experienced in all regions and made the old problems worse.\n"
                 "15. The ability to adapt lay first of all with the people exposed to the effects.\n"
                 "IV. Oversight and support to decentralized evaluation\n"
                 "16. Spending on decentralized evaluations rose from 23 to 26 million in the year.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Climate impacts were experienced in all regions and made the old problems worse."),
        ("lesson", "The ability to adapt lay first of all with the people exposed to the effects.")]
    # Named before its kind ("B. Special report: Key lessons …"), the section is a discussion
    # built around its lessons: only marked ones (bold leads, labels) are items, and a text
    # has no bold to mark them, so its plain paragraphs are none.
    named = text.replace("B. Key lessons from the evaluations of the year",
                         "B. Special report: Key lessons from the evaluations")
    assert items_of(tmp_path, named) == []


def test_a_headings_own_name_before_a_colon_leaves_it_the_kind_it_names():
    from indexer.importing.sections import kind_of

    heading = "B. Special report: Key lessons from UNDP evaluations on adapting to climate change"
    assert kind_of(heading) == "lesson"
    assert kind_of("Б. Специальный доклад: основные рекомендации") == "recommendation"
    assert kind_of("Figure 2: Recommendations by status") is None
    assert kind_of("Special report: the context of the year") is None


def test_a_bold_lead_after_a_paragraphs_number_opens_an_item_and_the_plain_paragraphs_after_support_it(
        tmp_path):
    # UNDP's annual report on evaluation: each lesson is a numbered paragraph whose first
    # sentence is bold; the plain numbered paragraphs after it are its evidence, up to the next
    # bold lead; the section's introduction (paragraph 13) none. The heading sits right above
    # the first lead, no paragraph between.
    findings = [_roman("II. Key outputs"), _roman("")] + [
        _roman(f"{n}. The office completed {n} evaluations in the year, each on time.") for n in range(2, 13)]
    page = [[("B. Special report: Key lessons from the evaluations on adapting to climate change", True)],
            [("13.", False), ("Climate impacts were felt in all regions. ", True),
             ("The evaluations of the year saw", False)],
            _roman("pastoral groups lose their wells to the drought in three of the countries."),
            _roman("14. In South Africa the floods of 2022 hit the informal settlements the hardest."),
            [("15.", False), ("Local support structures reduce the risk people face. ", True),
             ("Households drew on", False)],
            _roman("their neighbours and the local councils to plan for the season ahead of them."),
            _roman("IV. Oversight and support"),
            _roman("16. Spending on decentralized evaluations rose from 23 to 26 million in the year.")]
    assert _bold_items(tmp_path, [findings, page]) == [
        "Climate impacts were felt in all regions. The evaluations of the year saw pastoral groups lose "
        "their wells to the drought in three of the countries.\n\nIn South Africa the floods of 2022 hit "
        "the informal settlements the hardest.",
        "Local support structures reduce the risk people face. Households drew on their neighbours and the "
        "local councils to plan for the season ahead of them."]


def test_a_russian_un_documents_recommendations_are_its_numbered_paragraphs(tmp_path):
    text = pages("II. Основные результаты\n\n" + "".join(
        f"{n}. Управление провело {n} оценок за год, каждую в срок и в пределах бюджета.\n"
        for n in range(1, 12))
        + "Б. Рекомендации Управления по итогам оценок программ и проектов за отчётный год\n"
        "12. В настоящем разделе изложены рекомендации Управления.\n"
        "13. Исполнительному совету следует утвердить новую политику в области оценки.\n"
        "14. Администрации следует увеличить расходы на децентрализованные оценки.\n"
        "III. Бюджет\n\n15. Расходы выросли на треть за год.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Исполнительному совету следует утвердить новую политику в области оценки."),
        ("recommendation", "Администрации следует увеличить расходы на децентрализованные оценки.")]


def test_only_the_first_numbered_paragraph_introduces_a_section_of_running_paragraphs(tmp_path):
    # «последующие выезды», "the following phase": the words of an item, not of an introduction,
    # once the section's first paragraph has introduced it.
    text = pages("II. Основные результаты\n\n" + "".join(
        f"{n}. Управление провело {n} оценок за год, каждую в срок и в пределах бюджета.\n"
        for n in range(1, 12))
        + "III. Рекомендации\n\n12. По итогам оценки сформулированы следующие рекомендации.\n"
        "13. Администрации следует профинансировать реестр рисков до начала следующего этапа.\n"
        "14. Администрации следует задокументировать бюджет на последующие выезды.\n"
        "IV. Бюджет\n\n15. Расходы выросли на треть за год.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Администрации следует профинансировать реестр рисков до начала следующего этапа.",
        "Администрации следует задокументировать бюджет на последующие выезды."]


def test_a_un_symbol_heading_a_few_pages_ends_no_section(tmp_path):
    # A short UN document: its symbol heads two pages only, too few to recur as a running
    # header, yet it is no heading in capitals that would end the lettered section.
    first = ("II. Evaluation outputs\n\nA. Independent evaluations\n\n" + _un_findings(11)
             + "\nB. Lessons learned\n\n"
             "12. The following lessons can be drawn from the experience of the year.\n"
             "13. Baselines collected after the start made it hard to show any results.\n")
    text = ("Annual report on evaluation\n\n\f E/ICEF/2024/12\n\n" + first + "\n\f E/ICEF/2024/12\n\n"
            "14. Small grants work best when they are combined with mentoring and buyers.\n\n"
            "IV. Programme of work\n\n15. The office plans twelve evaluations for the next year.\n\f")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Baselines collected after the start made it hard to show any results.",
        "Small grants work best when they are combined with mentoring and buyers."]


def test_a_footnotes_mark_glued_to_a_words_or_a_years_full_stop_still_ends_the_sentence():
    # pdftotext sets a superscript mark right after the full stop ("… in 2017.1"): the line
    # ends its paragraph, and the numbered paragraph below opens its own block.
    from indexer.importing.blocks import blocks, ends_sentence

    assert ends_sentence("completed in 2017.1") and ends_sentence("of the programme.12")
    assert not ends_sentence("as set out in section 4.2") and not ends_sentence("in 2017")
    found = blocks(["2. The programme ran in 55 districts from 2013 to 2017.1",
                    "3. Targets for the people trained were exceeded."])
    assert [block.number for block in found] == [2, 3]


def test_a_word_paragraph_led_by_a_bold_sentence_after_its_typed_number_opens_an_item(tmp_path):
    # A UN document in Word types every paragraph's number ("14.\t"); a lesson's bold lead
    # comes after it, and the plain numbered paragraph below is the lesson's evidence.
    import docx

    document = docx.Document()
    document.add_heading("II. Evaluation outputs", level=1)
    for n in range(1, 12):
        document.add_paragraph(f"{n}.\tThe office completed {n} evaluations in the year, each one on time.")
    document.add_heading("B. Special report: Key lessons from the evaluations of climate adaptation", level=2)
    document.add_paragraph("12.\tThis section brings together the lessons of the year.")
    for number, lead, rest in (
            (13, "Climate impacts were felt in all regions.", "Pastoral groups lost wells."),
            (15, "Local support structures reduce the risk.", "Households drew on them.")):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{number}.\t")
        paragraph.add_run(lead).bold = True
        paragraph.add_run(" " + rest)
        if number == 13:
            document.add_paragraph("14.\tIn South Africa the floods hit the informal settlements hardest.")
    document.add_heading("III. Programme of work", level=1)
    document.add_paragraph("16.\tThe office plans twelve evaluations for the next year.")
    document.save(tmp_path / "report.docx")
    items, _ = find_items(read_document(tmp_path / "report.docx"), TAXONOMY)
    assert [(item.kind, item.body) for item in items] == [
        ("lesson", "Climate impacts were felt in all regions. Pastoral groups lost wells.\n\n"
                   "In South Africa the floods hit the informal settlements hardest."),
        ("lesson", "Local support structures reduce the risk. Households drew on them.")]


def test_a_sub_sections_number_misprinted_with_the_next_chapters_does_not_open_it(tmp_path):
    # "5.2.1" among chapter 4's sub-sections, "4.2.2" right below it: a misprint, not chapter 5
    # begun, which would put the report's own "5. Lessons learned" out of sequence.
    findings = ("4. Findings\n\n4.1 Relevance\nThe project met the needs of the districts.\n\n"
                "4.2 Efficiency\n\n5.2.1 Community involvement in monitoring\n"
                "Communities took part in the reviews.\n\n4.2.2 Personnel and equipment\n"
                "The staff were well qualified.\n")
    lessons = ("5. Lessons learned\n\n"
               " • Joint field visits with ministry staff built more ownership than meetings did.\n\n"
               " • Baselines collected after activities had started made results hard to show.\n")
    text = pages("1. Introduction\nThe programme ran for four years.\n\n2. Background\nThe districts\n"
                 "are poor.\n\n3. Methodology\nThe team met the district teams.\n", findings, lessons)
    assert [(kind, body.split()[0]) for kind, body in items_of(tmp_path, text)] == [
        ("lesson", "Joint"), ("lesson", "Baselines")]


def test_a_numbered_appendices_chapter_opens_the_annexes(tmp_path):
    # "7. APPENDICES" is a chapter by its number and the annexes by its title: the terms of
    # reference in it ("Lessons Learned: Key lessons learned throughout ...") hold no items.
    lessons = ("6. Lessons learned\n\n"
               " • Joint field visits with ministry staff built more ownership than meetings did.\n\n"
               " • Baselines collected after activities had started made results hard to show.\n")
    annex = ("7. APPENDICES\n\n7.1 Evaluation terms of reference\n\nThe report shall cover:\n\n"
             "Lessons Learned: Key lessons learned throughout the period of the project, which can\n"
             "be utilised to improve the design of similar projects.\n\n"
             "Recommendations: Specific and realistic recommendations for the next phase.\n")
    text = pages("1. Introduction\nThe programme ran for four years.\n\n2. Background\nThe districts\n"
                 "are poor.\n\n3. Methodology\nThe team met the district teams.\n\n4. Findings\n"
                 "Most targets were met.\n\n5. Conclusions\nThe project did well.\n", lessons, annex)
    assert [(kind, body.split()[0]) for kind, body in items_of(tmp_path, text)] == [
        ("lesson", "Joint"), ("lesson", "Baselines")]


@pytest.mark.parametrize("title", ["Conclusions and recommendations", "Recommendations"])
def test_a_numbered_conclusion_over_its_recommendations_does_not_end_their_section(tmp_path, title):
    # "Conclusion 7: Sharing and learning to be improved", one line over its paragraph, names one
    # conclusion of the chapter, not a chapter of conclusions: the recommendations below it are
    # the chapter's too.
    chapter = (f"{title}\n\n"
               "Conclusion 1: Coordination with partners improved over the project\n"
               "The partners met every quarter and shared their plans.\n\n"
               "Recommendations:\n"
               " • Invite the township committees to the national working group.\n\n"
               "Conclusion 2: Sharing and learning to be improved\n\n"
               "Internal monitoring was done twice a year only.\n\n"
               "Recommendations:\n"
               " • Share the training materials with the sister projects every year.\n")
    text = pages("1. Introduction\nThe programme ran for four years.\n", chapter)
    assert [(kind, body.split()[0]) for kind, body in items_of(tmp_path, text)] == [
        ("recommendation", "Invite"), ("recommendation", "Share")]


def test_a_numbered_conclusion_right_under_an_item_is_no_part_of_it(tmp_path):
    # A PDF's reading leaves no blank line between a bullet's last line and the next
    # conclusion's title: "Conclusion 2: …" and its paragraph are no part of the bullet above.
    chapter = ("Conclusions and recommendations\n\n"
               "Conclusion 1: Coordination with partners improved over the project\n"
               "The partners met every quarter and shared their plans.\n"
               "Recommendations:\n"
               " • Invite the township committees to the national working group.\n"
               "Conclusion 2: Sharing and learning to be improved in the next phase\n"
               "Internal monitoring was done twice a year only and reports were late.\n"
               "Recommendations:\n"
               " • Share the training materials with the sister projects every year.\n")
    text = pages("1. Introduction\nThe programme ran for four years.\n", chapter)
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Invite the township committees to the national working group.",
        "Share the training materials with the sister projects every year."]


def test_a_bold_motto_set_in_display_type_is_no_item(tmp_path):
    # A back cover's motto, a few words a line, asks for something ("must", «должна»)
    # but is no recommendation; a bold sentence in running text beside it still is one.
    for motto in (["For aid to", "be effective,", "it must be", "transparent", "to everyone."],
                  ["Чтобы помощь", "была полезной,", "она должна", "быть открытой", "для всех."]):
        page = [_roman("II. Governance"), _roman(""),
                [("2. The board met twice a year and its minutes were late.", False),
                 ("The Inspector suggests", True)],
                [("that the minutes be published within a month of each meeting.", True)],
                _roman("3. The board agreed to publish them.")]
        cover = [[(line, True)] for line in motto]
        assert _bold_items(tmp_path, [page, cover]) == [
            "The Inspector suggests that the minutes be published within a month of each meeting."]


def test_a_recommendations_line_in_conclusions_makes_its_bullets_items_asking_or_not(tmp_path):
    # In conclusions with recommendations only what asks is an item, but "Recommendations:" over
    # bullets says what they are: "More investment is needed …" is one; a conclusion's own
    # bullets below the next "Conclusion N:" must ask again.
    chapter = ("Conclusions and recommendations\n\n"
               "Conclusion 1: Coordination with partners improved over the project\n"
               "The partners met every quarter and shared their plans.\n\n"
               "Recommendations:\n"
               " • More investment is needed in the case managers of the social welfare office.\n"
               " • Link to the hot-spot areas through the township committees and watch groups.\n\n"
               "Conclusion 2: Sharing and learning to be improved\n\n"
               "The project kept its lessons to itself:\n"
               " • Monthly reports went to the donor only.\n"
               " • The sister projects used the training materials of the project.\n")
    text = pages("1. Introduction\nThe programme ran for four years.\n", chapter)
    assert [(kind, body.split()[0]) for kind, body in items_of(tmp_path, text)] == [
        ("recommendation", "More"), ("recommendation", "Link")]


def test_a_label_numbered_by_its_group_letter_starts_its_item_after_the_code(tmp_path):
    # UNDP-GEF evaluations number recommendations by category: "Recommendation A.1:", "B2.".
    text = pages("4. Conclusions, recommendations and lessons\n\n4.3 Recommendations\n\n"
                 "Recommendation A.1: The Ministry should adopt the financing plan before closure.\n\n"
                 "Recommendation B2. UNDP should include the management plans in its next programme.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "The Ministry should adopt the financing plan before closure."),
        ("recommendation", "UNDP should include the management plans in its next programme.")]


TE_SUMMARY_TABLE = (
    "Executive summary\n\nThe project met most of its targets.\n\nRecommendations summary table\n\n"
    " Rec #   TE Recommendation                                 Entity Responsible   Time frame\n"
    " A       Category 1: Sustainability\n"
    " A.1     The Ministry should adopt the financing plan for   Ministry of          By end of\n"
    "         the protected areas before the project closes.     Environment          2021\n"
    " A.2     UNDP should include the management plans in the    UNDP CO              2022\n"
    "         next country programme.\n"
    " B       Category 2: Monitoring\n"
    " B.1     The PMU should hand over the monitoring database   PMU, Park            Before\n"
    "         to the park authority with a trained operator.     Authority            closure\n")


def test_a_summary_table_of_coded_recommendations_gives_its_rows_as_items(tmp_path):
    # Its only statement of them: each coded row an item, the category rows ("A  Category 1")
    # and the responsible entity's and time frame's cells no part of any.
    text = pages(TE_SUMMARY_TABLE, "1. Introduction\n\nThe evaluation covers the years 2016 to 2020.\n",
                 "4. Conclusions\n\nThe protected areas are better managed than before.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "The Ministry should adopt the financing plan for the protected areas before "
                           "the project closes."),
        ("recommendation", "UNDP should include the management plans in the next country programme."),
        ("recommendation", "The PMU should hand over the monitoring database to the park authority with a "
                           "trained operator.")]


def test_a_summary_table_that_repeats_the_chapters_recommendations_gives_the_chapters(tmp_path):
    text = pages(TE_SUMMARY_TABLE, "1. Introduction\n\nThe evaluation covers the years 2016 to 2020.\n",
                 "4. Conclusions, recommendations and lessons learned\n\n"
                 "4.3 Recommendations\n\n"
                 "Recommendation A.1: The Ministry should adopt the financing plan for the protected areas\n"
                 "before the project closes, so that the rangers are paid after GEF funding ends.\n\n"
                 "Recommendation A.2: UNDP should include the management plans in the next country\n"
                 "programme and support their review in 2023.\n\n"
                 "Recommendation B.1: The PMU should hand over the monitoring database to the park\n"
                 "authority with a trained operator and a budget for its upkeep.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "The Ministry should adopt the financing plan for the protected areas before the project closes, "
        "so that the rangers are paid after GEF funding ends.",
        "UNDP should include the management plans in the next country programme and support their review "
        "in 2023.",
        "The PMU should hand over the monitoring database to the park authority with a trained operator "
        "and a budget for its upkeep."]


def test_a_report_of_an_organisation_on_recommendations_is_a_response(tmp_path):
    # The organisation named between "Report" and "on the recommendations", and a title that
    # breaks before its phrase ends: the document still says it answers another's recommendations.
    for cover, title in (
            ("Report of UNDP on the recommendations of the Joint Inspection Unit",
             "Report of UNDP on the recommendations of the Joint Inspection Unit"),
            ("Report of the United Nations Development Programme on the\n      recommendations of the "
             "Joint Inspection Unit in 2024",
             "Report of the United Nations Development Programme on the recommendations of the "
             "Joint Inspection Unit in 2024"),
            ("Доклад ПРООН о рекомендациях Объединенной инспекционной группы",
             "Доклад ПРООН о рекомендациях Объединенной инспекционной группы")):
        text = f"DP/2025/12/Add.1\n\n      {cover}\n\n      Summary\n\f" + pages(RESPONSE_BODY)
        result = _import(tmp_path, text)
        assert result.written == [] and result.response == title


def test_a_cover_that_only_mentions_recommendations_is_no_response(tmp_path):
    cover = ("Final evaluation of the Example Programme\n\nReport of the evaluation team\n"
             "to the steering committee\n\f")
    result = _import(tmp_path, cover + pages(RESPONSE_BODY))
    assert result.response == "" and len(result.written) == 2


def _running(first: int, count: int) -> str:
    """`count` numbered paragraphs of a UN report, from `first`: the report numbers them all."""
    return "".join(f"      {n}. The partners carried out activity {n} in several of the countries "
                   f"concerned during the period.\n" for n in range(first, first + count))


UN_LESSONS = ("   I. Introduction\n" + _running(1, 12) + "\n"
              "   II. Lessons learned from the strategic evaluation of the\n"
              "       Third Decade\n"
              "      13. An independent evaluation of the Decade found that the initiative played a\n"
              "      catalytic role across the continent.\n"
              "      14. However, the evaluation also identified some challenges:\n"
              "           (a) Fragmented national implementation due to limited capacity;\n"
              "           (b) Inadequate data and monitoring systems to track progress.\n\n"
              "   III. Looking ahead towards a Fourth Decade\n"
              "      15. The partners have initiated the process towards a new Decade for the region.\n")


def test_a_roman_title_broken_after_of_the_goes_on_on_a_capital(tmp_path):
    # "of the" ends no title: the heading goes on in the next line, a name in capitals.
    assert [kind for kind, _ in items_of(tmp_path, pages(UN_LESSONS))] == ["lesson", "lesson"]


def test_a_running_paragraph_saying_what_was_found_keeps_its_points(tmp_path):
    # "identified some challenges:" says what was found, names no one asked and no kind of
    # item: the paragraph is the item and its lettered points are its own.
    bodies = [body for _, body in items_of(tmp_path, pages(UN_LESSONS))]
    assert bodies[1].startswith("However, the evaluation also identified some challenges:")
    assert bodies[1].endswith("monitoring systems to track progress.")


def test_a_running_paragraph_naming_who_is_asked_still_heads_its_points(tmp_path):
    section = UN_LESSONS
    for found, asked in (
            ("Lessons learned from the strategic evaluation of the\n       Third Decade", "Recommendations"),
            ("However, the evaluation also identified some challenges:", "Development partners should:"),
            ("Fragmented national implementation due to limited capacity;", "Fund national implementation;"),
            ("Inadequate data and monitoring systems to track progress.",
             "Build the data and monitoring systems.")):
        section = section.replace(found, asked)
    assert [body for _, body in items_of(tmp_path, pages(section))][1:] == [
        "Fund national implementation", "Build the data and monitoring systems."]
