"""What a generation's opening no longer does in one long C call: the sort orders come from the
build, the spelling vocabulary is sorted in runs; the answers are the same."""

import random

from indexer.search.spelling import Vocabulary, _best_first


def test_the_build_writes_the_sort_orders_and_a_searcher_maps_them(tmp_path):
    """The title and report orders are the build's (mapped at open), the same as computed;
    an index without them has them computed at open."""
    import numpy as np
    from whoosh import index as whoosh_index

    from indexer.index import sort_orders
    from indexer.index.build import build_index, current_generation
    from kb.settings import resolve_paths

    paths = resolve_paths({"INDEX_DIR": str(tmp_path / "index")})
    build_index(paths.content_dir, paths.index_dir, paths.taxonomy, paths.base, reports_dir=paths.reports_dir)
    generation = paths.index_dir / current_generation(paths.index_dir)
    with whoosh_index.open_dir(str(generation)).reader() as reader:
        for column in sort_orders.COLUMNS:
            written = sort_orders.load(generation, reader, column)
            assert isinstance(written, np.memmap)
            assert np.array_equal(written, sort_orders.compute(reader, column))
            (generation / f"sort-{column}.npy").unlink()
            assert np.array_equal(sort_orders.load(generation, reader, column), written)


def test_a_bucket_sorted_in_runs_is_the_bucket_sorted_at_once():
    rng = random.Random(0)
    items = [(rng.choice([1.0, 2.0, 3.5, 7.0]), "w" + "".join(rng.choices("abc", k=rng.randint(1, 6))))
             for _ in range(3000)]
    assert _best_first(items, run=97) == [w for _, w in sorted(items, reverse=True)]
    assert _best_first(items[:50], run=97) == [w for _, w in sorted(items[:50], reverse=True)]
    vocabulary = Vocabulary([(w, f) for f, w in items])
    assert list(vocabulary.words()) == _best_first(items)      # one bucket: every word starts with w


def test_an_update_puts_its_entries_in_among_the_kept_ones_as_a_full_sort_does(content_copy, tmp_path,
                                                                             monkeypatch):
    """Each update's sort positions, updated from the generation before (titles moved to the
    front, the end, onto another entry's title, entries added and deleted, small segments
    merged by later commits), are those of a sort of the whole generation."""
    import numpy as np
    from conftest import build
    from whoosh import index as whoosh_index

    from indexer.index import sort_orders
    from indexer.index.build import current_generation

    index = tmp_path / "index"
    build(content_copy, index)
    full_sort, sorted_whole = sort_orders.compute, []
    monkeypatch.setattr(sort_orders, "compute", lambda reader, column: sorted_whole.append(column)
                        or full_sort(reader, column))
    files = sorted(content_copy.glob("*.md"))
    titles = ["AAA first of all", "zzz last of all", None, "CLMS model piloting", "Mmm middle"]
    for step, title in enumerate(titles):
        if title is None:
            files[step].unlink()
        else:
            text = files[step].read_text(encoding="utf-8").split("\n")
            text = [f'title: "{title}"' if line.startswith("title:") else line for line in text]
            files[step].write_text("\n".join(text), encoding="utf-8")
            twin = content_copy / f"added-{step}.md"
            twin.write_text("\n".join(text).replace(f"id: {files[step].stem}", f"id: added-{step}"),
                            encoding="utf-8")
        build(content_copy, index)
        generation = index / current_generation(index)
        with whoosh_index.open_dir(str(generation)).reader() as reader:
            for column in sort_orders.COLUMNS:
                written = np.load(generation / f"sort-{column}.npy")
                assert np.array_equal(written, full_sort(reader, column)), (step, column)
    assert sorted_whole.count("path") < len(titles)     # most updates sorted nothing whole
