"""Import a report's plain text as draft entries: one per recommendation, lesson, practice.

`import_report(text_path, report, out_dir, taxonomy, existing_ids)` writes a draft
(`draft: true`, empty `title_translated`) per item to `out_dir/<part>/<id>.md`; it never
overwrites a file (it skips and reports it) and never reuses an id of `existing_ids`.

Parts: `main` for the main report; a country study gets its country's code (`kz`, `kg`,
`tj`, else the country slug), as in docs/content-format.md. A study starts at an annex
heading naming a country and a report ("Annex 6a: Country evaluation report Kazakhstan"),
or, its heading lost, at a "1. Introduction"/"1. Введение" inside annex matter followed by
text about another country (its annex letter is the next one: 6b → 6c).

Parsing follows the structure of such reports, not the lines of one of them:
- headings: numbered ("4.2 Recommendations"; a chapter number only in sequence, not in a
  run of short numbered lines), unnumbered (a short line of its own without closing
  punctuation), annex ("Annex 2: …", "Приложение 3: …"), Roman-numbered after the chapters
  (an annex that lost its heading). A section of recommendations, lessons learnt or good
  practices opens at a heading whose title starts with that name and ends at a heading of
  the same or a higher level or an annex heading. In it, subheadings reset the bullet
  count and the addressee line ("To ILO/IPEC:", "Партнерам по проекту:"), which holds
  until the next one; a country's name on a line of its own sets the items' country.
- items: numbered items run 1, 2, 3… through a section; any other number is a paragraph
  of the report (`source.paragraph` of the bullets below it). Bullets are items
  (`source.item` their position); one ending with a colon introduces the next ones; one
  starting "This…"/"Эта…" after a bullet without closing punctuation explains it (same
  item); bullets under a numbered item are its Markdown sub-list. A block after a page
  break or starting in lower case continues the item; a list's closing ";" is dropped.
  A Russian item may open with its addressee ("Менеджменту проекта продолжить…").
- a summary item (executive summary) whose words recur at 80 % in a chapter item of the
  same kind is merged into it: the fuller wording is the body, the summary goes to
  `source.also`. Main-report items are `central-asia` unless a country is named above them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from indexer.content.entries import ID_KINDS
from indexer.content.taxonomy import Taxonomy
from indexer.errors import ContentError
from indexer.importing import report_text as rt
from indexer.importing.report_text import Block

KIND_TITLES = {
    "recommendation": r"recommendations?\b|рекомендаци",
    "lesson": r"lessons?\s+learn|(?:извлеч[её]нн|полученн)\w*\s+урок|уроки\b",
    "good-practice": r"(?:(?:potential|emerging|identified)\s+)?(?:good|best|promising)\s+practice"
                     r"|(?:потенциально\s+\w+\s+)?(?:передов|положительн|надлежащ|лучш)\w*\s+практик",
}
OUTLINE = re.compile(r"\s*(\d{1,2}(?:\.\d{1,2}){0,3})(?:\.\s*|\s+)(?=[A-ZА-ЯЁ«\"“])(.+)")
ROMAN = re.compile(r"\s*[IVX]{1,4}\.\s+[A-Z][^.]{0,80}")
STUDY = re.compile(r"report|study|evaluation|assessment|отч[её]т|исследован|оценк", re.I)
INTRO = re.compile(r"introduction|введение", re.I)
SUMMARY = re.compile(r"(?:executive\s+)?summary$|резюме|краткое (?:изложение|резюме)", re.I)
ENDING = re.compile(r"(?:main\s+)?findings|conclusions?|introduction|background|contents|"
                    r"выводы|введение|содержание|список сокращений", re.I)
DEMONSTRATIVE = re.compile(r"(?:This|These|Эта|Это|Эти|Данная|Данный|Данное)\s")
COUNTRY_CODES = {"kazakhstan": "kz", "kyrgyzstan": "kg", "tajikistan": "tj"}


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar that reads back as this very text.

    JSON quoting is not enough: YAML refuses raw control characters (U+007F, U+0080-U+009F)
    and folds NEL, LS and PS as line breaks; PyYAML's emitter escapes each of them.
    """
    return yaml.safe_dump(text, allow_unicode=True, default_style='"', width=1 << 30).strip()


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

    def subheading(self, number: str = "") -> None:
        self.sub = number or self.sub
        self.position, self.addressee, self.country = 0, "", None


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

    def place(self) -> dict:
        where = {"paragraph": self.number} if self.number else {"item": self.item}
        return {"part": self.part.label, "section": self.section, **where}


