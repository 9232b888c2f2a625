"""Shared resources of the web app: the open searcher, the taxonomy, glossary, thesaurus, question words.

`get_searcher()` reuses one KbSearcher per worker and opens a new one only when
`kb index` has swapped in a new generation (one readlink per request, no scan), in a
background thread, warmed before the first request is answered from it, giving way to the
requests being answered meanwhile (kb.background).
The vocabularies are re-read with each new generation, so an editor's
change to them is served after `kb index`, like a change to an entry.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from flask import Flask, current_app

from indexer.content.glossary import load_glossary
from indexer.errors import ContentError, IndexMissingError
from indexer.index.build import current_generation, open_generation
from indexer.search.questions import load_question_words
from indexer.search.searcher import KbSearcher
from indexer.search.semantic import load_encoder
from indexer.search.thesaurus import load_thesaurus
from kb.background import Background, Requests
from kb.settings import Paths

_lock = threading.Lock()
log = logging.getLogger(__name__)
RETRY_REFUSED = 30.0   # seconds before a generation that failed to open is tried again


@dataclass(frozen=True)
class Refusal:
    """A generation that could not be opened, why, and when it was tried."""

    generation: str
    message: str
    at: float


class Resources:
    """Per-app holder: paths, vocabularies, and the searcher of the served generation."""

    def __init__(self, paths: Paths):
        self.paths = paths
        self.taxonomy = paths.load_taxonomy()
        self.glossary = load_glossary(paths.glossary)
        self.questions = load_question_words(paths.questions)
        self.thesaurus = load_thesaurus(paths.thesaurus)
        # The model is loaded when a generation with embeddings is opened (KbSearcher), not
        # here: above KB_SEMANTIC_LIMIT entries it is never loaded. `init_app` opens the served
        # generation, so under `gunicorn --preload` that happens once, before the fork, and its
        # weights are memory-mapped files every worker shares.
        self.encoder = load_encoder(paths.semantic_model)
        self.searcher: KbSearcher | None = None
        self.refused: Refusal | None = None
        self.warming: Background | None = None
        self.requests = Requests()   # counted by init_app's hooks: the background opening gives way

    def stale(self) -> Refusal | None:
        """Why the served generation is not the current one, when a newer one was refused."""
        refused = self.refused
        if refused and self.searcher and refused.generation == current_generation(self.paths.index_dir):
            return refused
        return None

    def get_searcher(self) -> KbSearcher:
        """The searcher to answer with. When `kb index` has swapped in a new generation, it is
        opened and warmed in a background thread while this one keeps answering from the one
        it has (still on disk, see KEEP_GENERATIONS): no reader's request pays for the opening.
        Only the very first searcher is opened in the caller (at start, by `init_app`)."""
        generation = current_generation(self.paths.index_dir)
        if generation is None:
            raise IndexMissingError(f"no index in {self.paths.index_dir}: run `kb index`")
        searcher = self.searcher
        if searcher is not None and (searcher.generation == generation or self._refused(generation)):
            return searcher
        if searcher is None:
            with _lock:
                if self.searcher is None:
                    self._open(generation, first=True)
                return self.searcher
        self._open_in_background(generation)
        return searcher

    def _open_in_background(self, generation: str) -> None:
        with _lock:
            if self.warming is not None and not self.warming.done():
                return
            self.warming = Background(self._open_or_refuse, generation)

    def _open_or_refuse(self, generation: str) -> None:
        try:
            with self.requests.giving_way():
                self._open(generation)
        except Exception as exc:  # noqa: BLE001 - a background thread has nobody to raise to
            self.refused = Refusal(generation, f"cannot open {generation}: {exc!r}", time.monotonic())
            log.exception("serving %s, could not open %s", self.searcher.generation, generation)

    def _open(self, generation: str, first: bool = False) -> None:
        """Open the served generation, warm it, and make it the one requests get."""
        try:
            ix, opened = open_generation(self.paths.index_dir)
        except IndexMissingError as exc:
            if first:
                raise
            # Keep answering from the last good generation; say so in /health and the log.
            self.refused = Refusal(generation, str(exc), time.monotonic())
            log.error("serving %s, refused %s: %s", self.searcher.generation, generation, exc)
            return
        if not first:
            self._reload_vocabularies()
        searcher = KbSearcher(ix, opened, self.glossary, self.questions, self.encoder, self.thesaurus,
                              warm=False)
        started = time.perf_counter()
        searcher.warm()     # the one place a generation is warmed: here, before any request sees it
        log.info("opened %s, warmed in %.2f s", opened, time.perf_counter() - started)
        # The old searcher is left to the garbage collector, not closed: another thread may
        # still be reading it, and its generation stays on disk.
        self.searcher = searcher
        self.refused = None

    def wait_until_open(self, timeout: float = 60.0) -> None:
        """Wait for a generation being opened in the background (for tests and tools)."""
        warming = self.warming
        if warming is not None:
            warming.wait(timeout)

    def _refused(self, generation: str) -> bool:
        refused = self.refused
        return bool(refused and refused.generation == generation
                    and time.monotonic() - refused.at < RETRY_REFUSED)

    def _reload_vocabularies(self) -> None:
        """Re-read the taxonomy and glossary; keep the ones in use if either is now broken."""
        try:
            taxonomy, glossary = self.paths.load_taxonomy(), load_glossary(self.paths.glossary)
            questions = load_question_words(self.paths.questions)
            thesaurus = load_thesaurus(self.paths.thesaurus)
            self.taxonomy, self.glossary, self.questions = taxonomy, glossary, questions
            self.thesaurus = thesaurus
        except ContentError as exc:
            log.warning("keeping the vocabularies in use: %s", exc)


def init_app(app: Flask, paths: Paths) -> None:
    """Register the resources and open the served generation now, warmed: under gunicorn
    --preload this happens before the fork, so the workers share it and no reader's first
    request pays for it. No index yet is fine: the first request says so."""
    app.extensions["kb"] = resources = Resources(paths)
    app.before_request(resources.requests.started)
    app.teardown_request(resources.requests.finished)
    try:
        resources.get_searcher()
    except (IndexMissingError, ContentError) as exc:
        log.info("no searcher opened at start: %s", exc)


def resources() -> Resources:
    return current_app.extensions["kb"]


def get_searcher() -> KbSearcher:
    """The searcher of the generation being served; IndexMissingError when there is none."""
    return resources().get_searcher()


def find_entry(entry_id: str):
    """(Entry, path) of an indexed entry read fresh from disk; NotFound with a reason otherwise."""
    from werkzeug.exceptions import NotFound

    from indexer.content.entries import ID_PATTERN, read_entry

    if not ID_PATTERN.fullmatch(entry_id or "") or len(entry_id) > 200:
        raise NotFound(f"`{entry_id[:60]}` is not an entry id")
    stored = get_searcher().stored(entry_id)
    if stored is None:
        raise NotFound(f"no entry has the id `{entry_id}`")
    path = resources().paths.base / stored["path"]
    entry = read_entry(path, stored["path"])
    if isinstance(entry, list) or entry.id != entry_id:
        raise NotFound(f"the file of `{entry_id}` has changed or gone since the last `kb index`")
    return entry, stored["path"]
