"""A chapter of lessons, conclusions and recommendations together; paragraphs that name
themselves a lesson; lists introduced as principles (issue 9)."""

from import_text import items_of, pages

INTRO = ("I. Introduction\n\n" + "".join(
    f"{n}. The review covered the regional office number {n} and its partners in the years 2020 to 2024.\n\n"
    for n in range(1, 12)))


def _chapter(title: str, body: str) -> str:
    return pages(INTRO, f"II. {title}\n\n{body}", "Annex\n\nList of the offices visited\n")


COMBINED = (
    "12. The urgency of acting on equality has never been greater, as crises come one after another.\n\n"
    "13. The lessons from the six regions point to two guiding principles that must inform the\n"
    "recommendations below:\n\n"
    "     (a) Centring human rights. Laws and policies must be grounded in human rights standards\n"
    "and principles in every region;\n\n"
    "     (b) Working across sectors. Integrated approaches are needed to make the most of the\n"
    "synergies between the programmes;\n\n"
    "14. While some progress was made in closing the data gaps, trend data remain scarce and are\n"
    "rarely comparable between the regions.\n\n"
    "15. States should urgently strengthen the national machineries and fund them so that they\n"
    "can fulfil their role in every region.\n\n"
    "16. Crises came one after another in the period. A key lesson from the past five years is\n"
    "that gender-specific risks tend to increase during crises.\n\n"
    "17. States should design crisis response plans that are inclusive and gender-responsive.\n")


def test_a_combined_chapter_types_its_paragraphs_by_what_they_do(tmp_path):
    found = items_of(tmp_path, _chapter("Lessons learned, conclusions and recommendations", COMBINED))
    assert [(kind, body.split()[0]) for kind, body in found] == [
        ("recommendation", "States"), ("lesson", "Crises"), ("recommendation", "States")]


def test_a_paragraph_naming_itself_a_lesson_is_one_in_a_mixed_chapter(tmp_path):
    text = pages("1. Introduction\n\nThe review covered the regional offices and their partners.\n",
                 "2. Good practices and lessons learned\n\n"
                 "• The office shared its plans with the partners every quarter, before each meeting.\n\n"
                 "• A key lesson from the pilot is that plans shared early are followed more closely.\n\n"
                 "• Один из уроков состоит в том, что партнёры лучше следуют планам, принятым заранее.\n",
                 "3. Annexes\n\nList of the offices visited\n")
    assert [kind for kind, _ in items_of(tmp_path, text)] == ["good-practice", "lesson", "lesson"]


def test_a_list_introduced_as_principles_is_no_list_of_items(tmp_path):
    text = _chapter("Lessons learned", (
        "The work of the offices was guided by the following principles:\n\n"
        "     (a) Centring human rights. Laws and policies must be grounded in human rights standards;\n\n"
        "     (b) Working across sectors. Integrated approaches are needed across the programmes;\n\n"
        "The following lessons were learned:\n\n"
        "     (a) Plans shared early with the partners are followed more closely by them;\n\n"
        "     (b) Missions planned jointly cost less and reach more offices in the regions.\n"))
    assert [body.split()[0] for _, body in items_of(tmp_path, text)] == ["Plans", "Missions"]


def test_a_report_naming_its_recommendations_by_paragraph_chooses_among_those_that_ask(tmp_path):
    # Without bold, a context paragraph that opens by asking ("States should also weigh …")
    # looks like a recommendation; the report says which paragraphs are.
    for named in ("the recommendations set out in paragraphs 15 and 18", "the recommendations in "
                  "paragraphs 15 to 16 and 18", "рекомендаций, изложенных в пунктах 15 и 18"):
        combined = COMBINED.replace("recommendations below", named).replace(
            "17. States should design", "17. States should also weigh the costs of the plans. "
            "The costs vary a lot between regions.\n\n18. States should design")
        found = items_of(tmp_path, _chapter("Lessons learned, conclusions and recommendations", combined))
        assert [(kind, body.split()[:3]) for kind, body in found] == [
            ("recommendation", ["States", "should", "urgently"]), ("lesson", ["Crises", "came", "one"]),
            ("recommendation", ["States", "should", "design"])], named


def test_recommendations_named_by_another_documents_paragraphs_choose_nothing(tmp_path):
    combined = COMBINED.replace("recommendations below", "recommendations in paragraphs 15 and 18 of "
                                "resolution 75/233").replace(
        "17. States should design", "17. States should also weigh the costs of the plans.\n\n"
        "18. States should design")
    found = items_of(tmp_path, _chapter("Lessons learned, conclusions and recommendations", combined))
    assert [body.split()[2] for kind, body in found if kind == "recommendation"] == [
        "urgently", "also", "design"]
