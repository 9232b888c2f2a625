"""Counts across two vocabularies (stakeholder × country, theme × type) for the home page.

Each row is one filtered search whose facets give the column counts. Only the values
that have entries are shown; the columns are capped at the MAX_COLUMNS largest, in
taxonomy order. Counts are kept per index generation, so the home page stays cheap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from indexer.search.request import FILTERS, SearchRequest
from kb import viewmodels as vm

MAX_COLUMNS = 10
MAX_ROWS = 30
SHADES = 4
_counts: dict[tuple, dict] = {}


@dataclass(frozen=True)
class Cell:
    count: int
    url: str
    shade: int          # 0 (empty) .. SHADES (the largest count of the table)


@dataclass(frozen=True)
class Matrix:
    caption: str
    row_title: str
    columns: list       # [{"label", "url"}]
    rows: list          # [{"label", "url", "cells": [Cell]}]
    more_columns: int   # columns left out by the cap
    more_rows: int      # rows left out by the cap


def pair_counts(searcher, rows: str, columns: str, key) -> dict[str, dict[str, int]]:
    """{row value: {column value: count}} for every row value with entries (cached per generation)."""
    cache_key = (key, searcher.generation, rows, columns)
    if cache_key not in _counts:
        if len(_counts) > 32:
            _counts.clear()
        totals = searcher.search(SearchRequest(limit=1)).facets.get(rows, {})
        _counts[cache_key] = {value: searcher.search(SearchRequest(filters={rows: (value,)}, limit=1))
                              .facets.get(columns, {}) for value in totals}
    return _counts[cache_key]


def _ordered(taxonomy, name: str, values) -> list[str]:
    present = set(values)
    return [slug for slug in taxonomy.slugs(FILTERS[name][1]) if slug in present]


def build_matrix(searcher, taxonomy, lang: str, rows: str, columns: str, key, caption: str,
                 row_url=None) -> Matrix:
    """The table of counts of `rows` × `columns` values, each cell linking to its filtered list."""
    counts = pair_counts(searcher, rows, columns, key)
    column_totals: dict[str, int] = {}
    for by_column in counts.values():
        for value, count in by_column.items():
            column_totals[value] = column_totals.get(value, 0) + count
    kept = sorted(column_totals, key=lambda v: -column_totals[v])[:MAX_COLUMNS]
    column_values = _ordered(taxonomy, columns, kept)
    row_totals = {value: sum(by_column.values()) for value, by_column in counts.items()}
    row_values = _ordered(taxonomy, rows, sorted(row_totals, key=lambda v: -row_totals[v])[:MAX_ROWS])
    largest = max((c for by in counts.values() for c in by.values()), default=0)
    column_views = [{"label": vm.label(taxonomy, columns, v, lang),
                     "url": vm.search_url(SearchRequest(filters={columns: (v,)}))} for v in column_values]
    row_views = []
    for value in row_values:
        cells = []
        for column in column_values:
            count = counts[value].get(column, 0)
            url = vm.search_url(SearchRequest(filters={rows: (value,), columns: (column,)}))
            shade = math.ceil(SHADES * count / largest) if largest and count else 0
            cells.append(Cell(count, url, shade))
        url = row_url(value) if row_url else vm.search_url(SearchRequest(filters={rows: (value,)}))
        row_views.append({"label": vm.label(taxonomy, rows, value, lang), "url": url, "cells": cells})
    return Matrix(caption, vm.FACET_TITLES[rows](), column_views, row_views,
                  len(column_totals) - len(column_values), len(counts) - len(row_values))


def home_matrices(searcher, taxonomy, lang: str) -> list[Matrix]:
    """Stakeholder × country (rows open the role pages) and theme × type."""
    from flask import url_for
    from flask_babel import gettext as _

    from kb.resources import resources

    key = resources().paths.index_dir
    return [build_matrix(searcher, taxonomy, lang, "stakeholder", "country", key,
                         _("Entries by stakeholder and country"),
                         row_url=lambda slug: url_for("roles.role", slug=slug)),
            build_matrix(searcher, taxonomy, lang, "theme", "type", key, _("Entries by theme and type"))]
