"""Rules for a report saved from a web page as plain text: a paragraph a line, headings bare.

Government evaluation reports published as web pages (Canada.ca's, say) reach the importer as
the page's text: an "On this page" or "Table of Contents" list of the headings with no page
numbers, annexes headed "Appendix 1 – Title" or "Annex A: Title", a "List of Appendices"
after the last chapter, and lists whose bullets were lost, under a line ending in a colon.
"""

from import_text import items_of

from indexer.importing.blocks import breaks

# A paragraph a line and no blank line between them, as a web page's text has them.
LESSONS = ("Plan the phase-out of a programme early, with its partners.\n"
           "Keep the performance measurement light, so that partners can use it to manage their work.\n")
LESSON_BODIES = [
    ("lesson", "Plan the phase-out of a programme early, with its partners."),
    ("lesson", "Keep the performance measurement light, so that partners can use it to manage their work.")]


def test_a_contents_list_without_page_numbers_opens_no_chapter(tmp_path):
    # Read as headings, the contents' "3. Lessons Learned" would make the executive summary
    # below it chapter 3's lessons.
    text = ("Evaluation of the Example Programme\n\nTable of Contents\n\nExecutive Summary\n\n"
            "1. Introduction\n\n2. Findings\n\n3. Lessons Learned\n\nAnnex 1: Methodology\n\n"
            "Executive Summary\n\n"
            "The programme ran from 2015 to 2020 in four provinces and reached most of its targets.\n\n"
            "Staff turnover slowed its second phase, and data on outcomes were thin in most districts.\n\n"
            "1. Introduction\n\n"
            "This report presents the evaluation of the Example Programme, as the plan required.\n\n"
            "2. Findings\n\n"
            "The programme met most of its targets, though its monitoring data were incomplete.\n\n"
            f"3. Lessons Learned\n\n{LESSONS}\n"
            "Annex 1: Methodology\n\n"
            "The evaluation used a document review, interviews and a survey of the participants.\n")
    assert items_of(tmp_path, text) == LESSON_BODIES


def _chapter_then(annex_heading: str) -> str:
    return ("1. Introduction\n\n"
            "This report presents the evaluation of the Example Programme, as the plan required.\n\n"
            f"2. Lessons Learned\n\n{LESSONS}\n{annex_heading}\n\n"
            "The evaluation used a document review, interviews and a survey of the participants.\n\n"
            "The survey reached four hundred participants, and its response rate was above half.\n")


def test_an_appendix_headed_with_a_dash_ends_the_chapter_of_items(tmp_path):
    assert items_of(tmp_path, _chapter_then("Appendix 1 – Relevance of the Programme")) == LESSON_BODIES


def test_a_lettered_annex_ends_the_chapter_of_items(tmp_path):
    assert items_of(tmp_path, _chapter_then("Annex A: Other findings")) == LESSON_BODIES


def test_the_list_of_appendices_after_the_last_chapter_ends_it(tmp_path):
    assert items_of(tmp_path, _chapter_then("List of Appendices")) == LESSON_BODIES


def test_a_line_ending_in_a_colon_over_a_capital_ends_its_paragraph():
    # A web page's list lost its bullets: the introduction ends at its colon, a line apart.
    assert breaks("Studies of such programmes highlight three lessons. They include the need to:",
                  "Define the concept of capacity with the partners, in the local context.", 90)
    assert not breaks("The evaluation covered the period from 2015 to 2020 and the four regions of",
                      "Ontario and Quebec, where the programme was delivered.", 90)


def test_a_list_introduced_by_a_colon_leaves_out_its_introduction_and_the_scene_before_it(tmp_path):
    text = ("1. Introduction\n\n"
            "This report presents the evaluation of the Example Programme, as the plan required.\n\n"
            "2. Lessons Learned\n\n"
            "The model forest approach builds the capacity to govern a landscape.\n"
            "Studies of capacity building highlight lessons. They include, with partners, to:\n"
            "Define the concept of capacity with the partners, in the local context.\n"
            "Avoid a cumbersome system of measuring the programme's performance.\n"
            "Determine, at an early stage, a phase-out plan, updated as the recipients' capacity grows.\n")
    assert [body for _, body in items_of(tmp_path, text)] == [
        "Define the concept of capacity with the partners, in the local context.",
        "Avoid a cumbersome system of measuring the programme's performance.",
        "Determine, at an early stage, a phase-out plan, updated as the recipients' capacity grows."]


