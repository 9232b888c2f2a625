"""Walking a report's blocks, collecting items; where it stands is kept by `headings.HeadingsMixin`."""

from __future__ import annotations

import re

from indexer.content.taxonomy import Taxonomy
from indexer.importing import blocks as bk
from indexer.importing.blocks import Block
from indexer.importing.bold import ASKING
from indexer.importing.contents import contents_blocks
from indexer.importing.countries import CountryNames
from indexer.importing.headings import HeadingsMixin
from indexer.importing.labels import Label, is_attribute, is_rationale, is_response, item_label
from indexer.importing.lists import SENTENCE, announced_kind
from indexer.importing.paragraphs import asks, drop_context, section_paragraphs
from indexer.importing.sections import (
    DEMONSTRATIVE,
    INTRODUCES,
    KIND_TITLES,
    ONE_CONCLUSION,
    OUTLINE,
    ROMAN,
    SUMMARY,
    Item,
    Part,
    Section,
    kinds_named,
    names_itself,
)
from indexer.importing.templates import template_item
from indexer.importing.titles import cut_title, sentence_title, titles_ahead

# A list's introduction, no addressee: "The following lessons were learnt:", «Следующие уроки:».
FOLLOWING = re.compile(r"\bfollowing\b|\bbelow\b|\bas\s+follows\b|следующ\w+|ниже\b", re.I)
# A label of something else: "Conclusion 2.", "Finding 3:", «Вывод 1.».
OTHER_LABEL = re.compile(r"[^\W\d_]+\s+\d{1,2}[.:]\s")
# A list introduced as what guides the items, not as items: "guided by the following
# principles:", "point to four guiding principles that must inform …:", «на основе следующих принципов:».
PRINCIPLES = re.compile(r"\b(?:following|these|guiding|key|core|basic|\d{1,2}|two|three|four|five|six|seven|"
                        r"eight|nine|ten)\s+(?:[\w-]+\s+){0,2}(?:principles|criteria|conditions|prerequisites)\b|"
                        r"(?<![а-яё])(?:следующ|эти|основн|руководящ)\w*\s+(?:\w+\s+){0,2}"
                        r"(?:принцип|критери|услови|предпосылк)\w*", re.I)
# Words of one letter: English and Russian articles, prepositions, conjunctions and pronouns.
ONE_LETTER_WORDS = frozenset("a i в с к о у и а я".split())
# A footnote left at a page's foot: its number, a space, its words ("4 Source: interviews …").
FOOTNOTE = re.compile(r"\d{1,3}\s+[A-ZА-ЯЁ]")
# A Roman chapter's title wrapped onto a second line, however many letters (up to
# `blocks.HEADING_WORDS` words): no sentence's end, no semicolon.
WRAPPED_ROMAN = re.compile(r"[IVX]{1,4}\.\s+[A-ZА-ЯЁ][^.;:]*")
# The record of a meeting: "At its 7th meeting, on 13 March 2025, the Commission considered
# agenda item 8, entitled “Recommendations of …”", "At its 2nd and 3rd meetings, …", «На своем
# 7-м заседании …». A body's session report tells each agenda item so, under the item's title:
# the paragraph ends whatever section of items stood above it, and a title naming
# recommendations ("Recommendations of the subsidiary bodies") opens no section of them.
ORDINAL = r"(?:\d{1,3}(?:st|nd|rd|th)?|[a-z]+(?:-[a-z]+)?)"
MEETING = re.compile(rf"(?:\d{{1,4}}\.\s*)?(?:at|during)\s+(?:its|the|their)\s+(?:resumed\s+)?{ORDINAL}"
                     rf"(?:\s*(?:,|and|to)\s*{ORDINAL})*\s+(?:plenary\s+|private\s+|closed\s+)?meetings?\b"
                     r"|(?:\d{1,4}\.\s*)?на\s+(?:сво(?:[её]м|их)\s+)?\d{1,3}[\s‑–-]*[а-я]{0,3}"
                     r"(?:\s*(?:,|и)\s*\d{1,3}[\s‑–-]*[а-я]{0,3})*\s+(?:пленарн\w+\s+)?заседани", re.I)
# A report that numbers all its paragraphs ("77. This section…", "78. Performance-based…"):
# after this many numbered paragraphs in sequence, a section's numbered paragraphs are its items.
RUNNING = 10


def _plain_paragraph(text: str) -> bool:
    """Running prose of its own: a capital, eight words or more, a full stop; not a chart's or a
    table's single characters (a one-letter word, "a", «в», «с», is a word)."""
    words = text.split()
    single = sum(len(word) == 1 and word.lower() not in ONE_LETTER_WORDS for word in words)
    return (len(words) >= 8 and text[:1].isupper() and bk.ends_sentence(text)
            and not text.endswith(":") and single * 5 < len(words))


