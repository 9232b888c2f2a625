"""Updates: the files an editor names, the link checks an update repeats, the phases a build shows."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from conftest import build
from tqdm import tqdm

from indexer.errors import ContentError
from indexer.index.build import open_generation
from kb.cli import main

PILOT = "car-lesson-08-pilot-duration.md"          # parallel: [kg-lesson-04-pilot-duration]
PARTNER = "kg-lesson-04-pilot-duration.md"


def paths_of(index_dir, word: str) -> list[str]:
    """The paths of the entries whose body or translation holds `word` (one index term)."""
    ix, _ = open_generation(index_dir)
    with ix.searcher() as searcher:
        from whoosh.query import Or, Term

        hits = searcher.search(Or([Term("body", word), Term("translation", word)]), limit=None)
        return sorted(hit["path"].rsplit("/", 1)[-1] for hit in hits)


def edit(path, words: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n## ", f" {words}\n\n## ", 1), encoding="utf-8")


def test_named_paths_take_in_an_edit_an_addition_and_a_deletion(content_copy, tmp_path):
    index = tmp_path / "index"
    first = build(content_copy, index)
    edited, gone = content_copy / PILOT, content_copy / "kz-rec-03-involve-regional-akimats.md"
    edit(edited, "Wombats.")
    added = content_copy / "new" / "car-rec-99-wombats.md"
    added.parent.mkdir()
    added.write_text((content_copy / "car-rec-27-work-with-employers.md").read_text(encoding="utf-8")
                     .replace("id: car-rec-27-work-with-employers", "id: car-rec-99-wombats")
                     .replace("\n## ", " Wombats as well.\n\n## ", 1), encoding="utf-8")
    gone.unlink()
    report = build(content_copy, index, paths=[edited, added.parent, gone])
    assert (report.updated, report.added, report.removed) == (1, 1, 1), report.summary()
    assert report.entries == first.entries
    assert paths_of(index, "wombat") == ["car-lesson-08-pilot-duration.md", "car-rec-99-wombats.md"]
    assert paths_of(index, "акимат") == []
    # The tree the named paths made signs as a walk of the same files: nothing to do after it.
    assert build(content_copy, index).nothing_changed


def test_a_file_left_unnamed_is_taken_as_the_index_last_saw_it(content_copy, tmp_path):
    index = tmp_path / "index"
    build(content_copy, index)
    edit(content_copy / PILOT, "Wombats.")
    edit(content_copy / PARTNER, "Numbats.")
    build(content_copy, index, paths=[content_copy / PILOT])
    assert paths_of(index, "wombat") == [PILOT] and paths_of(index, "numbat") == []
    build(content_copy, index)                     # a walk finds the other one
    assert paths_of(index, "numbat") == [PARTNER]


def test_a_named_path_outside_the_content_tree_is_a_clear_error(content_copy, tmp_path):
    build(content_copy, tmp_path / "index")
    with pytest.raises(ContentError, match="not under the content tree"):
        build(content_copy, tmp_path / "index", paths=[tmp_path / "elsewhere.md"])
    with pytest.raises(ContentError, match="not an entry file"):
        build(content_copy, tmp_path / "index", paths=[content_copy / "notes.txt"])
    with pytest.raises(ContentError, match="a folder the index skips"):
        build(content_copy, tmp_path / "index", paths=[content_copy / "_drafts" / "x.md"])


def test_kb_index_with_paths_updates_only_those(content_copy, tmp_path, monkeypatch):
    from click.testing import CliRunner

    monkeypatch.setenv("KB_CONTENT_DIR", str(content_copy))
    monkeypatch.setenv("KB_INDEX_DIR", str(tmp_path / "index"))
    runner = CliRunner()
    assert runner.invoke(main, ["index", "-q"]).exit_code == 0
    edit(content_copy / PILOT, "Wombats.")
    result = runner.invoke(main, ["index", "-q", str(content_copy / PILOT)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("update:") and "~1 " in result.output
    assert paths_of(tmp_path / "index", "wombat") == [PILOT]
    bad = runner.invoke(main, ["index", "-q", str(tmp_path)])
    assert bad.exit_code == 1 and "not under the content tree" in bad.output


def test_an_update_finds_the_link_problems_a_full_build_finds(content_copy, tmp_path):
    """An update checks again only the links a change touches; after each change its warnings
    are the ones a build from scratch of the same tree gives."""
    def both():
        update = build(content_copy, tmp_path / "index")
        fresh = build(content_copy, tmp_path / "fresh", full=True)
        shutil.rmtree(tmp_path / "fresh")
        assert [str(w) for w in update.warnings] == [str(w) for w in fresh.warnings]
        return {w.path.rsplit("/", 1)[-1] for w in update.warnings}

    assert both() == set()
    pilot = content_copy / PILOT
    text = pilot.read_text(encoding="utf-8")
    pilot.write_text(text.replace("parallel: [kg-lesson-04-pilot-duration]", "parallel: [no-such-entry]"),
                     encoding="utf-8")
    assert both() == {PILOT, PARTNER}              # a dangling link, and a partner not linked back
    pilot.write_text(text, encoding="utf-8")
    assert both() == set()
    (content_copy / PARTNER).unlink()
    assert both() == {PILOT}                       # its partner is gone


def test_a_build_shows_what_it_is_doing_in_every_phase(content_copy, tmp_path):
    out = io.StringIO()

    def progress(items, **kwargs):
        return tqdm(items, file=out, mininterval=0, **kwargs)

    build(content_copy, tmp_path / "index", progress=progress)
    edit(content_copy / PILOT, "Wombats.")
    build(content_copy, tmp_path / "index", progress=progress)
    shown = out.getvalue()
    for phase in ("looking for changed files", "reading and analysing", "writing postings",
                  "merging small segments", "writing the manifest and checking parallel links",
                  "sealing and swapping in the new generation"):
        assert phase in shown, f"no `{phase}` in the progress output:\n{shown}"
    assert re.search(r"writing postings[^\r\n]*100%", shown), shown      # the bar ran to its end

