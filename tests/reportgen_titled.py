"""The "titled" style of `reportgen`: a contractor's recommendations chapter under bold titles.

A results report written for a donor by a contractor (USAID's, say) sets its recommendations
by area under a bold title standing on its own line ("Housing sector"). Inside an area an
item is a paragraph that a bold title without punctuation runs into ("Home repair It is
recommended that …": the title is part of the item), or one plain paragraph under a bold
title of its own line ("Policy clarification": there the title is a heading). The chapter
closes with a narrative programme design: paragraphs that describe a fund, its structure and
the options for an intervention (no items, though they say "could" and "would") between the
paragraphs that recommend in the author's voice (the items).
"""

from __future__ import annotations

from reportgen_model import FIRST, LAST, Block, Draft

WORDS = {
    "en": {
        "areas": ["Housing sector", "Credit instruments", "Enterprise development", "Investment promotion",
                  "Institutional capacity"],
        "titles": ["Home improvement", "Loan guarantees", "Technical assistance", "Non-financial services",
                   "Debt restructuring", "Policy clarification", "Enterprise services", "Investment strategy",
                   "Market access", "Local capacity", "Data systems", "Staff training"],
        "design": "Priority programme for the most affected regions",
        "fund": "Technical Assistance Fund",
        "describe": [
            "The {fund} was established in {y} and is still in its organisational stage. Its objective is "
            "to build a network of institutions that serve small enterprises on a demand-driven basis.",
            "The design of the {fund} calls for a structure of three tiers. The managing board sets "
            "policy, the operating agencies are the link with the enterprises, and the providers deliver "
            "the assistance.",
            "The target clientele are enterprises with fewer than fifty employees. The national "
            "commission estimates that they represent about a tenth of all enterprises in the country.",
            "An initial intervention could take the form of a cooperative agreement with the {fund}. The "
            "agreement would provide funds for matching grants administered by the operating agencies.",
            "An alternative form of intervention may be preferable in view of the recent formation of the "
            "{fund} and its lack of experience in administering a programme of this size.",
            "The regional association of mayors has worked with donors on programmes of infrastructure and "
            "rural roads. It has the presence, knowledge and interest needed in its area.",
        ],
        "ask": [
            "Keeping in mind that the resources available are limited, it is recommended that assistance be "
            "channelled to the small enterprises of the two regions most affected.",
            "Other elements of an expanded programme should include additional funding to the {fund} once "
            "it has shown sufficient operating experience.",
            "A final element that may be advisable would be the provision of short-term specialised "
            "technical services by an experienced contractor.",
        ],
    },
    "ru": {
        "areas": ["Жилищный сектор", "Кредитные инструменты", "Развитие предприятий",
                  "Продвижение инвестиций", "Институциональный потенциал"],
        "titles": ["Ремонт жилья", "Гарантии по кредитам", "Техническая помощь", "Нефинансовые услуги",
                   "Реструктуризация долга", "Уточнение политики", "Услуги для предприятий",
                   "Инвестиционная стратегия", "Доступ к рынкам", "Местный потенциал", "Системы данных",
                   "Обучение персонала"],
        "design": "Приоритетная программа для наиболее пострадавших регионов",
        "fund": "Фонд технической помощи",
        "describe": [
            "{fund} был создан в {y} году и находится на этапе становления. Его цель состоит в создании "
            "сети учреждений, оказывающих малым предприятиям услуги с учётом спроса.",
            "Структура фонда предусматривает три уровня. Правление определяет политику, операторы служат "
            "связующим звеном с предприятиями, а поставщики оказывают помощь.",
            "Целевую группу составляют предприятия, в которых работает менее пятидесяти человек. По оценке "
            "национальной комиссии, это около десятой части всех предприятий страны.",
            "Первоначальное вмешательство могло бы принять форму соглашения о сотрудничестве с фондом. "
            "Соглашение предусматривало бы средства на гранты, распределяемые операторами.",
            "Альтернативная форма вмешательства может оказаться предпочтительнее, учитывая, что фонд создан "
            "недавно и не имеет опыта управления программой такого масштаба.",
            "Региональная ассоциация мэров работала с донорами над программами в области инфраструктуры и "
            "сельских дорог. Она хорошо знает свой район и заинтересована в его развитии.",
        ],
        "ask": [
            "С учётом ограниченности имеющихся ресурсов рекомендуется направить помощь малым предприятиям "
            "двух наиболее пострадавших регионов.",
            "В расширенную программу следует включить дополнительное финансирование фонда, когда он "
            "накопит достаточный опыт работы.",
            "Целесообразно также предусмотреть краткосрочные специализированные технические услуги "
            "опытного подрядчика.",
        ],
    },
}


class TitledMixin:
    """Lays out the "titled" recommendations chapter; needs the composer's rnd, lang, report, blocks."""

    def titled(self, drafts: list[Draft], num: str) -> None:
        rnd, w = self.rnd, WORDS[self.lang]
        titles = rnd.sample(w["titles"], len(drafts))
        count = min(len(drafts), rnd.randint(2, 3))
        areas = rnd.sample(w["areas"], count)
        size = -(-len(drafts) // count)
        for a, area in enumerate(areas):
            self.blocks.append(Block("boldline", text=area))
            for n in range(a * size, min(len(drafts), (a + 1) * size)):
                draft, title = drafts[n], titles[n]
                if rnd.random() < 0.35:     # a title of its own line, then the item's paragraph
                    self.blocks.append(Block("boldline", text=title))
                    self.titled_item(draft.text, "", num)
                else:                       # the bold title runs into the item's paragraph
                    self.titled_item(draft.text, title, num)
        self.programme_design(num)

    def titled_item(self, text: str, lead: str, section: str) -> None:
        words = f"{lead} {text}".split()
        self.report.items.append({"type": "recommendation", "number": None, "section": section,
                                  "first": " ".join(words[:FIRST]), "last": " ".join(words[-LAST:])})
        self.blocks.append(Block("para", text=text, lead=lead, tag=f"item:{len(self.report.items) - 1}"))

    def programme_design(self, section: str) -> None:
        """Description paragraphs (no items) with the asking ones (items) among them, in order."""
        rnd, w = self.rnd, WORDS[self.lang]
        values = {"fund": w["fund"], "y": self.report.meta["year"] - 1}
        describe = [text.format(**values) for text in rnd.sample(w["describe"], rnd.randint(3, 5))]
        ask = [text.format(**values) for text in rnd.sample(w["ask"], rnd.randint(2, 3))]
        order = ["d"] * len(describe) + ["a"] * len(ask)
        rnd.shuffle(order)
        self.blocks.append(Block("boldline", text=w["design"]))
        tag = self.not_item("programme design: the fund, its structure and the options",
                            "description of the institutions and options the recommendations choose from")
        for shape in order:
            if shape == "a":
                self.titled_item(ask.pop(), "", section)
            else:
                self.para(describe.pop(), tag=tag)
                tag = None
