"""What a body decides is no report's recommendation: resolutions, decisions, pointers to them.

A committee's report to the General Assembly "recommends the adoption of the following draft
resolution", and a body's session report carries the decisions it adopted. Their text opens
on the body that decides, standing alone ("The General Assembly,", «Генеральная Ассамблея,»),
then its preambular clauses ("Recalling …", "Noting with satisfaction …,") and its operative
paragraphs, each opening on a verb in the third person ("1. Reaffirms …", "Requests the
Secretary-General …", "Calls upon …", «Просит Генерального секретаря …»). Those paragraphs
are the body's acts, not items of the report: a report that proposes actions to a body words
them in the imperative or the infinitive ("Express concern …", "To request Member States …"),
and one whose author speaks in the third person introduces them by name ("the High
Commissioner: (a) Calls for …"), in a document with no body's enacting line.

`decides` tells an operative paragraph (once the document has an enacting line), or one
naming the deciding body as its subject ("The General Assembly reiterates …", anywhere).
`points_elsewhere` tells an item whose only words say where a text is ("The text of the draft
resolution is available at A/AC.109/2025/L.3."): the text is another document's.
"""

from __future__ import annotations

import re

# A body that adopts resolutions or decisions (not a committee or an office that recommends).
ENGLISH_BODIES = (r"(?:general\s+assembly|economic\s+and\s+social\s+council|security\s+council|"
                  r"human\s+rights\s+council|trusteeship\s+council|executive\s+board|governing\s+council|"
                  r"conference\s+of\s+the\s+parties|meeting\s+of\s+(?:the\s+)?states\s+parties)")
RUSSIAN_BODIES = (r"(?:генеральная\s+ассамблея|совет\s+безопасности|экономический\s+и\s+социальный\s+совет|"
                  r"совет\s+по\s+правам\s+человека|исполнительный\s+совет|конференция\s+сторон)")
BODIES = rf"(?:(?:the\s+)?{ENGLISH_BODIES}|{RUSSIAN_BODIES})"
# The enacting line: the body alone, a comma after it ("The General Assembly,", «Генеральная
# Ассамблея,»); a cover's "Executive Board of the" has no article and no comma.
ENACTING = re.compile(rf"\s*(?:the\s+{ENGLISH_BODIES}|{RUSSIAN_BODIES})(?:\s+of\s+[\w\s,-]{{3,80}}?)?\s*,\s*",
                      re.I)
# An operative paragraph's verb, in the third person, after an adverb or two.
ADVERBS = (r"(?:(?:also|further|again|once\s+again|strongly|firmly|deeply|hereby|urgently|"
           r"вновь|также|далее|настоятельно|решительно|с\s+удовлетворением|с\s+озабоченностью|"
           r"с\s+признательностью|глубоко)\s+)*")
VERBS = (r"(?:acknowledges|adopts|affirms|agrees|appeals|approves|authori[sz]es|calls|commends|"
         r"condemns|confirms|decides|declares|demands|deplores|designates|emphasi[sz]es|encourages|"
         r"endorses|expresses|invites|looks\s+forward|notes|proclaims|reaffirms|recalls|recogni[sz]es|"
         r"recommends|regrets|reiterates|reminds|renews|requests|resolves|stresses|supports|"
         r"takes\s+note|underlines|underscores|urges|welcomes|"
         r"подтверждает|просит|призывает|постановляет|предлагает|приветствует|призна[её]т|"
         r"подч[её]ркивает|отмечает|принимает\s+к\s+сведению|осуждает|одобряет|выражает|напоминает|"
         r"поддерживает|утверждает|рекомендует|поручает|уполномочивает|решает)\b")
# A preambular clause before the verb: "Noting with satisfaction …, 1. Urges",
# «Признавая …, призывает».
PREAMBLE = (r"(?:(?:noting|recalling|having|reaffirming|recogni[sz]ing|bearing|welcoming|concerned|"
            r"aware|mindful|convinced|emphasi[sz]ing|stressing|taking|considering|acknowledging|"
            r"expressing|deeply|gravely|alarmed|guided|determined|underlining|reiterating|affirming|"
            r"отмечая|напоминая|признавая|подтверждая|вновь|рассмотрев|принимая|будучи|выражая|"
            r"приветствуя|учитывая|сознавая|подч[её]ркивая)\b[^;]{0,600}?,\s*(?:\d{1,3}\.\s*)?)?")
NUMBER = r"\s*(?:\(?[a-z\d]{1,3}[.)]\s*)?"
OPERATIVE = re.compile(rf"{NUMBER}{PREAMBLE}{ADVERBS}{VERBS}", re.I)
# The body as the subject: "The General Assembly reiterates …", "The General Assembly, having
# considered …, reaffirms …", "Aware of …, the General Assembly urges …".
BODY_DECIDES = re.compile(rf"{NUMBER}{PREAMBLE}{BODIES}\s*,?\s+{PREAMBLE}{ADVERBS}{VERBS}", re.I)
POINTER = re.compile(r"\s*(?:the\s+)?(?:full\s+)?text\s+of\s+[^.;]{0,120}?\b(?:is|are|was|were|will\s+be)\s+"
                     r"(?:available|contained|reproduced|issued|set\s+out|published|circulated)\s+"
                     r"(?:at|in|as|under)\b"
                     r"|\s*текст\s+[^.;]{0,120}?\b(?:размещ[её]н|содержится|опубликован|воспроизвод\w+|"
                     r"распространен|распространён)\w*\s+(?:в|на|под)\b", re.I)
POINTER_WORDS = 40      # a pointer is one short sentence


def enacting_page(lines: list[str], pages: list[int]) -> int | None:
    """The page of the document's first enacting line (see `ENACTING`), if it has one."""
    for line, page in zip(lines, pages, strict=False):
        if ENACTING.fullmatch(line):
            return page
    return None


def decides(body: str, page: int, enacted: int | None) -> bool:
    """Whether the item's body is a body's act: an operative paragraph on or after the
    document's enacting line, or a paragraph naming the deciding body as its subject."""
    text = " ".join(body.split())
    return bool(BODY_DECIDES.match(text) or enacted is not None and page >= enacted and OPERATIVE.match(text))


def points_elsewhere(body: str) -> bool:
    """Whether the item only says where a text stands (another document's)."""
    text = " ".join(body.split())
    return len(text.split()) <= POINTER_WORDS and bool(POINTER.match(text))
