"""pledgegraph.graph (see issue backlog)."""
