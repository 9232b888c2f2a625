"""Composing a synthetic report: its blocks in reading order and its truth (see reportgen)."""

from __future__ import annotations

from reportgen_items import ItemsMixin
from reportgen_model import Block, Draft, Report
from reportgen_text import COUNTRIES, ORGS, TOPICS, WORDS
from reportgen_titled import TitledMixin

GLYPHS = ("•", "▪", "–", "o")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def compose(style: str, lang: str, rnd, seed: int) -> Report:
    """The whole report of this style, language and random source."""
    return Composer(style, lang, rnd, seed).report


class Composer(ItemsMixin, TitledMixin):
    """Builds one report chapter by chapter, appending blocks and truth as it goes."""

    def __init__(self, style: str, lang: str, rnd, seed: int):
        self.style, self.lang, self.rnd, self.w = style, lang, rnd, WORDS[lang]
        pick = 1 if lang == "en" else 2
        org, country, topic = rnd.choice(ORGS), rnd.choice(COUNTRIES), rnd.choice(TOPICS)
        self.org, kind, year = org[pick], rnd.choice(["final", "interim", "ex-post"]), rnd.randint(2014, 2025)
        title = self.w["title"].format(kind=self.w["kinds"][kind], topic=topic[pick], country=country[pick])
        self.report = Report(
            slug=f"gen-{style}-{lang}-{seed}", title=title, lang=lang, style=style,
            meta={"organisation": org[0], "evaluation_type": kind, "year": year, "lang": lang,
                  "countries": [country[0]]},
            header=title, footer=rnd.choice(self.w["page"]).replace("{org}", self.org))
        self.blocks, self.chapter, self.seen, self.objects = self.report.blocks, 0, set(), set()
        self.glyph, self.leads = rnd.choice(GLYPHS), style == "bold-lead" or (
            rnd.random() < 0.3 and style != "titled")
        self.breaks, self.roman, self.deck = rnd.random() < 0.6, rnd.random() < 0.25, []
        self.build()

    # -- the report, top to bottom -------------------------------------------------
    def build(self) -> None:
        rnd, w, style = self.rnd, self.w, self.style
        paired = style == "alternating"
        n_recs = rnd.randint(3, 6) if paired else rnd.randint(3, 10)
        recs = [self.rec_draft() for _ in range(n_recs)]
        lessons = self.pool_drafts("lesson", "lesson_pool", n_recs if paired else rnd.choice([0, 2, 3, 4, 5]))
        gps = self.pool_drafts("good-practice", "gp_pool", rnd.choice([0, 2, 3, 4]))
        self.cover()
        if style == "summary-only":
            self.summary_items(recs)
        elif style == "narrative":
            self.heading(w["summary"], numbered=False)
            self.filler(2)
        else:
            self.summary(recs)
        self.chapter_text(w["intro"], 2)
        self.findings()
        if style != "concl-recs":
            self.conclusions()
        if paired:
            self.alternating(recs, lessons)
            self.items_chapter(w["gps"], gps, 2, w["intro_gps"])
        else:
            chapters = [(w["recs"], recs, 0, w["intro_recs"]), (w["lessons"], lessons, 1, w["intro_lessons"]),
                        (w["gps"], gps, 2, w["intro_gps"])]
            if rnd.random() < 0.3:
                chapters = chapters[1:] + chapters[:1]
            for title, drafts, kind, intro in chapters:
                if kind == 0 and style in ("summary-only", "narrative"):
                    continue
                if kind == 0 and style == "concl-recs":
                    self.conclusions_and_recs(recs)
                elif kind == 0 and style == "table":
                    self.recs_table(recs)
                else:
                    self.items_chapter(title, drafts, kind, intro)
        self.annexes(recs)
        self.report.notes += [
            f"Synthetic report in the '{style}' style, {self.lang}; items are numbered within each chapter.",
            "The executive summary's short list, the key findings, the conclusions, section introductions "
            "and the annexes are not items.",
        ]

    def heading(self, title: str, numbered: bool = True, level: int = 1) -> str:
        if level == 1 and self.breaks and len(self.blocks) > 2:
            self.blocks.append(Block("pagebreak"))
        if not numbered:
            self.blocks.append(Block("heading", text=title, level=level))
            return title
        self.chapter += 1
        num = ROMAN[self.chapter - 1] if self.roman else str(self.chapter)
        self.blocks.append(Block("heading", text=f"{num}. {title}", level=level, tag=f"chapter:{num}"))
        self.report.toc.append((num, title))
        return num

    def para(self, text: str, tag: str | None = None) -> None:
        self.blocks.append(Block("para", text=text, tag=tag))

    def filler(self, count: int) -> None:
        """`count` paragraphs of findings text, drawn from a shuffled deck so none repeats soon."""
        for _ in range(count):
            if not self.deck:
                self.deck = self.rnd.sample(self.w["filler"], len(self.w["filler"]))
            line = self.deck.pop()
            n, y0 = self.rnd.randint(4, 60), self.rnd.randint(2012, 2020)
            self.para(line.format(n=n, y0=y0, y1=y0 + self.rnd.randint(2, 4)))
            # (No footnotes in the narrative style: its items run across pages inside findings,
            # and a footnote between an item's halves would part its words in the PDF's text.)
            if self.rnd.random() < 0.3 and self.style != "narrative":
                self.blocks[-1].note = self.rnd.choice(self.w["footnotes"]).format(y=y0 + 1)

    def not_item(self, what: str, why: str) -> str:
        self.report.not_items.append({"what": what, "why": why})
        return f"not:{len(self.report.not_items) - 1}"

    def cover(self) -> None:
        lines = [self.w["report"], self.w["prepared"].format(org=self.org), str(self.report.meta["year"])]
        self.blocks.append(Block("cover", text=self.report.title, rows=[lines]))
        self.blocks.append(Block("toc", text=self.w["contents"]))

    def summary(self, recs: list[Draft]) -> None:
        self.heading(self.w["summary"], numbered=False)
        self.filler(2)
        self.blocks.append(Block("addressee", text=self.w["summary_recs"]))
        tag = self.not_item("executive summary: the recommendations in short",
                            "repeats the recommendations chapter; the chapter's items are the items")
        bullet = self.rnd.choice(["{n}.", "•"])
        for n, draft in enumerate(recs, 1):
            self.blocks.append(Block("item", text=draft.short, label=bullet.format(n=n), tag=tag))
            tag = None

    def summary_items(self, recs: list[Draft]) -> None:
        """The only recommendations of the report, in its executive summary: those are the items."""
        title = self.heading(self.w["summary"], numbered=False)
        self.filler(2)
        self.blocks.append(Block("addressee", text=self.w["summary_recs"]))
        for n, draft in enumerate(recs, 1):
            self.emit(draft, f"{n}.", str(n), title)
        self.report.notes.append("The recommendations are only in the executive summary: they are the items.")

    def chapter_text(self, title: str, count: int) -> None:
        self.heading(title)
        self.filler(count)

    def findings(self) -> None:
        num = self.heading(self.w["findings"])
        for k, criterion in enumerate(self.w["criteria"], 1):
            self.blocks.append(Block("heading", text=f"{num}.{k} {criterion}", level=2))
            self.filler(self.rnd.randint(2, 3))
            if self.style == "narrative":
                self.narrative_items(f"{num}.{k}", 2 if k < 4 else 3)
        if self.rnd.random() < 0.5:
            self.blocks.append(Block("addressee", text=self.w["key_findings"]))
            tag = self.not_item("numbered key findings", "findings that recommend nothing")
            for n, line in enumerate(self.w["findings_list"], 1):
                self.blocks.append(Block("item", text=line, label=f"{n}.", tag=tag))
                tag = None

    def narrative_items(self, section: str, count: int) -> None:
        """Paragraphs of findings that end in the evaluator's recommending: those are the items."""
        rnd, w = self.rnd, self.w
        for _ in range(count):
            while True:                     # no two items begin with the same words
                actor = rnd.choice(w["actors"]).format(org=self.org)
                lowered = actor if actor == self.org else actor[0].lower() + actor[1:]
                fresh = [obj for obj in w["objects"] if obj not in self.objects] or w["objects"]
                obj = rnd.choice(fresh)
                sentence = rnd.choice(w["voices"]).format(actor_l=lowered, verb=rnd.choice(w["verbs"]),
                                                          obj=obj, purpose=rnd.choice(w["purposes"]))
                if self.unique(sentence):
                    break
            self.objects.add(obj)
            words = sentence.split()
            self.report.items.append({"type": "recommendation", "number": None, "section": section,
                                      "first": " ".join(words[:8]), "last": " ".join(words[-6:])})
            lead = rnd.choice(w["filler"]).format(n=rnd.randint(4, 60), y0=2015, y1=2018)
            self.para(f"{lead} {sentence}", tag=f"item:{len(self.report.items) - 1}")

    def conclusions(self) -> None:
        self.heading(self.w["conclusions"])
        tag = self.not_item("numbered conclusions", "conclusions that recommend nothing")
        for n, line in enumerate(self.rnd.sample(self.w["findings_list"], 3), 1):
            self.blocks.append(Block("item", text=line, label=self.w["conclusion"].format(n=n), tag=tag))
            tag = None

    def annexes(self, recs: list[Draft]) -> None:
        w, annex = self.w, self.w["annex"]
        self.heading(f"{annex} 1. {w['guide']}", numbered=False)
        tag = self.not_item("interview guide, numbered questions", "an interview guide")
        for n, question in enumerate(w["questions"], 1):
            self.blocks.append(Block("item", text=question, label=f"{n}.", tag=tag))
            tag = None
        self.heading(f"{annex} 2. {w['matrix']}", numbered=False)
        self.blocks.append(Block("table", rows=[w["matrix_head"]] + w["matrix_rows"],
                                 tag=self.not_item("evaluation matrix", "an evaluation matrix")))
        self.heading(f"{annex} 3. {w['response']}", numbered=False)
        rows = [w["response_head"]]
        for n, rec in enumerate(recs, 1):
            opening = " ".join(f"{rec.lead} {rec.text}".split()[:6])
            rows.append([f"{n}. {opening} …", self.rnd.choice(w["responses"]), self.rnd.choice(w["actions"]),
                         str(self.report.meta["year"] + 1)])
        self.blocks.append(Block("table", rows=rows, tag=self.not_item(
            "management response table", "restates the recommendations with the management's answers")))
