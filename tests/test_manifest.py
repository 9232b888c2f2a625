"""The build's manifest: a legacy manifest.json read and carried into the next generation."""

import json
import threading

from indexer.index.manifest import LEGACY, Manifest

RECORD = {"id": "car-rec-01", "lang": "en", "parallel": ["kg-rec-01"], "report": "proact-car-2013",
          "line": 3, "digest": "abc", "mtime_ns": 1, "size": 10}


def _within(seconds, work):
    """The result of `work()`, or a failure when it has not returned in `seconds` (not a hang)."""
    done = {}
    worker = threading.Thread(target=lambda: done.setdefault("value", work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s"
    return done["value"]


def test_a_legacy_manifest_is_copied_into_the_next_generation(tmp_path):
    served = tmp_path / "gen-00000001"
    served.mkdir()
    (served / LEGACY).write_text(json.dumps({
        "files": {"proact-car-2013/car-rec-01.md": RECORD}, "fingerprint": "f1",
        "reports": {"proact-car-2013": "d1"}}), encoding="utf-8")

    def carry():
        # one thread: SQLite connections stay in the thread that made them
        legacy = Manifest.open(served)
        assert legacy is not None and legacy.meta("fingerprint") == "f1"
        copied = Manifest.copy(legacy, tmp_path / "manifest.sqlite")
        found = copied.rows(), copied.meta("reports")
        copied.finish()
        return found

    rows, reports = _within(10, carry)
    assert rows["proact-car-2013/car-rec-01.md"]["parallel"] == ["kg-rec-01"]
    assert reports == {"proact-car-2013": "d1"}
