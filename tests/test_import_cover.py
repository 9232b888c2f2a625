"""The draft record's title and year, read from the report's cover (indexer/importing/cover.py)."""

from __future__ import annotations

import datetime

import pytest
import yaml
from test_pdf_reading import draw

from indexer.importing.cover import cover_year, is_furniture, text_title
from indexer.importing.reading import read_document
from indexer.importing.records import record_import

TODAY = datetime.date(2026, 12, 1)


@pytest.mark.parametrize("line", [
    "United Nations", "Economic and Social Council", "E/ICEF/2025/23", "DP /2025/14", "Distr.: General",
    "Original: English", "10 April 2025", "Item 16 of the provisional agenda", "Annual session 2025",
    "Submitted by:", "Email: someone@example.org", "someone@example.org", "2016", "A E",
    "Table of contents", "Содержание", "Генеральная Ассамблея", "Acknowledgements ............ 3",
    "I. Introduction",
])
def test_the_furniture_of_a_cover_is_not_its_title(line):
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Annual report on evaluation, 2024", "Final Evaluation of the Clean Water Project",
    "Оценка программы ЮНИСЕФ по инклюзивному образованию", "Evaluation of UNHCR's data use",
])
def test_a_title_line_is_not_furniture(line):
    assert not is_furniture(line)


def test_the_year_is_the_covers_date_not_a_period_nor_a_target():
    cover = ["Final evaluation of the Reintegration Project",
             "Project Period:   15 December 2020 – 15 December 2022",
             "Date of the Evaluation   February 2023", "Towards the goals of 2030"]
    assert cover_year([cover], "Final evaluation of the Reintegration Project", TODAY) == 2023


def test_a_russian_date_gives_the_year():
    assert cover_year([["Отчёт об итоговой оценке проекта", "Бишкек, март 2021 г."]], "", TODAY) == 2021


def test_without_a_date_the_title_names_the_year_then_the_latest_past_year():
    assert cover_year([["AID TRANSPARENCY INDEX 2014", "for 2015 and 2030"]], "Aid Transparency Index 2014",
                      TODAY) == 2014
    assert cover_year([["The programme ran from 2009-10 to 2013-14", "targets for 2030"]], "", TODAY) == 2014
    assert cover_year([["No year at all"]], "", TODAY) is None


def test_a_date_in_the_future_is_not_the_reports():
    assert cover_year([["Strategic plan, December 2029", "Issued 3 March 2025"]], "", TODAY) == 2025


def test_a_text_cover_skips_the_un_furniture_and_the_senders_address():
    un = ["United Nations                                     E/ICEF/2025/23",
          "Economic and Social Council                        Distr.: General",
          "                                                   12 April 2025",
          "", "Annual report for 2024 on the evaluation", "function in UNICEF", "", "", "Summary"]
    assert text_title([un]) == "Annual report for 2024 on the evaluation function in UNICEF"
    sender = ["Submitted by:", "Jane Evaluator", "Email: jane@example.org", "", "",
              "Zambezi Valley Child Protection Project", "End of Term Evaluation"]
    assert text_title([sender]) == "Zambezi Valley Child Protection Project End of Term Evaluation"


