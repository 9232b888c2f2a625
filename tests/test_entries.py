"""Parsing entries and every validation error, each reported as path:line: message."""

from pathlib import Path

import pytest

from indexer.content.corpus import discover, load_entry
from indexer.content.entries import Entry, read_entry, split_sections
from indexer.content.taxonomy import load_taxonomy
from kb.settings import ROOT

BAD = Path(__file__).parent / "fixtures" / "bad"
TAXONOMY = load_taxonomy(ROOT / "content" / "taxonomy.yaml")


def problems_of(name):
    loaded = load_entry(BAD / f"{name}.md", TAXONOMY, ROOT)
    assert isinstance(loaded, list), f"{name} should not parse cleanly"
    return [str(p) for p in loaded]


def test_a_good_entry_parses_into_its_parts():
    entry = read_entry(ROOT / "tests/fixtures/content/kg-rec-17-evening-schools-support.md")
    assert isinstance(entry, Entry)
    assert entry.lang == "ru" and entry.countries == ("kyrgyzstan",)
    assert entry.original.startswith("Дополнительная поддержка")
    assert "evening school" in entry.translation
    assert "## Translation" not in entry.original


def test_sections_split_on_marked_headings_only():
    parts = split_sections("Words.\n\n## Other heading\nmore\n\n## Перевод\nСлова.\n\n## Note\nA note.")
    assert parts == {"original": "Words.\n\n## Other heading\nmore", "translation": "Слова.", "note": "A note."}


@pytest.mark.parametrize("name, line, fragment", [
    ("no-front-matter", 1, "no front matter"),
    ("bad-yaml", 6, "started on line 5"),
    ("missing-key", 1, "missing front-matter key `themes`"),
    ("unknown-stakeholder", 9, "did you mean `trade-unions`?"),
    ("unknown-country", 7, "did you mean `kyrgyzstan`?"),
    ("bad-type", 3, "unknown types slug `lessons`"),
    ("bad-lang", 4, "unknown langs slug `de`"),
    ("bad-id", 2, "must be a slug"),
    ("id-mismatch", 2, "differs from the file name"),
    ("list-not-list", 10, "must be a list of slugs"),
    ("empty-body", 14, "none of the report's own words"),
    ("unknown-key", 13, "unknown front-matter key `stakeholder` (did you mean `stakeholders`?)"),
    ("bad-source", 11, "`source.report` names no report record (reports/<slug>.yaml): `no-such-report`"),
    ("empty-title", 5, "`title` is empty"),
    ("not-utf8", 1, "not UTF-8"),
    ("no-translation", 14, "no `## Перевод` section"),
])
def test_each_validation_error_names_file_line_and_fix(name, line, fragment):
    found = problems_of(name)
    expected = f"{Path('tests/fixtures/bad') / name}.md:{line}:"
    assert any(p.startswith(expected) and fragment in p for p in found), found


def test_unknown_slug_lists_allowed_values():
    (message,) = problems_of("unknown-stakeholder")
    assert "allowed: ilo-ipec, cta, npc" in message


def test_every_bad_file_is_found_in_one_pass():
    bad = [load_entry(p, TAXONOMY, ROOT) for p in discover(BAD)]
    assert len(bad) == 16 and all(isinstance(b, list) and b for b in bad)


def test_the_repository_content_is_valid():
    paths = discover(ROOT / "content")
    loaded = [load_entry(p, TAXONOMY, ROOT) for p in paths]
    problems = [str(p) for item in loaded if isinstance(item, list) for p in item]
    assert not problems
    assert len(paths) >= 164