@dataclass
class ImportReport:
    """Files written, files skipped (path, reason), items found per "<part> <section>"."""

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    found: dict[str, int] = field(default_factory=dict)
    merged: int = 0

    def summary(self) -> str:
        return (f"{sum(self.found.values())} items in {len(self.found)} sections "
                f"({self.merged} summary repeats merged): {len(self.written)} drafts written, "
                f"{len(self.skipped)} skipped")


def import_report(text_path: Path, report: str, out_dir: Path, taxonomy: Taxonomy,
                  existing_ids: set[str] = frozenset()) -> ImportReport:
    """Write a draft entry for every item of the report's text; never overwrite a file."""
    lines = rt.clean_lines(read_text(Path(text_path)))
    items = Walker(rt.blocks(lines), taxonomy, report).run()
    vocabulary = rt.Vocabulary.of(lines)
    for item in items:
        item.body = rt.render_paragraphs(item.paragraphs, vocabulary)
    items = [item for item in items if item.body]
    result = ImportReport(found=dict(Counter(f"{i.part.slug} {i.section}" for i in items)))
    kept = merge_repeats(items)
    result.merged = len(items) - len(kept)
    write_drafts(kept, report, Path(out_dir), taxonomy, set(existing_ids), result)
    return result


def read_text(path: Path) -> str:
    """The report's text; ContentError saying where when it is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise ContentError(f"{path}:{line}: not UTF-8 text (byte {exc.start}); "
                           "save the report's text as UTF-8 (pdftotext -enc UTF-8)") from None


def kind_of(title: str) -> str | None:
    """The kind of item a section heading announces, or None."""
    return next((kind for kind, pattern in KIND_TITLES.items()
                 if re.match(pattern, title, re.I)), None)


def _label(head: str) -> tuple[str, str] | None:
    """("addressee" | "label", text) for a short line standing on its own, else None."""
    if not head or not (head[0].isupper() or head[0] in "«\"“") or len(head.split()) > 12:
        return None
    if head.endswith(":"):
        return ("addressee", head) if rt.ADDRESSEE.match(head) else None
    return None if head.endswith((".", ",", ";")) or len(head) > 100 else ("label", head)


class Walker:
    """Walks the blocks of a report, keeping track of part, chapter and section."""

    def __init__(self, found: list[Block], taxonomy: Taxonomy, report: str = ""):
        self.blocks, self.index = found, 0
        # The countries of the report's record: among all ~270, short names ("Mali") match anywhere.
        record = taxonomy.reports.get(report)
        wanted = set(record.countries) if record and record.countries else None
        self.stems = {slug: {labels["en"][:5].lower(), labels["ru"][:5].lower()}
                      for slug, labels in taxonomy.vocabularies["countries"].items()
                      if slug != "central-asia" and (wanted is None or slug in wanted)}
        self.part, self.chapter, self.in_annex, self.top = Part("main", "Main report"), 0, False, ""
        self.listed = 0  # the number of the last short numbered line that was no heading
        self.section: Section | None = None
        self.item: Item | None = None
        self.items: list[Item] = []

    def run(self) -> list[Item]:
        for index, block in enumerate(self.blocks):
            self.index = index
            self.step(block)
        return self.items

    def step(self, block: Block) -> None:
        single = len(block.lines) == 1
        if annex := rt.is_annex(block.head):
            return self.annex(annex.group(1), annex.group(2) or "")
        if heading := self.outline(block):
            return self.heading(*heading)
        if single and ROMAN.fullmatch(block.head):
            self.item, self.section = None, None
            self.in_annex = self.in_annex or self.chapter >= 1
        elif block.bullet:
            self.bullet(block)
        elif block.number is not None:
            self.numbered(block)
        elif single and (label := _label(block.head)):
            self.addressee(label[1]) if label[0] == "addressee" else self.label(label[1])
        else:
            self.text(block)

    def countries(self, text: str) -> list[str]:
        low = text.lower()
        return [slug for slug, stems in self.stems.items() if any(stem in low for stem in stems)]

    def outline(self, block: Block) -> tuple[str, str] | None:
        """(number, title) when the block is a numbered heading in sequence, else None."""
        match = OUTLINE.fullmatch(block.head)
        if not match or len(match.group(2).split()) > 12 or match.group(2).endswith((",", ";")):
            return None
        number, title = match.group(1), match.group(2).strip()
        first = int(number.split(".")[0])
        if "." in number:
            return (number, title) if first in (self.chapter, self.chapter + 1) else None
        if len(block.lines) > 1 or title.endswith(":") or (
                title.endswith(".") and len(title.split()) > 6):
            return None
        restart = first == 1 and (self.chapter == 0 or self.in_annex and INTRO.match(title))
        in_list = first == self.listed + 1 and not title.endswith(".")  # "1. A", "2. B" lines
        self.listed = first if not title.endswith(".") else self.listed
        if in_list and not restart or not (self.chapter < first <= self.chapter + 2 or restart):
            return None
        return number, title

    def heading(self, number: str, title: str) -> None:
        level, first = number.count(".") + 1, int(number.split(".")[0])
        self.item = None
        if self.section and level <= self.section.level:
            self.section = None
        if level == 1 or first != self.chapter:
            self.new_chapter(first)
        kind = kind_of(title)
        if self.section is None and kind and not self.in_annex:
            self.section = Section(kind, level, number)
        elif self.section:
            self.section.subheading(number)

    def new_chapter(self, number: int) -> None:
        if number == 1 and self.chapter >= 1:
            ahead = " ".join(" ".join(b.lines) for b in self.blocks[self.index:self.index + 40])
            counts = Counter({slug: sum(ahead.lower().count(stem) for stem in stems)
                              for slug, stems in self.stems.items()})
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
        self.section, self.item = None, None
        named = self.countries(title)
        if len(named) == 1 and STUDY.search(title):
            self.new_part(named[0], annex)
        else:
            self.in_annex = True

    def label(self, text: str) -> None:
        self.item = None
        if kind := kind_of(text):
            if not self.in_annex:
                self.section = Section(kind, 99, self.top or text, bool(self.top))
        elif SUMMARY.match(text):
            self.section, self.top = None, text[0].upper() + text[1:].lower()
        elif ENDING.match(text) and self.section and self.section.level == 99:
            self.section = None
        elif self.section:
            named = self.countries(text) if len(text.split()) <= 3 else []
            if len(named) == 1:
                self.section.country = named[0]
            else:
                self.section.subheading()

    def addressee(self, text: str) -> None:
        if self.section:
            named = self.countries(text)
            self.item, self.section.addressee = None, text
            self.section.country = named[0] if len(named) == 1 else None

    def bullet(self, block: Block) -> None:
        section, item = self.section, self.item
        if not section or not block.lines[0].strip():
            return
        if item and item.number is not None:
            return item.paragraphs.append(("li", block.lines))
        if item and DEMONSTRATIVE.match(block.lines[0]) and not rt.ends_sentence(
                item.paragraphs[-1][1][-1]):
            return item.paragraphs.append(("p", block.lines))
        section.position += 1
        if block.lines[-1].rstrip().endswith(":"):
            self.item = None
        else:
            self.new_item(block.lines, section.position, None)

    def numbered(self, block: Block) -> None:
        section = self.section
        if section and block.number == section.expected:
            section.expected += 1
            self.new_item(block.lines, None, block.number)
        elif section:
            section.paragraph, section.position, self.item = block.number, 0, None

    def text(self, block: Block) -> None:
        if self.item and (block.soft or block.lines[0].strip()[:1].islower()):
            self.item.paragraphs[-1][1].extend(block.lines)
        else:
            self.item = None

    def new_item(self, lines: list[str], position: int | None, number: int | None) -> None:
        s = self.section
        self.item = Item(s.kind, self.part, s.sub or s.label, number or s.paragraph, position,
                         number, s.addressee, s.country or self.part.country, s.summary,
                         [("p", list(lines))])
        self.items.append(self.item)


def _next_annex(annex: str) -> str:
    """The annex after "6b" is "6c"; no guess without a lettered annex before it."""
    return annex[:-1] + chr(ord(annex[-1]) + 1) if annex[-1:].isalpha() else ""


def merge_repeats(items: list[Item], threshold: float = 0.8) -> list[Item]:
    """Chapter items, then the summary items that repeat none of them (`threshold` similar
    to a chapter item of the same part and kind: cited in its `source.also` instead)."""
    chapter = [item for item in items if not item.summary]
    kept, taken = list(chapter), set()
    for repeat in (item for item in items if item.summary):
        scored = [(rt.similarity(rt.normal_words(repeat.body), rt.normal_words(item.body)), n)
                  for n, item in enumerate(chapter) if n not in taken
                  and (item.part, item.kind) == (repeat.part, repeat.kind)]
        score, best = max(scored, default=(0.0, -1))
        if score < threshold:
            kept.append(repeat)
            continue
        taken.add(best)
        chapter[best].also.append(repeat.place())
        if rt.fuller(repeat.body, chapter[best].body):
            chapter[best].body = repeat.body
    return kept


def write_drafts(items: list[Item], report: str, out_dir: Path, taxonomy: Taxonomy,
                 taken: set[str], result: ImportReport) -> None:
    """Write each item's draft under a fresh id; skip, never overwrite, an existing file."""
    order, used = Counter(), set()
    for item in items:
        order[item.part.slug, item.kind] += 1
        nn = item.number or order[item.part.slug, item.kind]
        base = f"{item.part.slug}-{ID_KINDS[item.kind]}-{nn:02d}-{rt.slug_of(item.body)}"
        path = _free_path(out_dir / item.part.slug, base, taken, used)
        used.add(path.stem)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8") as handle:
                handle.write(draft_text(item, path.stem, report, taxonomy))
        except FileExistsError:
            result.skipped.append((path, "a file of that name exists"))
            continue
        result.written.append(path)


