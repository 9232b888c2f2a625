"""Plain text laid out by `pdftotext -layout` with no blank lines or bold left to part its
items (indexer/importing/blocks.py): small hand-written reports of each shape."""

from import_text import items_of, pages

# A page of two columns of prose (the gutter at 64), then a line across the whole page.
COLUMNS = [f"{left:<64}{right}" for left, right in (
    ("The review covered the eight organizations of the system", "Its survey reached staff of every grade"),
    ("and the measures each has taken since the last review.", "in each of the eight organizations, and"),
    ("It drew on documents, interviews and a survey of staff", "the interviews covered their managers"),
    ("whose answers were weighed against the documents.", "and the heads of human resources."))]
ACROSS = "Across the whole page, the methods of the review are set out in full for every reader here."
INTRO = " 1. Introduction\n The programme ran for four years in three districts."


def test_a_lone_one_line_paragraph_between_items_of_several_lines_goes_on_the_one_above(tmp_path):
    # The bold that led each item is gone; the follow-on sentence the report set as a paragraph
    # of its own is one line between two items of several lines.
    section = (" 2. Recommendations\n The evaluation makes the following recommendations.\n"
               "     It is recommended that the project team pilot the risk register of the project,\n"
               "     so that decisions are taken on the basis of evidence. The necessary resources\n"
               "     should be included in the next annual work plan.\n"
               "     Lessons from the pilot regions should inform the national roll-out.\n"
               "     Local authorities should, as a priority, finance the use of digital tools in case\n"
               "     management, in order to secure the participation of women and young\n"
               "     people. The necessary resources should be included in the next annual work plan.\n")
    found = items_of(tmp_path, pages(INTRO, section))
    assert [body.split()[:2] for _, body in found] == [["It", "is"], ["Local", "authorities"]]
    assert found[0][1].endswith("should inform the national roll-out.")


def test_a_run_of_one_line_paragraphs_is_a_list_of_one_sentence_items(tmp_path):
    section = (" 2. Lessons learned\n The following lessons can be drawn from the experience.\n"
               "     Where the partners shared one database, duplicated assistance to the same families\n"
               "     of refugees fell markedly over the three years of the programme.\n"
               "     Small grants work best when they are combined with mentoring.\n"
               "     Baselines collected after activities had started hid the results.\n"
               "     Participation of women rose wherever sessions were scheduled around their\n"
               "     household duties.\n")
    found = items_of(tmp_path, pages(INTRO, section))
    assert [body.split()[0] for _, body in found] == ["Where", "Small", "Baselines", "Participation"]


def test_a_bare_annex_line_opens_the_annexes_with_or_without_its_letter(tmp_path):
    # A report with one annex heads it "Annex" alone, or "Annex A", «Приложение»: its interview
    # guide's questions are no lessons.
    for heading in ("Annex", "ANNEX", "Annex A", "Appendix B: Interview guide", "Приложение"):
        section = (" 2. Lessons learned\n\n"
                   " • Joint field visits with ministry staff built more ownership than meetings did.\n\n"
                   " • Baselines collected after activities had started made results hard to show.\n")
        guide = (f" {heading}\n\n"
                 " • How did the programme change the way your office plans its work each year?\n\n"
                 " • Which of the trainings you attended would you recommend to your colleagues?\n")
        found = items_of(tmp_path, pages(INTRO, section, guide))
        assert [body.split()[0] for _, body in found] == ["Joint", "Baselines"], heading


def test_a_box_numeral_alone_or_glued_to_the_first_word_numbers_its_box():
    from indexer.importing.boxes import labelled_boxes

    lines = ["  2", "", "    Direct the training units to develop a curriculum.",
             "5Establish, by 2024, an accountability framework.",
             "__________", "   3", "   See the annex for the survey's questions.",
             "   12", "   12 per cent"]
    assert labelled_boxes(lines) == [
        "", "", "2. Direct the training units to develop a curriculum.",
        "5. Establish, by 2024, an accountability framework.",
        "__________", "   3", "   See the annex for the survey's questions.",   # a footnote's number
        "   12", "   12 per cent"]                                              # no capital below


