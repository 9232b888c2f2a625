"""What the walker finds: a report's parts, the sections of items, and the items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

KIND_TITLES = {
    "recommendation": r"recommendations?\b|рекомендаци",
    "lesson": r"le+s+ons?\s+(?:learn|identified)|learnings\b|(?:извлеч[её]нн|полученн)\w*\s+урок|уроки\b",
    "good-practice": r"(?:(?:potential|emerging|identified)\s+)?(?:good|best|promising)\s+practice"
                     r"|(?:потенциально\s+\w+\s+)?(?:передов|положительн|надлежащ|лучш|успешн)\w*\s+"
                     r"(?:практик|опыт)",
}
# A table's column may name its kind by the bare word, in the singular: "Lesson", «Урок» (the
# header of a table of lessons, "№ | Урок | На чём основан"); in a sentence the word says less.
COLUMN_TITLES = {**KIND_TITLES, "lesson": KIND_TITLES["lesson"] + r"|(?:lessons?|урок[иа]?)\s*$"}
OUTLINE = re.compile(r"\s*(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.\s*|\s+)(?=[A-ZА-ЯЁ«\"“])(.+)")
ROMAN = re.compile(r"\s*[IVX]{1,4}\.\s+[A-ZА-ЯЁ][^.]{0,80}")
STUDY = re.compile(r"report|study|evaluation|assessment|отч[её]т|исследован|оценк", re.I)
INTRO = re.compile(r"introduction|введение", re.I)
SUMMARY = re.compile(r"(?:executive\s+)?summary$|резюме|краткое (?:изложение|резюме)", re.I)
ENDING = re.compile(r"(?:main\s+)?findings|conclusions?|introduction|background|contents|"
                    r"(?:approach\s*(?:&|and)\s*)?methodology|методология|"
                    r"выводы|введение|содержание|список сокращений", re.I)
# A section's introduction: "The evaluation makes the following recommendations.", «следующие уроки».
INTRODUCES = re.compile(r":\s*$|\bfollowing\b|\bmakes?\s+(?:\w+\s+)?(?:recommendations|suggestions)\b|"
                        r"(?<![а-яё])следующ\w+|сформулирован\w*\s+\w*\s*рекомендац|"
                        r"^(?:this|the\s+present)\s+(?:section|chapter)\b|"
                        r"^(?:в\s+)?(?:этом|данном|настоящем)\s+(?:разделе|главе)|"
                        r"^(?:этот|данный)\s+раздел|"
                        # or counts its items: "OAIS identified ... 41 good practices", «7 рекомендаций»
                        r"\b(?:\d{1,3}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                        r"(?:[\w-]+\s+)?(?:recommendations|lessons|(?:good|best|promising)\s+practices)\b|"
                        r"\b\d{1,3}\s+(?:\w+\s+)?(?:рекомендаци|урок|практик)\w*", re.I)
# A report's back matter ("Acronyms & Acknowledgements", "References"): no section of items
# runs on into it, numbered or not, wherever it stands.
BACK_MATTER = re.compile(r"(?:list\s+of\s+)?(?:acronyms|abbreviations|acknowledge?ments|bibliography|"
                         r"references|endnotes|glossary)\b|благодарност|библиограф|"
                         r"список\s+(?:литературы|источников)", re.I)
# One conclusion or finding named by its number ("Conclusion 7: Sharing …", "Finding 3."): an
# item of a chapter, not a chapter of conclusions.
ONE_CONCLUSION = re.compile(r"(?:conclusion|finding|вывод)\s*\d{1,2}\b", re.I)
# The annexes' heading, or the list of them that ends a web page's body ("List of Appendices").
ANNEXES = re.compile(r"(?:list\s+of\s+|список\s+)?(?:annexes|appendices|attachments|приложени[яй])\b", re.I)
DEMONSTRATIVE = re.compile(r"(?:This|These|Эта|Это|Эти|Данная|Данный|Данное)\s")
COUNTRY_CODES = {"kazakhstan": "kz", "kyrgyzstan": "kg", "tajikistan": "tj"}


@dataclass(frozen=True)
class Part:
    slug: str
    label: str
    country: str | None = None
    annex: str = ""


@dataclass
class Section:
    """The recommendations, lessons or good-practices section being read."""

    kind: str
    level: int                      # 99 for an unnumbered section
    label: str
    summary: bool = False
    sub: str = ""
    paragraph: int | None = None
    position: int = 0
    expected: int = 1
    addressee: str = ""
    country: str | None = None
    others: tuple[str, ...] = ()    # other kinds its title names ("Lessons learned & best practices")
    found: int = 0                  # items found in it
    prose: list = field(default_factory=list)   # its plain paragraphs, as items (see walker.prose)
    under: list = field(default_factory=list)   # each one's (sub-section, 0 for none; right under its title)
    heads: int = 0                  # the sub-sections begun in it (see subheading)
    held: set = field(default_factory=set)      # the sub-sections holding an item found otherwise
    prose_at: int = -1              # the block its last plain paragraph was read from
    title_at: int = -1              # the block of its last sub-section's title (see headings.label)
    titles: dict = field(default_factory=dict)  # each unnumbered sub-section's title, by its count (heads)
    rejected: int = 0               # its other blocks: tables' cells, headings, short lines
    base: str = ""                  # the kind its own title names (`kind` may be a sub-section's)
    running: list = field(default_factory=list)  # items kept from the report's running paragraphs
    labelled: bool = False          # it holds items opened by their labels
    read: bool = False              # a plain paragraph of it has been read (see walker.prose)
    letter: str = ""                # the letter of the heading that opened it ("A. Lessons learned")
    listed: bool = False            # a list announced by the paragraph above it (see `lists`)
    single: bool = False            # its heading names one item ("Recommendation"): see SINGLE
    led: bool = False               # a numbered paragraph of it is led in bold: the leads are its items
    named: bool = False             # its heading has a name of its own first ("Special report: …")
    follows: int = 0                # the number the section of its kind above would take next
    asking: bool = False            # conclusions with the recommendations: only what asks is an item
    kind_listed: bool = False       # the bullets below follow a line naming their kind ("Recommendations:")
    combined: bool = False          # lessons, conclusions and recommendations: kinds from what they do

    def __post_init__(self) -> None:
        self.base = self.base or self.kind

    def subheading(self, number: str = "", kind: str | None = None) -> None:
        """A sub-section begins; one whose title names a kind ("7.2 Good practices" in
        "7. Lessons and good practices") holds items of that kind, another the section's."""
        self.sub = number or self.sub
        self.heads += 1
        self.position, self.addressee, self.country = 0, "", None
        if number:
            self.kind = kind or self.base


