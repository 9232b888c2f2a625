"""The report's record, `content/reports/<slug>.yaml`: written as a draft from what the file tells.

`record_import(document, slug, reports_dir, again)` creates the record of an unknown slug
(`draft: true`; title, year, organisation, language, file name and sha256 guessed from the
file; format: docs/content-format.md, "Report records"), or adds to a known one (its
language, the file imported), editing only those lines so an editor's comments stay. The
same file twice (its sha256 already in the record) is refused unless `again`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from indexer.content.problems import ID_PATTERN
from indexer.errors import KbError
from indexer.importing.cover import cover_year, running_title, text_title
from indexer.importing.organisations import name_patterns
from indexer.importing.reading import Document
from indexer.importing.words import lang_of

COVER = 1500     # the characters a report's cover holds at most, title, publisher and date
AUTHORED = 12000    # the characters of the cover and the pages behind it that say who wrote it
# The words before an organisation's name that make it the report's author or publisher: "Report
# of the Joint Inspection Unit", "prepared by", "Copyright: …", «Доклад Объединённой инспекционной
# группы», «подготовлен …». A report "of the Office … on" the one it reviews names its author.
BY_ORGANISATION = re.compile(r"(?:\breport\s+of\s+(?:the\s+)?|\b(?:prepared|published|"
                             r"produced|written|conducted|commissioned)\s+by\s+(?:the\s+)?|copyright\s*:?\s*|"
                             r"©\s*|(?<![а-яё])доклад\s+|подготовлен\w*\s+)$", re.I)
# A body's own report, drafted by its rapporteur ("Draft report / Rapporteur: Mr. …"), «Докладчик».
RAPPORTEUR = re.compile(r"\bRapporteur\b|(?<![а-яё])Докладчик", re.I)
# An organisation describing itself on the cover's back: "Publish What You Fund is the global
# campaign for aid transparency", "X is an independent non-profit organisation".
SELF_DESCRIBED = re.compile(r"\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}(?:campaign|organi[sz]ation|"
                            r"NGO|charity|network|non-?profit|foundation|think[\s-]tank)\b", re.I)


class RecordError(KbError):
    """The report's record refuses the import, or cannot be read."""


@dataclass(frozen=True)
class RecordResult:
    path: Path
    created: bool
    message: str


def record_import(document: Document, slug: str, reports_dir: Path, again: bool = False,
                  organisations: dict | None = None) -> RecordResult:
    """Create or add to the report's record; refuse a file imported before unless `again`. A new
    record's organisation is guessed among the vocabulary's `organisations`."""
    if not ID_PATTERN.fullmatch(slug or ""):
        raise RecordError(f"--report {slug!r}: a report's slug is lower-case letters and digits "
                          "joined by hyphens, e.g. undp-icpe-uzbekistan-2024")
    path = Path(reports_dir) / f"{slug}.yaml"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new_record(document, slug, organisations), encoding="utf-8")
        return RecordResult(path, True, f"created the draft record {path}")
    record = _load(path)
    source = record.get("source") or {}
    if source.get("sha256") == document.sha256 and not again:
        raise RecordError(f"{document.name} was imported before into {slug} (same sha256 in {path}); "
                          "use --again to import it once more")
    text = path.read_text(encoding="utf-8")
    text = _set_line(text, "  file", _q(document.name))
    text = _set_line(text, "  sha256", _q(document.sha256))
    languages = list(record.get("languages") or [])
    language = lang_of(document.text)
    if language not in languages:
        text = _set_line(text, "languages", "[" + ", ".join([*languages, language]) + "]")
    path.write_text(text, encoding="utf-8")
    return RecordResult(path, False, f"added {document.name} to the record {path}")


def _load(path: Path) -> dict:
    try:
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise RecordError(f"{path}: not valid YAML ({error})") from None
    if not isinstance(record, dict):
        raise RecordError(f"{path}: a report record must be a mapping")
    return record


def _set_line(text: str, key: str, value: str) -> str:
    """Set `key: value` on its own line (indentation included in `key`), keeping any comment."""
    pattern = re.compile(rf"^{key}:[ \t]*(\"[^\"\n]*\"|[^#\n]*?)([ \t]*#.*)?$", re.M)
    if pattern.search(text):
        return pattern.sub(lambda m: f"{key}: {value}{m.group(2) or ''}", text, count=1)
    return text


