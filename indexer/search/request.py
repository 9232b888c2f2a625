"""SearchRequest: one parsed, validated search, shared by /search, /api/search and `kb search`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from indexer.content.taxonomy import Taxonomy
from indexer.errors import QueryError

# Request parameter -> (index field, taxonomy vocabulary); the CONTRACT's filter names.
FILTERS = {
    "type": ("type", "types"),
    "lang": ("lang", "langs"),
    "country": ("countries", "countries"),
    "objective": ("objectives", "objectives"),
    "stakeholder": ("stakeholders", "stakeholders"),
    "report": ("report", "reports"),
    "organisation": ("organisation", "organisations"),
    "year": ("year", "years"),
    "evaluation_type": ("evaluation_type", "evaluation-types"),
    "theme": ("themes", "themes"),
}
SORTS = ("relevance", "title", "report")
MAX_LIMIT = 100
MAX_QUERY = 500
MAX_PAGE = 10_000
DEFAULT_LIMIT = 10


@dataclass(frozen=True)
class SearchRequest:
    """What to search for, which filters apply, and which page of results to return."""

    q: str = ""
    filters: dict = field(default_factory=dict)   # parameter name -> tuple of values (OR)
    page: int = 1
    limit: int = DEFAULT_LIMIT
    sort: str = "relevance"
    drafts: bool = False
    snippets: bool = True     # False: hits without snippets (exports, lists of titles), much faster

    def with_(self, **changes) -> SearchRequest:
        return replace(self, **changes)

    def toggled(self, name: str, value: str) -> SearchRequest:
        """The same request with one filter value added or removed, back on page 1."""
        values = list(self.filters.get(name, ()))
        values = [v for v in values if v != value] if value in values else values + [value]
        filters = {k: v for k, v in self.filters.items() if k != name}
        if values:
            filters[name] = tuple(values)
        return replace(self, filters=filters, page=1)

    def to_args(self) -> list[tuple[str, str]]:
        """Query-string pairs that parse back into this request (defaults left out)."""
        args = [("q", self.q)] if self.q else []
        args += [(name, v) for name in FILTERS for v in self.filters.get(name, ())]
        if self.sort != "relevance":
            args.append(("sort", self.sort))
        if self.limit != DEFAULT_LIMIT:
            args.append(("limit", str(self.limit)))
        if self.page != 1:
            args.append(("page", str(self.page)))
        if self.drafts:
            args.append(("drafts", "1"))
        return args


def _getlist(args, name: str) -> list[str]:
    if hasattr(args, "getlist"):
        return [_text(v) for v in args.getlist(name)]
    value = args.get(name)
    if value is None:
        return []
    return [_text(v) for v in (value if isinstance(value, (list, tuple)) else [value])]


def _text(value):
    """A value as text the index can hold: a lone surrogate (a non-UTF-8 argv byte) becomes U+FFFD."""
    if value is None:
        return None
    return str(value).encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _number(args, name: str, default: int, low: int, high: int) -> int:
    values = _getlist(args, name)
    if not values or values[-1] in ("", None):
        return default
    try:
        number = int(str(values[-1]).strip())
    except ValueError:
        raise QueryError(f"`{name}` must be a whole number, not `{str(values[-1])[:40]}`") from None
    if not low <= number <= high:
        raise QueryError(f"`{name}` must be between {low} and {high}, not {number}")
    return number


def parse_search_args(args, taxonomy: Taxonomy) -> SearchRequest:
    """Validate request arguments (a Flask MultiDict or a plain dict) into a SearchRequest."""
    q = " ".join(str(v) for v in _getlist(args, "q")).replace("\x00", " ").strip()
    if len(q) > MAX_QUERY:
        raise QueryError(f"the query is {len(q)} characters long; at most {MAX_QUERY} are allowed")
    filters = {}
    for name, (_, vocabulary) in FILTERS.items():
        values = tuple(dict.fromkeys(v.strip() for v in _getlist(args, name) if v and v.strip()))
        for value in values:
            if value not in taxonomy.slugs(vocabulary):
                raise QueryError(taxonomy.unknown_message(vocabulary, value).replace(
                    f"unknown {vocabulary} slug", f"unknown {name}"))
        if values:
            filters[name] = values
    sort = (_getlist(args, "sort") or ["relevance"])[-1] or "relevance"
    if sort not in SORTS:
        raise QueryError(f"unknown sort `{sort[:40]}`; allowed: {', '.join(SORTS)}")
    drafts = str((_getlist(args, "drafts") or [""])[-1]).lower() in ("1", "true", "yes", "on")
    return SearchRequest(q=q, filters=filters, sort=sort, drafts=drafts,
                         page=_number(args, "page", 1, 1, MAX_PAGE),
                         limit=_number(args, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT))
