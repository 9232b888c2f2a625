"""What a report's cover says about it: its title and its year, for the draft record.

The title is the cover's largest type once the document's furniture is set aside: the
issuer's name over the symbol of a UN document ("United Nations", "Economic and Social
Council", "E/ICEF/2025/23", "Distr.: General"), dates, the sender's address ("Submitted by:",
"Email:"). A PDF says which type is largest (`pdf_title`); a text file does not, so its title
is the first run of the cover's lines that are not furniture (`text_title`).

The year is the year of the cover's date ("10 April 2025", «март 2023 г.»), a period's ends
("15 December 2020 – 15 December 2022") set aside as the project's, not the report's; then a
year the title names ("Aid Transparency Index 2014"); then the latest year of the first pages
(a fiscal year "2013-14" ending in its second) that is not in the future (targets such as "by
2030" are).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = (r"(?:january|february|march|april|may|june|july|august|september|october|november|"
          r"december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
          r"январ[ьяе]|феврал[ьяе]|марта?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|"
          r"сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])")
DATE = re.compile(rf"\b{MONTHS}\.?,?\s+(?:\d{{1,2}},?\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
DAY_DATE = re.compile(rf"\d{{1,2}}\s+{MONTHS}\s+\d{{4}}.*", re.IGNORECASE)   # "10 April 2025"
YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
FISCAL = re.compile(r"\b(19[89]\d|20[0-4]\d)[–-](\d\d)\b")   # a fiscal year, "2013-14"
PERIOD_BEFORE = re.compile(r"(?:[–—-]|\bto|\bдо|\bпо)\s*(?:\d{1,2}\s+)?$", re.IGNORECASE)
PERIOD_AFTER = re.compile(r"\s*(?:[–—-]|to\b|до\b|по\b)", re.IGNORECASE)

# Lines of a cover that are not its title, in English and Russian.
FURNITURE = re.compile(
    r"^(?:united nations|nations unies|организация объединенных наций|"
    r"general assembly|генеральная ассамблея|security council|совет безопасности|"
    r"economic and social council|экономический и социальный совет|"
    r"executive board\b.*|исполнительный совет\b.*|distr\b.*|original\b.*|"
    r"(?:submitted|prepared|conducted|commissioned|written|compiled) by\b.*|"
    r"(?:представлен|подготовлен|составлен)\w* .*|"
    r"contact\b.*|e-?mail\b.*|tel\b.*|phone\b.*|fax\b.*|www\..*|https?://.*|"
    r"(?:table of )?contents|on this page|содержание|оглавление|"
    r"(?:item|agenda item|пункт)\b.*|.*\bsession\b.*|.*\bсесси[яи]\b.*|"
    r"(?:[IVX]+|\d+)\.\s.*|.*\.{4,}.*)$",
    re.IGNORECASE)
SYMBOL = re.compile(r"^[A-Z]{1,6}\s?(?:/[A-Z0-9.()\-]+)+\b")      # E/ICEF/2025/23, JIU/REP/2025/1
LETTERS = re.compile(r"[^\W\d_]{2,}")
TITLE_LINES = 5          # a title runs over this many lines at most
MIN_SIZE_STEP = 0.5      # type this much smaller than the largest is another size
LINE_GAP = 2.0           # lines further apart than this many type sizes are another block
CELL_GAP = 2.0           # words further apart than this many type sizes are in other cells


def is_furniture(line: str) -> bool:
    """A cover line that is not the title: the issuer, a symbol, a date, an address, a label."""
    text = " ".join(line.split()).strip(" *:")
    if len(LETTERS.findall(text)) < 1 or len(re.sub(r"[^\w]", "", text)) < 4 or "@" in text:
        return True                 # page numbers, "A E", "2016", bar codes, addresses
    if FURNITURE.match(text) or SYMBOL.match(text):
        return True
    return bool(DATE.fullmatch(text) or DAY_DATE.fullmatch(text))


def pdf_title(pages) -> str:
    """The largest type of the first page that has a title's words (pdfplumber pages): the first
    run of its lines in that type, in reading order, the furniture set aside (and the lines that
    continue a furniture line in its type: "Executive Board of the / United Nations Development
    Programme…"); "" when neither of the first two pages has one."""
    for page in pages[:2]:
        lines = _sized_lines(page)
        largest = max((line.size for line in lines if not line.furniture), default=0)
        run: list[_Line] = []
        for line in lines:
            if line.size < largest - MIN_SIZE_STEP or (line.furniture and not run):
                continue
            if run and (line.top - run[-1].top > LINE_GAP * largest
                        or line.furniture and not YEAR.fullmatch(line.text.strip())):
                break               # the next block in this type (a heading below the title)
            run.append(line)        # a title's last line may be its year alone
        title = " ".join(line.text for line in run[:TITLE_LINES])
        if len(LETTERS.findall(title)) >= 2:
            return title
    return ""


@dataclass
class _Line:
    top: float
    size: float
    text: str
    furniture: bool = False


def _sized_lines(page) -> list[_Line]:
    """The page's lines, top to bottom, each with its type size (its tallest word: a drop
    capital's small capitals are one word with it) and whether it is furniture: every cell of
    it is ("United Nations" with the symbol's letter far to its right), or it continues the
    nearest line above it in the same type, a furniture line (a date in smaller type between)."""
    rows: list[list[dict]] = []
    for word in sorted(page.extract_words(), key=lambda w: w["bottom"]):
        if rows and abs(rows[-1][-1]["bottom"] - word["bottom"]) <= 2:
            rows[-1].append(word)
        else:
            rows.append([word])
    lines: list[_Line] = []
    for row in rows:
        row.sort(key=lambda w: w["x0"])
        size = round(max(_height(w) for w in row), 1)
        cells, cell = [], [row[0]["text"]]
        for before, word in zip(row, row[1:], strict=False):
            if word["x0"] - before["x1"] > CELL_GAP * min(_height(before), _height(word)):
                cells.append(" ".join(cell))
                cell = []
            cell.append(word["text"])
        cells.append(" ".join(cell))
        line = _Line(max(w["bottom"] for w in row), size, " ".join(cells),
                     all(is_furniture(c) for c in cells))
        above = next((o for o in reversed(lines) if abs(o.size - line.size) <= MIN_SIZE_STEP), None)
        if (not line.furniture and above is not None and above.furniture
                and line.top - above.top <= LINE_GAP * line.size and not is_title_start(line.text)):
            line.furniture = True
        lines.append(line)
    return lines


def _height(word: dict) -> float:
    return word["bottom"] - word["top"]


def is_title_start(text: str) -> bool:
    """A line that begins a title rather than continuing the issuer's name above it."""
    return bool(re.match(r"(?:evaluation|review|report|annual|final|mid-?term|оценка|обзор|отч[её]т)\b",
                         text, re.IGNORECASE))


def text_title(pages: list[list[str]]) -> str:
    """The first run of cover lines that are not furniture, up to a blank pair or five lines:
    what a text file's cover offers in place of type sizes. A layout line's columns are cells;
    the first cell that is not furniture stands for the line."""
    for lines in pages[:2]:
        run: list[str] = []
        blanks = 0
        furniture_above = False
        for line in lines:
            cells = [c for c in re.split(r"\s{3,}", line.strip()) if c]
            text = next((c for c in cells if not is_furniture(c)), "") if cells else ""
            if text and furniture_above and not run and not is_title_start(text):
                text = ""           # the line goes on with the furniture above it (a sender's name)
            furniture_above = bool(cells) and not text
            blanks = 0 if line.strip() else blanks + 1
            if text and len(text) < 120:
                run.append(" ".join(text.split()))
            elif run and line.strip():
                break               # furniture or body text after the title ends it
            if run and (blanks >= 2 or len(run) >= TITLE_LINES or len(text) >= 120):
                break
        if run:
            return " ".join(run)
    return ""


def cover_year(pages: list[list[str]], title: str, today: datetime.date | None = None) -> int | None:
    """The report's year: its cover's date, else a year its title names, else the latest year
    of its first three pages that is not past `today` (None when there is none)."""
    now = (today or datetime.date.today()).year
    for chosen in (pages[:1], pages[:3]):
        head = "\n".join("\n".join(lines) for lines in chosen)
        for match in DATE.finditer(head):
            year = int(match.group(1))
            in_period = PERIOD_BEFORE.search(head[max(0, match.start() - 12):match.start()]) or \
                PERIOD_AFTER.match(head, match.end())
            if year <= now and not in_period:
                return year
    named = [int(y) for y in YEAR.findall(title) if int(y) <= now]
    if named:
        return named[0]
    head = "\n".join("\n".join(lines) for lines in pages[:3])
    years = [int(y) for y in YEAR.findall(head)]
    years += [int(start[:2] + end) for start, end in FISCAL.findall(head)]     # 2013-14: 2014
    return max((year for year in years if year <= now), default=None)
