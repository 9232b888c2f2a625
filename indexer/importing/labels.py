"""Item labels: a line that names the item it opens ("Recommendation 3.", "R1:", "Lesson learned #2").

A number may carry its group's letter, as the UNDP-GEF evaluations' tables of recommendations
number them by category ("Recommendation A.1:", "Recommendation B2."): the code is the
item's number, and the item's words start after it.

Such a label opens an item of its kind wherever it stands (outside annexes): in a
chapter's findings (a boxed recommendation), in a section of such items, or in a section
that alternates "Lesson learned #n" with "Recommendation". The item's words follow the
label on its line, or start on the next line when the label stands alone. Management
responses ("IEO response:", "Management response", a key-action table) end an item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORDS = {
    "recommendation": r"recommendation|рекомендаци[яи]",
    "lesson": r"lessons?(?:\s+(?:learn(?:ed|t)|identified))?"
              r"|(?:извлеч[её]нн(?:ый|ые)\s+|полученн(?:ый|ые)\s+)?урок(?:и(?!\w))?",
    "good-practice": r"(?:(?:emerging|potential)\s+)?(?:good|best|promising)\s+practice"
                     r"|(?:передовая|надлежащая|лучшая|хорошая|положительная)\s+практика",
}
LABEL = re.compile(
    r"\s*(?P<box>(?:box|encadré|вставка)\s*\d{1,2}\s*[:.–—-]\s*)?"
    # "Key recommendation 2", «Ключевая рекомендация 1» (WHO's boxes): a numbered label qualified
    r"(?:(?:key|main|principal|ключев\w*|основн\w*|главн\w*)\s+(?=(?:recommendation|рекомендаци|lesson|урок)"
    r"\w*\s*(?:#|no\.?|№)?\s*\d))?(?:(?P<word>"
    + "|".join(f"(?P<{k.replace('-', '_')}>{v})" for k, v in WORDS.items()) + r")"
    r"(?:\s*(?:#|no\.?|№|n°)?\s*(?P<number>(?:(?-i:[A-ZА-ЯЁ])[.-]?)?\d{1,2}(?:\.\d{1,2})?)"
    r"|\s+(?P<letter>(?-i:[A-ZА-ЯЁ]))(?!\w))?"
    r"|(?P<r>(?-i:R|Rec\.?|L|LL|GP|BP|Р|У|П|ПП|НП))\s?(?P<rnumber>\d{1,2}))"
    r"(?P<mark>\s*[.:)–—-]\s*|\s+|$)(?P<rest>.*)", re.I)
RESPONSE = re.compile(r"\s*(?:(?:[A-Z]{2,6}|UNEP|Management|Agency|Government|Office)\s+)?"
                      r"(?:management\s+)?response\b|\s*key\s+actions?\b|\s*ответ\s+руководства"
                      r"|\s*(?:responsible\s+unit|time\s*frame)\b(?!(?:\(s\))?\s*:)", re.I)
# An evaluator's attribute line under an item ("Responsible: the country office", "Priority:
# high. Timeframe: 2024", «Сроки: 2023 г.»): who must act, how soon; part of the item. A
# management response's table names the same things as column headers, with no colon.
ATTRIBUTE = re.compile(
    r"\s*(?:responsib\w*|(?:lead\s+)?(?:unit|entity|entities)|addressee\w*|addressed\s+to|target\s+level|priority"
    r"|time\s*frame|timeline|deadline|by\s+when|resources?|resource\s+implications|cost|based\s+on|linked\s+to"
    r"|ответственн\w*|исполнител\w*|адресат\w*|приоритет\w*|срок\w*|ресурс\w*|основан\w*)"
    r"(?:\s+\w+){0,2}(?:\(s\))?\s*:\s*\S", re.I)

# The paragraph an evaluator heads with why the item is made ("Rationale: the hand-over plan has
# no budget", "Justification:", «Обоснование:»): WFP's and UNICEF's decentralised evaluations set
# it under "Recommendation 1 (strategic): …", before its sub-actions; part of the item.
RATIONALE = re.compile(r"\s*(?:rationale|justification|обоснование)(?:\s+\w+){0,2}\s*:\s*\S", re.I)


# A label's qualifier in brackets before its colon: "(priority: high)", UN Women's «(основана на
# выводах 1 и 2; приоритет высокий)».
QUALIFIER = re.compile(r"\([^()]{1,100}\)\s*[:.–—-]\s*(?=\S)")
CODES = {"L": "lesson", "LL": "lesson", "У": "lesson", "GP": "good-practice", "BP": "good-practice",
         "П": "good-practice", "ПП": "good-practice", "НП": "good-practice"}


@dataclass(frozen=True)
class Label:
    kind: str
    number: str | None
    rest: str               # the item's words on the label's line ("" when it stands alone)
    many: bool = False      # a box of several ("Box 3. Lessons learned"): each bullet below is one


def item_label(line: str) -> Label | None:
    """The label opening this line, or None (a sentence merely starting with the word)."""
    match = LABEL.match(line)
    if not match:
        return None
    rest, mark = match.group("rest").strip(), match.group("mark")
    number = match.group("number") or match.group("rnumber") or match.group("letter")
    if match.group("box") and not number:
        number = match.group("box").strip(" :.–—-").capitalize()
    if number and (qualifier := QUALIFIER.match(rest)):     # "Recommendation 1 (priority: high): …"
        rest, mark = rest[qualifier.end():], ":"
    if match.group("r"):
        kind = CODES.get(match.group("r").rstrip("."), "recommendation")
    else:
        kind = next(k for k in WORDS if match.group(k.replace("-", "_")))
    if not rest:
        plural = re.search(r"\w(?:s|и)\b", match.group("word") or "", re.I)   # "lessons", «уроки»
        own = match.group("number") or match.group("rnumber") or match.group("letter")
        return None if plural and not number else Label(
            kind, number, "", many=bool(plural and match.group("box") and not own))
    if not number and not mark.strip():
        return None                       # "Lessons from the pilot show…": a sentence
    if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "«\"“(" or match.group("box")):
        return None                       # "Recommendation 3 of the review was…"
    if not number and mark.strip() not in (":", "–", "—", "-"):
        return None
    return Label(kind, number, rest)


def is_attribute(line: str) -> bool:
    return bool(ATTRIBUTE.match(line))


def is_rationale(line: str) -> bool:
    return bool(RATIONALE.match(line))


def is_response(line: str) -> bool:
    return bool(RESPONSE.match(line))
