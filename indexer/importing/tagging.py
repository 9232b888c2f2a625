"""Suggested tags of a draft: addressee, stakeholders, objectives and themes by keywords."""

from __future__ import annotations

import re
from collections import Counter

from indexer.importing.blocks import ADDRESSEE

STOP_ADDRESSEE = set("следует необходимо нужно надо рекомендуется в во до при для учитывая более "
                     "также на".split())


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
