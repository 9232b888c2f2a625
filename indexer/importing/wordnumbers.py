"""The numbers and letters Word's own list numbering shows before a paragraph (numbering.xml).

A Word list numbered by Word (`w:numPr` on the paragraph or its style) holds no number in
its text: `WordNumbering(document).label(paragraph)` computes what Word shows, "3.", "b)",
"(iv)", "Recommendation 2:", by keeping each list's level counters in document order; a
bulleted list (or one whose definition is missing) gives "".
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
         (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    """One level of a list's definition: how its counter is shown and where it starts."""

    fmt: str
    text: str
    start: int


def shown(value: int, fmt: str) -> str:
    """A counter as Word shows it in format `fmt` (decimal, lowerLetter, upperRoman, …)."""
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("russianLower", "russianUpper"):
        letter = RU_LETTERS[(value - 1) % len(RU_LETTERS)]
        return letter.upper() if fmt == "russianUpper" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        out, rest = "", value
        for worth, numeral in ROMAN:
            while rest >= worth:
                out, rest = out + numeral, rest - worth
        return out.upper() if fmt == "upperRoman" else out
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


class WordNumbering:
    """The document's list definitions and, as its paragraphs are read in order, their counters."""

    def __init__(self, document):
        self.levels: dict[str, dict[int, Level]] = {}      # numId: ilvl: Level
        self.counters: dict[str, dict[int, int]] = {}       # abstractNumId: ilvl: last value
        self.abstract_of: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return                          # no numbering part: every list is bulleted
        abstracts = {a.get(qn("w:abstractNumId")): a for a in root.iterchildren(qn("w:abstractNum"))}
        for num in root.iterchildren(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            abstract = abstracts.get(ref.get(qn("w:val")) if ref is not None else None)
            if abstract is not None:
                num_id = num.get(qn("w:numId"))
                # A list that restarts (its own start) counts apart from others of its definition.
                own = num.find(qn("w:lvlOverride")) is not None
                self.abstract_of[num_id] = f"num {num_id}" if own else abstract.get(qn("w:abstractNumId"))
                self.levels[num_id] = _levels(abstract, num)

    def label(self, paragraph) -> str:
        """What Word shows before the paragraph ("3.", "b)"), counting it; "" for a bullet."""
        num_id, ilvl = _num_pr(paragraph)
        level = self.levels.get(num_id, {}).get(ilvl)
        if level is None or level.fmt in ("bullet", "none") or "%" not in level.text:
            return ""
        counters = self.counters.setdefault(self.abstract_of[num_id], {})
        counters[ilvl] = counters.get(ilvl, level.start - 1) + 1
        for deeper in [n for n in counters if n > ilvl]:
            del counters[deeper]            # a deeper level restarts under the next item
        text = level.text
        for n, lvl in sorted(self.levels[num_id].items(), reverse=True):
            value = counters.get(n, lvl.start)
            text = text.replace(f"%{n + 1}", shown(value, lvl.fmt))
        return text.strip()


def _levels(abstract, num) -> dict[int, Level]:
    levels = {}
    for lvl in abstract.iterchildren(qn("w:lvl")):
        fmt, text, start = (lvl.find(qn(f"w:{name}")) for name in ("numFmt", "lvlText", "start"))
        levels[int(lvl.get(qn("w:ilvl"), "0"))] = Level(
            fmt.get(qn("w:val")) if fmt is not None else "decimal",
            text.get(qn("w:val"), "") if text is not None else "",
            _int(start.get(qn("w:val")) if start is not None else "1"))
    for override in num.iterchildren(qn("w:lvlOverride")):    # a list restarting at its own start
        start = override.find(qn("w:startOverride"))
        ilvl = int(override.get(qn("w:ilvl"), "0"))
        if start is not None and ilvl in levels:
            old = levels[ilvl]
            levels[ilvl] = Level(old.fmt, old.text, _int(start.get(qn("w:val"))))
    return levels


def _num_pr(paragraph) -> tuple[str | None, int]:
    """The paragraph's (numId, level): its own `w:numPr`, else its style's."""
    for owner in (paragraph._p, paragraph.style.element if paragraph.style is not None else None):
        ppr = owner.pPr if owner is not None else None
        num_pr = ppr.numPr if ppr is not None else None
        if num_pr is not None and num_pr.numId is not None:
            return str(num_pr.numId.val), int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
    return None, 0


def _int(text: str | None) -> int:
    return int(text) if text and text.lstrip("-").isdigit() else 1
