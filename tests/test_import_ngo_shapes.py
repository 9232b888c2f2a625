"""Importer rules for shapes of NGO and project reports found among the PDFs of the mirrors
(session 13: an NGO's annual report, a draft policy review for a UN agency): a symbol font's
bullet glyphs, a two-column table of numbered recommendations beside their expected results.
Each on a small hand-written layout text of the shape, in English and in Russian."""

import pytest
from import_text import items_of, pages

# Wingdings' arrow and check mark as pdftotext gives them: characters of the private use area;
# a glyph its font maps to no character, as pdfplumber (our PDF reading) names it.
ARROW, CHECK, UNMAPPED = "\uf0d8", "\uf0fc", "(cid:3)"

GLYPH_LESSONS = {
    "en": ("2 CHALLENGES\n\nLate disbursements delayed the activities in two districts.\n\n"
           "3 KEY LESSONS LEARNT\n"
           "  {g} Gender equity and ICT: The promotion of girls requires more attention and\n"
           "    creative measures to achieve a balanced access to the centres.\n"
           "  {g} Partnership approach: Working with the councils improved the sharing of\n"
           "    expertise between the partners.\n"
           "  {g} The conservation systems of the two countries are different.\n\n"
           "4 CONCLUSION\n\nMost activities were implemented as planned.\n",
           ["Gender equity and ICT: The promotion of girls requires more attention and creative "
            "measures to achieve a balanced access to the centres.",
            "Partnership approach: Working with the councils improved the sharing of expertise "
            "between the partners.",
            "The conservation systems of the two countries are different."]),
    "ru": ("2 ПРОБЛЕМЫ\n\nЗадержки финансирования замедлили работу в двух районах.\n\n"
           "3 ИЗВЛЕЧЕННЫЕ УРОКИ\n"
           "  {g} Гендерное равенство: Продвижение девочек требует большего внимания и\n"
           "    творческих мер для равного доступа к центрам.\n"
           "  {g} Партнёрский подход: Работа с советами улучшила обмен опытом между\n"
           "    партнёрами.\n"
           "  {g} Системы охраны природы двух стран различаются.\n\n"
           "4 ЗАКЛЮЧЕНИЕ\n\nБольшинство мероприятий выполнено по плану.\n",
           ["Гендерное равенство: Продвижение девочек требует большего внимания и творческих мер "
            "для равного доступа к центрам.",
            "Партнёрский подход: Работа с советами улучшила обмен опытом между партнёрами.",
            "Системы охраны природы двух стран различаются."]),
}


@pytest.mark.parametrize("lang", GLYPH_LESSONS)
@pytest.mark.parametrize("glyph", ["•", ARROW, CHECK, UNMAPPED])
def test_a_symbol_fonts_bullet_glyphs_mark_the_items_of_a_list(tmp_path, lang, glyph):
    text, bodies = GLYPH_LESSONS[lang]
    intro = {"en": "1 INTRODUCTION\n\nThe report covers the year.\n\n",
             "ru": "1 ВВЕДЕНИЕ\n\nОтчёт охватывает год.\n\n"}[lang]
    body = intro + text.format(g=glyph)
    assert items_of(tmp_path, pages(body)) == [("lesson", b) for b in bodies]


