"""The plain text of a report extracted from PDF: page furniture dropped, lines re-joined.

`clean_lines(text)` keeps the report's own lines (blank ones too) and drops:
- footnotes: a rule line (ten no-break spaces or underscores) opens a block that runs to
  the next blank line or page start (a line beginning with white space or a form feed);
  footnotes number in sequence ("2812 июня…" after 27 is footnote 28); each marker goes from
  the nearest line above gluing it to a word or mark ("projects20.", "Kazakhstan ” 21").
- contents lines (dot leaders, page number); page numbers ("12", "- 12 -", "Page 12");
- running headers and footers: a line recurring (digits aside) three times or more at a
  page's top or foot, apart from a paragraph (a blank line or furniture above it).

`join_lines` re-joins a paragraph. A hyphen at a line's end glued to a word ("approa-" /
"ches") joins without a space, and the hyphen stays when the split looks like a compound:
1. the hyphenated form occurs on one line elsewhere → keep;
2. the joined form occurs as a word elsewhere → drop ("approaches");
3. the first half is prefix-like (self, non, sub, inter, по, мини…), an acronym or a number
   → keep ("self-governance", "МОТ-ИПЕК", "2008-2010");
4. both halves have two letters or more and the first (three or more) is a word on its own
   elsewhere, or a Russian combining form in -о/-е ("социально-") → keep;
5. otherwise the layout cut a word → drop the hyphen.

`blocks` groups lines: a blank line, a bullet (, •; "-", "–" after a sentence's end), and
after a sentence's end a numbered line, a page start or a short title-like line open a
block; a short title-like line (a heading) or an annex heading stands alone.

The rest reads an item's words: title, slug, language, the addressee opening a Russian
item, similarity of repeats, keyword suggestions of stakeholders, objectives and themes.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from slugify import slugify

ANNEX = re.compile(r"\s*(?:Annex|Appendix|Прилож\w*)\s*(\d+[A-Za-zА-Яа-я]?|[IVX]+)"
                   r"\s*(?:[:.]\s*(.*)|$)")
SUBHEADING = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZА-ЯЁ]")
BULLET = re.compile(r"\s*(?:[\uf0b7•▪●◦]|[-–](?=\s))\s*(.*)")
STRONG_BULLET = re.compile(r"\s*[\uf0b7•▪●◦]")
NUMBERED = re.compile(r"\s*(\d{1,3})\.(?:\s+|(?=[A-ZА-ЯЁ]))(\S.*)")
ADDRESSEE = re.compile(r"To\s|(?:Менеджмент|Партн[её]р|Национальн|Правительств|Министерств|"
                       r"НПО|Профсоюз|Работодател|Донор|Государствен|Местн)\w*")
STOP_ADDRESSEE = set("следует необходимо нужно надо рекомендуется в во до при для учитывая более "
                     "также на".split())
STOPWORDS = set("a an the to of in on for and or with by at from as is are be been has have it its "
                "this that these those which will would should can may must need into per more all "
                "their there than also not so в во на по с со к для о об от до за из у не и а но "
                "или что как также при это эта эти его ее их который чтобы то же бы".split())
PAGE_NUMBER = re.compile(
    r"(?:page|стр\.?|страница)?\s*[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:of|из)\s*\d{1,4})?", re.I)
TOC_LINE = re.compile(r"(?:(?:\.\s?){4,}|…{2,})\s*\d{1,4}\s*$")
RULE_LINE = re.compile(r"\s*_{10,}\s*")
LETTER = r"[^\W\d_]"
WORD = LETTER + "+"
PREFIXES = frozenset("self non sub inter intra pre post co multi mini semi up well part full anti "
                     "cross long short pro re by ex mid low high по мини суб сверх".split())


@dataclass(frozen=True)
class Vocabulary:
    """The report's words and hyphenated compounds, to decide line-break hyphens."""

    words: frozenset[str]
    compounds: frozenset[str]

    @classmethod
    def of(cls, lines: list[str]) -> Vocabulary:
        text = "\n".join(lines)
        compounds = {m.lower() for m in re.findall(rf"{WORD}(?:-{WORD})+", text)}
        unbroken = re.sub(rf"{WORD}-[ \t]*\n\s*{WORD}", " ", text)
        return cls(frozenset(w.lower() for w in re.findall(WORD, unbroken)), frozenset(compounds))


