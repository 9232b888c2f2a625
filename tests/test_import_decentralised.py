"""Shapes of a country office's (decentralised) evaluation, as WFP, UNICEF or an NGO sets them:
"Recommendation 1 (strategic): …" with its rationale, sub-actions and attribute lines; a box of
lessons in the findings; findings numbered "Finding 3:", which are no items; a table of
recommendations with their type, who is responsible and the priority. English and Russian."""

from import_text import TAXONOMY, find_items, items_of, pages, read_document

INTRO = ("1. Introduction\n\nThe evaluation covers the school meals programme from 2019 to 2023 in four\n"
         "regions.\n",
         "2. Context\n\nThe country has had a national school meals strategy since 2016, and the\n"
         "ministry runs it.\n")

FINDINGS = (
    "3. Findings\n\n3.1 Relevance\n\nFinding 1: The programme was aligned with the national school meals\n"
    "strategy and the priorities of the Ministry of Education.\n\n"
    "The evaluation team found that district staff knew the strategy well.\n\n"
    "Finding 2: Targeting reached the poorest districts, but not the poorest\n"
    "households within them.\n\n"
    "Box 1. Lessons learned\n\n"
    "• Community ownership grows where parents manage the kitchens.\n"
    "• Early agreement with the ministry on the hand-over saves a year of delay.\n")

RECOMMENDATIONS = (
    "4. Conclusions and recommendations\n\n4.1 Conclusions\n\n"
    "The programme was relevant and largely effective.\n\n4.2 Recommendations\n\n"
    "Recommendation 1 (strategic): Support the Government in making school meals\n"
    "a budgeted national programme by 2027.\n\n"
    "Rationale: The hand-over plan has no budget line, and the ministry's\n"
    "staff are not yet trained to run procurement.\n\n"
    "1.1 Agree a costed hand-over plan with the Ministry of Finance.\n"
    "1.2 Train district procurement staff in the new rules.\n\n"
    "Responsibility: country office, with the regional bureau. Priority: high.\n\n"
    "Recommendation 2 (operational): Improve the targeting of households within\n"
    "the districts served.\n\n"
    "Rationale: Finding 2 shows that the poorest households were missed.\n\n"
    "2.1 Use the social registry to select households.\n"
    "2.2 Check the lists with the community committees each year.\n\n"
    "Responsibility: country office. Priority: medium.\n")


def test_a_recommendations_rationale_sub_actions_and_attributes_are_its_own(tmp_path):
    found = [body for kind, body in items_of(tmp_path, pages(*INTRO, RECOMMENDATIONS))]
    assert found == [
        "Support the Government in making school meals a budgeted national programme by 2027.\n\n"
        "Rationale: The hand-over plan has no budget line, and the ministry's staff are not yet "
        "trained to run procurement.\n\n"
        "1.1 Agree a costed hand-over plan with the Ministry of Finance.\n\n"
        "1.2 Train district procurement staff in the new rules.\n\n"
        "Responsibility: country office, with the regional bureau. Priority: high.",
        "Improve the targeting of households within the districts served.\n\n"
        "Rationale: Finding 2 shows that the poorest households were missed.\n\n"
        "2.1 Use the social registry to select households.\n\n"
        "2.2 Check the lists with the community committees each year.\n\n"
        "Responsibility: country office. Priority: medium."]


def test_an_unlabelled_rationale_before_the_sub_actions_is_the_items_too(tmp_path):
    text = pages(*INTRO, "3. Findings\n\nMost targets were met in the four regions.\n",
                 "4. Recommendations\n\nRecommendation 1 (strategic): Support the Government in making\n"
                 "school meals a budgeted national programme by 2027.\n\n"
                 "The hand-over plan has no budget line, and the ministry's staff are not yet\n"
                 "trained to run procurement.\n\n"
                 "1.1 Agree a costed hand-over plan with the Ministry of Finance.\n"
                 "1.2 Train district procurement staff in the new rules.\n\n"
                 "Recommendation 2 (operational): Improve the targeting of households within\n"
                 "the districts served.\n\n"
                 "2.1 Use the social registry to select households.\n"
                 "2.2 Check the lists with the community committees each year.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Support the Government in making school meals a budgeted national programme by 2027.\n\n"
        "The hand-over plan has no budget line, and the ministry's staff are not yet trained to run "
        "procurement.\n\n1.1 Agree a costed hand-over plan with the Ministry of Finance.\n\n"
        "1.2 Train district procurement staff in the new rules.",
        "Improve the targeting of households within the districts served.\n\n"
        "2.1 Use the social registry to select households.\n\n"
        "2.2 Check the lists with the community committees each year."]


def test_a_heading_numbered_under_the_recommendation_is_no_sub_action(tmp_path):
    # "4.3 Lessons learned" under "Recommendation 4" is the next section, not the item's 4.3.
    text = pages(*INTRO, "3. Findings\n\nMost targets were met in the four regions.\n",
                 "4. Recommendations\n\nRecommendation 4: Fund the registry of pupils from the\n"
                 "national budget.\n\n4.1 Lessons learned\n\n"
                 "Lesson 1: Early training of district staff pays off in the first year.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Fund the registry of pupils from the national budget."),
        ("lesson", "Early training of district staff pays off in the first year.")]


