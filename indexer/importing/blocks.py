"""Lines grouped into blocks (paragraphs, bullets, numbered items, headings) and re-joined."""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.importing.labels import is_response, item_label

# An annex's heading: "Annex 2. Interview guide", "ANNEX IV", "Appendix B:", "Appendix 1 –
# Relevance of the programme" (a dash between number and title, as web pages set them),
# "Annex A: Other findings", or the word alone ("Annex", «Приложение»), as a report with one
# annex heads it; or a number and a title with nothing between ("Annex 4 Questionnaires for
# FGDs", as a Word heading style numbers them), a title with no full stop: "Annex 2 shows that
# …" is a sentence. Groups: number, letter, title.
ANNEX = re.compile(r"\s*(?:Annex|ANNEX|Appendix|APPENDIX|Прилож\w*|ПРИЛОЖ\w*)"
                   r"(?:\s*(\d+[A-Za-zА-Яа-я]?|[IVX]+)|\s+([A-ZА-ЯЁ](?=\s*[:.–—-]|\s*$)))?"
                   r"(?:(?:\s*[:.]|\s+[–—-]|(?<=[\dIVX])\s+(?=[A-ZА-ЯЁ][^.]*$))\s*(.*)|\s*$)")
SUBHEADING = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-ZА-ЯЁ]")
# A chapter's number with no full stop before its title ("6 Recommendations", as GIZ and the
# EU's evaluators number chapters): with a short title, a heading.
CHAPTER_NUMBER = re.compile(r"\s*\d{1,2}\s+(?=[A-ZА-ЯЁ])")
# Lower-case Roman numerals as a list's markers: "(i)", "(ii)", "iv)".
ROMAN_MARK = r"\(?(?:x{0,1}(?:ix|iv|v?i{1,3}|v))\)"
# A symbol font's bullet picture (Wingdings, Symbol: an arrow, a check mark, a diamond) as a
# PDF's text gives it, a character of the private use area U+F021-U+F0FF; or, where the font
# maps the glyph to no character at all, as pdfplumber names it: "(cid:3)".
GLYPH = "\uf021-\uf0ff"
CID = r"\(cid:\d{1,5}\)"
# A letter and a full stop as a list's marker ("a. CARE should…"), a capital after it.
LETTER_DOT = r"[a-zа-яё]\.(?=\s+[A-ZА-ЯЁ«\"“])"
BULLET = re.compile(rf"\s*(?:[{GLYPH}•▪●◦○■□➢►✓✔❖*]|{CID}(?=\s)|[-–—o](?=\s)|{ROMAN_MARK}(?=\s)"
                    rf"|\(?[a-zа-яё]\)(?=\s)|{LETTER_DOT})"
                    r"\s*(.*)")
# A line opening with a named number: "Conclusion 2: Most outputs…", "Finding 3. The…", «Вывод 1.».
NAMED = re.compile(r"\s*[A-ZА-ЯЁ][^\W\d_]+\s+\d{1,2}[.:]\s+[A-ZА-ЯЁ«\"“]")
STRONG_BULLET = re.compile(rf"\s*(?:[{GLYPH}•▪●◦○■□➢►✓✔❖]|{CID}\s|{ROMAN_MARK}\s|\(?[a-zа-яё]\)\s)")
NUMBERED = re.compile(r"\s*(?:#\s?(\d{1,3})\s+|(\d{1,3})(?:\.(?:\s+|(?=[A-ZА-ЯЁ]))|\)\s+))(\S.*)")
ADDRESSEE = re.compile(r"(?:To|For)\s|(?:Менеджмент|Партн[её]р|Национальн|Правительств|Министерств|"
                       r"НПО|Профсоюз|Работодател|Донор|Государствен|Местн)\w*")
# A line naming whom the items below it are for, ending in a colon: the words above, or
# "Recommendations for GIZ:", «Рекомендации для доноров:», «Для правительства:»; not a line
# saying what for («Для этого необходимо:», "To this end, the ministry should:"): the item's own.
PURPOSE = (r"(?!(?i:(?:to|for|для)\s+(?:этого|этой|этих|того|чего|достижения|реализации|обеспечения|"
           r"this|that|these|it|do|achieve|ensure|make)\b))")
ADDRESSEE_LINE = re.compile(PURPOSE + "(?:" + ADDRESSEE.pattern
                            + r"|(?i:(?:recommendations?|рекомендаци\w*)\s+"
                            r"(?:addressed\s+|адресованн\w*\s+)?(?:to|for|для)\s|для\s))")