def test_a_pdf_cover_gives_its_largest_type_past_the_issuers_block(tmp_path):
    """A UN document's cover: the issuer's name in large type, run over lines, the symbol in the
    largest, the date in small type between; the title below it in its own type."""
    cover = [(40, 790, "DP", "Helvetica", 20), (70, 790, "/2025/14", "Helvetica", 12),
             (140, 786, "United Nations", "Helvetica", 14),
             (40, 750, "Executive Board of the", "Helvetica-Bold", 17),
             (400, 750, "Distr.: General", "Helvetica", 10),
             (400, 738, "27 February 2025", "Helvetica", 10),
             (40, 731, "United Nations Development", "Helvetica-Bold", 17),
             (40, 712, "Programme and the United Nations", "Helvetica-Bold", 17),
             (40, 693, "Population Fund", "Helvetica-Bold", 17),
             (40, 640, "Annual report on evaluation,", "Helvetica-Bold", 16),
             (40, 622, "2024", "Helvetica-Bold", 16),
             (40, 560, "I. Introduction", "Helvetica-Bold", 16),
             (40, 540, "The present report covers the work of the office in the year.", "Helvetica", 10)]
    body = [(40, 700, "The evaluation office completed twelve evaluations this year.", "Helvetica", 10)]
    path = draw(tmp_path / "annual-report.pdf", [cover, body])
    document = read_document(path)
    assert document.title == "Annual report on evaluation, 2024"
    record = record_import(document, "undp-annual-report-2024", tmp_path / "reports")
    data = yaml.safe_load(record.path.read_text(encoding="utf-8"))
    assert data["title"]["en"] == "Annual report on evaluation, 2024" and data["year"] == 2025


@pytest.mark.parametrize("line", [
    "Draft report", "Final Report", "Project Summary", "Executive summary", "Резюме", "Проект доклада",
    "Click to access the full report March 2023",
])
def test_a_parts_or_a_drafts_label_alone_is_not_a_title(line):
    assert is_furniture(line)


BODY = [(40, 300 - 12 * n, "The evaluation looked at the programme's work in four districts over time.",
         "Helvetica", 10) for n in range(12)]


def test_a_one_word_sidebar_heading_in_larger_type_gives_way_to_the_title(tmp_path):
    """A review's highlights: the title in 14-point capitals, the sidebar's headings in 17."""
    cover = [(40, 790, "Review Highlights JIU/NOTE/2022/1", "Helvetica", 9),
             (40, 740, "MEASURES FOR ADDRESSING RACISM", "Helvetica-Bold", 14),
             (40, 722, "IN THE UN SYSTEM ORGANIZATIONS", "Helvetica-Bold", 14),
             (40, 650, "Background", "Helvetica-Bold", 17), (300, 650, "Findings", "Helvetica-Bold", 17),
             *BODY]
    document = read_document(draw(tmp_path / "highlights.pdf", [cover, BODY]))
    assert document.title == "MEASURES FOR ADDRESSING RACISM IN THE UN SYSTEM ORGANIZATIONS"


def test_the_issuers_name_alone_is_passed_over_for_the_title(tmp_path):
    """The issuing organisation's name set larger than the title (the vocabulary knows it):
    the title is the next candidate, as a PDF and as a text file."""
    cover = [(40, 760, "United Nations Population Fund", "Helvetica-Bold", 18),
             (40, 720, "Annual report on the evaluation function, 2024", "Helvetica-Bold", 15), *BODY]
    organisations = {"unfpa": {"en": "United Nations Population Fund (UNFPA)",
                               "ru": "Фонд ООН в области народонаселения (ЮНФПА)"}}
    pdf = read_document(draw(tmp_path / "annual.pdf", [cover, BODY]))
    text = tmp_path / "annual.txt"
    text.write_text("\n".join(["United Nations Population Fund", "", "",
                               "Annual report on the evaluation function, 2024", "", "",
                               "The evaluation looked at the programme's work in four districts."]),
                    encoding="utf-8")
    for document, slug in ((pdf, "unfpa-annual-pdf"), (read_document(text), "unfpa-annual-txt")):
        record = record_import(document, slug, tmp_path / "reports", organisations=organisations)
        data = yaml.safe_load(record.path.read_text(encoding="utf-8"))
        assert data["title"]["en"] == "Annual report on the evaluation function, 2024", slug


