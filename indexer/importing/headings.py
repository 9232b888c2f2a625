"""The headings half of the walker: chapters, sections, annexes, parts and addressee lines.

`HeadingsMixin` needs the walker's state (see `walker.Walker`): `blocks`, `index`, `part`,
`chapter`, `section`, `item`, `items`, `top`, `title`, `in_annex`, `names`. A numbered
heading in sequence opens a chapter or a sub-section; a heading that names a kind of item
("Recommendations", «Извлечённые уроки») opens a section of them; an annex ends it; a
country study's annex opens a part of its own. A sub-section inside a section may itself
be one item, its title leading (`open_lead`, `close_lead`).
"""

from __future__ import annotations

import re

from indexer.importing import blocks as bk
from indexer.importing.blocks import Block
from indexer.importing.bold import ASKING
from indexer.importing.labels import item_label
from indexer.importing.sections import (
    ANNEXES,
    BACK_MATTER,
    CONCLUDING,
    COUNTRY_CODES,
    ENDING,
    INTRO,
    LETTER_HEADING,
    ONE_CONCLUSION,
    OUTLINE,
    SINGLE,
    STUDY,
    SUMMARY,
    Item,
    Part,
    Section,
    combined,
    kind_of,
    kinds_named,
    named_heading,
)

# A heading that divides a list of a kind ("Operational recommendations" after "Strategic
# recommendations", «Оперативные рекомендации»): the list's next part, not a new chapter.
SIBLING = re.compile(r"(?:[A-HА-Е]\.\s+)?(?:strategic|operational|specific|general|other|additional|"
                     r"programmatic|institutional|стратегическ\w+|оперативн\w+|конкретн\w+|общ\w+|"
                     r"прочие|другие|дополнительн\w+)\s", re.I)
# A chapter named by the word ("Chapter 6: Recommendations", «Глава 2. Контекст»): its number.
CHAPTER = re.compile(r"\s*(?:chapter|глава|раздел)\s+(\d{1,2})\s*[:.–—-]\s*(?=\w)", re.I)
# A contents entry the leaders' rule left (short leaders): its title ends "... 15".
CONTENTS_ENTRY = re.compile(r"(?:\.{3,}|…+)\s*\d{1,3}\s*$")
# A caption: "Figure 3.", "Table 2:", "Box 1", «Рисунок 4», «Таблица 1», "Source:".
CAPTION = re.compile(r"(?:figure|fig\.|table|chart|graph|box|map|diagram|exhibit|infographic|source|note|"
                     r"рисунок|рис\.|таблица|табл\.|диаграмма|график|схема|карта|вставка|врезка|источник|"
                     r"примечание)(?:\s+[\dIVXLC]+\b|\s*:|$)", re.I)
