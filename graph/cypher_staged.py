"""Statements that read staged files into LadybugDB (the bulk path, :mod:`pledgegraph.graph.bulkplan`,
and the benchmark's COPY floor): the one place a file path enters a statement, as a literal
(LOAD and COPY take no parameters) made by :mod:`pledgegraph.graph.staging`, never by a user.
"""

from __future__ import annotations

from pledgegraph.graph.cypher import later_properties
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label

__all__ = ["held_nodes", "load_nodes", "load_edges", "copy_nodes", "copy_edges"]


def held_nodes(label: Label) -> str:
    """Which of ``$ids`` the store holds as nodes of ``label`` (a primary-key lookup each), with
    the properties a later document may change (cypher.later_properties), in that order."""
    values = "".join(f", n.{p} AS {p}" for p in later_properties(label))
    return f"UNWIND $ids AS id MATCH (n:{label} {{id: id}}) RETURN n.id AS id{values}"


# The CSV dialect of graph/staging.py, spelt out so the reader never guesses it (LadybugDB
# sniffs the dialect by default); not parallel, because evidence text may hold line breaks.
_CSV_OPTIONS = "HEADER=true, DELIM=',', QUOTE='\"', ESCAPE='\"', PARALLEL=false, AUTO_DETECT=false"


def _staged(path: str) -> str:
    """A staged file's path as the one literal of a statement (LOAD and COPY take no
    parameters): a path we made, refused if it could close the quote."""
    if "'" in path or "\\" in path:
        raise ValueError(f"cannot read a staged file whose path holds a quote or a backslash: {path!r}")
    return f"'{path}'"


def _columns(types: list[str]) -> str:
    # Positional names: the file's header is not trusted to spell a property as a variable.
    return ", ".join(f"c{i} {kind}" for i, kind in enumerate(types))


def load_nodes(label: Label, path: str) -> str:
    """CREATE one node of ``label`` per row of a staged CSV file (graph/staging.py) holding
    ``id`` and every property of the label, in NODE_PROPERTIES order. LOAD FROM, not COPY:
    LadybugDB commits a COPY by checkpointing the whole database (seconds per batch, growing
    with the store), while LOAD … CREATE is logged like any write, so a batch costs what its
    rows cost."""
    names = ["id", *NODE_PROPERTIES[label]]
    types = ["STRING", *NODE_PROPERTIES[label].values()]
    values = ", ".join(f"{name}: c{i}" for i, name in enumerate(names))
    return (f"LOAD WITH HEADERS ({_columns(types)}) FROM {_staged(path)} ({_CSV_OPTIONS}) "
            f"CREATE (n:{label} {{{values}}})")


def load_edges(edge_type: EdgeType, source: Label, target: Label, path: str) -> str:
    """CREATE one edge per row of a staged CSV file holding source id, target id and every
    edge property (EDGE_PROPERTIES order), between nodes found by id: an end not found drops
    its edge, as in :func:`create_edges`."""
    types = ["STRING", "STRING", *EDGE_PROPERTIES.values()]
    props = ", ".join(f"{name}: c{i}" for i, name in enumerate(EDGE_PROPERTIES, 2))
    return (f"LOAD WITH HEADERS ({_columns(types)}) FROM {_staged(path)} ({_CSV_OPTIONS}) "
            f"MATCH (a:{source} {{id: c0}}) MATCH (b:{target} {{id: c1}}) CREATE (a)-[r:{edge_type} {{{props}}}]->(b)")


def copy_nodes(label: Label, path: str) -> str:
    """LadybugDB's ``COPY`` of the same staged file as :func:`load_nodes`: the engine's own
    bulk floor, which the benchmark reports (a store's load does not use it, see there)."""
    return f"COPY {Label(label)}(id, {', '.join(NODE_PROPERTIES[label])}) FROM {_staged(path)} ({_CSV_OPTIONS})"


def copy_edges(edge_type: EdgeType, source: Label, target: Label, path: str) -> str:
    """``COPY`` of the same staged file as :func:`load_edges` (for the benchmark's floor)."""
    return (f"COPY {EdgeType(edge_type)}({', '.join(EDGE_PROPERTIES)}) FROM {_staged(path)} "
            f"({_CSV_OPTIONS}, FROM='{Label(source)}', TO='{Label(target)}')")
