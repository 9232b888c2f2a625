"""`kb import` names the report's organisation from its cover: NGOs, banks and donors too."""

import re

import yaml
from import_text import TAXONOMY

from indexer.importing.organisations import name_patterns
from indexer.importing.reading import read_document
from indexer.importing.records import guess_organisation, record_import

ORGANISATIONS = TAXONOMY.vocabularies["organisations"]

# An NGO's evaluation of the project a donor funded: the NGO on the cover and on every page.
CARE_COVER = ("Final Evaluation of the Clean Water, Healthy Schools Project\n"
              "CARE International in Tajikistan\nFunded by the European Union\n\f"
              + "CARE International in Tajikistan | Final Evaluation\nThe project rehabilitated "
              "water and sanitation in 48 schools, as the European Union agreed.\n\f" * 3)
NGO_COVER = ("Отчёт о независимой оценке проекта «Поддержка семей трудовых мигрантов»\n"
             "Общественный фонд «Ресурсный центр для пожилых»\n"
             "Проект финансировался Европейским союзом\n\f"
             + "ОФ «Ресурсный центр для пожилых» — Оценка проекта\nПроект работал в 12 айылных "
             "аймаках.\n\f" * 3)


def test_an_ngo_on_the_cover_and_every_page_is_the_reports_organisation_not_its_donor():
    assert guess_organisation(CARE_COVER) == ""         # no vocabulary, no organisation known
    assert guess_organisation(CARE_COVER, ORGANISATIONS) == "care"
    assert guess_organisation(NGO_COVER, ORGANISATIONS) == "national-ngo"


def test_russian_names_are_known_in_their_cases_and_abbreviations_in_brackets():
    text = ("Оценка проекта Глобального экологического фонда (ГЭФ) в Казахстане. "
            "Проект ГЭФ работал в трёх областях.")
    assert guess_organisation(text, ORGANISATIONS) == "gef"
    text = "Evaluation commissioned by Sida. Sida funded the programme from 2018 to 2022."
    assert guess_organisation(text, ORGANISATIONS) == "sida"


def test_a_name_is_matched_as_written_not_as_a_phrase_of_the_same_words():
    patterns = name_patterns(ORGANISATIONS)
    text = "The campaign aimed to save the children of migrants from leaving school. " * 3
    assert not re.search(patterns["save-the-children"], text)
    assert guess_organisation(text, ORGANISATIONS) == ""


def test_a_new_record_names_the_organisation_of_the_vocabulary(tmp_path):
    path = tmp_path / "care-tajikistan-2022.txt"
    path.write_text(CARE_COVER, encoding="utf-8")
    result = record_import(read_document(path), "care-tajikistan-2022", tmp_path / "reports",
                           organisations=ORGANISATIONS)
    assert yaml.safe_load(result.path.read_text(encoding="utf-8"))["organisation"] == "care"


def test_a_word_documents_cover_naming_the_ngo_once_still_names_it():
    # A .docx keeps its running header apart from the text: the cover names the NGO once.
    text = ("Final Evaluation of the Clean Water, Healthy Schools Project\n"
            "CARE International in Tajikistan\nFunded by the European Union\n\n"
            + "The project rehabilitated water and sanitation in 48 schools of two districts. " * 30)
    assert guess_organisation(text, ORGANISATIONS) == "care"


def test_an_abbreviation_is_matched_whole_not_as_the_start_of_another():
    # «ОО» (a public association) is not the start of «ООН» or «ООП».
    text = ("Оценка программы ЮНИСЕФ по инклюзивному образованию\n"
            + "Дети с ООП учатся в школах; агентства ООН поддерживают программу. " * 5)
    assert guess_organisation(text, ORGANISATIONS) == "unicef"


def test_a_labels_un_is_also_the_united_nations_written_out():
    text = ("United Nations Sustainable Development Group\nSystem-wide Evaluation Office\n"
            "Report of the Executive Director\n" + "The Office assessed system-wide contributions. " * 5)
    assert guess_organisation(text, ORGANISATIONS) == "unsdg"
    text = ("Доклад Управления Организации Объединённых Наций по наркотикам и преступности\n"
            + "Программа работала в трёх областях. " * 5)
    assert guess_organisation(text, ORGANISATIONS) == "unodc"


def test_the_inspection_body_whose_report_it_is_outweighs_the_organisation_it_reviews():
    # A review names its subject on every page; the cover names its author once or twice.
    text = ("JIU/REP/2025/1\nReview of management and administration in the United Nations\n"
            "Population Fund (UNFPA)\nReport of the Joint Inspection Unit\n\f"
            + "The United Nations Population Fund (UNFPA) has six regional offices. UNFPA staff "
            "were interviewed.\n\f" * 6)
    assert guess_organisation(text, ORGANISATIONS) == "jiu"
    russian = ("Обзор управления и административного руководства в ЮНФПА\nДоклад Объединённой "
               "инспекционной группы\n\f" + "ЮНФПА имеет шесть региональных отделений. ЮНФПА.\n\f" * 6)
    assert guess_organisation(russian, ORGANISATIONS) == "jiu"


def test_a_campaign_describing_itself_or_its_copyright_outweighs_the_donors_it_ranks():
    ranked = "The European Union (EU) scored 60%. The EU published quarterly. The EU.\n\f" * 5
    described = ("Aid Transparency Index 2014\n\fPublish What You Fund is the global campaign for "
                 "aid transparency.\n\f" + ranked)
    assert guess_organisation(described, ORGANISATIONS) == "publish-what-you-fund"
    copyright_line = "Aid Transparency Index\n\fCopyright: Publish What You Fund 2016.\n\f" + ranked
    assert guess_organisation(copyright_line, ORGANISATIONS) == "publish-what-you-fund"


def test_the_reports_of_another_body_that_a_response_answers_do_not_make_it_their_author():
    # "the reports and note of the JIU issued in 2024", "reports issued by JIU": the reports
    # answered, not this one; UNICEF, named on the cover and throughout, responds.
    text = ("UNICEF report on the recommendations of the Joint Inspection Unit\n\f"
            "UNICEF response to relevant reports publicly issued by JIU in 2024, the reports and "
            "note of the Joint Inspection Unit (JIU).\n\f" + "UNICEF agrees. UNICEF will act.\n\f" * 3)
    assert guess_organisation(text, ORGANISATIONS) == "unicef"


def test_a_bodys_draft_report_by_its_rapporteur_is_the_bodys_not_the_report_it_considers():
    text = ("United Nations  E/AC.51/2025/L.4/Add.3\nEconomic and Social Council\n"
            "Committee for Programme and Coordination\nSixty-fifth session\nDraft report\n"
            "Rapporteur: Mr. A. B. (Cameroon)\nReport of the Office of Internal Oversight Services on "
            "the triennial review\n\f" + "The Committee considered the report of OIOS. OIOS found.\n\f" * 3)
    assert guess_organisation(text, ORGANISATIONS) == "cpc"
