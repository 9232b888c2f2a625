"""Sub-sections of items titled by a sentence of their own (indexer/importing/titles.py), and
what ends a section of items: the report's back matter, a page number left mid-page."""

from import_text import items_of

FINDINGS = ("Findings\n\nThe donors published more of their data than in any year before, and most of it "
            "to the common standard.\n\n")
TITLED = ("Recommendations\n\n"
          "If you produce data, publish it.\n\n"
          "Transparency applies to everyone. Publishers should recognise the right to information\n"
          "and publish more and better data on the growing range of aid activities.\n\n"
          "Talk to each other to share good practice and lessons with the other publishers.\n\n"
          "If you have data, use it.\n"
          "There is more and more data out there. Use it, and tell us what is still missing from it.\n\n"
          "For partner governments, that means joining the published data with budget information.\n\n"
          "If you don't have data, demand it.\n\n"
          "Governments and civil society need to work together to identify the biggest gaps and\n"
          "help to close them.\n\n")


def test_a_sentence_standing_as_a_title_leads_the_item_its_paragraphs_say_out(tmp_path):
    found = items_of(tmp_path, FINDINGS + TITLED)
    assert [(kind, body.split("\n")[0]) for kind, body in found] == [
        ("recommendation", "If you produce data, publish it."),
        ("recommendation", "If you have data, use it."),
        ("recommendation", "If you don't have data, demand it.")]
    assert found[0][1].endswith("lessons with the other publishers.")
    assert found[1][1].endswith("joining the published data with budget information.")


def test_the_back_matter_ends_the_section_of_items_above_it(tmp_path):
    text = (FINDINGS + "Recommendations\n\n"
            "1. The donors should publish their forward budgets for three years ahead.\n\n"
            "2. The donors should use their own data in their country offices.\n\n"
            "Acronyms &\n\nAcknowledgements\n\n"
            "• Bill Anderson, IATI Secretariat\n\n• Laurence Chandy, Brookings Institution\n\n"
            "AFD French Agency for Development\n\nAfDB African Development Bank\n")
    assert [body.split()[1] for _, body in items_of(tmp_path, text)] == ["donors", "donors"]


def test_a_page_number_left_mid_page_by_two_columns_is_no_items_number(tmp_path):
    # pdftotext's pages; on page 3 the left column's foot, its page number, comes before the
    # right column, whose first line the number would otherwise make a numbered paragraph.
    pages = [f" Review of the Example Programme\n\n{text}\n\n{number}\n" for number, text in (
        (1, "Introduction\n\nThe review covers the years 2012 to 2015 in four districts."),
        (2, FINDINGS.strip()), (4, "Annex 1. People met\n\nThe team met the ministry's staff."),
        (5, "Annex 2. Documents\n\nThe team read the programme's reports."))]
    third = (" Review of the Example Programme\n\nRecommendations\n\n"
             "If you produce data, publish it.\n\n"
             "Transparency applies to everyone. Publishers should recognise the right to information\n"
             "and publish more and better data on the growing range of aid activities.\n\n"
             "If you have data, use it.\n\n"
             "There is more and more data out there. Use it, and tell us what is still missing from it.\n\n"
             "3\n"
             "If you don't have data, demand it.\n\n"
             "Governments and civil society need to work together to identify the biggest gaps and\n"
             "help to close them.\n")
    text = "\f".join([*pages[:2], third, *pages[2:]])
    found = items_of(tmp_path, text)
    assert [body.split("\n")[0] for _, body in found] == [
        "If you produce data, publish it.", "If you have data, use it.", "If you don't have data, demand it."]


POINTS = ("• Many donors are still dragging their feet and have made limited progress since the\n"
          "  last forum in the capital.\n\n"
          "• All organisations should make their plans public and publish their schedules with\n"
          "  specific timelines and delivery targets.\n\n"
          "• Build the standard into the information management systems and automate publication.\n\n"
          "Annex 1. People met\n\nThe team met the ministry's staff in the four districts.\n")


def test_in_conclusions_with_recommendations_a_bullet_that_asks_nothing_is_a_conclusions_point(tmp_path):
    found = items_of(tmp_path, FINDINGS + "Conclusions and recommendations\n\n" + POINTS)
    assert [body.split()[0] for _, body in found] == ["All", "Build"]


def test_under_a_line_naming_them_every_bullet_is_a_recommendation_until_the_next_conclusion(tmp_path):
    # "Conclusion 2: …", its findings, then "Recommendations:" over bullets: those bullets are
    # the recommendations whether their words ask or not ("Link to …", "More investment is
    # needed …"); the next conclusion's bullets are its points again.
    concluded = ("Conclusion 2: The number of victims of trafficking is growing every year.\n\n"
                 "The working group met twice and its members shared their case data.\n\n"
                 "Recommendations:\n\n"
                 "• Link to the hot-spots areas to include the participation and needs of the\n"
                 "  communities in the planning of the next phase.\n\n"
                 "• More investment in the capacity of the social welfare department for case\n"
                 "  management and victim support in future interventions.\n\n"
                 "Conclusion 3: Stakeholders' outputs were added to the national plan.\n\n" + POINTS)
    found = items_of(tmp_path, FINDINGS + "Conclusions and recommendations\n\n" + concluded)
    assert [body.split()[0] for _, body in found] == ["Link", "More", "All", "Build"]


def test_a_title_cut_after_its_ampersand_goes_on_on_the_next_line(tmp_path):
    found = items_of(tmp_path, FINDINGS + "Conclusions &\n\nRecommendations\n\n" + POINTS)
    assert [body.split()[0] for _, body in found] == ["All", "Build"]