def clean_lines(text: str) -> list[str]:
    """The report's lines without footnotes, headers, footers, page numbers and contents."""
    lines = [line.replace("\xa0", " ").replace("\f", " ").rstrip()
             for line in _drop_footnotes(text.replace("\r\n", "\n").split("\n"))]
    furniture = _furniture(lines)
    return [line for number, line in enumerate(lines) if number not in furniture]


def _is_rule(line: str) -> bool:
    """A footnote rule: a run of no-break spaces (this extraction) or of underscores."""
    return (line.count("\xa0") >= 10 and not line.replace("\xa0", "").strip()) or bool(
        RULE_LINE.fullmatch(line))


def _drop_footnotes(lines: list[str]) -> list[str]:
    """The lines without footnote blocks, and without the blocks' markers in the text."""
    kept, block, last = [], None, 0
    for line in [*lines, ""]:
        if block is not None and line.strip() and not line[0].isspace():
            block.append(line)
            continue
        if block is not None:
            numbers, last = _footnote_numbers(block, last)
            for footnote in numbers:
                _drop_marker(kept, footnote)
        block = [] if _is_rule(line) else None
        kept += [] if block is not None else [line]
    return kept[:-1]


def _footnote_numbers(block: list[str], last: int) -> tuple[list[int], int]:
    """The numbers of the footnotes in a block, read in sequence after footnote `last`."""
    numbers = []
    for line in block:
        if line.startswith(str(last + 1)):
            last += 1
            numbers.append(last)
        elif not numbers and (match := re.match(r"(\d{1,3})(?=\D)", line)):
            last = int(match.group(1))
            numbers.append(last)
    return numbers, last


def _drop_marker(kept: list[str], footnote: int, window: int = 80) -> None:
    """Remove the footnote's marker from the nearest line above that carries it."""
    marker = re.compile(rf"(?:(?<={LETTER})|(?<=[.,;:)”»\"’])\s?){footnote}(?!\w)")
    for number in range(len(kept) - 1, max(-1, len(kept) - 1 - window), -1):
        matches = list(marker.finditer(kept[number]))
        if matches:
            start, end = matches[-1].span()
            kept[number] = kept[number][:start] + kept[number][end:]
            return


def _furniture(lines: list[str]) -> set[int]:
    """Line numbers of contents lines, page numbers and running headers or footers."""
    counts, drop = Counter(_form(line) for line in lines if line.strip()), set()
    for number in range(len(lines)):
        if _is_furniture(lines, number, counts, drop):
            drop.add(number)
    return drop


def _form(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split()))


def _is_furniture(lines: list[str], number: int, counts: Counter, drop: set[int]) -> bool:
    line, form = lines[number].strip(), _form(lines[number])
    if line and (TOC_LINE.search(line) or PAGE_NUMBER.fullmatch(line)):
        return True
    after = lines[number + 1] if number + 1 < len(lines) else " "
    apart = number == 0 or not lines[number - 1].strip() or number - 1 in drop
    edge = is_page_start(lines[number]) or is_page_start(after)   # at a page's top or foot
    return (apart and edge and counts[form] >= 3 and len(form) >= 20 and not form.endswith(":")
            and not (BULLET.match(line) or line[:1].isdigit()))


def join_lines(lines: list[str], vocabulary: Vocabulary) -> str:
    """One paragraph from its lines: single spaces, line-break hyphenation undone."""
    text = ""
    for line in (" ".join(line.split()) for line in lines):
        if line:
            text = _join(text, line, vocabulary) if text else line
    return text


