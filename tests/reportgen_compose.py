"""Composing a synthetic report: its blocks in reading order and its truth (see reportgen)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportgen_text import COUNTRIES, ORGS, TOPICS, WORDS

GLYPHS = ("•", "▪", "–", "o")
FIRST, LAST = 8, 6          # words kept for an item's `first` and `last`
GROUPS = {"en": ("Strategic recommendations", "Operational recommendations"),
          "ru": ("Стратегические рекомендации", "Оперативные рекомендации")}
SUBS_INTRO = {"en": "The plan should cover the following:", "ru": "При этом следует предусмотреть:"}


@dataclass
class Block:
    """One paragraph-like piece of the report, in reading order.

    kind: cover | toc | heading | para | item | sub | cont | addressee | table | pagebreak.
    `tag` marks the block that opens an item ("item:3"), a not-item ("not:1") or a
    chapter ("chapter:4"); the PDF writer reports the page each tag lands on.
    """

    kind: str
    text: str = ""
    level: int = 1
    label: str = ""
    lead: str = ""
    rows: list[list[str]] | None = None
    tag: str | None = None


@dataclass
class Report:
    """A composed report: its blocks, its truth without pages, and its page furniture."""

    slug: str
    title: str
    lang: str
    style: str
    meta: dict
    header: str
    footer: str
    blocks: list[Block] = field(default_factory=list)
    items: list[dict] = field(default_factory=list)
    not_items: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    toc: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Draft:
    """One item before layout: bold lead, text, sub-points, follow-on paragraph, summary form."""

    type: str
    lead: str
    text: str
    subs: list[str] = field(default_factory=list)
    follow: str = ""
    short: str = ""


def key(text: str) -> str:
    """Letters and digits only, lowercased: how the scorer compares words."""
    return re.sub(r"[\W_]+", "", text.lower())


def compose(style: str, lang: str, rnd, seed: int) -> Report:
    """The whole report of this style, language and random source."""
    return Composer(style, lang, rnd, seed).report


class Composer:
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
        self.glyph, self.leads = rnd.choice(GLYPHS), style == "bold-lead" or rnd.random() < 0.3
        self.breaks = rnd.random() < 0.6
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
        num = str(self.chapter)
        self.blocks.append(Block("heading", text=f"{num}. {title}", level=level, tag=f"chapter:{num}"))
        self.report.toc.append((num, title))
        return num

    def para(self, text: str, tag: str | None = None) -> None:
        self.blocks.append(Block("para", text=text, tag=tag))

    def filler(self, count: int) -> None:
        for line in self.rnd.sample(self.w["filler"], count):
            n, y0 = self.rnd.randint(4, 60), self.rnd.randint(2012, 2020)
            self.para(line.format(n=n, y0=y0, y1=y0 + self.rnd.randint(2, 4)))

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

    def chapter_text(self, title: str, count: int) -> None:
        self.heading(title)
        self.filler(count)

    def findings(self) -> None:
        num = self.heading(self.w["findings"])
        for k, criterion in enumerate(self.w["criteria"], 1):
            self.blocks.append(Block("heading", text=f"{num}.{k} {criterion}", level=2))
            self.filler(self.rnd.randint(2, 3))
        if self.rnd.random() < 0.5:
            self.blocks.append(Block("addressee", text=self.w["key_findings"]))
            tag = self.not_item("numbered key findings", "findings that recommend nothing")
            for n, line in enumerate(self.w["findings_list"], 1):
                self.blocks.append(Block("item", text=line, label=f"{n}.", tag=tag))
                tag = None

    def conclusions(self) -> None:
        self.heading(self.w["conclusions"])
        tag = self.not_item("numbered conclusions", "conclusions that recommend nothing")
        for n, line in enumerate(self.rnd.sample(self.w["findings_list"], 3), 1):
            self.blocks.append(Block("item", text=line, label=self.w["conclusion"].format(n=n), tag=tag))
            tag = None

    # -- drafting items --------------------------------------------------------------
    def unique(self, text: str) -> bool:
        """True, and remembered, if no item so far begins with the same words."""
        k = key(" ".join(text.split()[:FIRST]))
        if k in self.seen:
            return False
        self.seen.add(k)
        return True

    def rec_draft(self) -> Draft:
        rnd, w = self.rnd, self.w
        while True:
            fresh = [obj for obj in w["objects"] if obj not in self.objects] or w["objects"]
            verb, obj, actor = rnd.choice(w["verbs"]), rnd.choice(fresh), rnd.choice(w["actors"])
            actor = actor.format(org=self.org)
            lowered = actor if actor == self.org else actor[0].lower() + actor[1:]
            sentence = rnd.choice(w["should"]).format(actor=actor, actor_l=lowered, verb=verb,
                                                      Verb=verb.capitalize(), obj=obj)
            sentence += rnd.choice(w["purposes"]) + "."
            if self.unique(sentence):
                self.objects.add(obj)
                break
        details = rnd.sample(w["details"], rnd.choice([0, 1, 1, 2]))
        nest = self.style not in ("paragraphs", "table") and rnd.random() < 0.3
        follow = ""
        if self.style not in ("paragraphs", "table") and rnd.random() < 0.25:
            follow = rnd.choice([d for d in w["details"] if d not in details])
        subs = rnd.sample(w["subs"], rnd.randint(2, 3)) if nest else []
        body = details + ([SUBS_INTRO[self.lang]] if subs else [])
        if self.leads and not body:
            body = [rnd.choice(w["details"])]
        short = f"{verb.capitalize()} {obj}."
        if self.leads:
            return Draft("recommendation", sentence, " ".join(body), subs, follow, short)
        return Draft("recommendation", "", " ".join([sentence] + body), subs, follow, short)

    def pool_drafts(self, kind: str, pool: str, count: int) -> list[Draft]:
        drafts = []
        for sentence in self.rnd.sample(self.w[pool], count):
            if not self.unique(sentence):
                continue
            more = self.rnd.choice(self.w["follow"]) if self.rnd.random() < 0.4 else ""
            if self.leads:
                drafts.append(Draft(kind, sentence, more or self.rnd.choice(self.w["follow"])))
            else:
                drafts.append(Draft(kind, "", " ".join(x for x in (sentence, more) if x)))
        return drafts

    # -- laying items out -------------------------------------------------------------
    def label(self, kind: int, n: int) -> tuple[str, str | None]:
        """The printed label of the n-th item of its chapter, and its truth `number`."""
        style, w = self.style, self.w
        if style in ("numbered", "addressee", "table"):
            return f"{n}.", str(n)
        if style == "paren-number":
            return f"{n})", str(n)
        if style == "hash":
            return f"#{n}", f"#{n}"
        if style == "lettered":
            return f"{w['letters'][n - 1]})", w["letters"][n - 1]
        if style == "bullets":
            return self.glyph, None
        if style in ("bold-lead", "paragraphs"):
            return "", None
        text = w["labels"][style][kind].format(n=n)
        return text, text.rstrip(".:") if style == "r-code" else str(n)

    def emit(self, draft: Draft, label: str, number: str | None, section: str) -> None:
        words = f"{draft.lead} {draft.text}".split()
        letters = self.w["letters"]
        tail = words + " ".join(draft.subs).split() + draft.follow.split()
        self.report.items.append({"type": draft.type, "number": number, "section": section,
                                  "first": " ".join(words[:FIRST]), "last": " ".join(tail[-LAST:])})
        tag = f"item:{len(self.report.items) - 1}"
        self.blocks.append(Block("item", text=draft.text, lead=draft.lead, label=label, tag=tag))
        for k, sub in enumerate(draft.subs):
            self.blocks.append(Block("sub", text=sub, label=self.sub_label.format(c=letters[k], n=k + 1)))
        if draft.follow:
            self.blocks.append(Block("cont", text=draft.follow))

    @property
    def sub_label(self) -> str:
        return {"numbered": "({c})", "lettered": "–", "paren-number": "({c})"}.get(self.style, "{c})")

    def items_chapter(self, title: str, drafts: list[Draft], kind: int, intro: str) -> None:
        if not drafts:
            return
        num = self.heading(title)
        self.para(intro, tag=self.not_item(f"introduction of chapter {num}", "a section's introduction"))
        groups = self.groups(drafts, kind)
        n = 0
        for g, (head, members) in enumerate(groups, 1):
            section = num
            if head and self.style == "addressee":
                self.blocks.append(Block("addressee", text=head))
            elif head:
                section = f"{num}.{g}"
                self.blocks.append(Block("heading", text=f"{section} {head}", level=2))
            for draft in members:
                n += 1
                self.emit(draft, *self.label(kind, n), section)

    def groups(self, drafts: list[Draft], kind: int) -> list[tuple[str, list[Draft]]]:
        """Addressee groups, or strategic/operational sub-sections, or one plain group."""
        if kind == 0 and self.style == "addressee":
            count = 2 + len(drafts) // 5
            heads = [h.format(org=self.org) for h in self.rnd.sample(self.w["addressees"], count)]
        elif kind == 0 and len(drafts) >= 6 and self.rnd.random() < 0.4:
            heads = list(GROUPS[self.lang])
        else:
            return [("", drafts)]
        size = -(-len(drafts) // len(heads))
        return [(h, drafts[i * size:(i + 1) * size]) for i, h in enumerate(heads) if drafts[i * size:]]

    def alternating(self, recs: list[Draft], lessons: list[Draft]) -> None:
        num = self.heading(self.w["recs_lessons"])
        for n, (lesson, rec) in enumerate(zip(lessons, recs, strict=True), 1):
            self.emit(lesson, *self.label(1, n), num)
            self.emit(rec, *self.label(0, n), num)
        for n, rec in enumerate(recs[len(lessons):], len(lessons) + 1):
            self.emit(rec, *self.label(0, n), num)

    def conclusions_and_recs(self, recs: list[Draft]) -> None:
        num = self.heading(self.w["concl_recs"])
        lines = self.w["findings_list"]
        for n, rec in enumerate(recs, 1):
            if n <= len(lines):
                tag = self.not_item(f"conclusion {n} of chapter {num}", "recommends nothing")
                lead = self.w["conclusion"].format(n=n)
                self.blocks.append(Block("para", text=lines[n - 1], lead=lead, tag=tag))
            self.emit(rec, *self.label(0, n), num)

    def recs_table(self, recs: list[Draft]) -> None:
        num = self.heading(self.w["recs"])
        self.para(self.w["intro_recs"], tag=self.not_item(f"introduction of chapter {num}",
                                                          "a section's introduction"))
        priorities = ["High", "Medium"] if self.lang == "en" else ["Высокий", "Средний"]
        head = ["#", self.w["recs"], self.w["addressees"][0].rstrip(":"),
                "Priority" if self.lang == "en" else "Приоритет"]
        self.blocks.append(Block("table", rows=[head]))
        for n, rec in enumerate(recs, 1):
            text = " ".join(x for x in (rec.lead, rec.text) if x)
            who = self.rnd.choice(self.w["addressees"]).format(org=self.org).rstrip(":")
            self.report.items.append({"type": "recommendation", "number": str(n), "section": num,
                                      "first": " ".join(text.split()[:FIRST]),
                                      "last": " ".join(text.split()[-LAST:])})
            row = [str(n), text, who, self.rnd.choice(priorities)]
            self.blocks.append(Block("table", rows=[row], tag=f"item:{len(self.report.items) - 1}"))

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
