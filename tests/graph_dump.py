"""Every node and edge a store holds, with every property, as one sorted list: two stores (or
two load paths) holding the same graph give the same list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType


def contents(store, render: Callable[[Any], str] = str) -> list[tuple]:
    """The graph's rows, each value through ``render`` (``repr`` tells None, "" and 1 vs 1.0 apart)."""
    rows = []
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"n.{p} AS {p}" for p in ["id", *props])
        rows += [(str(label), *map(render, row)) for row in store.query(f"MATCH (n:{label}) RETURN {columns}").rows]
    for edge_type in EdgeType:
        columns = ", ".join(f"r.{p} AS {p}" for p in EDGE_PROPERTIES)
        cypher = f"MATCH (a)-[r:{edge_type}]->(b) RETURN a.id AS a, b.id AS b, {columns}"
        rows += [(str(edge_type), *map(render, row)) for row in store.query(cypher).rows]
    return sorted(rows)
