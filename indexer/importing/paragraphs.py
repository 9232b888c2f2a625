"""A section's plain paragraphs as its items (see `walker.prose`), and whether a paragraph asks.

A section of items may be written in plain paragraphs, no number, label or bullet. Which
of the paragraphs `walker.prose` collected are items:

- a section written in paragraphs only (no item found in it otherwise): all of them, when
  two or more and few other blocks (a table's cells, short lines) among them; but a
  recommendations section whose paragraphs show a mix, a third of them or more asking for
  nothing (a contractor's programme design describing the institutions and the options
  between its recommendations: "TAF has just been established …"), keeps only those that ask;
- a section with items of its own (bold leads, numbers, bullets): the paragraphs that ask
  in a sub-section holding no item, under a title on a line of its own ("Housing Sector"
  leads its items in bold, "Policy Clarification" stands above one plain paragraph).

A paragraph asks when its words do ("should", "must", "recommend", "it is advisable", "the
recommendation is to"; «следует», «рекомендуется», «необходимо», «должны», «целесообразно»)
or it opens with a verb that asks ("Strengthen the …", «Разработать …»).
"""

from __future__ import annotations

import re

from indexer.importing.sections import Item, Section

# Words that ask, narrower than a bold passage's (`bold.ASKING`): a plain paragraph that
# describes "the proposed program" or "requests for assistance" asks for nothing, nor one
# where "it should be noted", «следует отметить».
ASKS = re.compile(
    r"\b(?:should(?!\s+be\s+(?:noted|mentioned|recalled|stressed|emphasi[sz]ed|underlined|pointed\s+out)\b)|"
    r"must|ought\s+to|recommend(?:s|ed|ing)?|(?:is|are)\s+(?:\w+ly\s+)?(?:encouraged|urged)|"
    r"urges?|calls?\s+(?:on|upon)|(?:it\s+is|we)\s+suggest(?:ed)?|"
    r"(?:is|be|seems?|would\s+be)\s+(?:\w+\s+)?advisable|"
    r"recommendations?\b[^.;]{0,60}?\b(?:is|are|would\s+be)\s+(?:to|that)|"
    r"it\s+is\s+(?:\w+ly\s+)?(?:important|essential|necessary|critical|vital|crucial)\s+(?:to|that)|"
    r"(?:следует|необходимо)(?!\s+(?:отметить|подчеркнуть|напомнить|сказать)\b)|рекоменду\w+|нужно|надо|"
    r"должн\w*|целесообразн\w*|предлагается|призыва\w+|"
    r"рекомендац\w+\s+(?:состоит|заключается)|(?:важно|требуется)\s+\w+(?:ть|ти|чь)(?:ся)?)\b", re.I)
# A paragraph opening with a verb that asks: an English imperative before its object ("Develop a
# plan …", "Review the …"), a Russian infinitive («Разработать план …», «Усилить контроль …»).
# Words that stand before "the" and ask for nothing are left out: prepositions, conjunctions,
# adverbs in -ly, participles in -ing and -ed.
NOT_VERBS = frozenset(
    "after before during under over within without through throughout across among amongst between "
    "beyond despite given following regarding concerning against along around behind below beside "
    "besides into from with upon unlike like until since when while where once although though "
    "because overall moreover however thus hence therefore also only both even just then finally "
    "first second third last next nor and but for yet per via about above toward towards onto outside "
    "inside near off out past round save except plus than that this these those there here what "
    "which who whom whose how why whether if unless all most many some such each every other another "
    "of in on at by to as is are was were be been has have had do does did not no its their our his "
    "her note part much more less few half now so".split())
IMPERATIVE = re.compile(r"(?P<verb>[A-Z][a-z]{2,})\s+(?:the|a|an|its|their|all|each|every|that|"
                        r"clear|joint|national|local|regular|more|further)\s")
INFINITIVE = re.compile(r"[А-ЯЁ][а-яё]{3,}(?:ать|ять|ить|еть|уть|ыть|оть|ти|чь)(?:ся)?\s+[а-яё«]")
NOT_INFINITIVES = frozenset("память печать десять кровать благодать".split())
# Paragraphs that ask, at least, in a mix: below, a section's paragraphs are all items.
MIX = 2 / 3
# Paragraphs at most before a list's introduction that set the scene for it (see drop_context).
CONTEXT = 2


def asks(text: str) -> bool:
    """Whether the paragraph asks for something (see the module's docstring)."""
    text = " ".join(text.split())
    if ASKS.search(text):
        return True
    verb = IMPERATIVE.match(text)
    word = verb.group("verb").lower() if verb else ""
    if word and not word.endswith(("ly", "ing", "ed")) and word not in NOT_VERBS:
        return True
    infinitive = INFINITIVE.match(text)
    return bool(infinitive) and infinitive.group().split()[0].lower() not in NOT_INFINITIVES


def section_paragraphs(section: Section) -> list[Item]:
    """The items among the section's plain paragraphs (see the module's docstring)."""
    prose, places = section.prose, section.under
    if section.found:
        return [item for item, (under, titled) in zip(prose, places, strict=True)
                if under and (titled or under not in section.held) and asks(_text(item))]
    if len(prose) < 2 or section.rejected * 4 > len(prose):
        return []
    _titles_lead(section)
    if section.base != "recommendation":
        return prose
    asking = [item for item in prose if asks(_text(item))]
    return asking if _mixed(prose, places, asking) else prose


def _titles_lead(section: Section) -> None:
    """Each paragraph right under a title of its own ("Inclusive Education" over one paragraph,
    "Coordinated Actions" over the next), every sub-section one paragraph: each sub-section is
    one item, its title leading, as a numbered sub-section's title leads the item it holds."""
    counts = [under for under, _ in section.under]
    if all(titled and under in section.titles and counts.count(under) == 1
           for under, titled in section.under):
        for item, (under, _) in zip(section.prose, section.under, strict=True):
            if item.paragraphs[0] != ("p", [section.titles[under]]):
                item.paragraphs.insert(0, ("p", [section.titles[under]]))


def drop_context(section: Section) -> None:
    """A section's paragraph ending in a colon over capitalised paragraphs introduces them,
    its items: the one or two plain paragraphs read before it in the section, asking for
    nothing and no item found yet, set the scene for that introduction ("The model forest
    approach consists of …" / "Synthesis studies have highlighted lessons. They include …
    to:"), so they are no items either."""
    if not section.found and len(section.prose) <= CONTEXT and not any(
            asks(_text(item)) for item in section.prose):
        section.prose.clear()
        section.under.clear()


def _mixed(prose: list[Item], places: list[tuple[int, bool]], asking: list[Item]) -> bool:
    """Whether the paragraphs show a mix: fewer than `MIX` of them ask, in the whole section
    or in one of its sub-sections of three paragraphs or more."""
    if 2 <= len(asking) < MIX * len(prose):
        return True
    for under in {under for under, _ in places}:
        group = [item for item, (at, _) in zip(prose, places, strict=True) if at == under]
        some = sum(item in asking for item in group)
        if len(group) >= 3 and 1 <= some < MIX * len(group):
            return True
    return False


def _text(item: Item) -> str:
    return " ".join(line for _, lines in item.paragraphs for line in lines)
