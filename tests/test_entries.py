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


def _seed_entry(prefix):
    (path,) = (ROOT / "content" / "proact-car-2013").glob(f"*/{prefix}-*.md")
    return read_entry(path)


def test_the_seed_entries_name_the_roles_they_are_addressed_to():
    assert _seed_entry("kz-rec-11").stakeholders == ("coordination-council",)
    assert "ombudsman" in _seed_entry("tj-rec-09").stakeholders
    assert "community-leaders" in _seed_entry("tj-rec-28").stakeholders
    assert "civil-society" in _seed_entry("kz-lesson-04").stakeholders
    assert "implementing-partners" in _seed_entry("car-lesson-17").stakeholders


def test_car_rec_09_links_only_the_items_that_state_it():
    assert set(_seed_entry("car-rec-09").parallel) == {"kg-rec-09-follow-up-plans",
                                                       "kg-rec-21-sustainability-follow-up-plan"}
    assert _seed_entry("kz-rec-11").parallel == () and _seed_entry("tj-rec-33").parallel == ()


def test_car_rec_01_body_is_the_wording_of_the_place_it_cites():
    seed = ROOT.parent / "shared" / "seed" / "000_476e2bbe56d3d756.txt"
    entry = _seed_entry("car-rec-01")
    assert entry.source.section == "4.2.1" and entry.source.paragraph == 1
    assert entry.original.startswith("As the legal framework for elimination of child labour")
    if seed.exists():
        text = " ".join(seed.read_text(encoding="utf-8").split())
        chapter = text[text.index("4.2.1 For the project implementation"):]
        assert " ".join(entry.original.split()) in chapter


def test_the_glossary_does_not_call_the_social_order_a_social_contract():
    import yaml

    groups = yaml.safe_load((ROOT / "content" / "glossary.yaml").read_text(encoding="utf-8"))
    flat = groups if isinstance(groups, list) else next(v for v in groups.values() if isinstance(v, list))
    (group,) = [g for g in flat if "социальный заказ" in g["ru"]]
    assert "social contract" not in group["en"] and "state social order" in group["en"]