def _free_path(folder: Path, base: str, taken: set[str], used: set[str]) -> Path:
    """The draft's path: its id's existing file (to skip) or an id neither taken nor used."""
    candidate, number = base, 2
    while candidate in used or candidate in taken and not (folder / f"{candidate}.md").exists():
        candidate, number = f"{base}-{number}", number + 1
    return folder / f"{candidate}.md"


def suggest_tags(item: Item, addressee: str, taxonomy: Taxonomy) -> dict[str, list[str]]:
    """Countries from the part or addressee; keyword suggestions; only taxonomy slugs."""
    tags = {"countries": [item.country or "central-asia"], **rt.keyword_tags(item.body, addressee)}
    return {key: [s for s in slugs if s in taxonomy.slugs(key)] for key, slugs in tags.items()}


def draft_text(item: Item, entry_id: str, report: str, taxonomy: Taxonomy) -> str:
    """The draft file: front matter in the house order, then the item's own words."""
    addressee = item.addressee or rt.russian_addressee(item.body)
    tags = suggest_tags(item, addressee, taxonomy)
    lines = ["---", f"id: {entry_id}", f"type: {item.kind}", f"lang: {rt.lang_of(item.body)}",
             f"title: {_quoted(rt.title_of(item.body))}", 'title_translated: ""',
             *(f"{key}: [{', '.join(slugs)}]" for key, slugs in tags.items()),
             "source:", f"  report: {_quoted(report)}", f"  part: {_quoted(item.part.label)}",
             f"  section: {_quoted(item.section)}"]
    if item.paragraph is not None:
        lines.append(f"  paragraph: {item.paragraph}")
    lines.append(f"  item: {item.item if item.item is not None else 'null'}")
    if addressee:
        lines.append(f"  addressee: {_quoted(addressee)}")
    lines.append("  also: []" if not item.also else "  also:")
    lines += ["    - {" + ", ".join(f"{k}: {_quoted(str(v)) if isinstance(v, str) else v}"
                                    for k, v in place.items()) + "}" for place in item.also]
    lines += ["parallel: []", "draft: true", "---", "", item.body, ""]
    return "\n".join(lines)