def test_a_data_sheet_cover_gives_no_title_and_the_running_header_does(tmp_path):
    """An IOM evaluation's first page is its project's data sheet ("Executing Organization:",
    "Project Period:"), its next the acronyms; the report names itself in the running header
    of every page after them."""
    sheet = ["    Project Summary",
             "Executing Organization:       International Organization for Migration (IOM)", "",
             "Project Identification and", "                              NG20P0517 / RR.0163",
             "Contract Numbers", "",
             "Project Period:               15 December 2020 – 15 December 2022", "",
             "Geographical Coverage:        Nigeria", "", "Date of the Evaluation        February 2023"]
    header = "          Nigeria: Strengthening Reintegration for Returnees – Ex-Post Evaluation"
    pages = [sheet, ["ACRONYMS", "AVM      Assistance to Vulnerable Migrants"]]
    pages += [[header, "", f"{n}. The project worked with returnees in Lagos and Benin City.", "",
               f"                                   {n}"] for n in range(1, 6)]
    path = tmp_path / "ex-post.txt"
    path.write_text("\f".join("\n".join(lines) for lines in pages), encoding="utf-8")
    record = record_import(read_document(path), "iom-ex-post", tmp_path / "reports")
    data = yaml.safe_load(record.path.read_text(encoding="utf-8"))
    assert data["title"]["en"] == "Nigeria: Strengthening Reintegration for Returnees – Ex-Post Evaluation"


def test_a_year_alone_in_display_type_is_the_covers_before_the_years_its_text_names():
    cover = ["AID TRANSPARENCY", "INDE X", "2 016", "Launched in 2008, we campaign for aid transparency."]
    assert cover_year([cover, ["The 2017 index will follow."]], "", TODAY) == 2016


def test_a_publishers_self_description_set_large_is_no_title(tmp_path):
    """An inside cover's paragraph in 20-point type, the title in 16 below it."""
    blurb = ["Publish What You Fund is the global campaign for", "aid transparency. We work to make",
             "information on aid flows open by default."]
    cover = [(40, 780 - 24 * n, line, "Helvetica", 20) for n, line in enumerate(blurb)]
    cover += [(40, 600, "Aid Transparency Index 2016", "Helvetica-Bold", 16), *BODY]
    document = read_document(draw(tmp_path / "index.pdf", [cover, BODY]))
    assert document.title == "Aid Transparency Index 2016"


@pytest.mark.parametrize("line", ["/HRC/59/60", "DP/ 2025/8", "GEGN.2"])
def test_a_symbol_broken_across_cells_is_furniture(line):
    assert is_furniture(line)


def test_the_issuers_name_broken_over_two_lines_is_no_title():
    cover = ["UNITED                                   A", "NATIONS", "", "General Assembly", "",
             "Report of the Special Committee on Decolonization", "", ""]
    assert text_title([cover]) == "Report of the Special Committee on Decolonization"


def test_a_typewritten_cover_gives_its_title_in_capitals_at_the_bodys_size(tmp_path):
    """A 1990s UN document: the issuer in 13.5 points, over two lines; everything else in the
    typewriter's 10, the title in capitals."""
    cover = [(40, 800, "UNITED", "Courier", 13.5), (40, 785, "NATIONS", "Courier", 13.5),
             (300, 790, "A", "Helvetica-Bold", 36), (40, 740, "General Assembly", "Helvetica-Bold", 16),
             (400, 720, "A/48/653", "Courier", 10), (400, 708, "29 November 1993", "Courier", 10),
             (40, 660, "ACTIVITIES OF THOSE FOREIGN ECONOMIC AND OTHER", "Courier", 10),
             (40, 648, "INTERESTS WHICH IMPEDE DECOLONIZATION", "Courier", 10),
             (40, 620, "Report of the Fourth Committee on the question of the Territories.", "Courier", 10),
             *[(40, 600 - 12 * n, "The Committee considered the item at its meetings in October.",
                "Courier", 10) for n in range(20)]]
    document = read_document(draw(tmp_path / "typewritten.pdf", [cover, BODY]))
    assert document.title == ("ACTIVITIES OF THOSE FOREIGN ECONOMIC AND OTHER INTERESTS WHICH IMPEDE "
                              "DECOLONIZATION")
