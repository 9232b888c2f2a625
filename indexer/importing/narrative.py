"""Recommendations made in passing in a report's narrative: the evaluator's own voice asking.

Some reports (the Joint Inspection Unit's "informal recommendations", reviews that
recommend as they go) recommend inside their findings' paragraphs: "The Inspector
encourages UNEP management to …", "the evaluation team suggests that …", «Инспекторы
рекомендуют …», "Participating organizations are encouraged to …". A PDF may set them in
bold (`bold`); plain text keeps only their words, so this reads the words:

- a sentence is such an item when the evaluator is its subject and the verb recommends
  (recommend, suggest, encourage, urge, call on, request, advise, propose, invite), or
  an addressee is asked in the passive ("… are encouraged to", «рекомендуется»); "the
  data suggest" or "stakeholders suggested" is no evaluator asking;
- it stands in the report's body (not the executive summary, not an annex) and is not
  already (part of) an item found otherwise;
- the report makes a habit of it: at least `LEAST` such sentences, so that a report with
  a section of recommendations and a stray "the review recommends" in its conclusions
  keeps its drafts to its section.
The item is the sentence, and the sentences after it that go on asking ("It should also …").

A report that makes that habit (`LEAST` sentences in the evaluator's voice) also closes
paragraphs on what someone should do, the informal recommendation of the paragraph
("Participating organizations should review …", "Given …, the Secretary-General should …"):
a paragraph's last sentence whose subject, at its start, is an actor that should do
something is an item too; not one whose subject is a thing said above ("This fact should",
"Such a framework should", "It should"), nor a view reported ("interviewees recommended
that the project should", "the Inspector draws attention to the fact that … should": the
evaluator's own asking is the voice's).
"""

from __future__ import annotations

import re

from indexer.importing.blocks import Block, Vocabulary, ends_sentence, join_lines, paragraphs
from indexer.importing.sections import Item, Part
from indexer.importing.words import normal_words

LEAST = 4
EVALUATOR = (r"(?:the\s+)?(?:inspectors?|evaluators?|(?:evaluation|review|assessment|mission)"
             r"(?:\s+team)?|reviewers?|consultants?|team)|we|инспектор\w*|эксперт\w*|оценщик\w*|"
             r"(?:группа|команда|миссия)\s+(?:по\s+)?оценк\w*|оценка")
ASKS = (r"(?:recommends?|suggests?|encourages?|urges?|calls?\s+(?:on|upon)|requests?|advises?|"
        r"proposes?|invites?|рекоменду\w+|предлага\w+|призыва\w+|советую\w*|считают\s+необходимым)")
ADVERB = r"(?:\w+ly\s+|thus\s+|therefore\s+|also\s+|further\s+|again\s+|также\s+|поэтому\s+)*"
LEAD_IN = r"(?:в связи с этим|в этой связи|поэтому|таким образом|кроме того|исходя из этого)\s+"
VOICE = re.compile(rf"(?:^|[,;:]\s+|\bthat\s+|^{LEAD_IN})(?P<voice>{EVALUATOR})\s+"
                   rf"{ADVERB}{ASKS}\b", re.I)
# The evaluator's view of what should or could be done: "the Inspectors believe that a more
# rigorous approach could be taken"; a belief that asks for nothing ("believe that it works") is none.
BELIEF = re.compile(rf"(?:^|[,;:]\s+|\bthat\s+|^{LEAD_IN})(?P<voice>{EVALUATOR})\s+{ADVERB}"
                    r"(?:believes?|(?:is|are)\s+of\s+the\s+view|считают|полагают)\s+(?:that\s+|что\s+)?"
                    r"[^.;]*\b(?:should|could|следует|можно|необходимо)\b", re.I)
