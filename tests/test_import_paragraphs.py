"""Plain paragraphs of a recommendations chapter as items (indexer/importing/paragraphs.py), and
the bold titles that lead them (leads.run_in_title): small hand-written reports of each shape."""

from pathlib import Path

import docx

from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import find_items
from indexer.importing.leads import run_in_title
from indexer.importing.paragraphs import asks
from indexer.importing.reading import read_document
from kb.settings import ROOT

TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")


def bodies(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    items, _ = find_items(read_document(path), TAXONOMY)
    return [item.body for item in items if item.kind == "recommendation"]


def report(*chapters: str) -> str:
    """A short report: its introduction and findings, then the chapters given, one a page."""
    pages = ["1. Introduction\n\nThe programme ran in four regions from 2019 to 2023.\n",
             "2. Findings\n\nMost of the planned outputs were delivered on time and within budget.\n",
             *chapters]
    return "".join(f"Review of the Example Programme\n\n{page}\n\n{n}\n\f" for n, page in enumerate(pages, 1))


def test_a_paragraph_asks_by_its_words_or_by_opening_with_a_verb_that_asks():
    for text in ("The ministry should clarify its approach to small enterprises.",
                 "It is recommended that assistance be channelled to the two regions.",
                 "A final element that may be advisable would be the provision of short-term services.",
                 "This recommendation is to support institutional lending to small entrepreneurs.",
                 "Strengthen the monitoring system before the second phase begins.",
                 "Министерству следует уточнить подход к малым предприятиям.",
                 "Целесообразно также предусмотреть услуги опытного подрядчика.",
                 "Разработать план передачи функций местным органам власти."):
        assert asks(text), text
    for text in ("An alternative form of intervention may be preferable in view of the proposed programme.",
                 "Private agencies select the areas of interest and answer requests for assistance.",
                 "Under the programme, the fund could take the form of a cooperative agreement.",
                 "State and non-State actors who have made commitments are denoted with an asterisk.",
                 "Using the new tools, the offices reported on time.",
                 "The list is not complete. It should be noted that the names of countries only locate them.",
                 "Следует отметить, что фонд начал работу только в 2021 году.",
                 "Деятельность фонда началась в 2020 году и охватывает четыре района.",
                 "Память о прежних программах помогла партнёрам быстрее договориться."):
        assert not asks(text), text


DESIGN = ("3. Recommendations\n\n"
          "The review makes the following recommendations for the next phase.\n\n"
          "Keeping in mind that the resources available are limited, it is recommended that assistance\n"
          "be channelled to the small enterprises of the two regions most affected by the floods.\n\n"
          "The fund was established in 2020 and is still in its organisational stage. Its board sets\n"
          "policy and supervises the operating agencies that serve the enterprises.\n\n"
          "An initial intervention could take the form of a cooperative agreement with the fund. The\n"
          "agreement would provide money for matching grants administered by the agencies.\n\n"
          "The target clientele are enterprises with fewer than fifty employees, about a tenth of all\n"
          "the enterprises of the country according to the national commission.\n\n"
          "Other elements of an expanded programme should include additional funding to the fund once\n"
          "it has shown sufficient operating experience with the first agreements.\n")


def test_a_chapter_mixing_description_with_asking_paragraphs_drafts_only_those_that_ask(tmp_path):
    assert bodies(tmp_path, report(DESIGN)) == [
        "Keeping in mind that the resources available are limited, it is recommended that assistance "
        "be channelled to the small enterprises of the two regions most affected by the floods.",
        "Other elements of an expanded programme should include additional funding to the fund once "
        "it has shown sufficient operating experience with the first agreements."]


def test_a_russian_chapter_mixing_description_with_asking_paragraphs_drafts_only_those_that_ask(tmp_path):
    chapter = ("3. Рекомендации\n\nПо итогам обзора сформулированы следующие рекомендации.\n\n"
               "С учётом ограниченности ресурсов рекомендуется направить помощь малым предприятиям\n"
               "двух районов, сильнее всего пострадавших от наводнения.\n\n"
               "Фонд был создан в 2020 году и находится на этапе становления. Правление фонда\n"
               "определяет политику и контролирует работу операторов программы.\n\n"
               "Первоначальное вмешательство могло бы принять форму соглашения о сотрудничестве с\n"
               "фондом, который распределял бы гранты через операторов программы.\n\n"
               "Целевую группу составляют предприятия, в которых работает менее пятидесяти человек,\n"
               "то есть около десятой части всех предприятий страны.\n\n"
               "Разработать порядок отбора операторов до начала второго этапа программы, с учётом\n"
               "опыта первых соглашений о сотрудничестве.\n")
    found = bodies(tmp_path, report(chapter))
    assert [body.split()[0] for body in found] == ["С", "Разработать"]


def test_a_chapter_whose_paragraphs_nearly_all_ask_keeps_them_all(tmp_path):
    # One item in five says nothing that asks ("Greater attention to …"): no mix, all are items.
    chapter = ("3. Recommendations\n\nThe review makes the following recommendations.\n\n"
               "The ministry should publish the minutes of the board within a month of each meeting\n"
               "of the board, so that partners can follow its decisions.\n\n"
               "Greater attention to the gender balance of the district committees in the second phase\n"
               "of the programme, as most of their members today are men.\n\n"
               "Review the procurement rules of the field offices before the second phase begins, so\n"
               "that small suppliers can take part in the tenders.\n\n"
               "It is recommended that the donors fund the data system from a single pooled budget line\n"
               "over the whole of the second phase.\n\n"
               "The offices should train their new staff before the second phase begins, with the\n"
               "curriculum that the pilot regions tested.\n")
    assert len(bodies(tmp_path, report(chapter))) == 5


def test_a_paragraph_under_a_title_of_its_own_line_among_listed_items_is_an_item(tmp_path):
    chapter = ("3. Recommendations\n\nThe review makes the following recommendations.\n\n"
               "Housing sector\n\n"
               "• Fund the housing registry from the national budget from the second year on.\n\n"
               "• Train the staff of the registry before the second phase of the programme.\n\n"
               "Policy clarification\n\n"
               "The government and the donors should clarify their approach to the smallest\n"
               "enterprises, which today receive no assistance of any kind.\n\n"
               "Background\n\n"
               "The housing programme was designed in 2018 after the earthquakes that struck the\n"
               "south of the country and destroyed many homes.\n")
    assert bodies(tmp_path, report(chapter)) == [
        "Fund the housing registry from the national budget from the second year on.",
        "Train the staff of the registry before the second phase of the programme.",
        "The government and the donors should clarify their approach to the smallest enterprises, "
        "which today receive no assistance of any kind."]


def test_a_titled_paragraph_above_a_listed_item_of_its_sub_section_is_an_item(tmp_path):
    chapter = ("3. Recommendations\n\nThe review makes the following recommendations.\n\n"
               "Enterprise services\n\n"
               "It is recommended that the agencies develop the monitoring system of the programme\n"
               "before the second phase, with the national counterparts.\n\n"
               "• Publish the list of accredited service providers on the website of the fund.\n")
    assert sorted(body.split()[0] for body in bodies(tmp_path, report(chapter))) == ["It", "Publish"]


def test_a_paragraph_the_layout_cut_by_a_blank_line_inside_a_sentence_is_one_item(tmp_path):
    chapter = ("3. Recommendations\n\nThe review makes the following recommendations.\n\n"
               "The ministry should publish the minutes of the board within a month of each\n\n"
               "meeting, so that partners can follow its decisions.\n\n"
               "The donors should fund the data system from a single pooled budget line over the\n"
               "whole of the second phase of the programme.\n\n"
               "The offices should train their new staff before the second phase begins, with the\n"
               "curriculum that the pilot regions tested.\n")
    found = bodies(tmp_path, report(chapter))
    assert found[0] == ("The ministry should publish the minutes of the board within a month of each "
                        "meeting, so that partners can follow its decisions.")
    assert len(found) == 3


def test_a_bold_title_run_in_before_its_paragraph_leads_it_in_title_or_sentence_case():
    assert run_in_title("Home Improvement", "This recommendation is to develop a mechanism")
    assert run_in_title("Debt restructuring", "Support should be given to the matching grants")
    assert run_in_title("Ремонт жилья", "Рекомендуется поддержать кредитование малых предприятий")
    assert not run_in_title("Costs.", "The programme spent most of its budget")
    assert not run_in_title("in the regions", "Most offices reported on time")
    assert not run_in_title("Recommendation 3", "Fund the registry from the budget")
    assert not run_in_title("Phase 2", "The second phase began in 2022")
    assert not run_in_title("Third Tier (Tercer Piso)", "TAF central management sets the policy")
    assert not run_in_title("Private Operating agencies", "Selected private sector institutions link demand")


def test_a_word_paragraph_led_by_a_short_bold_title_is_an_item_like_one_led_by_a_longer_one(tmp_path):
    items = _word_items(tmp_path, [
        ("Home repair and maintenance ", "Support should be given to lending for the repair of the houses "
                                         "that small entrepreneurs work in."),
        ("Debt restructuring ", "The fund should promote the restructuring of the debts of the enterprises "
                                "that suffered losses in the floods.")])
    assert [item.body.split()[0] for item in items] == ["Home", "Debt"]


def _word_items(tmp_path, paragraphs: list[tuple[str, str]]) -> list:
    """The items found in a .docx recommendations chapter whose paragraphs are (bold, roman) runs."""
    document = docx.Document()
    document.add_heading("Recommendations", level=1)
    document.add_paragraph("The review makes the following recommendations.")
    for strong, plain in paragraphs:
        paragraph = document.add_paragraph()
        paragraph.add_run(strong).bold = True
        paragraph.add_run(plain)
    path = tmp_path / "report.docx"
    document.save(str(path))
    return find_items(read_document(path), TAXONOMY)[0]


def _tuples(*lines: tuple[str, str]) -> list:
    """A PDF textmap's (char, obj) tuples: each line's bold part, then its roman part."""
    bold, roman = {"fontname": "DejaVuSans-Bold"}, {"fontname": "DejaVuSans"}
    out: list = []
    for strong, plain in lines:
        out += [(c, bold) for c in strong] + [(c, roman) for c in plain] + [("\n", None)]
    return out[:-1]


def test_a_typed_marker_in_bold_before_a_bold_lead_is_the_lists_own_and_gets_no_bullet(tmp_path):
    from indexer.importing.leads import marked_lines

    lines = marked_lines(_tuples(("(iii) Pilot the training curriculum for local trainers. ",
                                  "The necessary resources should be found."),
                                 ("Debt restructuring ", "Support should be given to the matching grants.")))
    assert lines == ["(iii) Pilot the training curriculum for local trainers. The necessary resources should "
                     "be found.", "• Debt restructuring Support should be given to the matching grants."]
    items = _word_items(tmp_path, [
        ("(i) Fund the registry from the national budget. ", "Start in 2026."),
        ("(ii) Train the registry staff before the next phase. ", "Use the pilots.")])
    assert [item.body for item in items] == [
        "Fund the registry from the national budget. Start in 2026.",
        "Train the registry staff before the next phase. Use the pilots."]
