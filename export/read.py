"""The stored graph as one ordered snapshot, the same whichever store it came from.

Every export format is written from a :class:`Snapshot`, so they all agree with each other and
two exports of the same graph are byte-identical. The graph is read by
:func:`pledgegraph.viz.subgraph.read_graph` (the same portable Cypher the viewer uses); this
module only fixes what the stores leave open: the order of rows, and the Python type of a value
(a DOUBLE written as 60 may come back as an int from Neo4j, a missing property as absent).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, Edge, EdgeType, Label, Node
from pledgegraph.graph.store import Store
from pledgegraph.viz.subgraph import read_graph

__all__ = ["Snapshot", "read_snapshot", "describe_store", "node_key", "edge_key"]


@dataclass(frozen=True)
class Snapshot:
    """Nodes ordered by label (schema order) then id; edges by type, ends, role and provenance.

    Every node carries every property of its label, and every edge every edge property; a value
    the store does not hold is None."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def nodes_of(self, label: Label) -> list[Node]:
        return [node for node in self.nodes if node.label == label]

    def edges_of(self, edge_type: EdgeType) -> list[Edge]:
        return [edge for edge in self.edges if edge.type == edge_type]


_CASTS = {"STRING": str, "INT64": int, "DOUBLE": float, "BOOLEAN": bool}


def _typed(kind: str, value: Any) -> Any:
    cast = _CASTS.get(kind)
    return value if value is None or cast is None else cast(value)


def _sortable(value: Any) -> tuple[bool, Any]:
    return (value is not None, "" if value is None else value)


def node_key(node: Node) -> tuple:
    return (list(NODE_PROPERTIES).index(node.label), node.id)


def edge_key(edge: Edge) -> tuple:
    return (list(EdgeType).index(edge.type), edge.source.id, edge.target.id,
            *(_sortable(edge.props[name]) for name in EDGE_PROPERTIES))


def read_snapshot(store: Store) -> Snapshot:
    """Everything ``store`` holds, in a fixed order with schema types."""
    graph = read_graph(store)
    nodes: dict[str, Node] = {}
    for node_id, data in graph.nodes(data=True):
        label = Label(data["label"])
        props = {name: _typed(kind, data.get(name)) for name, kind in NODE_PROPERTIES[label].items()}
        nodes[node_id] = Node(label, node_id, props)
    edges = []
    for source, target, data in graph.edges(data=True):
        props = {name: _typed(kind, data.get(name)) for name, kind in EDGE_PROPERTIES.items()}
        edges.append(Edge(EdgeType(data["type"]), nodes[source], nodes[target], props))
    return Snapshot(tuple(sorted(nodes.values(), key=node_key)), tuple(sorted(edges, key=edge_key)))


def describe_store(store: Store) -> str:
    """Which store an export came from, for a person (never credentials: Neo4j by host:port)."""
    path = getattr(store, "path", None)
    if path is not None:
        return f"LadybugDB {path}"
    where = getattr(store, "where", None)
    return f"Neo4j {where}" if where else store.name