# The addressee asked in the passive, as the sentence's subject: not "by which each State is encouraged".
PASSIVE = re.compile(r"^(?:(?!\b(?:which|who|whom|whereby|where)\b)[^,;:])*?\b(?:are|is)\s+"
                     r"(?:\w+ly\s+|also\s+)*(?:encouraged|urged|invited|advised|requested)\s+to\b"
                     r"|\bit\s+is\s+(?:\w+ly\s+)?recommended\b|(?:^|,\s+)рекомендуется\b", re.I)
# A clause that only sets the scene before the evaluator asks ("While the policy can be seen
# as a response …, the Inspector encourages …", "Taking note of …"): the item starts at the asking.
# "While awaiting the outcomes …," says when to do it: part of the asking.
SCENE = re.compile(r"(?:(?:while|whilst)(?!\s+\w+ing\b)|although|though|whereas|taking\s+note|noting|"
                   r"in\s+view\s+of|considering|recogni[sz]ing|acknowledging|despite|notwithstanding|хотя|несмотря|"
                   r"учитывая|принимая\s+во\s+внимание)\b", re.I)
# A footnote's number standing apart after the paragraph's last full stop: "… this issue. 88".
MARK = re.compile(r"(?<=[.;:!?])\s+\d{1,3}$")
SENTENCE = re.compile(r"(?<=[.!?])\s+(?:\d{1,3}\s+)?(?=[«\"“(]?[A-ZА-ЯЁ])")
GOES_ON = re.compile(r"(?:It|They|This|These|Such|Эт\w+|Он\w*)\s+(?:\w+\s+){0,3}?(?:should|must|"
                     r"could|would|следует|должн\w*)\b")
LEAD = (r"(?:(?:in\s+this\s+regard|in\s+addition|moreover|furthermore|therefore|accordingly|"
        r"(?:given|since|as|to|while|with)\s[^,;:]{3,160}),\s+)?")
CLOSING = re.compile(rf"{LEAD}(?!(?:that|those|its)\b)"
                     r"(?:(?!(?:this|these|such|it|they|there|which|inspectors?|evaluators?|team"
                     r"|that\s+(?:the|a|an|its|their|this|these|all|each|every|such|some)\s)\b)"
                     r"[\w’'()/-]+\s+){1,12}?"
                     r"(?:should|are\s+encouraged\s+to|is\s+encouraged\s+to)\b(?!\s+be\s+noted\b)", re.I)
# A paragraph that opens on what an actor should do, its subject at its start (commas allowed:
# "All of Germany’s ministries, agencies and federal states should …"), or «Министерству
# следует …», «Правительству необходимо …», «Фонд должен …»; not a thing said above ("This
# should", «Это должно»), nor a view reported ("interviewees said that the ministry should"),
# nor the evaluator (whose voice `VOICE` reads).
OPENING = re.compile(rf"{LEAD}(?!(?:that|those|its)\b)"
                     r"(?:(?!(?:this|these|such|it|they|there|which|inspectors?|evaluators?|team|"
                     r"that\s+(?:the|a|an|its|their|this|these|all|each|every|such|some)\s|"
                     r"эт\w+|он\w*|котор\w+|оценк\w+|что)\b)[\w’'()/-]+,?\s+){1,12}?"
                     r"(?:should|следует|необходимо|должен|должн(?:а|о|ы))\b"
                     r"(?!\s+(?:be\s+noted|отметить)\b)", re.I)
RUN = 3            # paragraphs in a row, each opening on what an actor should do
ABBREVIATION = re.compile(r"\b(?:e\.g|i\.e|etc|para|paras|No|Nos|art|cf|vol|p|pp|см|т\.е|т\.д|г)\.$", re.I)


def asks(sentence: str) -> bool:
    """Whether the evaluator asks for something in this sentence."""
    return bool(VOICE.search(sentence) or PASSIVE.search(sentence) or BELIEF.search(sentence))


