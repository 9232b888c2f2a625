"""Importer rules for shapes of UN official documents (annual oversight reports, the reports
of review bodies), each on a small hand-written text of the shape it is for."""

from import_text import items_of, pages

CONTENTS = ("Contents\n\nI.     Introduction                                                     5\n"
            "II.    Mandate ........................................................... 5\n"
            "III.   Audit activities and results .................................... 10\n\n"
            "Annexes\n      1.     The charter of the office\n"
            "      2.     Basis of the opinion on governance, risk management and control\n\n")
PARAGRAPHS = "".join(f"{n}. The office issued its reports on the audit plan of the year on time and\n"
                     f"discussed each of them with management before it was published.\n\n"
                     for n in range(2, 6))
GOOD_PRACTICES = ("A. Good practices\n"
                  "6. The office identified and shared with management 41 good practices, which could be\n"
                  "adopted by other business units of the organization.\n"
                  "7. Good practices common among country offices included the following:\n"
                  " (a)  Fourteen country offices sustained close relationships with other agencies by\n"
                  " taking part in inter-agency working groups;\n"
                  " (b)  Eight country offices kept close engagement with existing and potential donors,\n"
                  " raising significant resources in the process.\n\n"
                  "B. Report ratings\n"
                  "8. Ratings for the audits concluded in the year are summarized in table 3 below.\n")
FOUND = [("good-practice", "Fourteen country offices sustained close relationships with other agencies "
                           "by taking part in inter-agency working groups"),
         ("good-practice", "Eight country offices kept close engagement with existing and potential donors, "
                           "raising significant resources in the process.")]


def test_chapter_one_listed_without_leaders_in_the_contents_starts_the_body_not_an_annex(tmp_path):
    # The contents list "I. Introduction" with no leaders, then the annexes by number: the body's
    # own "I. Introduction" is its first chapter again, not a chapter out of sequence (an annex).
    text = pages(CONTENTS, "I. Introduction\n1. This report summarizes the audits of the year.\n\n"
                 "II. Mandate\n" + PARAGRAPHS, "III. Audit activities and results\n" + GOOD_PRACTICES)
    assert items_of(tmp_path, text) == FOUND


def test_a_roman_chapters_title_wrapped_onto_a_second_line_keeps_the_chapters_in_sequence(tmp_path):
    # "II." is longer than a line, however many letters: "III." after it is the next chapter,
    # not one out of sequence after the contents' annexes (an annex).
    text = pages(CONTENTS, "I. Introduction\n1. This report summarizes the audits of the year.\n\n"
                 "II. Statement of the office’s independence and conformance to internal audit\n"
                 "    standards and investigation principles\n" + PARAGRAPHS,
                 "III. Audit activities and results\n" + GOOD_PRACTICES)
    assert items_of(tmp_path, text) == FOUND


def test_a_sections_first_running_paragraph_that_counts_its_items_introduces_them(tmp_path):
    # Paragraphs numbered through the report (more than ten in sequence): a section's first
    # paragraph is an item unless it introduces; "identified ... 41 good practices" does.
    many = "".join(f"{n}. The office completed engagement {n} of the plan and reported on it to the\n"
                   f"board at its next regular session in the year.\n\n" for n in range(2, 14))
    shifted = GOOD_PRACTICES.replace("6. ", "14. ").replace("7. ", "15. ").replace("8. ", "16. ")
    text = pages("I. Introduction\n1. This report summarizes the audits of the year.\n\n" + many,
                 "II. Audit activities and results\n" + shifted)
    assert items_of(tmp_path, text) == FOUND


CONCLUSIONS = pages(
    "Programme 1\nGeneral Assembly affairs and conference management\n\n"
    "32. At its 17th meeting, the Committee considered programme 1 of the proposed programme plan.\n\n"
    "Discussion\n33. Delegations expressed support for the Department and its work on meetings.\n\n"
    "Conclusions and recommendations\n"
    "34. The Committee welcomed with appreciation and commended the efforts of the Department\n"
    "in managing and supporting United Nations conferences and meetings.\n"
    "35. The Committee recommended that the General Assembly approve the programme narrative\n"
    "of programme 1 of the proposed programme budget for 2026.\n\n"
    "Programme 2\nPolitical affairs\n\n"
    "36. At its 18th meeting, the Committee considered programme 2 of the proposed programme plan.\n\n"
    "Discussion\n37. A delegation noted the regional training and a more results-oriented approach\n"
    "was recommended for the assessment framework of the subprogramme.\n")


def test_a_conclusions_and_recommendations_heading_holds_items_only_where_it_recommends(tmp_path):
    # The heading of a review body's conclusions on an agenda item ("Conclusions and
    # recommendations", unnumbered): its paragraphs that ask are the items, the ones that only
    # conclude ("welcomed … commended") are not, and the next agenda item's heading ends it.
    assert items_of(tmp_path, CONCLUSIONS) == [
        ("recommendation", "The Committee recommended that the General Assembly approve the programme "
                           "narrative of programme 1 of the proposed programme budget for 2026.")]