@dataclass
class Item:
    """One item found: where it stands, and its lines ("p" paragraphs, "li" sub-bullets)."""

    kind: str
    part: Part
    section: str
    paragraph: int | None
    item: int | None
    number: int | None
    addressee: str
    country: str | None
    summary: bool
    paragraphs: list[tuple[str, list[str]]]
    also: list[dict] = field(default_factory=list)
    body: str = ""
    page: int = 1
    labelled: bool = False          # opened by its own label ("Recommendation 3.")
    marker: str = ""                # the shape of the bullet that opened it, if one did
    template: bool = False          # stated in an ILO template (see `templates`)
    plain: bool = False             # a plain paragraph of a section written in paragraphs
    asked: bool = False             # a combined chapter's paragraph kept for its asking (see walker.numbered)
    titled: bool = False            # led by a sentence standing as its title (see `titles`)

    def sub_list(self, block) -> bool:
        """Whether a bullet block belongs to this item: after its colon, or its sub-list going on."""
        if block.marker == self.marker:
            return False
        kind, lines = self.paragraphs[-1]
        return kind == "li" or lines[-1].rstrip().endswith(":")

    def place(self) -> dict:
        where = {"paragraph": self.number} if self.number else {"item": self.item}
        return {"part": self.part.label, "section": self.section, **where, "page": self.page}



# A paragraph that names itself an item of a kind: "A key lesson from the past five years is
# that …", "One lesson learned is …", «Один из уроков …», «Извлечённый урок состоит в том, что …».
SELF_NAMED = {
    "lesson": re.compile(r"\b(?:(?:a|an|one|another|the|this)\s+(?:[\w-]+\s+){0,2}lesson|one\s+of\s+the\s+"
                         r"(?:[\w-]+\s+){0,2}lessons)\s+(?:learn\w*\s+)?"
                         r"(?:[^.;:]{0,60}?\s)?(?:is|was|has\s+been|are|were|concerns)\b|"
                         r"(?<![а-яё])(?:один\s+из\s+(?:\w+\s+)?урок\w*|(?:извлеч[её]нн|полученн|главн|основн|"
                         r"ключев)\w*\s+урок\w*\s+(?:состоит|заключается))", re.I),
    "good-practice": re.compile(r"\b(?:(?:a|an|one|another|the|this)\s+(?:[\w-]+\s+)?"
                                r"(?:good|best|promising)\s+practice|one\s+of\s+the\s+(?:[\w-]+\s+)?(?:good|best|promising)\s+practices)\s+(?:[^.;:]{0,60}?\s)?(?:is|was|has\s+been|are|were)\b|"
                                r"(?<![а-яё])(?:одн\w+\s+из\s+(?:передов|лучш|успешн)\w*\s+практик\w*|"
                                r"(?:передов|успешн)\w*\s+практик\w*\s+(?:состоит|заключается))", re.I),
}
# A chapter of lessons, conclusions and recommendations together ("VIII. Lessons learned,
# conclusions and recommendations"): its paragraphs are of the kind of what they do.
COMBINED = re.compile(r"conclusions?|выводы|заключени[ея]", re.I)


