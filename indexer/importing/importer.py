"""From a report file to draft entries, stop by stop; `import_report` is the one entry point.

read_document (reading) → page_lines (layout: furniture, footnotes, columns) → blocks →
Walker (walker: sections and items) → render → merge_repeats (repeats) → write_drafts.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from indexer.content.taxonomy import Taxonomy
from indexer.importing.blocks import Vocabulary, blocks, render_paragraphs
from indexer.importing.bold import bold_items
from indexer.importing.decisions import decides, enacting_page, points_elsewhere
from indexer.importing.drafts import ImportReport, write_drafts
from indexer.importing.layout import page_lines
from indexer.importing.narrative import asking_paragraphs, narrative_items
from indexer.importing.reading import Document, read_document
from indexer.importing.repeats import merge_repeats
from indexer.importing.responses import response_title
from indexer.importing.sections import Item
from indexer.importing.walker import Walker
from indexer.importing.words import normal_words

# A follow-up review quotes the recommendations it follows up ("Recommendation 1 reads as
# follows:"): they are an earlier report's items, not this one's.
QUOTED = re.compile(r"\b(?:reads|read|was|were) as follows\b|гласит следующее|звучит следующим образом", re.I)
# A UN report names its own recommendations by paragraph: "the recommendations set out in
# paragraphs 344, 346, 351, 355 and 358", «рекомендаций, изложенных в пунктах 12–15 и 18»;
# not another document's ("… in paragraphs 5 and 6 of resolution 75/233").
NUMBERS = r"\d{1,4}(?:\s*(?:,|and|to|through|и|по|[-–—])\s*\d{1,4})*+"
NAMED_PARAGRAPHS = re.compile(
    rf"\brecommendations?,?\s+(?:(?:set\s+out|contained|presented|made|listed|given)\s+)?in\s+"
    rf"paragraphs?\s+({NUMBERS})(?!\s*(?:of|in)\s)"
    rf"|рекомендаци\w*,?\s+(?:(?:изложенн|содержащ|приведенн|приведённ|представленн)\w*\s+)?в\s+"
    rf"(?:пункт|параграф)\w*\s+({NUMBERS})(?!\s*(?:документа|резолюции|доклада)\b)", re.I)


def find_items(document: Document, taxonomy: Taxonomy, report: str = "") -> tuple[list[Item], int]:
    """The report's items, summary repeats merged, and how many repeats were merged.

    A management response has none: the recommendations it quotes are the evaluation's."""
    if response_title(document):
        return [], 0
    lines, pages = page_lines(document)
    found_blocks = blocks(lines, pages)
    walker = Walker(found_blocks, taxonomy, report)
    items = walker.run()
    vocabulary = Vocabulary.of(lines)
    for item in items:
        item.body = render_paragraphs(item.paragraphs, vocabulary)
    # An item says something: a body of bullet glyphs or punctuation alone is no item.
    items = [item for item in items if _says_something(item.body) and not QUOTED.search(item.body[:200])]
    kept = _named_choose(merge_repeats(items), " ".join(" ".join(lines).split()))
    found = bold_items(document, [item for item in kept if not item.asked], walker.pages, vocabulary,
                       walker.part)
    kept, found = _bold_chooses(kept, found)
    # A run of paragraphs asking actors to act is a list of recommendations whose heading the
    # text lost; a bold lead it opens with is no item of its own.
    asking = asking_paragraphs(found_blocks, walker.body, vocabulary, walker.part, kept)
    asked = [normal_words(other.body) for other in asking]
    found = [item for item in found if not any(normal_words(item.body)[:60] in words for words in asked)]
    # A PDF that sets its informal recommendations in bold says so by its fonts; a text has
    # only their words.
    found = found or narrative_items(found_blocks, walker.body, vocabulary, walker.part, kept + asking)
    found += asking
    merged = len(items) - len(kept)
    # A body's acts (a draft resolution's operative paragraphs) and pointers to another
    # document's text are no items of the report (see `decisions`).
    enacted = enacting_page(lines, pages)
    chosen = [item for item in kept + found
              if not decides(item.body, item.page, enacted) and not points_elsewhere(item.body)]
    return sorted(chosen, key=lambda item: item.page), merged


def _bold_chooses(kept: list[Item], found: list[Item]) -> tuple[list[Item], list[Item]]:
    """A combined chapter's paragraphs kept for their asking (`Item.asked`), where the PDF sets
    some of them in bold: the bold ones are its recommendations, the others its conclusions.
    A bold passage that is such a paragraph gives way to it (it has the paragraph's number)."""
    asked = [item for item in kept if item.asked]
    pages = {item.page for item in asked}
    if not any(item.page in pages for item in found):
        return kept, found
    bold = [normal_words(item.body) for item in found]
    chosen = [item for item in asked if any(_same(normal_words(item.body), words) for words in bold)]
    found = [item for item, words in zip(found, bold, strict=True)
             if not any(_same(normal_words(other.body), words) for other in chosen)]
    return [item for item in kept if not item.asked or item in chosen], found


def _named_choose(kept: list[Item], text: str) -> list[Item]:
    """A combined chapter's asking paragraphs (`Item.asked`), where the report names its own
    recommendations by paragraph (`NAMED_PARAGRAPHS`): the named ones are its recommendations,
    the others its conclusions, as bold tells them apart in a PDF (`_bold_chooses`)."""
    asked = {item.number for item in kept if item.asked}
    named = {number for match in NAMED_PARAGRAPHS.finditer(text)
             for number in _numbers(match.group(1) or match.group(2))}
    if len(named & asked) < 2:
        return kept
    return [item for item in kept if not item.asked or item.number in named]


def _numbers(listed: str) -> set[int]:
    """The paragraph numbers a list names: "344, 346 and 351", "12–15", «с 12 по 15 и 18»."""
    numbers: set[int] = set()
    for first, to, last in re.findall(r"(\d+)(?:\s*(to|through|по|[-–—])\s*(\d+))?", listed):
        start, end = int(first), int(last) if to else int(first)
        numbers.update(range(start, end + 1) if 0 <= end - start <= 100 else (start,))
    return numbers


def _same(words: str, other: str) -> bool:
    return words[:60] in other or other[:60] in words


# A section that has no item says so in a word ("D. Recommendation for Follow-Up" / "None.",
# «Рекомендации» / «Нет.»): that word is no item.
NOTHING = re.compile(r"(?:none|nil|n/?a|not\s+applicable|no\s+(?:further\s+)?recommendations?|"
                     r"нет|отсутству\w+|не\s+применимо)[.;]?", re.I)


def _says_something(body: str) -> bool:
    return any(c.isalnum() for c in body or "") and not NOTHING.fullmatch(" ".join(body.split()))


def import_report(path: Path, report: str, out_dir: Path, taxonomy: Taxonomy,
                  existing_ids: set[str] = frozenset(), document: Document | None = None
                  ) -> ImportReport:
    """Write a draft entry for every item of the report's file; never overwrite a file."""
    document = document or read_document(Path(path))
    title = response_title(document)
    if title:
        return ImportReport(response=title)
    items, merged = find_items(document, taxonomy, report)
    result = ImportReport(found=dict(Counter(f"{i.part.slug} {i.section}" for i in items)),
                          merged=merged)
    write_drafts(items, report, Path(out_dir), taxonomy, set(existing_ids), result)
    return result
