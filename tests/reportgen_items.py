"""Drafting the items of a synthetic report and laying them out in its style (see reportgen)."""

from __future__ import annotations

from reportgen_model import FIRST, LAST, Block, Draft, key

GROUPS = {"en": ("Strategic recommendations", "Operational recommendations"),
          "ru": ("Стратегические рекомендации", "Оперативные рекомендации")}
ROMAN_LOWER = "i ii iii iv v vi vii viii ix x xi xii xiii xiv".split()
SUBS_INTRO = {"en": "The plan should cover the following:", "ru": "При этом следует предусмотреть:"}


class ItemsMixin:
    """The item half of the composer: needs self.rnd, self.w, self.style, self.lang, self.report."""

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
        nest = self.style not in ("paragraphs", "table", "titled") and rnd.random() < 0.3
        follow = ""
        if self.style not in ("paragraphs", "table", "titled") and rnd.random() < 0.25:
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
        if style in ("numbered", "addressee", "table", "headed", "summary-only", "narrative"):
            return f"{n}.", str(n)
        if style == "paren-number":
            return f"{n})", str(n)
        if style == "hash":
            return f"#{n}", f"#{n}"
        if style == "lettered":
            return f"{w['letters'][n - 1]})", w["letters"][n - 1]
        if style == "bullets":
            return self.glyph, None
        if style in ("bold-lead", "paragraphs", "titled"):
            return "", None
        if style == "roman":
            return f"({ROMAN_LOWER[n - 1]})", ROMAN_LOWER[n - 1]
        if style == "letter-label":
            letter = w["capitals"][n - 1]
            return w["labels"][style][kind].format(n=letter), letter
        text = w["labels"][style][kind].format(n=n)
        return text, text.rstrip(".:") if style == "r-code" else str(n)

    def attributes(self, draft: Draft) -> list[str]:
        """The attribute lines under a recommendation in the "attributes" style: two or three of
        who is responsible, its priority and its timeline, in that order."""
        if self.style != "attributes" or draft.type != "recommendation":
            return []
        rnd, w = self.rnd, self.w
        year = self.report.meta["year"] + rnd.randint(1, 2)
        values = {"who": rnd.choice(w["responsible"]), "priority": rnd.choice(w["priorities"]),
                  "when": rnd.choice(w["timelines"]).format(y=year)}
        lines = [line.format(**values) for line in w["attributes"]]
        return lines if rnd.random() < 0.5 else [lines[0], lines[2]]

    def emit(self, draft: Draft, label: str, number: str | None, section: str) -> None:
        words = f"{draft.lead} {draft.text}".split()
        letters = self.w["letters"]
        attributes = self.attributes(draft)
        tail = words + " ".join(draft.subs).split() + draft.follow.split() + " ".join(attributes).split()
        self.report.items.append({"type": draft.type, "number": number, "section": section,
                                  "first": " ".join(words[:FIRST]), "last": " ".join(tail[-LAST:])})
        tag = f"item:{len(self.report.items) - 1}"
        self.blocks.append(Block("item", text=draft.text, lead=draft.lead, label=label, tag=tag))
        for k, sub in enumerate(draft.subs):
            self.blocks.append(Block("sub", text=sub, label=self.sub_label.format(c=letters[k], n=k + 1)))
        if draft.follow:
            self.blocks.append(Block("cont", text=draft.follow))
        for line in attributes:
            self.blocks.append(Block("cont", text=line))

    @property
    def sub_label(self) -> str:
        return {"numbered": "({c})", "lettered": "–", "paren-number": "({c})", "roman": "–"}.get(
            self.style, "{c})")

    def items_chapter(self, title: str, drafts: list[Draft], kind: int, intro: str) -> None:
        if not drafts:
            return
        num = self.heading(title)
        self.para(intro, tag=self.not_item(f"introduction of chapter {num}", "a section's introduction"))
        if kind == 0 and self.style == "headed":
            self.headed(drafts, num)
            return
        if kind == 0 and self.style == "titled":
            self.titled(drafts, num)
            return
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

    def headed(self, drafts: list[Draft], num: str) -> None:
        """One sub-section per recommendation: its title (the short form) leads it, as its number."""
        for n, draft in enumerate(drafts, 1):
            number, title = f"{num}.{n}", draft.short.rstrip(".")
            words = f"{title} {draft.lead} {draft.text}".split()
            tail = words + " ".join(draft.subs).split() + draft.follow.split()
            self.report.items.append({"type": draft.type, "number": number, "section": num,
                                      "first": " ".join(words[:FIRST]), "last": " ".join(tail[-LAST:])})
            tag = f"item:{len(self.report.items) - 1}"
            self.blocks.append(Block("heading", text=f"{number} {title}", level=2, tag=tag))
            self.blocks.append(Block("para", text=draft.text, lead=draft.lead))
            for k, sub in enumerate(draft.subs):
                label = self.sub_label.format(c=self.w["letters"][k])
                self.blocks.append(Block("sub", text=sub, label=label))
            if draft.follow:
                self.blocks.append(Block("para", text=draft.follow))

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

