"""One exception tree, so callers (and the CLI) can catch what the library raises."""

__all__ = ["PledgeGraphError", "LoadError", "StoreError", "QueryError"]


class PledgeGraphError(Exception):
    """Base of every error pledgegraph raises on purpose."""


class LoadError(PledgeGraphError):
    """A plan could not be read: missing, unsupported format, undecodable text."""


class StoreError(PledgeGraphError):
    """A graph store could not be opened or written."""


class QueryError(PledgeGraphError):
    """A query was refused or failed."""
