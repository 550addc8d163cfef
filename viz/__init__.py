"""pledgegraph.viz (see issue backlog)."""