def test_a_box_of_lessons_in_the_findings_makes_an_item_of_each_bullet(tmp_path):
    # The findings numbered "Finding 1:" state what the evaluation found: no items.
    text = pages(*INTRO, FINDINGS, "4. Conclusions\n\nThe programme was relevant and effective.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Community ownership grows where parents manage the kitchens."),
        ("lesson", "Early agreement with the ministry on the hand-over saves a year of delay.")]


def test_a_box_of_one_lesson_stays_one_item_with_its_bullets(tmp_path):
    text = pages(*INTRO, "3. Findings\n\nMost targets were met in the four regions.\n\n"
                 "Box 2. Lesson learned\n\nHand-over works when the ministry is ready:\n"
                 "• its staff are trained;\n• its budget has a line for the meals.\n\n"
                 "Targeting reached the poorest districts, but not the poorest households.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Hand-over works when the ministry is ready:\n\n"
                   "- its staff are trained;\n- its budget has a line for the meals.")]


def test_a_table_of_recommendations_with_type_responsible_and_priority(tmp_path):
    rows = [("#", "Recommendation", "Type", "Responsible", "Priority"),
            ("1", "Support the Government in making school meals", "Strategic", "Country office", "High"),
            ("", "a budgeted national programme.", "", "Regional bureau", ""),
            ("2", "Improve the targeting of households within", "Operational", "Country office", "Medium"),
            ("", "the districts served.", "", "", "")]
    widths = (4, 50, 14, 19, 8)
    table = "".join(" " + "".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
                    + "\n" for row in rows)
    text = pages(*INTRO, "3. Recommendations\n\nThe evaluation makes the following recommendations.\n\n"
                 + table, "4. Annexes\n\nThe terms of reference follow.\n")
    assert items_of(tmp_path, text) == [
        ("recommendation", "Support the Government in making school meals a budgeted national programme."),
        ("recommendation", "Improve the targeting of households within the districts served.")]


INTRO_RU = ("1. Введение\n\nОценка охватывает программу школьного питания с 2019 по 2023 год в четырёх\n"
            "областях.\n",
            "2. Контекст\n\nВ стране с 2016 года действует национальная стратегия школьного питания,\n"
            "её ведёт министерство.\n")


def test_russian_recommendation_with_its_rationale_and_a_box_of_lessons(tmp_path):
    text = pages(*INTRO_RU,
                 "3. Выводы\n\nВывод 1: Программа соответствовала национальной стратегии и приоритетам\n"
                 "министерства образования.\n\nВставка 2. Извлечённые уроки\n\n"
                 "• Сообщества берут кухни на себя там, где ими управляют родители.\n"
                 "• Раннее согласие министерства на передачу программы экономит год.\n",
                 "4. Рекомендации\n\n"
                 "Рекомендация 1 (стратегическая): Поддержать Правительство в превращении\n"
                 "школьного питания в национальную программу с бюджетом к 2027 году.\n\n"
                 "Обоснование: В плане передачи нет бюджетной строки, а сотрудники\n"
                 "министерства ещё не обучены закупкам.\n\n"
                 "1.1 Согласовать с Министерством финансов план передачи с расчётом затрат.\n"
                 "1.2 Обучить районных специалистов по закупкам новым правилам.\n\n"
                 "Ответственные: страновой офис. Приоритет: высокий.\n")
    assert items_of(tmp_path, text) == [
        ("lesson", "Сообщества берут кухни на себя там, где ими управляют родители."),
        ("lesson", "Раннее согласие министерства на передачу программы экономит год."),
        ("recommendation",
         "Поддержать Правительство в превращении школьного питания в национальную программу с "
         "бюджетом к 2027 году.\n\nОбоснование: В плане передачи нет бюджетной строки, а сотрудники "
         "министерства ещё не обучены закупкам.\n\n"
         "1.1 Согласовать с Министерством финансов план передачи с расчётом затрат.\n\n"
         "1.2 Обучить районных специалистов по закупкам новым правилам.\n\n"
         "Ответственные: страновой офис. Приоритет: высокий.")]


def test_the_same_shapes_in_a_pdf(tmp_path):
    from import_text import TAXONOMY
    from test_import_rules import _bold_pdf

    from indexer.importing.importer import find_items
    from indexer.importing.reading import read_document

    texts = (*INTRO, FINDINGS, RECOMMENDATIONS)    # the standard fonts have no "•": "-" bullets
    pdf = _bold_pdf(tmp_path / "report.pdf", [
        [[("Evaluation of the School Meals Programme", False)], [("", False)]]
        + [[(line.replace("•", "-"), False)] for line in text.splitlines()] for text in texts])
    items, _ = find_items(read_document(pdf), TAXONOMY)
    assert [(item.kind, item.body.split("\n")[0]) for item in items] == [
        ("lesson", "Community ownership grows where parents manage the kitchens."),
        ("lesson", "Early agreement with the ministry on the hand-over saves a year of delay."),
        ("recommendation",
         "Support the Government in making school meals a budgeted national programme by 2027."),
        ("recommendation", "Improve the targeting of households within the districts served.")]
    assert items[2].body.endswith("Responsibility: country office, with the regional bureau. Priority: high.")
    assert "1.2 Train district procurement staff in the new rules." in items[2].body


def test_a_box_of_lessons_in_the_findings_cites_the_sub_section_it_stands_in(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(pages(*INTRO, FINDINGS), encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    assert [(item.kind, item.section, item.page) for item in items] == [("lesson", "3.1", 3)] * 2