# Two ruled tables "Recommendation on key performance area | Expected Results": the numbered
# recommendations in the left column, each table after its section's findings (whose titles
# name the findings first), the bigger one with rows titling groups of rows, going on over a
# page break without its header, then a numbered chapter whose list is no item.
TABLES = {
    "en": (
        "3.2. Findings and Recommendations of Disaster Risk Reduction\n\n"
        "The ministries coordinate poorly and the plans have no budget of their own at any level.\n\n"
        "Recommendation on key performance area                      Expected Results\n"
        "1. Sector adaptation policies and programs can be           Overarching of policies or planning\n"
        "   integrated into the national action plan                 of the sector\n\n"
        "The national adaptation programme covers thirty priority activities in eight sectors of\n"
        "the economy and was formulated with the support of the programme partners in 2012.\n\n"
        "3.3. Findings and Recommendations of the Fisheries Sector\n\n"
        "The sector has not integrated climate risks into its strategies and its policies yet.\n\n"
        "Recommendation on key performance areas                     Expected Results\n"
        "Policy and Institutional level\n"
        "2. Develop sector adaptation policies and programs          Sector adaptation policies\n"
        "    in line with the fisheries laws to ensure each          Review of sector laws\n"
        "    sector functions to be more resilient.                  Coordination unit in place\n"
        "3. Establish a coordination mechanism among the key\n"
        "    ministries (agriculture, forestry, water)\n"
        "Response and Recovery\n"
        "4. Form an emergency response team within the               Team in place\n"
        "    sector in case of emergency\n"
        "5. Review the current land and water use policies to        Review of land and water\n"
        "    support adaptation actions such as flexible land        use policies\n",
        "    use planning and integrated rice-fish systems\n"
        "Gender Inclusion\n"
        "6. Develop gender initiative practices and plans            Gender action plan developed\n"
        "Funding Mechanism\n"
        "7. Develop an adaptation budget together with the           Adaptation funds developed\n"
        "    national sector budget\n\n"
        "4. Conclusion\n\n"
        "Adaptation initiatives can be applied by the project in\n\n"
        "    (i)      inland aquaculture\n"
        "    (ii)     marine aquaculture\n",
        ["Sector adaptation policies and programs can be integrated into the national action plan",
         "Develop sector adaptation policies and programs in line with the fisheries laws to ensure "
         "each sector functions to be more resilient.",
         "Establish a coordination mechanism among the key ministries (agriculture, forestry, water)",
         "Form an emergency response team within the sector in case of emergency",
         "Review the current land and water use policies to support adaptation actions such as "
         "flexible land use planning and integrated rice-fish systems",
         "Develop gender initiative practices and plans",
         "Develop an adaptation budget together with the national sector budget"]),
    "ru": (
        "3.2. Выводы и рекомендации по снижению риска бедствий\n\n"
        "Министерства плохо согласуют работу, и у планов нет собственного бюджета ни на одном уровне.\n\n"
        "Рекомендация по ключевой области                            Ожидаемые результаты\n"
        "1. Политику адаптации сектора следует включить              Общая политика и планирование\n"
        "   в национальный план действий                             сектора\n\n"
        "Национальная программа адаптации охватывает тридцать приоритетных мер в восьми секторах\n"
        "экономики и была подготовлена при поддержке партнёров программы в 2012 году.\n\n"
        "3.3. Выводы и рекомендации по сектору рыболовства\n\n"
        "Сектор ещё не учёл климатические риски в своих стратегиях и своей политике.\n\n"
        "Рекомендации по ключевым областям                           Ожидаемые результаты\n"
        "Политика и институты\n"
        "2. Разработать политику адаптации сектора в                 Политика адаптации сектора\n"
        "    соответствии с законами о рыболовстве, чтобы            Обзор законов сектора\n"
        "    сектор стал устойчивее.                                 Группа координации создана\n"
        "3. Создать механизм координации между ключевыми\n"
        "    министерствами (сельское хозяйство, леса, вода)\n"
        "Реагирование и восстановление\n"
        "4. Создать группу реагирования на чрезвычайные              Группа создана\n"
        "    ситуации в секторе\n"
        "5. Пересмотреть политику землепользования и                 Обзор политики\n"
        "    водопользования в поддержку мер адаптации,              землепользования\n",
        "    таких как гибкое планирование земель\n"
        "Гендерное равенство\n"
        "6. Разработать гендерные практики и планы                   Гендерный план разработан\n"
        "Механизм финансирования\n"
        "7. Разработать бюджет адаптации вместе с                    Фонды адаптации созданы\n"
        "    национальным бюджетом сектора\n\n"
        "4. Заключение\n\n"
        "Меры адаптации могут применяться проектом в\n\n"
        "    (i)      пресноводной аквакультуре\n"
        "    (ii)     морской аквакультуре\n",
        ["Политику адаптации сектора следует включить в национальный план действий",
         "Разработать политику адаптации сектора в соответствии с законами о рыболовстве, чтобы "
         "сектор стал устойчивее.",
         "Создать механизм координации между ключевыми министерствами (сельское хозяйство, леса, вода)",
         "Создать группу реагирования на чрезвычайные ситуации в секторе",
         "Пересмотреть политику землепользования и водопользования в поддержку мер адаптации, "
         "таких как гибкое планирование земель",
         "Разработать гендерные практики и планы",
         "Разработать бюджет адаптации вместе с национальным бюджетом сектора"]),
}


@pytest.mark.parametrize("lang", TABLES)
def test_a_table_of_numbered_recommendations_beside_their_expected_results(tmp_path, lang):
    first, second, bodies = TABLES[lang]
    intro = ("1. Introduction\n\nThe review supports the design of the project.\n\n"
             "2. Methodology\n\nThe review read the laws and met the ministries.\n")
    found = items_of(tmp_path, pages(intro, first, second))
    assert found == [("recommendation", b) for b in bodies]
