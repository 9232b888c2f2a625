"""What a report's cover says about it: its title and its year, for the draft record.

The title is the cover's largest type once the document's furniture is set aside: the
issuer's name over the symbol of a UN document ("United Nations", "Economic and Social
Council", "E/ICEF/2025/23", "Distr.: General"), dates, the sender's address ("Submitted by:",
"Email:"), a part's or a draft's label alone ("Draft report", "Project summary", «Резюме»).
A PDF says which type is largest (`pdf_titles`); a title has two words at least, so a
sidebar's one-word heading set larger ("Background") gives way to the next type size that
stands out from the body's. A text file has no sizes, so its title is the first run of the
cover's lines that are not furniture (`text_title`). The caller may set aside more (`skip`):
the issuing organisation's name alone is no title ("United Nations Population Fund").

The year is the year of the cover's date ("10 April 2025", «март 2023 г.»), a period's ends
("15 December 2020 – 15 December 2022") set aside as the project's, not the report's; then a
year alone on a line of the cover (display type, "2 014"); then a date of the next pages; then a
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
    r"(?:[IVX]+|\d+)\.\s.*|.*\.{4,}.*|"
    r"(?:(?:draft|final|interim|mid-?term|inception|evaluation|annual|summary)\s+)*report|"
    r"(?:project|executive)\s+summary|summary|abstract|foreword|preface|acknowledge?ments|"
    r"(?:проект\s+)?(?:доклада?|отч[её]та?)|резюме|краткое\s+(?:содержание|изложение)|предисловие|"
    r"click (?:here )?to\b.*)$",
    re.IGNORECASE)
# E/ICEF/2025/23, JIU/REP/2025/1, "DP/ 2025/8", "/HRC/59/60" (its "A" in a cell of its own), GEGN.2
SYMBOL = re.compile(r"^(?:[A-Z]{1,6}\s?)?(?:/\s?[A-Z0-9.()\-]+)+\b|^[A-Z]{2,6}(?:\.\d+)+$")
LETTERS = re.compile(r"[^\W\d_]{2,}")
TITLE_LINES = 5          # a title runs over this many lines at most
TITLE_WORDS = 2          # a title has this many words at least
COVER_LINES = 60         # a cover's lines at most (a plain text file is one page)
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-ZА-ЯЁ][a-zа-яё]")
DATA_SHEET = 3           # form rows that make a page a project's data sheet
LISTING = re.compile(r"(?:list of )?(?:acronyms|abbreviations)\b|(?:список )?(?:сокращений|аббревиатур)\b|"
                     r"сокращения\b", re.IGNORECASE)
RUNNING_PAGES = 3        # pages a running title is repeated on at least
PAGE_NUMBER = re.compile(r"^(?:page\s+)?\d+(?:\s+of\s+\d+)?\s+|\s+(?:page\s+)?\d+(?:\s+of\s+\d+)?$|^\d+$",
                         re.IGNORECASE)
HEADLINE = 1.15          # type this many times the body's size stands out from it
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


def pdf_titles(pages) -> list[str]:
    """The title's candidates of the first two pages (pdfplumber pages), best first: on each
    page, for each type size from the largest down, the first run of lines in that size, in
    reading order, the furniture set aside (and the lines that continue a furniture line in
    its type: "Executive Board of the / United Nations Development Programme…"); a run of
    fewer than two words is no title, nor one that is furniture whole ("UNITED / NATIONS").
    Below the page's largest type, only sizes that stand out from its body text are looked at.
    The caller sets aside what it knows more of (the issuer's name: `records.guess_title`)."""
    found = []
    for page in pages[:2]:
        lines = _sized_lines(page)
        if sum(line.form for line in lines) >= DATA_SHEET or _listing(line.text for line in lines):
            continue                # a project's data sheet ("Project Summary"), the acronyms
        sizes = sorted({line.size for line in lines if not line.furniture}, reverse=True)
        body = _body_size(lines)
        for rank, size in enumerate(sizes):
            if rank and size < HEADLINE * body:
                break
            # the first run in this size, or the next when the first is furniture whole
            title = next((run for run in _runs(lines, size) if not is_furniture(run)), "")
            if len(LETTERS.findall(title)) >= TITLE_WORDS and not is_prose(title) and title not in found:
                found.append(title)
        if not found:       # a typewritten cover: the title in the body's size, in capitals
            found += [run for run in _runs(lines, body) if _capitals(run)][:1]
    return found


def is_prose(text: str) -> bool:
    """Sentences, not a title: two sentence breaks, or one and a closing full stop (a
    publisher's self-description set large on its inside cover: "… is the global campaign for
    aid transparency. We work to make … flows.")."""
    breaks = len(SENTENCE_BREAK.findall(text))
    return breaks >= 2 or (breaks == 1 and text.rstrip().endswith("."))


def _runs(lines: list[_Line], size: float):
    """The runs of lines in this type size, in order (a title's last line may be its year alone)."""
    run: list[_Line] = []
    for line in lines:
        if abs(line.size - size) > MIN_SIZE_STEP or (line.furniture and not run):
            continue
        if run and (line.top - run[-1].top > LINE_GAP * size
                    or line.furniture and not YEAR.fullmatch(line.text.strip())):
            yield " ".join(line.text for line in run[:TITLE_LINES])   # the next block in this type
            run = [] if line.furniture else [line]
            continue
        run.append(line)
    if run:
        yield " ".join(line.text for line in run[:TITLE_LINES])


def _capitals(text: str) -> bool:
    """Three words or more, every letter a capital, not furniture: a typewritten title."""
    words = LETTERS.findall(text)
    return len(words) >= 3 and all(word.isupper() for word in words) and not is_furniture(text)


def _body_size(lines: list[_Line]) -> float:
    """The type size most of the page's letters are set in."""
    letters: dict[float, int] = {}
    for line in lines:
        letters[line.size] = letters.get(line.size, 0) + len(line.text)
    return max(letters, key=letters.get, default=0.0)


@dataclass
class _Line:
    top: float
    size: float
    text: str
    furniture: bool = False
    form: bool = False


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
        form = is_form_row(cells)
        headings = len(cells) > 1 and all(len(LETTERS.findall(c)) < TITLE_WORDS for c in cells)
        line = _Line(max(w["bottom"] for w in row), size, " ".join(cells),
                     form or headings or all(is_furniture(c) for c in cells), form)
        above = next((o for o in reversed(lines) if abs(o.size - line.size) <= MIN_SIZE_STEP), None)
        if (not line.furniture and above is not None and above.furniture
                and line.top - above.top <= LINE_GAP * line.size and not is_title_start(line.text)):
            line.furniture = True
        lines.append(line)
    return lines


def is_form_row(cells: list[str]) -> bool:
    """A row of a project's data sheet: a label ending in a colon, its value in the next cell
    ("Executing Organization:   International Organization for Migration (IOM)")."""
    return len(cells) > 1 and cells[0].rstrip().endswith(":")


def _height(word: dict) -> float:
    return word["bottom"] - word["top"]


def is_title_start(text: str) -> bool:
    """A line that begins a title rather than continuing the issuer's name above it."""
    return bool(re.match(r"(?:evaluation|review|report|annual|final|mid-?term|оценка|обзор|отч[её]т)\b",
                         text, re.IGNORECASE))


def text_title(pages: list[list[str]], skip=None) -> str:
    """The first run of cover lines that are not furniture, up to a blank pair or five lines:
    what a text file's cover offers in place of type sizes. A layout line's columns are cells;
    the first cell that is not furniture stands for the line. A run `skip` sets aside (the
    issuer's name alone) is passed over for the next."""
    for lines in pages[:2]:
        for title in _text_runs(lines):
            if not (skip and skip(title)) and not is_furniture(title):
                return title
    return ""


def _text_runs(lines: list[str]):
    """The runs of a page's cover lines that are not furniture, in order (see `text_title`);
    none on a project's data sheet."""
    rows = [_cells(line) for line in lines]
    if sum(is_form_row(cells) for cells in rows) >= DATA_SHEET or _listing(lines):
        return
    run: list[str] = []
    blanks = 0
    furniture_above = False
    for line, cells in zip(lines, rows, strict=True):
        text = next((c for c in cells if not is_furniture(c)), "") if cells and not is_form_row(cells) else ""
        if text and furniture_above and not run and not is_title_start(text):
            text = ""           # the line goes on with the furniture above it (a sender's name)
        furniture_above = bool(cells) and not text
        blanks = 0 if line.strip() else blanks + 1
        if text and len(text) < 120:
            run.append(" ".join(text.split()))
        elif run and line.strip():
            if is_furniture(" ".join(run)):
                run = []            # the issuer's name over two lines ("UNITED / NATIONS")
                continue
            yield " ".join(run)     # furniture or body text after the title ends it
            return
        if run and (blanks >= 2 or len(run) >= TITLE_LINES or len(text) >= 120):
            yield " ".join(run)
            run = []
            if len(text) >= 120:
                return
    if run:
        yield " ".join(run)


def _cells(line: str) -> list[str]:
    """A layout line's columns: its text split at runs of three spaces or more."""
    return [cell for cell in re.split(r"\s{3,}", line.strip()) if cell]


def _listing(lines) -> bool:
    """A page of acronyms or abbreviations (its first line says so): no cover."""
    first = next((line.strip() for line in lines if line.strip()), "")
    return bool(LISTING.match(first))


def running_title(pages: list[list[str]]) -> str:
    """The running header or footer most pages repeat, when it reads as a title (two words at
    least, no furniture, its page number aside): a report whose first pages hold a data sheet
    and acronyms names itself there ("Nigeria: Strengthening … – Ex-Post Evaluation"); ""."""
    counts: dict[str, int] = {}
    for lines in pages[1:]:
        shown = [" ".join(line.split()) for line in lines if line.strip()]
        for line in {*shown[:1], *shown[-1:]}:
            text = PAGE_NUMBER.sub("", line).strip(" |-–—")
            if len(LETTERS.findall(text)) >= TITLE_WORDS and not is_furniture(text):
                counts[text] = counts.get(text, 0) + 1
    best = max(counts, key=counts.get, default="")
    return best if counts.get(best, 0) >= max(RUNNING_PAGES, (len(pages) - 1) / 2) else ""


def cover_year(pages: list[list[str]], title: str, today: datetime.date | None = None) -> int | None:
    """The report's year: its cover's date, else a year alone on a line of its cover (display
    type), else a date of its first three pages, else a year its title names, else the latest
    year of its first three pages that is not past `today` (None when there is none)."""
    now = (today or datetime.date.today()).year
    first = pages[0][:COVER_LINES] if pages else []
    alone = [int(text) for text in (re.sub(r"\s", "", line) for line in first)
             if YEAR.fullmatch(text) and int(text) <= now]
    for cover in (True, False):
        head = "\n".join("\n".join(lines) for lines in pages[:1 if cover else 3])
        for match in DATE.finditer(head):
            year = int(match.group(1))
            in_period = PERIOD_BEFORE.search(head[max(0, match.start() - 12):match.start()]) or \
                PERIOD_AFTER.match(head, match.end())
            if year <= now and not in_period:
                return year
        if alone and cover:
            return alone[0]         # a cover's year in display type, alone on its line ("2 014")
    named = [int(y) for y in YEAR.findall(title) if int(y) <= now]
    if named:
        return named[0]
    head = "\n".join("\n".join(lines) for lines in pages[:3])
    years = [int(y) for y in YEAR.findall(head)]
    years += [int(start[:2] + end) for start, end in FISCAL.findall(head)]     # 2013-14: 2014
    return max((year for year in years if year <= now), default=None)
