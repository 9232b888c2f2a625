"""The old home of `indexer.analysis`, kept so that an index built before the move still opens.

Whoosh pickles each field's analyzer into the index's table of contents by its module path;
generations written before the analysis moved down to `indexer/analysis.py` name this module.
Nothing new imports from here.
"""

from indexer.analysis import (  # noqa: F401  (re-exported for old pickles)
    CaseFlagFilter,
    MorphologyFilter,
    YoFilter,
    analyze,
    english_stem,
    make_analyzer,
    make_surface_analyzer,
    normalize_word,
    russian_lemmas,
    word_forms,
)
