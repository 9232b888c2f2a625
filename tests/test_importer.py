"""Importing a report's plain text as draft entries (indexer.importer)."""

import difflib
import hashlib
import re
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

from indexer.content.entries import Entry, check_entry, read_entry, split_sections
from indexer.content.taxonomy import load_taxonomy
from indexer.importing.importer import import_report
from kb.settings import ROOT

TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")
CURATED = ROOT / "content" / "proact-car-2013"
FIXTURES = Path(__file__).parent / "fixtures" / "import"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_476e2bbe56d3d756.txt"


def words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits (ё as е)."""
    return re.findall(r"[^\W_]+", text.lower().replace("ё", "е"))


def original_words(entry: Entry) -> list[str]:
    """The report's own words of an entry: its body before Translation/Note."""
    return words(split_sections(entry.body)["original"])


def shingles(tokens: list[str], size: int = 5) -> set[tuple[str, ...]]:
    return {tuple(tokens[n:n + size]) for n in range(max(1, len(tokens) - size + 1))}


class Drafts:
    """Normalized drafts with a prefix and 5-word-shingle prefilter for fuzzy lookups."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self.texts = ["".join(original_words(entry)) for entry in entries]
        self.shingles = [shingles(original_words(entry)) for entry in entries]

    def reproducing(self, tokens: list[str], threshold: float = 0.9) -> Entry | None:
        """The draft whose words equal these or are `threshold` similar, else None."""
        text, own = "".join(tokens), shingles(tokens)
        for entry, draft, draft_shingles in zip(self.entries, self.texts, self.shingles,
                                                strict=True):
            if draft == text:
                return entry
            if draft[:40] != text[:40] and not own & draft_shingles:
                continue
            if difflib.SequenceMatcher(None, text, draft, autojunk=False).ratio() >= threshold:
                return entry
        return None


def place(entry: Entry) -> tuple:
    source = entry.source
    return source.section, source.paragraph, source.item, source.addressee


def read_all(paths: list[Path]) -> list[Entry]:
    entries = [read_entry(path) for path in paths]
    assert all(isinstance(entry, Entry) for entry in entries), [
        entry for entry in entries if isinstance(entry, list)]
    return entries


def test_the_seed_report_reproduces_the_curated_entries(tmp_path):
    if not SEED.exists():
        pytest.skip(f"the seed report is not on this machine: {SEED}")
    report = import_report(SEED, "proact-car-2013", tmp_path, TAXONOMY)
    drafts = read_all(report.written)
    for draft in drafts:
        assert draft.draft and not check_entry(draft, TAXONOMY), check_entry(draft, TAXONOMY)
    found = Drafts(drafts)
    per_part, placed = defaultdict(lambda: [0, 0]), 0
    for path in sorted(CURATED.glob("*/*.md")):
        curated, counts = read_entry(path), per_part[path.parent.name]
        draft = found.reproducing(original_words(curated))
        counts[0] += draft is not None
        counts[1] += 1
        placed += draft is not None and place(draft) == place(curated)
    done, total = (sum(counts[n] for counts in per_part.values()) for n in (0, 1))
    figures = ", ".join(f"{part} {a}/{b}" for part, (a, b) in sorted(per_part.items()))
    print(f"\nreproduced {done}/{total} = {done / total:.1%} ({figures}), {placed} in the same "
          f"place (section, paragraph, item, addressee); {report.summary()}")
    assert total >= 164 and done == total     # the seed gives every curated entry
    assert placed / total >= 0.9


def test_an_import_never_overwrites_and_never_reuses_an_id(tmp_path):
    source = FIXTURES / "report-en.txt"
    first = import_report(source, "proact-car-2013", tmp_path, TAXONOMY)
    assert first.written and not first.skipped
    edited = first.written[0]
    edited.write_bytes(edited.read_bytes() + "\nAn editor’s words.\n".encode())
    before = edited.read_bytes()
    second = import_report(source, "proact-car-2013", tmp_path, TAXONOMY)
    assert second.written == []
    assert sorted(path for path, _ in second.skipped) == sorted(first.written)
    assert edited.read_bytes() == before
    ids = {path.stem for path in first.written}
    third = import_report(source, "proact-car-2013", tmp_path / "other", TAXONOMY, existing_ids=ids)
    assert len(third.written) == len(first.written)
    assert not ids & {path.stem for path in third.written}


def imported(tmp_path: Path, name: str) -> list[tuple]:
    report = import_report(FIXTURES / name, "proact-car-2013", tmp_path, TAXONOMY)
    entries = read_all(report.written)
    assert not [problem for entry in entries for problem in check_entry(entry, TAXONOMY)]
    return sorted((e.id, e.type, e.lang, e.countries, e.source.section, e.source.paragraph,
                   e.source.item, e.source.addressee, e.stakeholders, e.original) for e in entries)


def test_a_synthetic_english_report_imports_exactly_its_items(tmp_path):
    # Contents lines, running headers, page numbers, a footnote, line-break hyphens and an
    # executive summary repeating recommendation 1 are all in the way.
    c = ("central-asia",)
    assert imported(tmp_path, "report-en.txt") == [
        ("main-gp-01-monitoring-groups-district-level", "good-practice", "en", c, "5", None, 1,
         "", ("teachers",), "Monitoring groups at district level\n\n"
         "This practice has shown that teachers and social workers can act together."),
        ("main-lesson-01-involving-parents-early-improves", "lesson", "en", c, "4", 12, 1, "",
         ("parents",), "Involving parents early improves the prevention of child labour. "
         "Their approaches to schools change."),
        ("main-lesson-02-training-without-follow-up", "lesson", "en", c, "4", 12, 2, "", (),
         "Training without follow-up fades quickly."),
        ("main-rec-01-adopt-national-action-plan", "recommendation", "en", c, "3.1", 1, None,
         "To ILO/IPEC:", ("ilo-ipec", "social-partners"),
         "Adopt the national action plan before the end of the year and fund its monitoring "
         "from the state budget, as agreed with the social partners."),
        ("main-rec-02-share-progress-reports-partners", "recommendation", "en", c, "3.1", 2,
         None, "To ILO/IPEC:", ("ilo-ipec",),
         "Share the progress reports with the partners and ask for their feedback."),
        ("main-rec-03-support-local-self-governance", "recommendation", "en", c, "3.1", 3, None,
         "To NPCs in three countries and CTA:", ("cta", "npc", "local-government"),
         "Support local self-governance bodies in running the monitoring groups."),
    ]
    merged = read_entry(tmp_path / "main" / "main-rec-01-adopt-national-action-plan.md")
    assert merged.source.also == ({"part": "Main report", "section": "Executive summary",
                                   "paragraph": 1, "page": 2},)


def test_a_synthetic_russian_country_study_imports_exactly_its_items(tmp_path):
    k = ("kyrgyzstan",)
    assert imported(tmp_path, "report-ru.txt") == [
        ("kg-gp-01-razrabotka-spiska-opasnykh-rabot", "good-practice", "ru", k, "6", None, 2,
         "", (), "Разработка списка опасных работ для лиц моложе 18 лет."),
        ("kg-gp-02-podderzhka-mini-programm-npo", "good-practice", "ru", k, "6", None, 3, "",
         ("ngos",), "Поддержка мини-программ НПО по профилактике детского труда."),
        ("kg-lesson-01-vovlechenie-roditelei-profilaktiku-detskogo", "lesson", "ru", k, "5",
         None, 1, "", ("parents",),
         "Вовлечение родителей в профилактику детского труда повышает устойчивость результатов."),
        ("kg-rec-01-predusmotret-dizaine-budushchikh-proektov", "recommendation", "ru", k,
         "4.2.1", None, 1, "Менеджменту проекта:", ("npc",),
         "Предусмотреть в дизайне будущих проектов более длительный срок для пилотных моделей"),
        ("kg-rec-02-obespechit-peredachu-informatsionnogo-komponenta", "recommendation", "ru",
         k, "4.2.1", None, 2, "Менеджменту проекта:", ("npc",),
         "Обеспечить передачу информационного компонента партнерам."),
        ("kg-rec-03-partneram-proektu-sovmestno-npo", "recommendation", "ru", k, "4.2.2", None,
         1, "Партнерам по проекту совместно с НПО", ("government", "social-partners", "ngos"),
         "Партнерам по проекту совместно с НПО продолжать работу по мониторингу детского труда "
         "в школах"),
    ]
    study = read_entry(tmp_path / "kg" / "kg-rec-01-predusmotret-dizaine-budushchikh-proektov.md")
    assert study.source.part == "Annex 6б: Kyrgyzstan country study"


def test_a_word_document_reads_its_heading_and_list_styles(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Findings", level=1)
    document.add_paragraph("Coordination improved once the working group met monthly.")
    document.add_heading("Recommendations", level=1)
    document.add_paragraph("The evaluation makes two recommendations.")
    document.add_paragraph("Fund the monitoring groups from the district budgets.", style="List Bullet")
    document.add_paragraph("Train the new inspectors before the next harvest.", style="List Bullet")
    document.add_heading("Annex 1: Interview guide", level=1)
    document.add_paragraph("What would you recommend for the next phase?", style="List Bullet")
    document.save(tmp_path / "report.docx")
    report = import_report(tmp_path / "report.docx", "proact-car-2013", tmp_path / "out", TAXONOMY)
    entries = read_all(report.written)
    assert [(e.type, e.original, e.source.page) for e in entries] == [
        ("recommendation", "Fund the monitoring groups from the district budgets.", 1),
        ("recommendation", "Train the new inspectors before the next harvest.", 1)]


def test_labelled_items_stand_anywhere_and_end_at_a_management_response(tmp_path):
    text = ("Findings\n\nThe project met most targets.\n\nRecommendation 1.\nPlan the exit strategy "
            "with the ministry\nbefore the last year.\n\nIEO response: The office agrees.\n\n"
            "Key action(s)   Time frame\nDraft the plan   2025\n\n"
            "Lesson learned #1: Early training pays off.\n\n\fRecommendation 2: Share the data "
            "with\npartners every quarter.\n")
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    report = import_report(tmp_path / "report.txt", "proact-car-2013", tmp_path / "out", TAXONOMY)
    entries = read_all(report.written)
    assert sorted((e.type, e.original, e.source.page) for e in entries) == [
        ("lesson", "Early training pays off.", 1),
        ("recommendation", "Plan the exit strategy with the ministry before the last year.", 1),
        ("recommendation", "Share the data with partners every quarter.", 2)]


def test_two_columns_are_read_one_after_the_other():
    from indexer.importing.columns import read_columns

    left = ["The first column starts here", "and it goes on for a while", "with more words in it",
            "and a few more of them", "until it ends at last."]
    right = ["The second column has its", "own words that come after", "the first column's words",
             "as a reader expects them", "in the order of reading."]
    lines = ["A heading that runs across the whole width of the page, as headings do"]
    lines += [f"{a:<40}      {b}" for a, b in zip(left, right, strict=True)]
    assert [line.strip() for line in read_columns(lines)] == [lines[0], *left, "", *right]


def test_a_report_without_such_sections_writes_nothing_and_says_so(tmp_path):
    (tmp_path / "report.txt").write_text("Introduction\n\nThe project met its targets.\n", encoding="utf-8")
    report = import_report(tmp_path / "report.txt", "proact-car-2013", tmp_path / "out", TAXONOMY)
    assert report.written == [] and "no drafts written" in report.summary()


def test_kb_import_writes_the_draft_record_and_refuses_the_same_file_twice(runner, tmp_path):
    from kb.cli import main

    content = tmp_path / "content"
    content.mkdir()
    (content / "taxonomy.yaml").write_bytes((ROOT / "content" / "taxonomy.yaml").read_bytes())
    env = {"KB_CONTENT_DIR": str(content)}
    source = FIXTURES / "report-en.txt"
    first = runner.invoke(main, ["import", str(source), "--report", "example-2024"], env=env)
    assert first.exit_code == 0, first.output
    record = yaml.safe_load((content / "reports" / "example-2024.yaml").read_text(encoding="utf-8"))
    assert record["draft"] is True and record["slug"] == "example-2024"
    assert record["source"] == {"url": "", "file": "report-en.txt",
                                "sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    assert record["title"]["en"].startswith("Independent evaluation of the Example Project")
    assert record["languages"] == ["en"] and record["year"] is None
    assert len(list((content / "example-2024").glob("*/*.md"))) == 6
    again = runner.invoke(main, ["import", str(source), "--report", "example-2024"], env=env)
    assert again.exit_code == 1 and "imported before" in again.output and "--again" in again.output
    forced = runner.invoke(main, ["import", str(source), "--report", "example-2024", "--again"], env=env)
    assert forced.exit_code == 0 and "6 skipped" in forced.output


def test_a_file_that_is_no_pdf_is_refused_in_one_line(runner, tmp_path):
    from kb.cli import main

    (tmp_path / "report.pdf").write_bytes(b"this is not a PDF")
    result = runner.invoke(main, ["import", str(tmp_path / "report.pdf"), "--report", "x",
                                  "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "not a readable PDF" in result.output
    assert result.output.count("\n") == 1