def _join(text: str, line: str, vocabulary: Vocabulary) -> str:
    if not text.endswith("-") or text.endswith(" -"):
        return f"{text} {line}"
    first = re.search(rf"({WORD})?-$", text).group(1) or ""
    second = (re.match(WORD, line) or re.match("", line)).group(0)
    if not first or not second or keep_hyphen(first, second, vocabulary):
        return text + line
    return text[:-1] + line


def keep_hyphen(first: str, second: str, vocabulary: Vocabulary) -> bool:
    """Whether "first-" at a line's end and "second" on the next form a real compound."""
    low = first.lower()
    if f"{low}-{second.lower()}" in vocabulary.compounds:
        return True
    if (low + second.lower()) in vocabulary.words:
        return False
    if low in PREFIXES or (first.isupper() and len(first) > 1):
        return True
    if len(first) < 2 or len(second) < 2:
        return False
    own_word = len(first) >= 3 and low in vocabulary.words
    combining = bool(re.fullmatch(r"[а-яё]{4,}[ое]", low))
    return own_word or combining


@dataclass
class Block:
    """Lines that belong together: a paragraph, a bullet or a numbered item, a heading."""

    head: str
    lines: list[str]
    soft: bool                      # began after a page break with no blank line before it
    bullet: bool = False
    number: int | None = None


def blocks(lines: list[str]) -> list[Block]:
    """Group cleaned lines into blocks (see the module's docstring)."""
    found: list[Block] = []
    current, previous = None, ""
    for line in lines:
        if not line.strip():
            current, previous = None, ""
            continue
        if current is None or _opens_block(line, previous, current):
            current = _new_block(line, soft=bool(previous))
            found.append(current)
        else:
            current.lines.append(line)
        previous = line
    return found


def is_annex(line: str) -> re.Match | None:
    return ANNEX.fullmatch(line) if len(line.split()) <= 14 else None


def _opens_block(line: str, previous: str, current: Block) -> bool:
    head = current.lines[0] if current.number else current.head
    alone = len(current.lines) == 1 and (
        SUBHEADING.match(head) or is_annex(head) or not current.bullet and _title_like(head))
    if alone or STRONG_BULLET.match(line) or is_annex(line):
        return True
    listed = BULLET.match(line) or NUMBERED.match(line) or SUBHEADING.match(line)
    if is_page_start(line) and listed:
        return True
    return ends_sentence(previous) and bool(listed or is_page_start(line) or _title_like(line))


def _title_like(line: str) -> bool:
    """A short line that may be a heading, a label or an addressee line."""
    text = line.strip()
    return 0 < len(text.split()) <= 8 and text[0].isupper() and text[-1] not in ".,;-"


def _new_block(line: str, soft: bool) -> Block:
    head = line.strip()
    if bullet := BULLET.match(line):
        return Block(head, [bullet.group(1)], soft, bullet=True)
    if numbered := NUMBERED.match(line):
        return Block(head, [numbered.group(2)], soft, number=int(numbered.group(1)))
    return Block(head, [line], soft)


def render_paragraphs(paragraphs: list[tuple[str, list[str]]], vocabulary: Vocabulary) -> str:
    """An item's words: ("p", lines) paragraphs and ("li", lines) sub-bullets as Markdown."""
    out = []
    for kind, lines in paragraphs:
        text = join_lines(lines, vocabulary)
        out += [f"- {text}", "\n"] if kind == "li" else [text, "\n\n"]
    return "".join(out[:-1]).strip().rstrip(";,").rstrip()


def fuller(text: str, other: str) -> bool:
    """Whether a text says more: a sentence more, or a fifth more words ("(see …)" aside)."""
    text, other = (re.sub(r"\s*\((?:see|см\.)[^)]*\)", "", t) for t in (text, other))
    sentences = [len(re.findall(r"[.!?](?:\s|$)", t.strip() + " ")) for t in (text, other)]
    if sentences[0] != sentences[1]:
        return sentences[0] > sentences[1]
    return len(text.split()) > 1.2 * len(other.split())


