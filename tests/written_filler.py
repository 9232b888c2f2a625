"""Findings prose for the written reports' `@filler N` blocks, in English and Russian.

A report's source gives what its programme is about (front matter `programme`, `partner`,
`place`, `target`); the sentences around them are drawn, seeded by the report's slug and the
block's place, so a report renders the same every time. Some sentences say "should" or
"recommend" in passing, as findings do: an importer must not take them for items.
"""

from __future__ import annotations

import random

EN = [
    "Interviews with {partner} confirmed that the {programme} "
    "responded to priorities set out in national policy.",
    "The evaluation team visited {place} and met {target} who had taken part in the activities.",
    "Progress against the results framework was uneven: of the twelve output indicators, seven were "
    "fully achieved, three partially and two not at all.",
    "Several respondents felt that the {programme} should have involved {partner} earlier in the design.",
    "Monitoring data were collected regularly, but they measured activities rather than changes in the "
    "situation of {target}.",
    "Delays in recruitment and procurement in the first year reduced the time left for implementation.",
    "The budget execution rate reached 87 per cent by the end of the period under review.",
    "Staff of {partner} recommended in interviews that training be repeated each year, given staff turnover.",
    "Gender equality was addressed mainly through the participation of women, less through the content "
    "of the activities.",
    "Coordination with other development partners in {place} was informal and depended on individuals.",
    "The theory of change was not updated when the context changed, and its assumptions were not tested.",
    "Documents reviewed show that the steering committee met four times, as planned, and took decisions "
    "on the annual work plans.",
    "Most of the {target} interviewed valued the practical nature of the support they received.",
    "A financial sustainability strategy was not prepared, and continued services depend on new funding.",
    "Focus group participants in {place} reported that information about the services reached them late.",
    "The evaluation found no evidence that the exit strategy had been discussed with {partner}.",
    "As one official put it, the project should be seen as a starting point rather than a finished model.",
    "Cost per beneficiary compares well with similar interventions in the region.",
    "The online survey received 146 responses, a rate of 38 per "
    "cent, which limits the weight of its findings.",
    "Reporting to the donor was timely, though narrative reports described activities more than results.",
    "The mid-term review had recommended a stronger focus on local ownership; this was partly taken up.",
    "Capacities built at the individual level were not always "
    "matched by changes in institutional procedures.",
    "Partners noted that the guidelines produced by the "
    "{programme} are already used beyond the target areas.",
    "Disability inclusion was not considered systematically in the selection of {target}.",
]

RU = [
    "Интервью с представителями {partner} подтвердили, что "
    "{programme} отвечал приоритетам национальной политики.",
    "Группа оценки посетила {place} и встретилась с {target}, принимавшими участие в мероприятиях.",
    "Прогресс по рамке результатов был неравномерным: из двенадцати показателей на уровне продуктов семь "
    "достигнуты полностью, три частично и два не достигнуты.",
    "Ряд респондентов считает, что {partner} следовало привлечь к разработке проекта на более раннем этапе.",
    "Данные мониторинга собирались регулярно, однако они отражали мероприятия, а не изменения в положении "
    "целевых групп.",
    "Задержки с наймом персонала и закупками в первый год сократили время, оставшееся на реализацию.",
    "К концу рассматриваемого периода освоение бюджета составило 87 процентов.",
    "Сотрудники {partner} в ходе интервью рекомендовали ежегодно повторять обучение ввиду текучести кадров.",
    "Гендерное равенство обеспечивалось главным образом за счёт участия женщин, а не содержания мероприятий.",
    "Координация с другими партнёрами по развитию носила неформальный характер и зависела от отдельных лиц.",
    "Теория изменений не обновлялась при изменении контекста, а её допущения не проверялись.",
    "Изученные документы показывают, что руководящий комитет собирался четыре раза, как и планировалось.",
    "Большинство опрошенных участников высоко оценили практическую направленность полученной поддержки.",
    "Стратегия финансовой устойчивости не была подготовлена, и продолжение услуг зависит от нового "
    "финансирования.",
    "Участники фокус-групп сообщили, что информация об услугах доходила до них с опозданием.",
    "Группа оценки не нашла свидетельств того, что стратегия выхода обсуждалась с {partner}.",
    "По словам одного из должностных лиц, проект следует "
    "рассматривать как отправную точку, а не готовую модель.",
    "Стоимость в расчёте на одного бенефициара сопоставима с аналогичными проектами в регионе.",
    "На онлайн-опрос ответили 146 человек (38 процентов), что ограничивает вес его результатов.",
    "Отчётность перед донором представлялась своевременно, хотя "
    "описывала скорее мероприятия, чем результаты.",
    "Среднесрочный обзор рекомендовал усилить национальную ответственность; это было учтено частично.",
    "Потенциал, созданный на уровне отдельных специалистов, не всегда подкреплялся изменением процедур.",
    "Партнёры отметили, что разработанные в рамках проекта методические рекомендации уже используются "
    "за пределами целевых районов.",
    "Вопросы инклюзии людей с инвалидностью не учитывались систематически при отборе участников.",
]


def paragraphs(meta: dict, n: int, seed: str) -> list[str]:
    """`n` paragraphs of four to six sentences about the report's programme."""
    pool = RU if meta.get("lang") == "ru" else EN
    rnd = random.Random(seed)
    slots = {k: meta.get(k, k) for k in ("programme", "partner", "place", "target")}
    out = []
    for _ in range(n):
        picked = rnd.sample(pool, rnd.randint(4, 6))
        out.append(" ".join(s.format(**slots) for s in picked))
    return out
