"""One exception tree, so callers (and the CLI) can catch what the library raises."""

__all__ = ["PledgeGraphError", "LoadError", "ExtractError", "StoreError", "QueryError"]


class PledgeGraphError(Exception):
    """Base of every error pledgegraph raises on purpose."""


class LoadError(PledgeGraphError):
    """A plan could not be read: missing, unsupported format, undecodable text."""


class ExtractError(PledgeGraphError):
    """A plan was read but could not be turned into an extraction record."""


class StoreError(PledgeGraphError):
    """A graph store could not be opened or written."""


class QueryError(PledgeGraphError):
    """A query was refused or failed."""