def test_two_boxes_numbered_side_by_side_keep_their_numbers_when_the_columns_are_read(tmp_path):
    # pdftotext -layout sets the two columns' first numerals on one line, the list's lead-in
    # across the gutter (the page's, neither box's), then the boxes side by side.
    left = ["Collaborate, in the framework of the CEB, to establish a",
            "common set of categories for the voluntary self-",
            "identification of personnel by June 2024, for monitoring.",
            "", "", " 2", "", "Direct the training and learning units to develop and",
            "implement an integrated curriculum on racism for all staff.",
            "members of personnel in the workplace at every level."]
    right = ["Provide sufficient resources to support the achievement",
             "of defined results for the implementation of action plans",
             "for addressing racism and racial discrimination.", "", "", "", "",
             "", "", ""]
    box = [f"    {a:<66}{b}".rstrip() for a, b in zip(left, right, strict=True)]
    section = "\n".join([" 3. Recommendations", "", f" 1{' ' * 68}3",
                         "  The executive heads of the United Nations system organizations are called on:",
                         *box])
    found = items_of(tmp_path, pages(INTRO, section))
    assert [body.split()[0] for _, body in found] == ["Collaborate,", "Direct", "Provide"]


def test_a_left_box_whose_sentence_goes_on_below_the_right_box_is_read_to_its_end_first():
    # The right box is set a little lower: its lines stand between the left box's last two.
    from indexer.importing.columns import read_columns

    for first, tail, other in (
            (["5. Establish, by 2024, an accountability framework",
              "and report periodically to the governing bodies on"],
             "progress made in achieving the predefined results.",
             ["6. Strengthen the equal distribution of opportunities in",
              "human resources management for all personnel."]),
            (["5. Утвердить к 2024 году систему подотчётности",
              "и регулярно докладывать руководящим органам о"],
             "ходе достижения заданных результатов.",
             ["6. Укрепить равное распределение возможностей в",
              "управлении людскими ресурсами для всего персонала."])):
        page = [*COLUMNS, ACROSS, "", *first, *[" " * 64 + line for line in other], "", "", tail, "",
                " " * 30 + "Approach", ACROSS]
        read = [line.strip() for line in read_columns(page) if line.strip()]
        assert read.index(tail) == read.index(first[-1]) + 1
        assert read.index(other[0]) > read.index(tail) and read.index("Approach") > read.index(other[1])


def test_a_stretch_whose_lines_keep_to_one_side_stays_one_column_when_no_sentence_runs_on():
    from indexer.importing.columns import read_columns

    page = [*COLUMNS, ACROSS, "", "The team visited four districts in the first year.",
            " " * 64 + "Table 2. Districts visited", "The second year's visits were cut short by floods.",
            "", ACROSS]
    read = read_columns(page)
    assert read[read.index(ACROSS):] == page[len(COLUMNS):]


def test_a_bare_annex_line_left_on_a_contents_page_opens_no_annexes():
    # The contents' leaders and page numbers go, on the annex title's line; "Annex" stays, in
    # the report's first half; at its end, it opens the annexes.
    from import_text import TAXONOMY

    from indexer.importing.blocks import blocks
    from indexer.importing.walker import Walker

    body = [line for n in range(12) for line in (f"The team met partner {n} in the district.", "")]
    lines = [" Review of the programme", "", "Annex", "", "Interview guide for the partners", "", *body,
             "Annex", "", "How did the programme change your plans?"]
    walker = Walker(blocks(lines), TAXONOMY)
    opened = []
    for index, block in enumerate(walker.blocks):
        walker.index = index
        walker.step(block)
        opened.append(walker.in_annex)
    assert opened[1] is False and opened[-1] is True


def test_contents_lines_with_underscore_leaders_are_no_headings(tmp_path):
    # Word's underline tab leader ("6. LESSONS LEARNED ______ 24") marks a contents line as
    # dots do: read as headings, the contents' chapters (numbered one higher than the body's)
    # would put the body's "5. LESSONS LEARNED" out of sequence.
    contents = ("TABLE OF CONTENTS\n\n1 EXECUTIVE SUMMARY ____________________________ 2\n"
                "2. INTRODUCTION ________________________________ 2\n"
                "3. EVALUATION METHODOLOGY ______________________ 2\n"
                "4.1 Review of Documents_________________________ 2\n"
                "5. FINDINGS FROM THE EVALUATION ________________ 3\n"
                "6. LESSONS LEARNED ______________________________ 3\n"
                "7. RECOMMENDATIONS _____________________________ 3\n")
    body = (" 1 EXECUTIVE SUMMARY\n The programme ran for four years in three districts.\n\n"
            " 2. INTRODUCTION\n The programme ran for four years in three districts.\n\n"
            " 3. EVALUATION METHODOLOGY\n The team met the district teams.\n")
    lessons = (" 4. FINDINGS FROM THE EVALUATION\n The districts took part in the planning.\n\n"
               " 5. LESSONS LEARNED\n"
               " • Joint field visits with ministry staff built more ownership than meetings did.\n\n"
               " • Baselines collected after activities had started made results hard to show.\n\n"
               " 6. RECOMMENDATIONS\n"
               " • The ministry should fund the district teams from its own budget by 2026.\n")
    found = items_of(tmp_path, pages(contents, body, lessons))
    assert [(kind, body.split()[0]) for kind, body in found] == [
        ("lesson", "Joint"), ("lesson", "Baselines"), ("recommendation", "The")]


