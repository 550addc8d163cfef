"""pledgegraph.queries (see issue backlog)."""
