"""The small error hierarchy every caller (CLI, web) turns into one clear message."""


class KbError(Exception):
    """Base of every error the knowledge base reports to a user."""


class ContentError(KbError):
    """The content tree (entries, taxonomy, glossary) cannot be used as it is."""


class IndexMissingError(KbError):
    """No built index generation exists where one is expected."""


class IndexBusyError(KbError):
    """Another build holds the index lock."""


class IndexWriteError(KbError):
    """A new generation could not be written (disk full, permissions); the served one is intact."""


class QueryError(KbError):
    """A search request is malformed: a bad limit, page, sort or filter value."""


class IndexCorruptError(IndexMissingError):
    """A generation exists but its files are not the ones its build wrote (truncated, altered)."""