def test_a_drafts_review_balloons_in_the_margin_are_no_part_of_its_items(tmp_path):
    # Word's comments printed beside the text of a draft: the balloon's first line after a wide
    # gap on the body's line ("Commented [DC-U119]: …"), its other lines alone in the margin,
    # on a body line or on a line of their own; a PDF's reading glues it to the line, one space
    # before it ("delivering Commented [DC-U128]: …").
    def beside(body: str, balloon: str) -> str:
        return f"{body:<88}{balloon}\n"

    section = (" 2. Recommendations\n\n"
               + beside("   • Link the hot-spot areas to the national working group by inviting the",
                        "Commented [DC-U119]: Are you saying this")
               + beside("     township committees to its quarterly meetings.", "wasn't done by the project?")
               + beside("", "Formatted: Highlight")
               + "   • More investment is needed to enhance the capacity of the department to\n"
               "     carry out case management in future interventions. Commented [DC-U120]: Link this back\n")
    found = items_of(tmp_path, pages(INTRO, section))
    assert [body for _, body in found] == [
        "Link the hot-spot areas to the national working group by inviting the township "
        "committees to its quarterly meetings.",
        "More investment is needed to enhance the capacity of the department to carry out case "
        "management in future interventions."]


def test_a_box_in_two_columns_below_a_band_of_white_is_read_after_both_columns_above():
    # Recommendations in two columns, then, below a band of empty lines, a box at the page's
    # foot set in two columns of its own: its halves are no tail of the columns above.
    from indexer.importing.columns import read_columns

    above = [f"{left:<64}{right}" for left, right in (
        ("Recommendation A", "Recommendation B"),
        ("The donors should publish their data every month.", "The agencies should use the data."),
        ("They should publish it in one open format,", "They should share it with their partners,"),
        ("and they should say when they will publish.", "and they should ask what the partners need."))]
    box = [f"{left:<64}{right}" for left, right in (
        ("1. OUR PRINCIPLES", "2. Information should be comprehensive."),
        ("The principles are at the core of our work.", "3. Everyone should be able to ask for it."),
        ("1. Information should be published proactively.", "4. The right to ask should be promoted."))]
    read = [line.strip() for line in read_columns([*COLUMNS, ACROSS, *above, "", "", "", *box])
            if line.strip()]
    assert read.index("Recommendation B") < read.index("1. OUR PRINCIPLES")
    assert read.index("and they should ask what the partners need.") < read.index("1. OUR PRINCIPLES")
    # No band, or a sentence that runs on across it: the columns are read whole, as before.
    runs_on = f"{'and they should say when they will':<64}and they should ask what the partners need."
    cut = [*above[:-1], runs_on, "", "", "", *box]
    read = [line.strip() for line in read_columns([*COLUMNS, ACROSS, *cut]) if line.strip()]
    assert read.index("1. OUR PRINCIPLES") < read.index("Recommendation B")


def test_a_paragraph_right_under_a_list_with_no_blank_line_is_no_part_of_its_last_item(tmp_path):
    # A PDF's layout sets the agency's next paragraph of findings under the list of
    # recommendations with no more space than between the list's items.
    section = (" 2. Findings and recommendations\n The agency scores well on its budgets.\n"
               " Recommendations\n"
               " • The agency should publish its project documents and its results data\n"
               "   every quarter, in the open format of the standard.\n"
               " • It should use its data in its own planning.\n"
               " The second agency scores poorly on every indicator of the index, as in the\n"
               " year before, and publishes no list of its activities. It performs best on its\n"
               " budgets for the three years ahead.\n")
    found = items_of(tmp_path, pages(INTRO, section))
    assert [body for _, body in found] == [
        "The agency should publish its project documents and its results data every quarter, "
        "in the open format of the standard.",
        "It should use its data in its own planning."]