# A Roman-numbered chapter's heading ("IV. How the absence of the State feeds conflict"), a
# title however long: no sentence's end, a capital after the numeral.
ROMAN_HEADING = re.compile(r"\s*[IVX]{1,4}\.\s+[A-ZА-ЯЁ][^.;]{0,100}")
# A lettered section's heading under it ("B. Special report: Key lessons from UNDP evaluations
# on adapting to climate change", «Б. Рекомендации»), as the UN's documents set them.
LETTER_HEADING = re.compile(r"\s*[A-HА-Е]\.\s+[A-ZА-ЯЁ«\"“][^.;]{0,100}")
HEADING_WORDS = 16      # a heading's words at most
# A footnote's mark glued to a sentence's full stop: after a word or a year ("2017.1").
GLUED_NOTE = re.compile(r"(?:(?<=[^\W\d_][.!?])|(?<=[)»”\"][.!?])|(?<=\d{4}[.!?]))\d{1,3}$")
LETTER = r"[^\W\d_]"
WORD = LETTER + "+"
# Words no heading ends on: the line goes on below.
DANGLING = frozenset("the a an of to in on for with and or by from at as its their that "
                     "и в во на с со по для к о об от из или а но что".split())
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
    page: int = 1                   # the page on which the block begins
    turn: bool = False              # its first line opens a page
    marker: str = ""                # a bullet's shape: its glyph, "a)" or "(a)"
    measure: int = 0                # the width of the text around it, in characters (see `measures`)
    lead: bool = False              # a numbered paragraph led by a bold sentence ("20. • …", see `leads`)


def blocks(lines: list[str], pages: list[int] | None = None) -> list[Block]:
    """Group cleaned lines into blocks (see the module's docstring); `pages` line by line."""
    found: list[Block] = []
    current, previous = None, ""
    widths = measures(lines)
    for number, line in enumerate(lines):
        if not line.strip():
            current, previous = None, ""
            continue
        after = next((line.strip() for line in lines[number + 1:number + 4] if line.strip()), "")
        if current is None or _opens_block(line, previous, current, after) or (
                current.bullet and breaks(previous, line, widths[number])):
            bullets = [block.head for block in found[-1:] if block.bullet]
            current = _new_block(line, soft=bool(previous), before=bullets[0] if bullets else "")
            current.page = pages[number] if pages else 1
            current.turn = is_page_start(line)
            found.append(current)
        else:
            current.lines.append(line)
        current.measure = max(current.measure, widths[number])
        previous = line
    return found


def measures(lines: list[str], reach: int = 12) -> list[int]:
    """Line by line, the width of the text around it: its longest line among the `reach`
    lines either side, a table's row (cells apart by wide gaps) aside."""
    lengths = [0 if not line.strip() or re.search(r"\S {3,}\S", line.strip()) else len(line.strip())
               for line in lines]
    return [max(lengths[max(0, n - reach):n + reach + 1], default=0) for n in range(len(lines))]


def breaks(previous: str, line: str, measure: int) -> bool:
    """Whether a paragraph (or a list's item) ends at `previous` though no blank line follows
    it, as `pdftotext -layout` sets a small paragraph space: `previous` ends a sentence, `line`
    opens one with a capital, and its first word would have fitted on `previous` with room to
    spare (the line was broken on purpose, not by the measure); or `previous` ends a list's
    item with a semicolon; or `previous` ends in a colon, broken on purpose as well, over a
    capital: the introduction of a list whose items lost their bullets (a web page's, as text)."""
    text, first = previous.strip(), line.strip().split(maxsplit=1)[:1]
    if not (first and text and first[0][:1].isupper()):
        return False
    return text.endswith(";") or text.endswith((".", "!", "?", ":")) and (
        len(text) + 1 + len(first[0]) < measure)


def paragraphs(lines: list[str], measure: int) -> list[list[str]]:
    """A block's paragraphs where a text set them apart by no blank line (see `breaks`), a
    lone line among them going on the paragraph above it (see `_follow_ons`)."""
    measure = max(measure, *(len(line.strip()) for line in lines))
    out: list[list[str]] = [[]]
    for number, line in enumerate(lines):
        out[-1].append(line)
        if number + 1 < len(lines) and breaks(line, lines[number + 1], measure) and not line.rstrip(
                ).endswith(";"):
            out.append([])
    return _follow_ons([piece for piece in out if piece])


def _follow_ons(pieces: list[list[str]]) -> list[list[str]]:
    """A lone one-line paragraph between two paragraphs of several lines goes on the one above
    it: an item's follow-on sentence ("… in the next annual work plan." / "Lessons from the
    pilot regions should inform the national roll-out.") or a sentence the measure broke
    early, which with no bold or blank line left only its shortness tells from an item. One
    at a block's end, or in a run of one-line paragraphs (a list of one-sentence lessons),
    stays its own."""
    joined: list[list[str]] = []
    for number, piece in enumerate(pieces):
        below = pieces[number + 1] if number + 1 < len(pieces) else []
        if len(piece) == 1 and joined and len(joined[-1]) > 1 and len(below) > 1:
            joined[-1] = joined[-1] + piece
        else:
            joined.append(piece)
    return joined


def is_annex(line: str) -> re.Match | None:
    return ANNEX.fullmatch(line) if len(line.split()) <= 14 else None


