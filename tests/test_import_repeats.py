"""An item written twice in one report is drafted once (indexer/importing/repeats.py)."""

from __future__ import annotations

from indexer.importing.repeats import merge_repeats
from indexer.importing.sections import Item, Part

MAIN = Part("main", "Main report")


def item(body: str, page: int, kind: str = "recommendation", part: Part = MAIN) -> Item:
    return Item(kind, part, "5", None, page, page, "", None, False, [("p", [body])], body=body, page=page)


def test_a_chapter_item_restated_word_for_word_further_on_is_cited_not_written_again():
    first = item("Explore ways to address complaints efficiently, in order to reduce the backlog.", 12)
    again = item("Explore ways to address complaints efficiently in order to reduce a backlog.", 30)
    kept = merge_repeats([first, item("Use program data effectively.", 13), again])
    assert [k.body for k in kept] == [first.body, "Use program data effectively."]
    assert first.also == [{"part": "Main report", "section": "5", "paragraph": 30, "page": 30}]


def test_items_that_differ_in_a_word_of_content_or_in_kind_or_part_stay_apart():
    other = Part("kz", "Kazakhstan", "kazakhstan")
    items = [item("Develop a national action plan on child labour in Kazakhstan.", 5),
             item("Develop a national action plan on child labour in Kyrgyzstan.", 6),
             item("Develop a national action plan on child labour in Kazakhstan.", 7, kind="lesson"),
             item("Develop a national action plan on child labour in Kazakhstan.", 8, part=other),
             item("Schools should not close in winter.", 9),
             item("Schools should close in winter.", 10)]
    assert len(merge_repeats(items)) == 6
