"""A UN official document, the "un-document" style of `reportgen`.

What an executive board's paper (DP/2024/12, E/ICEF/2025/7, DP/FPA/2024/3) or an
evaluation office's annual report looks like: a symbol line and a distribution header
on its first page, the symbol as the running header of every page, Roman chapters with
lettered sub-headings ("A.", "B." / «А.», «Б.»), every paragraph numbered 1..N across the
chapters, a table, footnotes. Its lessons and recommendations stand in a lettered
sub-section ("C. Special report: Key lessons from …") or a chapter of their own, each a
numbered paragraph led by a bold sentence; a lesson may be followed by plain numbered
paragraphs of evidence, which are part of it (as UNDP's annual report on evaluation sets
them). The section's introduction, numbered too, is no item.
"""

from __future__ import annotations

from reportgen_compose import Composer
from reportgen_items import SUBS_INTRO
from reportgen_model import FIRST, LAST, Block, Draft

SYMBOLS = ("DP/{y}/{n}", "E/ICEF/{y}/{n}", "DP/FPA/{y}/{n}", "UNW/{y}/{n}", "WFP/EB.A/{y}/{n}")
LETTERS = {"en": "ABCDEF", "ru": "АБВГДЕ"}
UN = {
    "en": {
        "body": "Executive Board of the United Nations Development Programme, the United Nations "
                "Population Fund and the United Nations Office for Project Services",
        "distr": ["Distr.: General", "{d} April {y}", "Original: English"],
        "session": "Annual session {y}", "item": "Item {n} of the provisional agenda",
        "title": "Annual report on evaluation, {y}", "summary": "Summary",
        "summary_text": "The present report presents the work of the evaluation office in {y}, the key "
                        "lessons drawn from its evaluations and its recommendations to the Executive Board.",
        "chapters": ("Introduction", "Evaluation outputs, {y}", "Lessons learned", "Recommendations",
                     "Programme of work, {y1}"),
        "subs": ("Independent evaluations", "Decentralized evaluations"),
        "special": "Special report: Key lessons from the evaluations of {topic}",
        "recs_sub": "Recommendations to the Executive Board",
        "table": ["Region", "Evaluations"],
        "regions": ["Africa", "Arab States", "Asia and the Pacific", "Europe and the CIS", "Latin America"],
        "caption": "Table 1. Evaluations completed in {y}",
    },
    "ru": {
        "body": "Исполнительный совет Программы развития Организации Объединённых Наций, Фонда "
                "Организации Объединённых Наций в области народонаселения и Управления ООН по обслуживанию "
                "проектов",
        "distr": ["Distr.: General", "{d} April {y}", "Russian", "Original: English"],
        "session": "Ежегодная сессия {y} года", "item": "Пункт {n} предварительной повестки дня",
        "title": "Годовой доклад об оценке за {y} год", "summary": "Резюме",
        "summary_text": "В настоящем докладе изложена работа управления по оценке в {y} году, основные уроки "
                        "его оценок и его рекомендации Исполнительному совету.",
        "chapters": ("Введение", "Результаты работы по оценке за {y} год", "Извлечённые уроки",
                     "Рекомендации", "Программа работы на {y1} год"),
        "subs": ("Независимые оценки", "Децентрализованные оценки"),
        "special": "Специальный доклад: основные уроки оценок в области {topic}",
        "recs_sub": "Рекомендации Исполнительному совету",
        "table": ["Регион", "Оценки"], "regions": ["Африка", "Арабские государства", "Азия и Тихий океан",
                                                  "Европа и СНГ", "Латинская Америка"],
        "caption": "Таблица 1. Оценки, завершённые в {y} году",
    },
}
ROMAN = ("I", "II", "III", "IV", "V", "VI")
TOPICS = {"en": ("adapting to climate change", "digital public services", "gender equality",
                 "private sector development"),
          "ru": ("адаптации к изменению климата", "цифровых государственных услуг", "гендерного равенства",
                 "развития частного сектора")}