# A report whose headings are not numbered: the contents, run together with the cover's last
# lines, name its chapters; the executive summary and the management response repeat the
# recommendations.
UNNUMBERED = ("Evaluation of the Example Office 2016-17 to 2021-22\nPrepared by the Office of Evaluation\n"
              "Table of contents\nExecutive summary\nProgram description\nConclusion\n"
              "Management Response and Action Plan\n\n"
              "Executive summary\n\nWhat we found\n\n"
              "The office made its guides more accessible, though partners were consulted unevenly.\n\n"
              "Recommendations\n\nRecommendation 1:\n\nExplore ways to address the engagement issues.\n\n"
              "Program description\n\n"
              "The office leads the federal work on nutrition policy and promotes healthy eating.\n\n"
              "Conclusion\n\n"
              "Many people know the guides well but do not eat as they advise, for many reasons.\n\n"
              "Recommendations\n\nRecommendation 1:\n\nExplore ways to address the engagement issues.\n\n"
              "Although engagement is a strength, a few projects would have benefited from partners.\n\n"
              "Recommendation 2:\n\nImprove performance measurement by:\n\n"
              "reassessing the indicators of the medium-term outcomes; and\n"
              "articulating how external factors affect the outcomes.\n\n"
              "Management Response and Action Plan\n\nRecommendation 1:\n\n"
              "Explore ways to address the engagement issues.\n\n"
              "The office will conduct the following activities, with its partners, from April 2023:\n\n"
              "Work to ensure that the partners are engaged early in every new project of the office.\n")


def test_the_chapters_a_contents_list_names_end_the_executive_summary(tmp_path):
    # Without the contents' chapters, "Conclusion" and what follows would stay in the summary,
    # and the summary's recommendation would stand for the chapter's.
    found = items_of(tmp_path, UNNUMBERED)
    assert found[0] == ("recommendation", "Explore ways to address the engagement issues.\n\nAlthough "
                        "engagement is a strength, a few projects would have benefited from partners.")


def test_a_management_response_chapter_the_contents_name_holds_no_items(tmp_path):
    # Its restated recommendation is no item of its own, nor are its activities.
    bodies = [body for _, body in items_of(tmp_path, UNNUMBERED)]
    assert [body.split()[0] for body in bodies] == ["Explore", "Improve"]


def test_a_contents_list_run_together_with_the_cover_still_names_the_chapters(tmp_path):
    # The cover's short lines and the contents make one block ("and the" goes on a line).
    cover = ("Evaluation of the Example Office 2016-17 to 2021-22\nHealth Canada\nand the\n"
             "Public Health Agency of Canada\nPublished:\n2023-06-12\nTable of contents\n"
             "Executive summary\nProgram description\nConclusion\nManagement Response and Action Plan\n\n")
    text = cover + UNNUMBERED.split("Management Response and Action Plan\n\n", 1)[1]
    bodies = [body for _, body in items_of(tmp_path, text)]
    assert [body.split()[0] for body in bodies] == ["Explore", "Improve"]
    assert "Although engagement" in bodies[0]


# The chapters after a summary, as the two contents-list cases below have them.
CHAPTERS = ("1. Introduction\n\n"
            "This report presents the evaluation of the Example Programme, as the plan required.\n\n"
            f"2. Lessons Learned\n\n{LESSONS}\n"
            "Annex 1: Methodology\n\n"
            "The evaluation used a document review, interviews and a survey of the participants.\n")


def test_only_the_numbered_chapters_of_a_contents_list_end_the_summary(tmp_path):
    # "Lessons Learned" listed under "Executive Summary", before "1. Introduction", is the
    # summary's part: its lessons stay summary repeats of chapter 2's.
    text = ("Evaluation Report: Example Initiative\n\nTable of Contents\n\nExecutive Summary\n\n"
            "Lessons Learned\n\n1. Introduction\n\n2. Lessons Learned\n\nAnnex 1: Methodology\n\n"
            f"Executive Summary\n\nLessons Learned\n\n{LESSONS}\n"
            + CHAPTERS)
    assert items_of(tmp_path, text) == LESSON_BODIES


def test_a_labels_item_may_open_with_a_colon_over_its_points_in_lower_case(tmp_path):
    bodies = [body for _, body in items_of(tmp_path, UNNUMBERED)]
    assert [" ".join(body.split()) for body in bodies if body.startswith("Improve")] == [
        "Improve performance measurement by: reassessing the indicators of the medium-term "
        "outcomes; and articulating how external factors affect the outcomes."]


def test_the_heading_over_the_first_paragraph_after_a_contents_list_is_the_bodys(tmp_path):
    # "Executive Summary" right below the list, over its first paragraph, is no entry of it.
    text = ("Evaluation Report: Example Initiative\n\nTable of Contents\n\n1. Introduction\n\n"
            "2. Lessons Learned\n\nAnnex 1: Methodology\n\nExecutive Summary\n\n"
            "The programme ran from 2015 to 2020 in four provinces and reached most of its targets.\n\n"
            f"Lessons Learned\n\n{LESSONS}\n"
            + CHAPTERS)
    assert items_of(tmp_path, text) == LESSON_BODIES
