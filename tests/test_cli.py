"""The kb command through Click's runner: search JSON, errors, check, stats."""

import json

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
    assert not data["clean"] and len({p["path"] for p in data["problems"]}) == 15


def test_stats_prints_the_table(runner):
    result = runner.invoke(main, ["stats"])
    assert result.exit_code == 0 and "| recommendation | ru |" in result.output