def names_itself(text: str) -> str | None:
    """The kind a paragraph names itself ("A key lesson … is that"), or None."""
    return next((kind for kind, pattern in SELF_NAMED.items() if pattern.search(text)), None)


def combined(title: str) -> bool:
    """Whether a chapter's title names lessons, conclusions and recommendations together."""
    kinds = kinds_named(title)
    return "lesson" in kinds and "recommendation" in kinds and bool(COMBINED.search(title))


def kinds_named(title: str) -> tuple[str, ...]:
    """Every kind a title names, in order ("Lessons learned and good practices": both)."""
    found = [(m.start(), kind) for kind, pattern in KIND_TITLES.items()
             if (m := re.search(pattern, title, re.I))]
    return tuple(kind for _, kind in sorted(found))


# Words that may stand before the kind in a heading: "Main recommendations", «Основные уроки».
QUALIFIER = (r"(?:(?:main|key|principal|overall|general|specific|strategic|operational|other|additional|"
             r"summary\s+of(?:\s+the)?|основн\w+|ключев\w+|главн\w+|общ\w+|конкретн\w+|стратегическ\w+|"
             r"оперативн\w+|прочие|другие)\s+)?")


# A heading may name its lessons by the word alone ("V. Lessons and recommendations", "Lessons
# for future operations"); inside a sentence or a cell "lessons" alone says less.
# A leaflet's heading may say who recommends: "What the JIU recommends", «Что рекомендует ОИГ».
HEADING_TITLES = {**KIND_TITLES, "lesson": KIND_TITLES["lesson"] + r"|lessons\b",
                  "recommendation": KIND_TITLES["recommendation"]
                  + r"|what\s+(?:the\s+)?\S+(?:\s+\S+)?\s+recommends?\s*$|что\s+рекоменду\w+"}


# A lettered section's letter: "B. Recommendations" (IFAD, the World Bank), «Б. Рекомендации».
LETTERED = r"(?:[A-HА-Е]\.\s+)?"
# A heading's own name before a colon, then the kind ("Special report: Key lessons from UNDP
# evaluations", «Специальный доклад: основные уроки»); no figure's or table's caption. Such a
# section is a discussion built around its items (a synthesis, a special report): its items
# are marked (a label, a bullet, a bold lead), its plain running paragraphs are its discussion.
TITLE_NAME = (r"(?!(?:figure|table|chart|graph|box|annex|рисунок|таблица|диаграмма|график|"
              r"вставка|приложение)\b)[^\W\d][^:.;]{1,38}:\s+")
NAMED_TITLE = f"(?:{TITLE_NAME})?"
LETTER_HEADING = re.compile(r"([A-HА-Е])\.\s+\S")
# A heading that names one item in the singular, the kind's word alone ("Recommendation" over
# the paragraph closing a country's section): it labels the paragraph below, no section of many.
SINGLE = re.compile(r"(?:recommendation|lesson(?:\s+learn(?:ed|t))?|(?:good|best|promising)\s+practice|"
                    r"рекомендация|урок|извлеч[её]нный\s+урок|(?:передовая|надлежащая)\s+практика)\s*:?",
                    re.I)


# An unnumbered heading over a body's conclusions and recommendations together ("Conclusions
# and recommendations", as the CPC and ACABQ head each agenda item's): a section of
# recommendations whose paragraphs that only conclude ("The Committee welcomed …") are none.
CONCLUDING = re.compile(r"(?:(?:findings|observations),?\s+)?conclusions?,?\s+(?:and|&)\s+recommendations?|"
                        r"(?:выводы|заключени[ея])\s+и\s+рекомендации", re.I)


def named_heading(title: str) -> bool:
    """Whether a section's heading names it before its kind ("B. Special report: Key lessons …"),
    not by its kind ("Lessons learned: rural roads")."""
    name = re.match(LETTERED + TITLE_NAME, title, re.I)
    return bool(name and not kinds_named(name.group()) and not re.search(r"\blessons\b", name.group(), re.I))


def kind_of(title: str) -> str | None:
    """The kind of item a section heading announces, or None."""
    return next((kind for kind, pattern in HEADING_TITLES.items()
                 if re.match(LETTERED + NAMED_TITLE + QUALIFIER + f"(?:{pattern})", title, re.I)), None)