class UnComposer(Composer):
    """Composes the UN document; the wording pools are `reportgen_text`'s."""

    def build(self) -> None:
        rnd, lang, u = self.rnd, self.lang, UN[self.lang]
        year = self.report.meta["year"]
        self.report.meta["evaluation_type"] = "meta"
        symbol = rnd.choice(SYMBOLS).format(y=year, n=rnd.randint(3, 19))
        self.report.title = u["title"].format(y=year)
        self.report.header, self.report.footer = symbol, "{n}"
        self.leads, self.paragraph, self.numeral = True, 0, 0
        self.letters = LETTERS[lang]
        recs = [self.rec_draft() for _ in range(rnd.randint(3, 6))]
        lessons = self.pool_drafts("lesson", "lesson_pool", rnd.randint(3, 5))
        support = rnd.random() < 0.5          # lessons followed by paragraphs of evidence
        self.first_page(symbol, year)
        self.chapter_of(u["chapters"][0], 3)
        outputs = self.chapter_of(u["chapters"][1].format(y=year), 0)
        for k, title in enumerate(u["subs"]):
            self.lettered(k, title)
            self.numbered_filler(rnd.randint(3, 4))
            if k == 0 and rnd.random() < 0.6:
                self.evaluations_table(year)
        special = rnd.random() < 0.5
        if special:       # the lessons as a lettered sub-section of the outputs' chapter
            topic = rnd.choice(TOPICS[lang])
            section = f"{outputs}.{self.lettered(2, u['special'].format(topic=topic))}"
        else:
            section = self.chapter_of(u["chapters"][2], 0)
        self.items_of(lessons, section, self.w["intro_lessons"], support)
        if special and rnd.random() < 0.5:
            section = f"{outputs}.{self.lettered(3, u['recs_sub'])}"
        else:
            section = self.chapter_of(u["chapters"][3], 0)
        self.items_of(recs, section, self.w["intro_recs"], False)
        self.chapter_of(u["chapters"][4].format(y1=year + 1), 2)
        self.report.notes += [
            "Synthetic UN official document ('un-document' style): every paragraph is numbered 1..N across "
            f"the chapters, the symbol {symbol} heads every page; each lesson and recommendation is a "
            "numbered paragraph led by a bold sentence, a lesson's plain numbered paragraphs of evidence "
            "after it are part of it (nothing but the bold marks the lead in the PDF's text).",
            "The summary, the section introductions, the table and the other chapters are not items."]

    def first_page(self, symbol: str, year: int) -> None:
        u, rnd = UN[self.lang], self.rnd
        lines = [f"United Nations    {symbol}", u["body"],
                 *(line.format(d=rnd.randint(1, 28), y=year) for line in u["distr"]),
                 u["session"].format(y=year), u["item"].format(n=rnd.randint(3, 9))]
        self.blocks.append(Block("cover", text=self.report.title, rows=[lines]))
        self.blocks.append(Block("heading", text=u["summary"], level=2))
        self.para(u["summary_text"].format(y=year),
                  tag=self.not_item("summary: key lessons and recommendations named",
                                    "the document's summary"))
        self.blocks.append(Block("toc", text=self.w["contents"]))

    def chapter_of(self, title: str, count: int) -> str:
        """A Roman chapter and `count` numbered paragraphs of it; its numeral."""
        if self.breaks and self.numeral:
            self.blocks.append(Block("pagebreak"))
        self.numeral += 1
        num = ROMAN[self.numeral - 1]
        self.blocks.append(Block("heading", text=f"{num}. {title}", level=1, tag=f"chapter:{num}"))
        self.report.toc.append((num, title))
        self.numbered_filler(count)
        return num

    def lettered(self, k: int, title: str) -> str:
        letter = self.letters[k]
        self.blocks.append(Block("heading", text=f"{letter}. {title}", level=2))
        return letter

    def number(self) -> str:
        self.paragraph += 1
        return f"{self.paragraph}."

    def numbered_filler(self, count: int) -> None:
        """`count` numbered paragraphs of two or three sentences (a UN paragraph says a lot)."""
        for _ in range(count):
            before = len(self.blocks)
            self.filler(self.rnd.randint(2, 3))
            parts = self.blocks[before:]
            del self.blocks[before:]
            self.blocks.append(Block("item", text=" ".join(part.text for part in parts), label=self.number(),
                                     note=next((part.note for part in parts if part.note), "")))

    def evaluations_table(self, year: int) -> None:
        u = UN[self.lang]
        self.blocks.append(Block("para", text=u["caption"].format(y=year)))
        rows = [u["table"]] + [[region, str(self.rnd.randint(1, 11))] for region in u["regions"]]
        self.blocks.append(Block("table", rows=rows, tag=self.not_item("table of evaluations", "a table")))

    def items_of(self, drafts: list[Draft], section: str, intro: str, support: bool) -> None:
        """The section's numbered introduction, then its items: each a numbered paragraph led in
        bold, a lesson's numbered paragraphs of evidence after it part of it."""
        tag = self.not_item(f"introduction of section {section}", "a section's introduction")
        self.blocks.append(Block("item", text=intro, label=self.number(), tag=tag))
        for draft in drafts:
            # no lettered sub-points here: a UN paragraph says it all
            text = draft.text.replace(SUBS_INTRO[self.lang], "").strip()
            text = text or self.rnd.choice(self.w["details"])
            draft = Draft(draft.type, draft.lead, text)
            words = f"{draft.lead} {draft.text}".split()
            tail = list(words)
            self.report.items.append({"type": draft.type, "number": None, "section": section,
                                      "first": " ".join(words[:FIRST]), "last": ""})
            truth = self.report.items[-1]
            self.blocks.append(Block("item", text=draft.text, lead=draft.lead, label=self.number(),
                                     tag=f"item:{len(self.report.items) - 1}"))
            for _ in range(self.rnd.choice([1, 2]) if support and self.rnd.random() < 0.6 else 0):
                self.numbered_filler(1)
                self.blocks[-1].note = ""     # a footnote's mark would end the item's words
                tail = self.blocks[-1].text.split()
            truth["last"] = " ".join(tail[-LAST:])