def _label(head: str) -> tuple[str, str] | None:
    """("addressee" | "label", text) for a short line standing on its own, else None."""
    if not head or not (head[0].isupper() or head[0] in "«\"“") or len(head.split()) > (
            bk.HEADING_WORDS if bk.heading_line(head) else 12):
        return None
    if head.endswith(":"):
        return ("addressee", head) if bk.ADDRESSEE_LINE.match(head) else None
    return None if head.endswith((".", ",", ";")) or len(head) > 100 else ("label", head)


def _goes_on(last: str, below: Block) -> bool:
    """Whether the block below carries on a paragraph whose last line is `last`: no sentence's
    end above, a lower-case word below, no bullet or number."""
    return (not bk.ends_sentence(last) and below.lines[0].strip()[:1].islower() and not below.bullet
            and below.number is None)


def _prose(block: Block) -> bool:
    """Running words, not a chart's labels: a lower-case word among the first few, or many."""
    words = " ".join(block.lines).split()
    return len(words) >= 8 or len(words) >= 5 and any(word[:1].islower() for word in words[1:6])


def opening_label(block: Block) -> Label | None:
    """The label opening the block; in a numbered paragraph, a numbered label right after its
    number ("41. Recommendation 1. Deepen …", as IFAD numbers every paragraph)."""
    label = item_label(block.head)
    if label is None and block.number is not None and (inner := item_label(block.lines[0])):
        label = inner if inner.number else None
    return label


def _roman_title(block: Block) -> str | None:
    """A Roman-numbered chapter's heading, its title wrapped onto a second line in lower case
    ("V. The way forward: rebuilding the State through" / "development ownership") or not.
    A first line that stops on "of the", "for", "and" goes on whatever the case of the next
    ("III. Lessons learned from the strategic evaluation of the" / "Third Decade")."""
    if len(block.lines) == 2 and _title_goes_on(*block.lines) and not any(
            bk.ends_sentence(line) for line in block.lines):
        joined = " ".join(" ".join(block.lines).split())
        # Wrapped, a title may be as long as a lettered one ("IV. Statement of OAIS
        # independence and conformance to internal audit" / "standards and ... principles").
        return joined if ROMAN.fullmatch(joined) or WRAPPED_ROMAN.fullmatch(joined) and len(
            joined.split()) <= bk.HEADING_WORDS and joined.split()[-1].lower() not in bk.DANGLING else None
    return block.head if len(block.lines) == 1 and ROMAN.fullmatch(block.head) else None


def _title_goes_on(first: str, second: str) -> bool:
    """Whether a heading's second line carries on its first: it starts in lower case, or the
    first ends on a word no title ends on (`blocks.DANGLING`), a name starting the second."""
    words = first.split()
    return second.strip()[:1].islower() or bool(words) and words[-1].lower() in bk.DANGLING


def _lettered_title(block: Block) -> str | None:
    """A lettered heading wrapped onto a second line in lower case ("B. Special report: Key
    lessons from the evaluations of" / "gender equality"), as a UN document's narrow column sets it."""
    if len(block.lines) == 2 and block.lines[1].strip()[:1].islower() and block.number is None:
        joined = " ".join(" ".join(block.lines).split())
        return joined if bk.LETTER_HEADING.fullmatch(joined) and bk.heading_line(joined) else None
    return None


def _chapter_heading(block: Block) -> bool:
    """A heading in capitals ("LESSONS LEARNED", "ANNEXES"): a chapter's."""
    head = block.head
    return len(block.lines) == 1 and head.isupper() and len(head.split()) <= 10 and sum(
        c.isalpha() for c in head) >= 4


def _heading(block: Block) -> bool:
    """A line standing alone that reads as a heading: "4.2 Operational recommendations",
    "IV. Lessons", "LESSONS LEARNED", "Annex 2"."""
    head = block.head
    numbered = OUTLINE.fullmatch(head) and len(head.split()) <= 12 and not head.endswith(".")
    return len(block.lines) == 1 and bool(numbered or ROMAN.fullmatch(head) or _chapter_heading(block)
                                          or bk.is_annex(head))