# A chart's or a table's cells: a percentage anywhere, or a figure as the last word ("Total 182 162").
FIGURES = re.compile(r"\d\s*%|\s[+−-]?\d[\d.,]*$")
# A table's row: a line ending in two figures or more ("… of the organization   74   67   69").
ROW_FIGURES = re.compile(r"(?:(?<!\S)\(?\d[\d.,]*%?\)?\s*){2,}$")
ROMAN_VALUES = {r: n for n, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV".split(), 1)}


class HeadingsMixin:
    """Where the walker stands: part, chapter, section, annex; what each heading changes."""

    def outline(self, block: Block) -> tuple[str, str] | None:
        """(number, title) when the block is a numbered heading in sequence, else None."""
        match = OUTLINE.fullmatch(CHAPTER.sub(r"\1. ", block.head, count=1))
        # "5.3 Recommendation 3: Target the small grants …": a sub-section titled by its item's
        # label, its words the item's (see open_lead); the label's words count for no title's
        label = item_label(match.group(2)) if match else None
        labelled = bool(label and label.number and label.rest and "." in match.group(1))
        words = len((label.rest if labelled else match.group(2) if match else "").split())
        if not match or words > 12 or match.group(2).endswith((",", ";")):
            return None
        number, title = match.group(1), match.group(2).strip()
        first = int(number.split(".")[0])
        if "." in number:
            whole = " ".join(" ".join(block.lines).split())
            if len(block.lines) > 1 and len(whole.split()) > 12 and bk.ends_sentence(whole) and not labelled:
                return None     # "6.1. Родители охотнее …" over two lines to its full stop: a
                #                 numbered paragraph (a lesson), no sub-section's title
            if first == self.chapter + 1 and self.back_in_chapter():
                return None     # "5.2.1" among 4.2's sub-sections, "4.2.2" below it: a misprint
            return (number, title) if first in (self.chapter, self.chapter + 1) else None
        if len(block.lines) > 1 or title.endswith(":") and not self.title_wraps(first) or (
                title.endswith(".") and len(title.split()) > 3):
            return None
        contents = self.first_chapter == title and self.chapter > 1    # the contents listed it
        restart = first == 1 and (self.chapter == 0 or self.in_annex and INTRO.match(title) or contents)
        if first == 1 and not self.first_chapter:
            self.first_chapter = title
        if self.in_annex and (self.chapter == 0 and not restart or title.endswith("?")):
            return None     # "2. Scope" in an annex of a report with no numbered chapters, "1. How
            #                 did you engage …?" in any: the annex's own list (terms of reference,
            #                 an interview guide's questions), no chapter of the report
        in_list = first == self.listed + 1 and not title.endswith(".")  # "1. A", "2. B" lines
        self.listed = first if not title.endswith(".") else self.listed
        if in_list and not restart or not (self.chapter < first <= self.chapter + 2 or restart):
            return None
        return number, title

    def back_in_chapter(self, ahead: int = 12) -> bool:
        """Whether the next numbered sub-section below is the current chapter's again."""
        for block in self.blocks[self.index + 1:self.index + 1 + ahead]:
            match = OUTLINE.fullmatch(block.head)
            if match and "." in match.group(1):
                return int(match.group(1).split(".")[0]) == self.chapter
        return False

    def title_wraps(self, number: int) -> bool:
        """Whether a chapter's title ending in a colon goes on in the block below, in lower case
        ("3. Findings:" over "relevance and coherence"), as a narrow column wraps it."""
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return bool(number == self.chapter + 1 and after and after.head[:1].islower()
                    and not after.bullet and len(after.head.split()) <= 8)

    def heading(self, number: str, title: str) -> None:
        level, first = number.count(".") + 1, int(number.split(".")[0])
        self.item, self.place = self.close_lead(), number
        if self.section and level <= self.section.level:
            self.section = None
        if level == 1 or first != self.chapter:
            self.new_chapter(first)
        if level == 1 and ANNEXES.fullmatch(title):
            self.section, self.in_annex = None, True    # "7. APPENDICES": a chapter of annexes
            return
        kind = kind_of(title)
        if self.section is None and kind and not self.in_annex:
            self.section = Section(kind, level, number, others=kinds_named(title)[1:],
                                   combined=combined(title))
        elif self.section:
            self.drop_running()
            self.section.subheading(number, kind)
            self.open_lead(number, title)

    def roman(self, head: str) -> None:
        """A Roman-numbered chapter ("IV. Recommendations"); after numbered chapters, an annex."""
        self.item, self.section, self.title = self.close_lead(), None, head
        number, title = head.split(".", 1)
        self.place = number.strip()
        value = ROMAN_VALUES.get(number.strip(), 0)
        # Chapter I again while the count stands at I: the contents listed it ("I. Introduction
        # 5", no leaders), and the body begins, though the contents' annex list set a chapter.
        in_sequence = value == self.roman_chapter + 1 or value == 1 and (
            self.chapter == 0 or self.roman_chapter == 1)
        self.roman_chapter = value if in_sequence else self.roman_chapter
        kind = kind_of(title.strip())
        if in_sequence:
            self.top = ""
        if kind and not self.in_annex:
            named = named_heading(title.strip())
            self.section, self.top = Section(kind, 1, number.strip(), named=named,
                                             combined=combined(title.strip())), ""
        elif not kind and not in_sequence:
            self.in_annex = self.in_annex or self.chapter >= 1

    def open_lead(self, number: str, title: str) -> None:
        """A sub-section of items that may itself be one item, its title leading (see close_lead)."""
        s = self.section
        label = item_label(title)
        if label and label.number and label.rest:   # "5.1 Recommendation 1: Give the …": the
            title = label.rest                      # label opens the item, its words follow
        self.lead = Item(label.kind if label and label.number and label.rest else s.kind, self.part,
                         number, None, None, None, s.addressee,
                         s.country or self.part.country, s.summary, [("p", [title])],
                         page=self.blocks[self.index].page)
        self.lead.titled = self.lead.labelled = bool(label and label.number and label.rest)
        self.lead_mark = len(self.items)

    def close_lead(self) -> None:
        """Keep the sub-section as an item when it held paragraphs that ask for something, or is
        led by a sentence standing as its title (see `titles`), and no item of its own."""
        lead, self.lead = self.lead, None
        below = " ".join(line for _, lines in lead.paragraphs[1:] for line in lines) if lead else ""
        labelled = bool(lead and lead.labelled and len(lead.paragraphs[0][1]) > 1)  # its text under its title
        if lead and len(self.items) == self.lead_mark and (len(lead.paragraphs) > 1 or labelled) and (
                lead.titled or ASKING.search(below)):
            self.keep(lead)

    def new_chapter(self, number: int) -> None:
        if number == 1 and self.chapter >= 1:
            ahead = " ".join(" ".join(b.lines) for b in self.blocks[self.index:self.index + 40])
            counts = self.names.counts(ahead)
            (country, times), (_, second) = [*counts.most_common(2), ("", 0), ("", 0)][:2]
            if times >= 3 and times >= 2 * second and country != self.part.country:
                self.new_part(country, _next_annex(self.part.annex))
        elif self.chapter == 0:
            self.in_annex = False
        self.chapter, self.top, self.listed = number, "", 0

    def new_part(self, country: str, annex: str) -> None:
        label = f"{country.capitalize()} country study"
        label = f"Annex {annex}: {label}" if annex else label
        self.part = Part(COUNTRY_CODES.get(country, country), label, country, annex)
        self.chapter, self.in_annex, self.section, self.item = 0, False, None, None

    def annex(self, annex: str, title: str) -> None:
        if CONTENTS_ENTRY.search(title):
            return                                          # "ANNEX 4. COMMENTS ... 15": the contents'
        named = self.names.named(title)
        if len(named) == 1 and STUDY.search(title):
            self.close_lead()
            self.new_part(named[0], annex)
        # else a line of the contents; a bare "Annex", which a contents page leaves behind once its
        # leaders and page numbers go (they are on its title's line), only in the second half.
        elif self.index >= len(self.blocks) // (10 if annex or title else 2):
            self.close_lead()
            self.section, self.item, self.in_annex = None, None, True
            self.annex_title = self.blocks[self.index].head     # "Annex 5. Lessons learned"

    def label(self, text: str) -> None:
        self.item = self.close_lead()
        if self.citable(text):
            self.title = self.place = text
        capitals = text.isupper() and sum(c.isalpha() for c in text) >= 4
        s = self.section
        if s and (s.asking and not ONE_CONCLUSION.match(text) or s.single and s.found
                  or LETTER_HEADING.match(text) and LETTER_HEADING.match(s.label)):
            # After the one item its "Recommendation" labels, the next heading is the next
            # sub-section's ("Central African Republic"); "B. The way forward" after
            # "A. Lessons learned" is its sibling, of items of its own kind if of any; the next
            # heading after a body's conclusions and recommendations is the next agenda item's,
            # unless it names one of its conclusions ("Conclusion 7: Sharing …").
            self.section = None
        if kind := kind_of(text):
            if not self.in_annex:
                self.top = "" if capitals and not SUMMARY.search(text) or self.summary_listed(
                    kind, text) else self.top
                # «Оперативные рекомендации» after «Стратегические рекомендации»: the numbers go on
                # and a table's numbers go on after a findings heading between two tables of
                # one list ("Recommendation on key performance area", 1 | 2 | 3-23)
                follows = s.expected if s and s.kind == kind and s.found else (
                    self.numbered_on[1] if self.numbered_on[0] == kind else 0)
                self.section = Section(kind, 99, self.top or text, bool(self.top),
                                       others=kinds_named(text)[1:], single=bool(SINGLE.fullmatch(text)),
                                       letter=text[0] if LETTER_HEADING.match(text) else "",
                                       named=named_heading(text), follows=follows, combined=combined(text))
        elif BACK_MATTER.match(text):
            self.section = None
        elif CONCLUDING.fullmatch(text) and not self.in_annex:
            self.section = Section("recommendation", 99, text, asking=True)
        elif SUMMARY.match(text):
            self.section, self.top = None, text[0].upper() + text[1:].lower()
        elif ANNEXES.match(text) and self.index > len(self.blocks) // 10:   # else: the contents'
            self.section, self.in_annex = None, True
        elif capitals and (self.section is None or self.section.level == 99):
            self.section, self.top = None, ""
        elif ENDING.match(text) and self.section and self.section.level == 99 and not (
                ONE_CONCLUSION.match(text)):
            self.section = None
        elif self.section and self.section.letter and (
                (sibling := LETTER_HEADING.match(text)) and sibling.group(1) > self.section.letter):
            self.section = None     # "A. Lessons learned" ends at "B. The way forward", its sibling
        elif self.section:
            named = self.names.named(text) if len(text.split()) <= 3 else []
            if len(named) == 1:
                self.section.country = named[0]
            else:
                self.section.subheading()
                self.section.title_at = self.index
                self.section.titles[self.section.heads] = text

    def citable(self, text: str) -> bool:
        """Whether a short line standing alone is a heading an item below may cite as its place:
        not a figure's or table's caption ("Figure 1. Budget", «Таблица 3»), nor a chart's or a
        table's cells ("Not accredited 88", "No; 73%", "Headquarters Field Overall" over figures),
        which a PDF's text sets as lines of their own. A heading has running words below it (a
        paragraph, a list's item, or a numbered one), not a table's rows."""
        above = self.blocks[self.index - 1] if self.index else None
        if CAPTION.match(text) or FIGURES.search(text) or ";" in text or above and CAPTION.match(above.head):
            return False                    # (the line under "Figure 3" is the figure's title)
        below = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        if below is None or below.bullet or below.number is not None:
            return below is not None
        words = " ".join(below.lines).split()
        return not any(ROW_FIGURES.search(line) for line in below.lines) and (
            len(words) >= 8 or any(word[:1].islower() for word in words[1:6]))

    def summary_listed(self, kind: str, text: str) -> bool:
        """Whether the summary has listed its items of this kind already, so that this heading
        of the kind is the chapter's: a report that goes from its summary straight to its
        recommendations, no chapter between, ends the summary there. A summary lists each kind
        once; it may divide the list ("Strategic recommendations", then "Operational
        recommendations"), a sibling heading that goes on with the summary."""
        return not SIBLING.match(text) and any(
            item.summary and item.kind == kind and item.part == self.part for item in self.items)

    def addressee(self, text: str) -> None:
        if self.section:
            named = self.names.named(text)
            self.item, self.section.addressee = None, text
            self.section.country = named[0] if len(named) == 1 else None


def _next_annex(annex: str) -> str:
    """The annex after "6b" is "6c"; no guess without a lettered annex before it."""
    return annex[:-1] + chr(ord(annex[-1]) + 1) if annex[-1:].isalpha() else ""
