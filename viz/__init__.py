"""Interactive, self-contained, offline graph views (pyvis + an inlined vis-network)."""
