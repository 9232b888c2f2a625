"""The kb command through Click's runner: search JSON, errors, check, stats."""

import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT

from indexer.index.build import current_generation
from kb.cli import main


def test_search_json_is_the_contract_object(runner):
    result = runner.invoke(main, ["search", "вечерним школам", "--json", "--limit", "2"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["results"][0]["id"].startswith("kg-rec-1")
    assert len(data["results"]) == 2


def test_search_filters_repeat(runner):
    result = runner.invoke(main, ["search", "", "--json", "--country", "kyrgyzstan", "--type", "lesson"])
    data = json.loads(result.output)
    assert data["total"] > 0 and all(r["type"] == "lesson" for r in data["results"])


def test_search_filters_by_report_organisation_year_and_type(runner):
    every = json.loads(runner.invoke(main, ["search", "", "--json"]).output)["total"]
    result = runner.invoke(main, ["search", "", "--json", "--report", "proact-car-2013",
                                  "--organisation", "ilo", "--year", "2013", "--evaluation-type", "interim"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"] == every
    bad = runner.invoke(main, ["search", "", "--json", "--year", "2031"])
    assert bad.exit_code == 1 and "unknown year `2031`" in bad.stderr


def test_bad_input_exits_non_zero_with_one_line(runner):
    result = runner.invoke(main, ["search", "x", "--json", "--country", "narnia"])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "unknown country" in result.stderr


def test_check_reports_problems_and_exit_code(runner, monkeypatch):
    assert runner.invoke(main, ["check"]).exit_code == 0
    monkeypatch.setenv("KB_CONTENT_DIR", "tests/fixtures/bad")
    result = runner.invoke(main, ["check", "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert not data["clean"] and len({p["path"] for p in data["problems"]}) == 16


def test_stats_prints_the_table(runner):
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 0 and "| recommendation | ru |" in result.output


def _new(runner, content, *args):
    return runner.invoke(main, ["new", "--report", "proact-car-2013", *args],
                         env={"KB_CONTENT_DIR": str(content)})


def test_new_writes_a_valid_draft_with_a_transliterated_unique_id(runner, content_copy):
    first = _new(runner, content_copy, "--type", "lesson", "--lang", "ru", "--part", "kg",
                 "--title", "Вечерние школы для работающих детей")
    second = _new(runner, content_copy, "--type", "lesson", "--lang", "ru", "--part", "kg",
                  "--title", "Вечерние школы для работающих детей")
    assert first.exit_code == 0 and second.exit_code == 0, first.output + second.output
    paths = [Path(r.stdout.strip()) for r in (first, second)]
    # the fixtures hold kg-lesson-03 and kg-lesson-04: numbering goes on from the highest
    assert [p.name for p in paths] == ["kg-lesson-05-vechernie-shkoly-dlia-rabotaiushchikh-detei.md",
                                      "kg-lesson-06-vechernie-shkoly-dlia-rabotaiushchikh-detei.md"]
    assert paths[0].parent == content_copy / "proact-car-2013" / "kg"
    check = runner.invoke(main, ["check"], env={"KB_CONTENT_DIR": str(content_copy)})
    assert check.exit_code == 0, check.output
    text = paths[0].read_text(encoding="utf-8")
    assert "draft: true" in text and "\n## Translation\n" in text


def test_new_published_entry_is_found_after_kb_index(runner, content_copy, tmp_path):
    env = {"KB_CONTENT_DIR": str(content_copy), "KB_INDEX_DIR": str(tmp_path / "index")}
    result = runner.invoke(main, ["new", "--report", "proact-car-2013", "--type", "good-practice",
                                  "--lang", "en", "--no-draft",
                                  "--title", "Apiary cooperatives for older children",
                                  "--title-translated", "Пасечные кооперативы для старших детей",
                                  "--section", "6", "--paragraph", "88", "--country", "tajikistan",
                                  "--stakeholder", "ngos", "--body", "-",
                                  "--translation", "Пасечные кооперативы обучили старших детей ремеслу."],
                           input="Apiary cooperatives taught older children a safe trade.\n", env=env)
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    assert path.name == "gp-01-apiary-cooperatives-for-older-children.md"
    assert runner.invoke(main, ["index", "-q"], env=env).exit_code == 0
    found = runner.invoke(main, ["search", "пасечных кооперативов", "--json"], env=env)
    assert json.loads(found.stdout)["results"][0]["id"] == path.stem


@pytest.mark.parametrize("name, broken, message", [
    ("glossary.yaml", "terms: 3\n", "the glossary needs a `terms:` list"),
    ("thesaurus.yaml", "groups:\n  - en: hazardous work\n", "group 1 must map `en` and `ru` to lists"),
    ("question-words.yaml", "- what\n", "the question words need `en:` and `ru:` sections"),
])
def test_index_stops_on_an_input_broken_since_the_served_generation(runner, content_copy, tmp_path,
                                                                      name, broken, message):
    """The glossary, thesaurus and question words are checked when they are not what the served
    generation was built from: a file broken after a good build stops the next one, named."""
    env = {"KB_CONTENT_DIR": str(content_copy), "KB_INDEX_DIR": str(tmp_path / "index")}
    shutil.copy(ROOT / "content" / name, content_copy / name)
    assert runner.invoke(main, ["index", "-q"], env=env).exit_code == 0
    assert runner.invoke(main, ["index", "-q"], env=env).output.startswith("nothing changed")
    served = current_generation(tmp_path / "index")
    (content_copy / name).write_text(broken, encoding="utf-8")
    result = runner.invoke(main, ["index", "-q"], env=env)
    assert result.exit_code != 0 and message in result.output and name in result.output
    assert current_generation(tmp_path / "index") == served


@pytest.mark.parametrize("args, message", [
    (["--type", "lesson", "--lang", "ru", "--title", "x", "--country", "kyrgystan"], "did you mean `kyrgyzstan`"),
    (["--type", "lessons", "--lang", "ru", "--title", "x"], "unknown types slug `lessons`"),
    (["--type", "lesson", "--lang", "de", "--title", "x"], "unknown langs slug `de`"),
    (["--type", "lesson", "--lang", "ru", "--title", "x", "--no-draft"], "needs --title-translated, --section, --body, --translation"),
    (["--type", "lesson", "--lang", "ru", "--title", "x", "--part", "K G"], "part `K G` must be a slug"),
    (["--type", "lesson", "--lang", "en", "--title", "x", "--id", "car-lesson-08-pilot-duration"], "already used"),
])
def test_new_refuses_bad_requests_and_writes_nothing(runner, content_copy, args, message):
    before = sorted(content_copy.rglob("*"))
    result = _new(runner, content_copy, *args)
    assert result.exit_code == 1 and message in result.stderr, result.output
    assert sorted(content_copy.rglob("*")) == before
