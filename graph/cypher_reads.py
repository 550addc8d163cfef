"""Read statements over the whole schema, built in one place like the writes in
:mod:`pledgegraph.graph.cypher`: a node's edges of any type (the neighbourhoods of the viewer
and the explorer) and pages of whole tables (the streaming export). Every one reads the same
on both stores; labels and edge types come from the schema, values only as parameters.
"""

from __future__ import annotations

from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label

__all__ = ["edges_at", "neighbour_count", "first_neighbours", "edges_to", "edges_around", "page_nodes", "page_edges"]


def edges_at(label: Label, outgoing: bool) -> str:
    """Every edge of any type out of (or into) the node of ``label`` whose id is ``$id``: the far
    end's id and the relationship whole, whose ``_label`` both stores give as its type. One
    statement per direction, where one per edge type and end took two dozen."""
    arrow = "-[r]->" if outgoing else "<-[r]-"
    return f"MATCH (a:{label} {{id: $id}}){arrow}(b) RETURN b.id AS far, r"


def neighbour_count(label: Label) -> str:
    """How many distinct nodes the node of ``label`` with id ``$id`` is joined to, either way."""
    return f"MATCH (a:{label} {{id: $id}})-[]-(b) RETURN count(DISTINCT b.id) AS n"


def first_neighbours(label: Label) -> str:
    """The ids of the first ``$n`` neighbours of the node ``$id`` of ``label``, in id order — which
    is label order first, every id starting with its label."""
    return f"MATCH (a:{label} {{id: $id}})-[]-(b) RETURN DISTINCT b.id AS far ORDER BY far LIMIT $n"


def edges_to(label: Label, outgoing: bool) -> str:
    """:func:`edges_at`, only the edges whose far end's id sorts at or before ``$last``: with the
    last of :func:`first_neighbours`, the edges to those (a range test per edge; ``b.id IN
    $list`` of 300 ids took 680 ms over a theme's 9,000 edges)."""
    arrow = "-[r]->" if outgoing else "<-[r]-"
    return f"MATCH (a:{label} {{id: $id}}){arrow}(b) WHERE b.id <= $last RETURN b.id AS far, r"


def edges_around(label: Label) -> str:
    """The edges between two neighbours of the node ``$id`` of ``label`` whose ids sort at or
    before ``$last``, in one statement (a row for each way the pair is joined to the node): a
    hub's first 300 neighbours took 300 primary-key reads, this one scan of its edges."""
    return (f"MATCH (f:{label} {{id: $id}})-[]-(a)-[r]->(b)-[]-(f) WHERE a.id <= $last AND b.id <= $last "
            "RETURN a.id AS near, b.id AS far, r")


def page_nodes(label: Label) -> str:
    """One page of the nodes of ``label`` with every property, by id (``$offset``, ``$limit``)."""
    columns = ", ".join(f"n.{name} AS {name}" for name in NODE_PROPERTIES[label])
    return f"MATCH (n:{label}) RETURN n.id AS id, {columns} ORDER BY id SKIP $offset LIMIT $limit"


def page_edges(edge_type: EdgeType) -> str:
    """One page of the edges of ``edge_type`` with their ends' ids and every property, in an
    order that is total up to edges equal in everything (``$offset``, ``$limit``)."""
    columns = ", ".join(f"r.{name} AS {name}" for name in EDGE_PROPERTIES)
    order = ", ".join(["source", "target", *EDGE_PROPERTIES])
    return (f"MATCH (a)-[r:{edge_type}]->(b) RETURN a.id AS source, b.id AS target, {columns} "
            f"ORDER BY {order} SKIP $offset LIMIT $limit")