def is_page_start(line: str) -> bool:
    """Whether a line opens a page in this extraction (it begins with white space)."""
    return bool(line) and line[0].isspace()


def ends_sentence(line: str) -> bool:
    return line.rstrip().endswith((".", ":", ";", "!", "?"))


def normal_words(text: str) -> str:
    """Lower-cased letters and digits, words one space apart (ё as е), for comparisons."""
    return " ".join(re.findall(r"[^\W_]+", text.lower().replace("ё", "е")))


def similarity(a: str, b: str) -> float:
    """How much of the shorter text recurs, in order, in the longer one (0…1)."""
    short, long = sorted((a, b), key=len)
    if len(short) < 40 or len(short) < 0.25 * len(long):
        return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
    matcher = difflib.SequenceMatcher(None, short, long, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(short)


def slug_of(text: str, words: int = 4) -> str:
    """The first significant words of a text, transliterated to ASCII."""
    significant = [w for w in re.findall(WORD, text) if w.lower() not in STOPWORDS]
    return slugify(" ".join(significant[:words])) or "item"


def title_of(text: str, limit: int = 80) -> str:
    """The first sentence, or the first words cut at a word boundary near `limit`."""
    first = " ".join(text.split("\n\n")[0].lstrip("- ").split())
    sentence = re.split(r"(?<=[.!?])\s", first)[0]
    if len(sentence) > limit:
        sentence = sentence[:limit + 1].rsplit(" ", 1)[0]
    return sentence.rstrip(" .,;:—–-") or first[:limit]


def lang_of(text: str) -> str:
    """"ru" when most letters are Cyrillic, else "en"."""
    letters = [c for c in text if c.isalpha()]
    cyrillic = sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in letters)
    return "ru" if letters and cyrillic / len(letters) > 0.5 else "en"


def russian_addressee(text: str) -> str:
    """The words addressing a Russian item ("Менеджменту проекта продолжить…"), or ""."""
    if not ADDRESSEE.match(text) or text.startswith("To "):
        return ""
    words = []
    for word in text.split():
        bare = word.strip("(),;:").lower()
        if re.search(r"(?:ть|ти|чь)(?:ся)?$", bare) or bare in STOP_ADDRESSEE or (
                len(bare) > 3 and bare.endswith("о") and bare != "совместно"):
            break
        words.append(word)
    return " ".join(words).rstrip(",") if len(words) < len(text.split()) else ""