class Walker(HeadingsMixin):
    """Walks the blocks of a report, keeping track of part, chapter and section."""

    def __init__(self, found: list[Block], taxonomy: Taxonomy, report: str = ""):
        self.blocks, self.index = found, 0
        # The countries of the report's record when it has them, else all of the taxonomy's.
        record = taxonomy.reports.get(report)
        self.names = CountryNames(taxonomy, set(record.countries) if record and record.countries else None)
        self.part, self.chapter, self.in_annex, self.top = Part("main", "Main report"), 0, False, ""
        self.listed = 0  # the number of the last short numbered line that was no heading
        self.numbered_on: tuple[str, int] = ("", 0)   # the kind and next number of the last numbered item
        self.running, self.in_run = 0, 0   # the last numbered block's number; how many ran in sequence
        self.section: Section | None = None
        self.item: Item | None = None
        self.items: list[Item] = []
        self.front: list[Item] = []        # items kept before their part's first numbered chapter
        self.chaptered: set[str] = set()    # the parts that kept an item inside a numbered chapter
        self.pending: Label | None = None   # a label standing alone: its item starts next
        self.many: tuple[Label, Item, str] | None = None  # a box of several: its label, last item, bullet
        self.title = ""                     # the innermost heading's title
        self.place = ""                     # the innermost heading, as an item cites it: number or title
        self.pages: dict[int, tuple[str, bool]] = {}   # page: (heading title, in the body)
        self.lead: Item | None = None       # a sub-section read as one item, if it holds none
        self.roman_chapter = 0              # the last Roman chapter number in sequence
        self.first_chapter = ""             # the title of chapter 1, to know it again after the contents
        self.lead_mark = 0
        self.prosaic: list[Section] = []    # sections with plain paragraphs
        self.body: list[tuple[str, bool]] = []  # block by block: (heading title, in the body)
        self.templated: dict[str, int] = {}     # items of each kind stated in ILO templates
        self.annex_title = ""                   # the title of the annex being read
        # A list of contents with no page numbers: its blocks, and the chapters it names
        self.contents, self.chapters_listed = contents_blocks(found)
        self.responding = False               # in a management response's chapter (see chapter_listed)
        self.principles = False                 # the list below is introduced as principles
        self.joined = -1                        # a title's second line, read with its first (see titles)

    def run(self) -> list[Item]:
        for index, block in enumerate(self.blocks):
            self.index = index
            self.step(block)
            title, body = self.pages.get(block.page, (self.title, True))
            self.pages[block.page] = (title, body and not self.in_annex and not self.top)
            self.body.append((self.title, not self.in_annex and not self.top))
        self.close_lead()
        self.items += self.paragraph_items()
        self.templates_repeat()
        self.front_matter_is_summary()
        return self.items

    def front_matter_is_summary(self) -> None:
        """An item kept before its part's first numbered chapter stands in the front matter: a
        summary's list or box under whatever name ("Evaluation brief", "At a glance"), so it is
        a summary item (merged into the chapter's, or kept where the chapters have none of its
        kind) once the part turns out to have numbered chapters."""
        for item in self.front:
            if item.part.label in self.chaptered:
                item.summary = True

    def step(self, block: Block) -> None:
        if self.index in self.contents or self.index == self.joined:
            return                          # an entry of the contents, not the heading it names
        below = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        if whole := cut_title(block, below):
            block, self.joined = whole, self.index + 1
        single = len(block.lines) == 1
        if self.section and not block.bullet and MEETING.match(block.head.strip()):
            self.section = self.item = None     # the record of a meeting: no items below
        if self.section and ONE_CONCLUSION.match(block.head):
            self.section.kind_listed = False    # the list under "Recommendations:" has ended
        if single and (head := block.head.strip()).casefold() in self.chapters_listed and not (
                SUMMARY.match(head)):
            self.chapter_listed(head)
        if block.number is not None:        # the run of paragraphs numbered in sequence
            self.in_run = self.in_run + 1 if block.number == self.running + 1 else 1
            self.running = block.number
        if found := template_item(block.head):
            return self.template(*found, block.page)
        self.guided(block)
        if self.item and not block.bullet and ONE_CONCLUSION.match(block.head):
            self.item = None    # "Conclusion 4: …" right under an item's last line: a conclusion's
        if self.section and self.section.combined and not block.bullet and self.combined_pieces(block):
            return None
        if self.section and self.section.listed and not block.bullet and not (
                self.item and (block.soft or block.lines[0].strip()[:1].islower())):
            self.section = self.item = None     # the announced list has ended
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        if self.section is None and not self.in_annex and (kind := announced_kind(block, after)):
            self.section = Section(kind, 99, self.title or kind, bool(self.top), listed=True)
            return None
        if annex := bk.is_annex(block.head):
            return self.annex(annex.group(1) or annex.group(2) or "", annex.group(3) or "")
        if is_response(block.head):
            # A key-action table's column headers read out between a label standing alone and
            # its text (a table read as two columns) do not end the wait for that text.
            if not (self.pending and len(block.head.split()) <= 6 and not bk.ends_sentence(block.head)):
                self.item = self.pending = None
            return
        label = None if self.in_annex else opening_label(block)
        if label and not (label.number or label.rest or self.section):
            label = None    # "Recommendation" alone outside a section: a table's column, say
        if label and not (label.number or label.rest) and after and after.bullet and self.kind_line(
                block.head):
            return None     # «Передовая практика:» over a list: its items' kind, no item's label
        if self.pending and not label and not _chapter_heading(block):
            # "Improve performance measurement by:" over its points in lower case opens the item.
            lead_in = block.head.rstrip().endswith(":") and bool(after) and after.head[:1].islower()
            if not (_prose(block) or lead_in) or self.subs_below(block):
                return                      # a chart's labels or a figure between label and text
            many = self.pending if self.pending.many and block.bullet else None
            self.open_labelled(self.pending, block.lines, block.page)
            self.many = (many, self.item, block.marker) if many else None
            return None
        if label:
            return self.labelled(label, block)
        if self.item and self.section and self.owns(block):
            return self.item.paragraphs.append(("p", list(block.lines)))
        if self.item and self.item.labelled and self.continues(block):
            return
        if self.sentence_lead(block, after):
            return
        if heading := self.outline(block):
            self.heading(*heading)
            if self.lead and self.lead.labelled and len(block.lines) > 1:   # its title's words wrap
                self.lead.paragraphs[0][1].extend(block.lines[1:])       # on, its text below them
            return None
        if self.sub_numbered(block):
            return None
        lead = self.lead
        if (lead and lead.labelled and single and lead.paragraphs == [("p", lead.paragraphs[0][1])]
                and len(lead.paragraphs[0][1]) == 1 and len(block.head.split()) <= 6
                and not bk.ends_sentence(block.head)):
            return lead.paragraphs[0][1].append(block.head)    # "… to the Tourism" / "Committee"
        if roman := _roman_title(block):
            self.roman(roman)
        elif block.bullet:
            self.bullet(block)
        elif block.number is not None:
            self.numbered(block)
        elif lettered := _lettered_title(block):
            self.label(lettered)
        elif single and self.kind_line(block.head):
            return
        elif single and (label := _label(block.head)):
            self.addressee(label[1]) if label[0] == "addressee" else self.label(label[1])
        else:
            self.text(block)

    def sub_numbered(self, block: Block) -> bool:
        """A paragraph numbered under its section's own number («6.1. Родители …», "4.2 Villages
        that …" under "6. Основные уроки", "4. Lessons learned"), a sentence running to its end
        and so no sub-section's title (see `outline`): an item of the section."""
        s = self.section
        if not s or self.in_annex or block.bullet or s.asking or s.combined or not s.label[:1].isdigit():
            return False
        match = re.match(rf"\s*{re.escape(s.label)}\.(\d{{1,2}})\.?\s+(?=\S)", block.head)
        if not match:
            return False
        self.item = None
        self.new_item([block.head[match.end():], *block.lines[1:]], int(match.group(1)), None)
        return True

    def sentence_lead(self, block: Block, after: Block | None) -> bool:
        """A sentence standing as a sub-section's title in a section of items (see `titles`):
        it opens the item that its paragraphs below say out."""
        title = sentence_title(block, after) if self.section and not self.in_annex else ""
        if not title or not (self.lead and self.lead.titled or titles_ahead(
                self.blocks, self.index, lambda b: _heading(b) or (len(b.lines) == 1 and _label(b.head)))):
            return False
        self.item = self.close_lead()
        self.drop_running()
        self.open_lead(self.section.sub or self.section.label, title)
        self.lead.titled = True
        if rest := [line for line in block.lines[1:] if line.strip()]:
            self.lead.paragraphs.append(("p", rest))
        return True

    def chapter_listed(self, head: str) -> None:
        """A chapter the contents list (see `contents`): the executive summary before it has
        ended; a management response's chapter holds no items, the recommendations it restates
        being the report's, up to the next chapter listed."""
        self.top, self.section, self.item = "", None, None
        if is_response(head):
            self.in_annex = self.responding = True
        elif self.responding:
            self.in_annex = self.responding = False

    def guided(self, block: Block) -> None:
        """Whether the bullets below are introduced as principles, criteria or conditions (see
        PRINCIPLES): the paragraph over them ends in a colon and names them so; a bullet or its
        continuation keeps that, any other paragraph ends it."""
        text = " ".join(" ".join(block.lines).split())
        if not block.bullet and text.endswith(":"):
            self.principles = bool(PRINCIPLES.search(SENTENCE.split(text)[-1]))
        elif not (block.bullet or block.turn or text[:1].islower()):
            self.principles = False

    def kind_line(self, head: str) -> bool:
        """A short line ending in a colon that names one kind of a section of several ("Передовая
        практика:" in «Извлечённые уроки и передовая практика»): the items below are of that kind;
        in conclusions with recommendations, "Recommendations:" says its bullets are recommendations,
        asking or not ("More investment is needed …"), until the next conclusion."""
        s = self.section
        kinds = kinds_named(head) if s and head.endswith(":") and len(head.split()) <= 6 else ()
        if len(kinds) != 1 or kinds[0] not in (s.base, *s.others):
            return False
        s.kind, self.item, s.kind_listed = kinds[0], None, True
        return True

    def subs_below(self, block: Block) -> bool:
        """Whether the pending "Recommendation 9." has its sub-items ("9.1.") a little below, and
        this block, not one of them, stands between (a table's cell read out of its row)."""
        number = self.pending.number
        first = re.compile(rf"{re.escape(number or '')}\.1\.?(?!\d)")
        return bool(number) and not bk.ends_sentence(block.lines[-1]) and any(
            first.match(later.head) for later in self.blocks[self.index + 1:self.index + 4])

    def template(self, kind: str, text: str, page: int) -> None:
        """An ILO template's item: kept wherever it stands, in an annex too (see `templates`)."""
        self.item = self.pending = None
        self.templated[kind] = self.templated.get(kind, 0) + 1
        s = self.section
        where = (s.sub or s.label) if s else self.annex_title if self.in_annex else self.title
        self.keep(Item(kind, self.part, where or "Annex", None, self.templated[kind], None, "",
                       self.part.country, False, [("p", [text])], page=page, labelled=True,
                       template=True))

    def templates_repeat(self) -> None:
        """Where the report states items of a kind in its chapters too, its templates repeat them."""
        stated = {item.kind for item in self.items if not item.template}
        self.items = [item for item in self.items if not (item.template and item.kind in stated)]

    def labelled(self, label: Label, block: Block) -> None:
        """An item opened by its label; one standing alone takes the next block's words."""
        self.item, self.pending = None, None
        lines = block.lines[1:] if not label.rest else [label.rest, *block.lines[1:]]
        if lines and not label.rest and not _prose(Block("", lines, False)):
            lines = []                      # a chart's labels beside the label: the text is below
        if lines and lines[0].strip():
            self.open_labelled(label, lines, block.page)
        else:
            self.pending = label

    def open_labelled(self, label: Label, lines: list[str], page: int) -> None:
        self.pending = None
        number = int(label.number) if label.number and label.number.isdigit() else None
        s = self.section
        where = (s.sub or s.label) if s else self.place or self.title or self.top
        self.item = Item(label.kind, self.part, where,
                         number, None, number, s.addressee if s else "",
                         (s.country if s else None) or self.part.country, bool(self.top),
                         [("p", list(lines))], page=page, labelled=True)
        self.keep(self.item)
        if s:
            s.labelled = True   # its items have labels: its running paragraphs explain them

    def continues(self, block: Block) -> bool:
        """Whether the block carries on the labelled item: a sub-item, a sub-bullet, a page turn."""
        item, last = self.item, self.item.paragraphs[-1][1][-1].rstrip()
        if self.many and self.many[1] is item and block.bullet and block.marker == self.many[2]:
            # the box's next bullet: its next item ("Box 2. Lessons learned" over its points)
            self.open_labelled(self.many[0], block.lines, block.page)
            self.many = (self.many[0], self.item, block.marker)
            return True
        numbered = f"{item.number}."         # "1.1.", "1.2." under "Recommendation 1." standing alone
        sub = item.number is not None and block.head.startswith(numbered) and (
            last.endswith(":") or any(lines[0].lstrip().startswith(numbered) for _, lines in item.paragraphs)
            or self.first_action(block) or self.next_sub(block))
        if is_rationale(block.head):        # "Rationale: …" under "Recommendation 1 (strategic): …"
            item.paragraphs.append(("p", list(block.lines)))
            return True
        if sub or (block.bullet and (item.sub_list(block) or self.section is not None)):
            item.paragraphs.append(("li" if block.bullet else "p", block.lines if block.bullet
                                    else [block.head, *block.lines[1:]]))
            return True
        lower = block.lines[0].strip()[:1].islower()
        # An attribute line ("Timeline: within 12 months") ends as a sentence does; a colon ends
        # no sentence when the words below it go on in lower case, no bullet before.
        ended = bk.ends_sentence(last) or is_attribute(item.paragraphs[-1][1][0])
        if (not ended or last.endswith(":") and lower) and (lower or block.turn or block.soft):
            item.paragraphs[-1][1].extend(block.lines)
            return True
        if self.titled(block) or (self.section or self.item.labelled) and self.explains(block):
            item.paragraphs.append(("p", list(block.lines)))
            return True
        self.item = None
        return False

    def next_sub(self, block: Block) -> bool:
        """Whether the block is the item's next sub-point ("3.2 holding …") after the one its
        text already holds, though that one ran on inside a line of the item ("… by: 3.1 …")."""
        match = re.match(rf"\s*{self.item.number}\.(\d{{1,2}})\.?\s+\S", block.head)
        k = int(match.group(1)) if match else 0
        text = " ".join(line for _, lines in self.item.paragraphs for line in lines)
        return k > 1 and bool(re.search(rf"(?<![\d.]){self.item.number}\.{k - 1}\.?\s", text))

    def first_action(self, block: Block) -> bool:
        """The first of a numbered item's sub-actions ("1.1 Agree a costed plan …" under
        "Recommendation 1"), after its rationale, not a heading ("1.1 Background"): a sentence."""
        head, number = block.head.lstrip(), self.item.number
        return (number is not None and bool(re.match(rf"{number}\.1\.?\s+\S", head))
                and len(head.split()) >= 5 and bk.ends_sentence(block.lines[-1]))

    def titled(self, block: Block) -> bool:
        """A labelled box's title standing alone ("Box 1: Good practice: Development of the Data
        Team", no sentence's end), then its text: the item is the title and the text below it."""
        item = self.item
        title = item.paragraphs[0][1] if len(item.paragraphs) == 1 else []
        words = " ".join(title).split()
        return (bool(title) and len(title) <= 3 and len(words) <= 20 and not bk.ends_sentence(title[-1])
                and block.number is None and not block.bullet and _prose(block) and block.head[:1].isupper()
                and item_label(block.head) is None)

    def explains(self, block: Block) -> bool:
        """A paragraph of running prose after a labelled item, in its section, before a management
        response, the next label of any kind ("Conclusion 2:" too), the item's attribute lines
        ("Responsible: …"), its first sub-action ("1.1 Agree …") or the next heading: the item's
        own rationale ("The consolidation should…")."""
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        text = " ".join(" ".join(block.lines).split())
        running = block.number is not None and block.number == self.running and self.in_run > 1  # "42. …"
        return bool((block.number is None or running) and not block.bullet and not OTHER_LABEL.match(text)
                    and _plain_paragraph(text) and after
                    and (is_response(after.head) or opening_label(after) or is_attribute(after.head)
                         or OTHER_LABEL.match(" ".join(after.head.split())) or _heading(after)
                         or self.first_action(after) or self.lead_in(self.index + 1)))

    def lead_in(self, at: int) -> bool:
        """Whether the block at `at` is a short line ending in a colon over bullets ("Actions:",
        "Suggested actions:", «Меры:»), not an addressee's ("For the donors:"): the item's own
        list follows, so the paragraph before it is still the item's."""
        block = self.blocks[at] if at < len(self.blocks) else None
        after = self.blocks[at + 1] if at + 1 < len(self.blocks) else None
        return bool(block and after and after.bullet and not block.bullet and len(block.lines) == 1
                    and block.head.rstrip().endswith(":") and len(block.head.split()) <= 8
                    and not bk.ADDRESSEE_LINE.match(block.head))

    def bullet(self, block: Block) -> None:
        section, item = self.section, self.item
        if not section or not block.lines[0].strip():
            return
        if self.principles:                 # what guides the items, not items
            self.item = None
            return
        if item and (item.number is not None or item.sub_list(block)):
            return item.paragraphs.append(("li", block.lines))
        if not item and self.lead and len(self.lead.paragraphs) > 1 and self.lead.sub_list(block):
            return self.lead.paragraphs.append(("li", block.lines))   # the sub-section's own list
        if item and DEMONSTRATIVE.match(block.lines[0]) and not bk.ends_sentence(
                item.paragraphs[-1][1][-1]):
            return item.paragraphs.append(("p", block.lines))
        if section.asking and not section.kind_listed and not asks(" ".join(block.lines)):
            # a conclusion's point, in conclusions with recommendations; under "Recommendations:"
            # every bullet is one, asking in its words or not ("Link to the hot-spots areas …")
            self.item = None
            return
        section.position += 1
        if block.lines[-1].rstrip().endswith(":") and not self.sub_list_follows(block):
            self.item = None                # it introduces the bullets below it
        else:
            self.new_item(block.lines, section.position, None)
            self.item.marker = block.marker

    def owns(self, block: Block) -> bool:
        """An item's attribute lines ("Priority: high. Timeframe: 2024") and the short line
        ending in a colon that introduces its own bullets ("Operational implications:", "The
        plan should cover the following:"), not an addressee's ("For the donors:")."""
        if block.bullet or block.number is not None or len(block.lines) > 3:
            return False
        if is_attribute(block.head):
            return True
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return (len(block.lines) == 1 and block.head.endswith(":") and len(block.head.split()) <= 8
                and not bk.ADDRESSEE_LINE.match(block.head) and bool(after and after.bullet)
                and (self.item.number is not None or self.item.labelled))

    def sub_list_follows(self, block: Block) -> bool:
        """Whether bullets of another shape follow: this item's own sub-list."""
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return bool(after and after.bullet and after.marker != block.marker)

    def follow_on(self, block: Block) -> bool:
        """A paragraph between two items of a list: the one above goes on in it."""
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        item = self.item
        if not (item and after and self.section) or _label(block.head) or len(block.lines) > 3:
            return False
        same = after.bullet and after.marker == item.marker and item.marker or (
            after.number is not None and item.number is not None and after.number == item.number + 1)
        return bool(same)

    def numbered(self, block: Block) -> None:
        section = self.section
        if section and section.asking:      # a conclusion's paragraph, or a recommendation's
            self.item = None
            if ASKING.search(" ".join(block.lines)):
                self.new_item(block.lines, None, block.number)
        elif section and (block.number == section.expected
                        or not section.found and block.number == section.follows):
            section.expected = block.number + 1
            self.numbered_on = (section.kind, section.expected)
            self.new_item(block.lines, None, block.number)
        elif section and (block.lead or section.led):
            self.led(block)
        # Only the section's first paragraph may introduce it ("13. The following lessons …"),
        # not an item that plans for "the following phase" («до начала следующего этапа»).
        elif section and self.in_run > RUNNING and section.expected == 1 and not (
                section.sub or section.labelled or section.named) and (
                section.found or section.paragraph is not None or not INTRODUCES.search(" ".join(block.lines))
                ) and not self.heads_list(block):
            self.new_item(block.lines, None, block.number)     # the report's running paragraphs
            section.running.append(self.item)
        elif section:
            section.paragraph, section.position, self.item = block.number, 0, None
            text = " ".join(" ".join(block.lines).split())
            if self.heads_list(block) and not (kinds_named(text) or FOLLOWING.search(text)):
                section.addressee = text    # "57. Development partners are encouraged to:"
            if self.lead:
                self.lead.paragraphs.append(("p", list(block.lines)))

    def combined_pieces(self, block: Block) -> bool:
        """A block of a combined chapter (see `combined_paragraph`) cut into its numbered
        paragraphs: a sub-heading and the next paragraph's number ("356. …") may stand inside it,
        set without a blank line; a sub-heading's lines, no sentence's end, are no paragraph's."""
        expected = (self.running if block.number is None else block.number) + 1
        pieces: list[tuple[int | None, list[str]]] = [(block.number, [])]
        for line in block.lines:
            numbered = bk.NUMBERED.match(line) if pieces[-1][1] else None
            if numbered and numbered.group(2) and int(numbered.group(2)) == expected:
                pieces.append((expected, [numbered.group(3)]))
                expected += 1
            else:
                pieces[-1][1].append(line)
        if block.number is None and len(pieces) == 1:
            return False
        for at, (number, lines) in enumerate(pieces):
            ends = [i for i, line in enumerate(lines) if bk.ends_sentence(line)]
            if number is not None and lines:
                self.running = number       # a sub-heading below it, in the block, is none of it
                heading_below = ends and at < len(pieces) - 1
                self.combined_paragraph(lines[:ends[-1] + 1] if heading_below else lines, number)
        return True

    def combined_paragraph(self, lines: list[str], number: int) -> None:
        """A numbered paragraph of a chapter of lessons, conclusions and recommendations together:
        its kind is what it does, not the title's first kind. A paragraph that names itself a
        lesson or a practice ("A key lesson … is that") is one; one whose opening sentence asks
        ("States should …", "In order to …, States should") is a recommendation (`asked`: bold
        may tell it apart better, see importer.find_items); others only conclude or introduce."""
        self.item = None
        text = " ".join(" ".join(lines).split())
        kind = names_itself(text)
        if kind or not text.endswith(":") and ASKING.search(SENTENCE.split(text)[0]):
            self.new_item(lines, None, number)
            self.item.kind, self.item.asked = kind or "recommendation", not kind

    def led(self, block: Block) -> None:
        """A section whose numbered paragraphs are led in bold (the UN's "20. **Climate change
        impacts were …** The …"): each lead opens an item, and the plain numbered paragraphs
        after it support it, as its own; those before the first lead only introduce them."""
        section = self.section
        if block.lead:
            if not section.led:
                section.led = True
                self.drop_running()
            self.new_item(block.lines, None, block.number)
        elif self.item and self.item in self.items:
            self.item.paragraphs.append(("p", list(block.lines)))

    def heads_list(self, block: Block) -> bool:
        """A running paragraph that only names who is asked ("The multilateral system should:",
        "I encourage Member States:") or announces its points ("… the following lessons:"), the
        lettered items below it: no item of its own. One that says what was found ("However,
        the evaluation also identified some challenges:") is an item, its points its own."""
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        text = " ".join(" ".join(block.lines).split())
        announces = bool(ASKING.search(text) or kinds_named(text) or FOLLOWING.search(text)
                         or bk.ADDRESSEE_LINE.match(text))
        return text.endswith(":") and len(text.split()) <= 20 and bool(after and after.bullet) and announces

    def drop_running(self) -> None:
        """A section of running paragraphs that turns out to have sub-sections: those are its
        items (each a lead, see `close_lead`); the paragraphs above them only introduce them."""
        for item in self.section.running:
            self.items.remove(item)
            self.front = [kept for kept in self.front if kept is not item]
            self.section.found -= 1
        self.section.running = []

    def text(self, block: Block) -> None:
        self.listed = 0                     # a run of short numbered lines ends at running text
        if self.item and self.item.plain and not block.lines[0].strip()[:1].islower():
            self.item = None                # a plain paragraph's sub-list ends: the next paragraph
        if self.item and self.list_ended(block):
            self.item = None
        if self.item and (block.soft or block.lines[0].strip()[:1].islower()):
            self.item.paragraphs[-1][1].extend(block.lines)
        elif self.follow_on(block):
            self.item.paragraphs.append(("p", list(block.lines)))
        elif self.lead and len(self.lead.paragraphs) > 1 and block.lines[0].strip()[:1].islower():
            self.lead.paragraphs[-1][1].extend(block.lines)
        elif self.prose_goes_on(block):
            self.section.prose[-1].paragraphs[-1][1].extend(block.lines)
        else:
            self.item = None
            if self.lead and self.section:
                self.lead.paragraphs.append(("p", list(block.lines)))
            elif self.section and not self.in_annex:
                self.prose(block)

    def list_ended(self, block: Block) -> bool:
        """Whether a plain paragraph right under a list's last recommendation (each item of the
        list an item), no blank line between them, starts after the list rather than going on
        in its item, as a PDF's layout sets a paragraph after a list with no more space than
        between the list's items: the item ended a sentence on a line broken on purpose (the
        paragraph's first two words would have fitted on it: one may be the measure's chance),
        the paragraph opens one with a capital and runs three lines or more asking for nothing
        (`bold.ASKING`): the report's findings going on. A recommendation's follow-on asks
        ("Responsibilities should be assigned to named units.", «Это следует делать …»), and so
        does a paragraph under an item's own sub-list ("The plan should cover: - …" / "Progress
        should be reviewed …")."""
        above = self.blocks[self.index - 1] if self.index else None
        if not (block.soft and above is not None and above.bullet and not block.bullet
                and block.number is None and self.item.kind == "recommendation"):
            return False
        if len(self.item.paragraphs) > 1 or self.item.paragraphs[0][1][-1:] != above.lines[-1:]:
            return False
        last, words = above.lines[-1].strip(), block.lines[0].split()[:2]
        return (bk.ends_sentence(last) and len(words) == 2 and words[0][:1].isupper()
                and len(last) + 1 + len(" ".join(words)) < above.measure
                and len(block.lines) >= 3 and not ASKING.search(" ".join(block.lines)))

    def prose_goes_on(self, block: Block) -> bool:
        """Whether the block carries on the plain paragraph read right above it, in lower case
        after no sentence's end: a page turn, or a blank line a PDF's layout grid set inside it."""
        s = self.section
        last = s.prose[-1].paragraphs[-1][1][-1] if s and s.prose and not self.in_annex else ""
        return bool(last) and s.prose_at == self.index - 1 and _goes_on(last, block)

    def new_item(self, lines: list[str], position: int | None, number: int | None) -> None:
        s = self.section
        self.item = Item(s.kind, self.part, s.sub or s.label, number or s.paragraph, position,
                         number, s.addressee, s.country or self.part.country, s.summary,
                         [("p", list(lines))], page=self.blocks[self.index].page)
        # In a section of two kinds, an item that names the other kind is of that kind; one that
        # names itself an item of one of them ("One lesson learned is …") is of that kind.
        text = " ".join(lines)
        named = names_itself(text) if s.others else None
        self.item.kind = named if named in (s.base, *s.others) else next(
            (kind for kind in s.others if re.search(KIND_TITLES[kind], text, re.I)), s.kind)
        self.keep(self.item)

    def keep(self, item: Item) -> None:
        self.items.append(item)
        if self.chapter or self.roman_chapter:
            self.chaptered.add(item.part.label)
        else:
            self.front.append(item)
        if self.section:
            self.section.found += 1
            self.section.held.add(self.section.heads)

    def prose(self, block: Block) -> None:
        """A plain paragraph of a section: an item if the section holds no other (see run); its
        last paragraph ending in a colon, over bullets in lower case, is an item whose sub-list
        they are."""
        s = self.section
        if s not in self.prosaic:
            self.prosaic.append(s)
        after = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        pieces = bk.paragraphs(block.lines, block.measure)
        for number, lines in enumerate(pieces):
            text = " ".join(" ".join(lines).split())
            # Bullets going on in lower case after its colon continue its sentence: its sub-list.
            # Capitalised ones under a colon are the items the paragraph introduces.
            listing = number == len(pieces) - 1 and text.endswith(":") and bool(
                after and after.bullet and after.lines[0].strip()[:1].islower())
            first, s.read = not s.read, True      # only its first paragraph introduces a section
            if INTRODUCES.search(text) and first and not listing or FOOTNOTE.match(text):
                continue
            below = pieces[number + 1][0] if number + 1 < len(pieces) else after.head if after else ""
            if text.endswith(":") and not listing and below[:1].isupper():
                drop_context(s)     # "They include …, to:" over its items: their introduction
                continue
            cut = number == len(pieces) - 1 and after is not None and _goes_on(text, after)
            if cut:                 # its words go on below (see prose_goes_on)
                text = f"{text} {' '.join(' '.join(after.lines).split())}"
            if not _plain_paragraph(text[:-1] + "." if listing else text):
                s.rejected += 1
                continue
            s.prose.append(Item(s.kind, self.part, s.sub or s.label, None, len(s.prose) + 1, None,
                                s.addressee, s.country or self.part.country, s.summary,
                                [("p", lines)], page=block.page, plain=True))
            s.under.append((s.heads, number == 0 and s.title_at == self.index - 1))
            s.prose_at = self.index
            self.item = s.prose[-1] if listing else None

    def paragraph_items(self) -> list[Item]:
        """The items among the sections' plain paragraphs: no number, label or bullet (see `paragraphs`)."""
        # A report that states its lessons in templates states them there: the chapter's
        # paragraphs of that kind only point to them ("described in Annex 5").
        return [item for s in self.prosaic if s.kind not in self.templated for item in section_paragraphs(s)]