def sentences(text: str) -> list[str]:
    """The text's sentences; an abbreviation's full stop ("e.g.", "para.") ends none."""
    out: list[str] = []
    for piece in SENTENCE.split(text):
        if out and ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def asking_runs(text: str) -> list[str]:
    """The runs of a paragraph's sentences that ask: each asking sentence, from its asking
    clause on (see `SCENE`), and its follow-ons."""
    runs: list[list[str]] = []
    going = False
    for sentence in sentences(MARK.sub("", text)):
        if asks(sentence):
            voice = VOICE.search(sentence) or BELIEF.search(sentence)
            if voice and voice.start("voice") > 0 and SCENE.match(sentence):
                sentence = sentence[voice.start("voice"):]
            runs.append([sentence])
            going = True
        elif going and GOES_ON.match(sentence):
            runs[-1].append(sentence)
        else:
            going = False
    return [" ".join(run) for run in runs]


def narrative_items(found: list[Block], body: list[tuple[str, bool]], vocabulary: Vocabulary,
                    part: Part, items: list[Item]) -> list[Item]:
    """Items the narrative's sentences make; none unless the report makes a habit of them."""
    known = [normal_words(item.body) for item in items]
    made: list[Item] = []
    voiced = 0
    for block, title, text in _paragraphs(found, body, vocabulary):
        runs = asking_runs(text)
        for run in runs or closing_should(text):
            words = normal_words(run)
            if len(words.split()) < 8 or any(words[:60] in other or other[:60] in words for other in known):
                continue
            known.append(words)
            voiced += bool(runs)
            made.append(Item("recommendation", part, title, block.number, None, None, "", part.country,
                             False, [("p", [run])], body=run, page=block.page))
    return made if voiced >= LEAST else []


def closing_should(text: str) -> list[str]:
    """The paragraph's last sentence when an actor, its subject, should do something."""
    last = sentences(text)[-1] if text else ""
    return [last] if last[:1].isupper() and CLOSING.match(last) and ends_sentence(last) else []


def _paragraphs(found: list[Block], body: list[tuple[str, bool]], vocabulary: Vocabulary
                ) -> list[tuple[Block, str, str]]:
    """(first block, heading title, text) of the body's paragraphs; one cut by a page turn re-joined.

    `body` is the walker's, block by block: the heading above and whether the block stands in
    the report's body (not the executive summary, not an annex)."""
    out: list[tuple[Block, str, str]] = []
    for block, (title, inside) in zip(found, body, strict=True):
        if not inside:
            continue
        text = join_lines(block.lines, vocabulary)
        if out and text[:1].islower() and not ends_sentence(out[-1][2]) and not block.bullet:
            out[-1] = (out[-1][0], out[-1][1], f"{out[-1][2]} {text}")
        else:
            out.append((block, title, text))
    return out


def asking_paragraphs(found: list[Block], body: list[tuple[str, bool]], vocabulary: Vocabulary,
                      part: Part, items: list[Item]) -> list[Item]:
    """Recommendations under a heading the text does not show (drawn as graphics, lost to the
    reading): RUN plain paragraphs or more in a row in the report's body, each opening on what
    an actor should do ("Germany should join …", "As it assumes …, Germany should …",
    «Министерству следует …»), each an item, whole; not one already (part of) an item."""
    known = [normal_words(item.body) for item in items]
    runs: list[list[tuple[Block, str, str]]] = [[]]
    for block, (title, inside) in zip(found, body, strict=True):
        if not inside or block.bullet or block.number is not None:
            runs.append([])
            continue
        for piece in paragraphs(block.lines, block.measure):
            text = join_lines(piece, vocabulary)
            first = sentences(text)[0]
            if first[:1].isupper() and OPENING.match(first) and ends_sentence(text):
                runs[-1].append((block, title, text))
            else:
                runs.append([])
    made = []
    for run in runs:
        if len(run) < RUN:
            continue
        for block, title, text in run:
            words = normal_words(text)
            if any(words[:60] in other for other in known):
                continue
            made.append(Item("recommendation", part, title, None, None, None, "", part.country,
                             False, [("p", [text])], body=text, page=block.page))
    return made
