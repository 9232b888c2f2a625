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