IO = re.compile(r"\b(?:IO|КЦ|НЦ)\s?([1-4])\b")
OBJECTIVES = {
    "io1-policy": r"\bnaps?\b|legislat|\blaws?\b|legal|polic|закон|\bнпа\b|\bнпд\b|правов|политик",
    "io2-capacity": r"capacity|training|trade union|employer|потенциал|обучени|тренинг|профсоюз",
    "io3-services": r"withdraw|services?\b|school|prevent|famil|услуг|изъят|школ|реабилит|семь|"
                    r"профилакт|трудоустр",
    "io4-knowledge": r"exchange|regional|visit|dissemin|обмен|регионал|поездк|визит|распростран",
    "project-design": r"design|monitoring|sustainab|\bexit\b|indicator|дизайн|мониторинг|устойчив|"
                      r"выход|индикатор|разработк\w* проект",
}
IO_SLUGS = dict(zip("1234", list(OBJECTIVES)[:4], strict=True))
STAKEHOLDERS = {
    "ilo-ipec": r"\bilo\b|\bipec\b|\bмот\b|\bипек\b", "cta": r"\bcta\b|\bгтс\b",
    "npc": r"\bnpcs?\b|\bнкп\b|менеджмент",
    "government": r"government|ministr|national authorit|правительств|министерств|"
                  r"национальн\w* орган|партн[её]р\w* по проекту",
    "local-government": r"local (?:government|authorit|level)|self-governance|акимат|хукумат|"
                        r"местн\w* (?:власт|орган)|самоуправлен",
    "parliament": r"parliament|парламент|депутат",
    "social-partners": r"social partner|tripartite partner|социальн\w* партн|"
                       r"партн[её]р\w* по проекту",
    "trade-unions": r"trade union|профсоюз", "employers": r"employer|работодател",
    "ngos": r"\bngos?\b|\bнпо\b|non-governmental", "teachers": r"teacher|учител",
    "parents": r"parent|famil|родител|семь|семей", "media": r"\bmedia\b|\bсми\b",
    "donors": r"donor|донор", "un-agencies": r"\bun\b|unicef|\biom\b|undaf|юнисеф|\bмом\b|оон",
}
THEMES = {
    "awareness-raising": r"awareness|осведомл", "gender": r"gender|гендер",
    "capacity-building": r"capacity|training|потенциал|обучени", "migration": r"migra|мигра",
    "child-labour-monitoring": r"\bclms\b|labour monitoring|monitoring group|\bсмдт\b|"
                               r"мониторинг\w* дет",
    "coordination": r"coordinat|координ", "decentralization": r"decentrali|local level|децентрализ",
    "education": r"educat|school|образован|школ", "sustainability": r"sustainab|устойчив",
    "evening-schools": r"evening school|вечерн\w* школ",
    "non-formal-education": r"non-formal|неформальн",
    "exchange-of-experience": r"exchange|study (?:visit|tour)|обмен|ознакомительн",
    "exit-strategy": r"\bexit\b|выход", "families": r"famil|parent|семь|семей|родител",
    "funding": r"fund|budget|financ|финанс|бюджет", "reporting": r"report|отч[её]т",
    "hazardous-work": r"hazardous|опасн\w* (?:и вредн\w* )?работ",
    "legal-expertise": r"legal expertise|правов\w* экспертиз",
    "legislation": r"legislat|\blaws?\b|legal framework|законодат|закон|\bнпа\b",
    "logical-framework": r"logical framework|indicator|логическ|индикатор|показател",
    "media-campaigns": r"\bmedia\b|campaign|\bсми\b|кампани",
    "national-action-plans": r"\bnaps?\b|national action plan|\bнпд\b|национальн\w* план",
    "ownership": r"ownership|сопричаст|собственност",
    "prevention": r"prevent|профилакт|предотвращ|предупрежд",
    "project-management": r"management|\btprs?\b|менеджмент|управлени\w* проект|\bотп\b",
    "rehabilitation": r"rehabilitat|reintegrat|реабилит|реинтеграц",
    "research": r"research|survey|analys|исследован|анализ|изучени",
    "risk-analysis": r"\brisk|assumption|\bриск|допущен",
    "social-services": r"multi-?discipl|social service|мульти-?дисциплин|социальн\w* услуг",
    "tripartism": r"tripartit|тр[её]хсторон|трипартизм",
    "agriculture": r"agricultur|cotton|tobacco|сельск\w* хозяйств|аграрн|хлоп",
    "vocational-training": r"vocational|профессиональн\w* обучени|\bпто\b",
    "youth-employment": r"employment|job placement|трудоустройств|занятост",
    "worst-forms": r"\bwfcl\b|worst forms|\bнфдт\b|наихудш",
}


def _counts(patterns: dict, text: str) -> Counter:
    low = text.lower()
    return Counter({slug: len(re.findall(p, low)) for slug, p in patterns.items()
                    if re.search(p, low)})


def keyword_tags(body: str, addressee: str = "") -> dict[str, list[str]]:
    """Suggested stakeholders (the addressee's first), objectives (two) and themes (four)."""
    stakeholders = [*_counts(STAKEHOLDERS, addressee), *_counts(STAKEHOLDERS, body)]
    objectives = [IO_SLUGS[n] for n in IO.findall(body)]
    objectives += [slug for slug, _ in _counts(OBJECTIVES, body).most_common()]
    return {"objectives": list(dict.fromkeys(objectives))[:2],
            "stakeholders": list(dict.fromkeys(stakeholders)),
            "themes": [slug for slug, _ in _counts(THEMES, body).most_common(4)]}