def test_paragraphs_in_a_row_each_asking_an_actor_are_recommendations_under_a_lost_heading(tmp_path):
    # The heading is drawn as graphics: the text shows none above the paragraphs.
    for section, firsts in (
            (" 2. Overview\n The country publishes some of its aid data.\n\n"
             " All of its ministries, agencies and states should publish their aid data to the\n"
             " standard, so that it gives a full picture of the country's aid.\n\n"
             " The country should update its schedule so that it is more ambitious.\n\n"
             " As it chairs the group of donors next year, the country should lead by example.\n",
             ["All of its", "The country should", "As it chairs"]),
            (" 2. Обзор\n Страна публикует часть данных о своей помощи.\n\n"
             " Министерствам и ведомствам страны следует публиковать данные о помощи по стандарту,\n"
             " чтобы они давали полную картину помощи страны.\n\n"
             " Правительству необходимо обновить свой график, сделав его более амбициозным.\n\n"
             " Агентство развития должно использовать свои данные в планировании программ.\n",
             ["Министерствам и ведомствам", "Правительству необходимо обновить",
              "Агентство развития должно"])):
        found = items_of(tmp_path, pages(INTRO, section))
        assert [" ".join(body.split()[:3]) for _, body in found] == firsts
        assert {kind for kind, _ in found} == {"recommendation"}
        # Two such paragraphs are no list of recommendations: a report's findings may say so twice.
        two = section.rsplit("\n\n", 1)[0] + "\n\n The results were mixed in every region.\n"
        assert items_of(tmp_path, pages(INTRO, two)) == []
def test_an_annex_numbered_without_a_stop_ends_the_chapter_and_its_questions_are_no_items(tmp_path):
    # "Annex 4 Questionnaires for FGDs", as a Word heading style numbers it (no colon, no full
    # stop), opens the annexes; its numbered questions are no chapters that would end them,
    # in a report whose chapters have no numbers, nor the row "Key lessons learned and
    # recommendations" of its guide a section of lessons.
    body = ("Recommendations\n\n"
            "The ministry should fund the resource centres from its own budget after the project.\n\n"
            "The centres should share their records of services with the township offices monthly.\n")
    guide = ("Annex 4 Questionnaires for FGDs\n\n"
             "     1.   What is your name and your role in the community please?\n"
             "     2.   What do you know about the project?\n\n"
             "Key lessons learned and recommendations\n\n"
             "     • What were the main programming factors of success?\n"
             "     • What would you like to recommend to this project?\n")
    found = items_of(tmp_path, pages(body, guide))
    assert [body.split()[:2] for _, body in found] == [["The", "ministry"], ["The", "centres"]]


def test_a_heading_the_text_lacks_is_put_back_where_the_contents_and_its_space_say(tmp_path):
    # The report drew its chapter titles as pictures: the text has none, only the space each
    # took (blank lines), while the contents name them with their pages. Each unnumbered
    # sub-section's title stands over one paragraph and leads it.
    contents = ("Contents\n\n"
                "Findings .............................................................. 2\n"
                "Recommendations ....................................................... 2\n"
                "Annex 1 People met ..................................................... 3\n")
    body = ("\n\n\n\nThe resource centres served five townships and their self help groups met monthly\n"
            "and kept their accounts in good order throughout the three years of the project.\n\n\n\n\n"
            "Inclusive Education\n"
            "Continuation of financial and technical support is required for the schools which\n"
            "have begun to teach children with disabilities.\n\n"
            "Coordinated Actions\n"
            "Broader collaborative actions can be elaborated with the social welfare department\n"
            "to bring disability into the other development sectors.\n")
    annex = "Annex 1 People met\n\n     Ten teachers and five officials of the township.\n"
    found = items_of(tmp_path, pages(contents, body, annex))
    assert [(kind, body.split("\n")[0]) for kind, body in found] == [
        ("recommendation", "Inclusive Education"), ("recommendation", "Coordinated Actions")]
    assert found[1][1].endswith("other development sectors.")
    # The same text with its chapter title printed finds the same items.
    shown = body.replace("\n\n\n\n\nInclusive", "\n\nRecommendations\n\nInclusive")
    assert items_of(tmp_path, pages(contents, shown, annex)) == found