def _q(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def new_record(document: Document, slug: str, organisations: dict | None = None) -> str:
    """The draft record's YAML, in the order of docs/content-format.md."""
    text, language = document.text, lang_of(document.text)
    title = guess_title(document, organisations)
    year = cover_year([list(page.lines) for page in document.pages[:3]], title) or "null"
    lines = [f"# Draft record written by `kb import` from {document.name}: check every value.",
             f"slug: {slug}", "draft: true",
             f"title: {{en: {_q(title * (language == 'en'))}, ru: {_q(title * (language == 'ru'))}}}",
             f"organisation: {guess_organisation(text, organisations) or _q('')}",
             'project: {title: "", code: ""}', 'evaluation_type: ""', f"year: {year}",
             "countries: []", f"languages: [{language}]", "evaluators: []", "source:",
             '  url: ""', f"  file: {_q(document.name)}", f"  sha256: {_q(document.sha256)}",
             "objectives: {}", "parts: {}", ""]
    return "\n".join(lines)


def guess_organisation(text: str, organisations: dict | None = None) -> str:
    """The organisation whose report it is ("" when none): one of the vocabulary's
    `organisations`, known by their names (see organisations).

    One the report's first pages name as its author or publisher ("Report of the Joint
    Inspection Unit", "prepared by", "Copyright: …", "Publish What You Fund is the global
    campaign …", see `authored`) is the report's, however often the report names the
    organisation it reviews, or the donors it ranks, in passing. Else the one named most
    often in the first pages: a name on the cover, its first characters, counts twice, the
    cover saying whose report it is, though a Word document may name it there alone. Of two
    named as often, the one named first: the cover's (an NGO's, over the donor it names below)."""
    head = text[:60000]
    patterns = name_patterns(organisations or {})
    found = {slug: [m.start() for m in re.finditer(pattern, head)] for slug, pattern in patterns.items()}
    weight = {slug: len(at) + sum(a < COVER for a in at) for slug, at in found.items()}
    signed = {slug: authored(head[:AUTHORED], pattern) for slug, pattern in patterns.items()}
    if body := rapporteurs_body(head, found):
        signed[body] = max(signed.values()) + 1
    best = max(found, key=lambda slug: (signed[slug], weight[slug], -found[slug][0] if found[slug] else 0),
               default="")
    return best if weight.get(best, 0) >= 2 or signed.get(best) else ""


def rapporteurs_body(head: str, found: dict[str, list[int]]) -> str:
    """The body whose own report it is when its rapporteur drafted it ("Draft report /
    Rapporteur: Mr. …" under "Committee for Programme and Coordination"): the one the cover
    names first, the session's, whatever report of another it considers; else ""."""
    if not RAPPORTEUR.search(head[:2 * COVER]):
        return ""
    bodies = [slug for slug, at in found.items() if at and at[0] < COVER]
    return min(bodies, key=lambda slug: found[slug][0], default="")


def authored(text: str, pattern: str) -> int:
    """How many times `text` names the organisation as the report's author or publisher: right
    after "Report of the", "prepared by", "published by", "Copyright", "©" (BY_ORGANISATION),
    or describing itself ("… is the global campaign for aid transparency", SELF_DESCRIBED)."""
    return sum(bool(BY_ORGANISATION.search(text[max(0, m.start() - 40):m.start()])
                    or SELF_DESCRIBED.match(text, m.end()))
               for m in re.finditer(pattern, text))


def guess_title(document: Document, organisations: dict | None = None) -> str:
    """The cover's title: a PDF's largest type, else the cover's first lines that are not the
    document's furniture, else the running header most pages repeat (see
    indexer.importing.cover), else the file's name; a candidate that is only the name of one of
    the vocabulary's `organisations` (the issuer's: "Joint United Nations Programme on HIV/AIDS"
    above the title) is passed over."""
    patterns = [re.compile(rf"(?:the\s+)?(?:{pattern})", re.IGNORECASE)
                for pattern in name_patterns(organisations or {}).values()]

    def issuer(title: str) -> bool:
        text = " ".join(title.split()).strip(" .,:;")
        return any(pattern.fullmatch(text) for pattern in patterns)

    for title in document.titles:
        if not issuer(title):
            return title
    pages = [list(page.lines) for page in document.pages]
    return text_title(pages[:2], issuer) or running_title(pages) or document.name
