"""A new generation is opened and warmed in the background: no reader's request waits for it."""

from __future__ import annotations

import threading

from conftest import build

from indexer.search.searcher import KbSearcher
from kb import create_app

WORD = "wombats"


def app_for(content, index):
    return create_app({"CONTENT_DIR": str(content), "INDEX_DIR": str(index), "TESTING": True})


def test_a_new_generation_is_warmed_in_the_background_while_the_old_one_answers(content_copy, tmp_path,
                                                                                 monkeypatch):
    index = tmp_path / "index"
    first = build(content_copy, index)
    app = app_for(content_copy, index)             # opens and warms the first generation at start
    client = app.test_client()
    assert client.get("/health").get_json()["index"] == first.generation
    edited = content_copy / "car-lesson-08-pilot-duration.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n## ", f" {WORD.title()}.\n\n## ", 1),
                      encoding="utf-8")
    second = build(content_copy, index)
    release, warmed_in = threading.Event(), []
    real_warm = KbSearcher.warm

    def slow_warm(searcher):
        warmed_in.append(threading.current_thread().name)
        assert release.wait(30), "the test never released the warming"
        real_warm(searcher)

    monkeypatch.setattr(KbSearcher, "warm", slow_warm)
    # The request that notices the swap is answered at once, from the generation already warm.
    answer = client.get(f"/api/search?q={WORD}").get_json()
    assert answer["total"] == 0
    assert client.get("/health").get_json()["index"] == first.generation
    release.set()
    resources = app.extensions["kb"]
    resources.wait_until_open()
    assert warmed_in and warmed_in[0].startswith("kb-open-") and warmed_in[0] != threading.main_thread().name
    assert client.get("/health").get_json()["index"] == second.generation
    hits = client.get(f"/api/search?q={WORD}").get_json()["results"]
    assert [hit["id"] for hit in hits] == ["car-lesson-08-pilot-duration"]


def test_a_generation_that_fails_to_open_in_the_background_leaves_the_old_one_serving(content_copy, tmp_path,
                                                                                      monkeypatch):
    index = tmp_path / "index"
    first = build(content_copy, index)
    app = app_for(content_copy, index)
    client = app.test_client()
    build(content_copy, index, full=True)

    def broken(searcher):
        raise OSError("disk went away")

    monkeypatch.setattr(KbSearcher, "warm", broken)
    assert client.get("/api/search?q=school").status_code == 200
    app.extensions["kb"].wait_until_open()
    health = client.get("/health")
    assert health.get_json()["index"] == first.generation
    assert health.get_json()["status"] == "stale" and "disk went away" in health.get_json()["message"]
