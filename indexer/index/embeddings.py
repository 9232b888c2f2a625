"""The entries' sentence embeddings, computed at build time into the generation directory.

    gen-00000042/embeddings.npz    ids (entry ids), digests, vectors (float16), model (its name)

An entry's vector is the (normalised) mean of its text's and its translation's (each with its title):
the model puts both languages in one space, and the pair says the entry's point twice.
An update re-embeds only new and changed entries (by digest) and keeps the others' vectors.
"""

from __future__ import annotations

import logging
from pathlib import Path

import numpy as np

from indexer.content.entries import Entry

log = logging.getLogger(__name__)
EMBEDDINGS = "embeddings.npz"
BATCH = 64


def entry_texts(entry: Entry) -> tuple[str, str]:
    """The two texts embedded for an entry: its own words and its translation, each with its title."""
    return (f"{entry.title}. {entry.original}", f"{entry.title_translated}. {entry.translation}")


def write_embeddings(generation: Path, fresh: list[tuple[str, Entry]], files: dict, encoder,
                     read=None, progress=None) -> int:
    """Bring `generation`'s embeddings up to date with the index: one vector per entry of `files`
    (the manifest), the `fresh` entries and any without a vector yet (`read(key)` gives their
    Entry) embedded. Without an encoder the file is removed (no stale vectors). Returns how
    many entries were embedded."""
    path = Path(generation) / EMBEDDINGS
    if encoder is None:
        path.unlink(missing_ok=True)
        return 0
    old = load_embeddings(generation)   # read whole: the file is replaced below
    # An update's generation holds hard links to the served one's files: write a new file,
    # never into the linked one (the served generation would change under its readers).
    path.unlink(missing_ok=True)
    known = {}
    if old is not None and old["model"] == encoder.name:
        known = {i: (d, v) for i, d, v in zip(old["ids"], old["digests"], old["vectors"], strict=True)}
    wanted = {info["id"]: info.get("digest", "") for info in files.values()}
    todo = [entry for _, entry in fresh if known.get(entry.id, ("",))[0] != entry.digest]
    seen = {key for key, _ in fresh}
    for key, info in files.items():
        if key not in seen and known.get(info["id"], ("",))[0] != info.get("digest") and read:
            entry = read(key)
            if isinstance(entry, Entry):
                todo.append(entry)
    vectors = _embed(todo, encoder, progress)
    for entry, vector in zip(todo, vectors, strict=True):
        known[entry.id] = (entry.digest, vector)
    ids = [i for i in wanted if i in known]
    dim = len(next(iter(known.values()))[1]) if known else 0
    np.savez(path, ids=np.array(ids, dtype=str), digests=np.array([known[i][0] for i in ids], dtype=str),
             vectors=np.array([known[i][1] for i in ids], dtype=np.float16).reshape(len(ids), dim),
             model=np.array(encoder.name))
    log.info("embeddings: %d entries embedded, %d kept (%s)", len(todo), len(ids) - len(todo), encoder.name)
    return len(todo)


def _embed(entries: list[Entry], encoder, progress=None) -> list[np.ndarray]:
    batches = range(0, len(entries), BATCH)
    if progress and len(entries) > BATCH:
        batches = progress(batches, desc="embedding", unit="batch")
    found = []
    for start in batches:
        batch = entries[start:start + BATCH]
        texts = [t for entry in batch for t in entry_texts(entry)]
        vectors = encoder.encode(texts)
        for i in range(len(batch)):
            mean = vectors[2 * i] + vectors[2 * i + 1]
            found.append(mean / max(float(np.linalg.norm(mean)), 1e-6))
    return found


def load_embeddings(generation: Path) -> dict | None:
    """The stored embeddings of a generation (ids, digests, vectors, model), or None."""
    path = Path(generation) / EMBEDDINGS
    if not path.is_file():
        return None
    try:
        with np.load(path, allow_pickle=False) as data:
            return {"ids": data["ids"].tolist(), "digests": data["digests"].tolist(),
                    "vectors": data["vectors"], "model": str(data["model"])}
    except (OSError, ValueError, KeyError) as exc:
        log.warning("ignoring unreadable %s: %s", path, exc)
        return None


def vectors_by_docnum(generation: Path, reader, model: str) -> np.ndarray | None:
    """The vectors as rows in document-number order (zeros for documents without one), or None
    when the generation has none or they come from another model than `model`."""
    stored = load_embeddings(generation)
    if stored is None or stored["model"] != model or not len(stored["ids"]):
        return None
    rows = {entry_id: row for row, entry_id in enumerate(stored["ids"])}
    size = reader.doc_count_all()
    vectors = np.zeros((size, stored["vectors"].shape[1]), dtype=np.float32)
    for docnum, fields in reader.iter_docs():
        row = rows.get(fields.get("id"))
        if row is not None:
            vectors[docnum] = stored["vectors"][row]
    return vectors