def _opens_block(line: str, previous: str, current: Block, after: str = "") -> bool:
    head = current.lines[0] if current.number else current.head
    if line.lstrip()[:1].islower() and not ends_sentence(previous) and not BULLET.match(line):
        return False                # "1. Группе проекта следует … денежных" / "грантов.": one item
    alone = len(current.lines) == 1 and (
        SUBHEADING.match(head) or is_annex(head) or not current.bullet and title_like(head)
        or current.number is None and chapter_like(head))
    if alone or STRONG_BULLET.match(line) or is_annex(line):
        return True
    listed = BULLET.match(line) or NUMBERED.match(line) or SUBHEADING.match(line)
    if is_page_start(line) and listed or listed and _roman_heading(current):
        return True
    label = item_label(line)
    # "Recommendation 2. Incorporate …", or "Recommendation 9." over "9.1. Continue …", opens its
    # item whatever is above it (a table's last cell, say); alone over a lower-case line, it is
    # a column read across.
    if label is not None and label.number and (label.rest or after[:1].isupper() or after[:1].isdigit()):
        return True
    # "IEO response: …" right under an item's last sentence, no blank line between: the
    # management's words, not the item's.
    return ends_sentence(previous) and bool(listed or is_page_start(line) or title_like(line) or label
                                            or chapter_like(line)
                                            or is_response(line) or NAMED.match(line) or heading_line(line))


def heading_line(line: str) -> bool:
    """A Roman-numbered or lettered heading however long ("B. Special report: Key lessons from
    UNDP evaluations on adapting to climate change"): after a sentence's end, no paragraph's
    last line though no blank line parts them, as a PDF's paragraph space leaves none."""
    text = line.strip()
    words = text.split()
    return (bool(ROMAN_HEADING.fullmatch(text) or LETTER_HEADING.fullmatch(text))
            and len(words) <= HEADING_WORDS and not ends_sentence(text) and text[-1] not in ",-–—"
            and words[-1].lower() not in DANGLING)


def _roman_heading(current: Block) -> bool:
    """Whether the block so far is a Roman-numbered or lettered heading, wrapped or not: the
    numbered paragraph or bullet below it opens a block of its own."""
    return (not current.bullet and current.number is None and len(current.lines) <= 2
            and bool(ROMAN_HEADING.fullmatch(current.lines[0].rstrip())
                     or LETTER_HEADING.fullmatch(current.lines[0].strip()))
            and not any(ends_sentence(line) for line in current.lines))


def chapter_like(line: str) -> bool:
    """A chapter's heading numbered with no full stop: "6 Recommendations", «7 Выводы»."""
    chapter = CHAPTER_NUMBER.match(line)
    return bool(chapter) and title_like(line[chapter.end():])


def title_like(line: str) -> bool:
    """A short line that may be a heading, a label or an addressee line (none ends on "the")."""
    text = line.strip()
    words = text.split()
    return (0 < len(words) <= 8 and text[0].isupper() and text[-1] not in ".,;-"
            and words[-1].lower() not in DANGLING)


def _new_block(line: str, soft: bool, before: str = "") -> Block:
    """The block `line` opens; `before` is the head of the bullet above, if any."""
    head = " ".join(line.split())
    if bullet := BULLET.match(line):
        return Block(head, [bullet.group(1)], soft, bullet=True, marker=_shape(head, before.lstrip("(")))
    if numbered := NUMBERED.match(line):
        text, lead = numbered.group(3), numbered.group(3).startswith("• ")
        return Block(head.replace("• ", "", 1) if lead else head, [text[2:] if lead else text], soft,
                     number=int(numbered.group(1) or numbered.group(2)), lead=lead)
    return Block(head, [line], soft)


def _shape(head: str, before: str = "") -> str:
    """A bullet's shape: its glyph, "a)" or "(a)", "i)" or "(i)"; "i)" after "h)" is a letter."""
    roman = re.match(ROMAN_MARK, head)
    letter = roman and len(roman.group(0).strip("()")) == 1 and before[:1] == chr(ord(head.strip("(")[0]) - 1)
    if roman and not letter:
        return "(i)" if head.startswith("(") else "i)"
    if re.match(r"\([^\W\d_]\)", head):
        return "(a)"
    if re.match(LETTER_DOT, head):
        return "a."
    return "a)" if re.match(r"[^\W\d_]\)", head) else head[:1]


def render_paragraphs(paragraphs: list[tuple[str, list[str]]], vocabulary: Vocabulary) -> str:
    """An item's words: ("p", lines) paragraphs and ("li", lines) sub-bullets as Markdown."""
    out = []
    for kind, lines in paragraphs:
        text = join_lines(lines, vocabulary)
        out += [f"- {text}", "\n"] if kind == "li" else [text, "\n\n"]
    return "".join(out[:-1]).strip().rstrip(";,").rstrip()


def is_page_start(line: str) -> bool:
    """Whether a line opens a page in this extraction (it begins with white space)."""
    return bool(line) and line[0].isspace()


def ends_sentence(line: str) -> bool:
    """Whether the line ends a sentence; a footnote's number standing apart after its full stop
    ("… this issue. 88", as `pdftotext` sets a superscript) does not hide it, nor one glued to a
    word's or a year's full stop ("… in 2017.1", "… programme.12"; not "section 4.2")."""
    line = re.sub(r"(?<=[.:;!?])\s+\d{1,3}$", "", line.rstrip())
    return re.sub(GLUED_NOTE, "", line).endswith((".", ":", ";", "!", "?"))

