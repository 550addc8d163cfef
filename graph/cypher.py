"""Pure builders of every Cypher statement the stores send, and the write plan of a document.

Labels, relationship types and property names come from :mod:`pledgegraph.graph.model` (never
from documents or users); every value travels as a parameter, in batches (``UNWIND $rows``).
The same text runs on LadybugDB and Neo4j: edges are written with two separate MATCH clauses
(a comma MATCH was ~250x slower on LadybugDB), orphans are found with ``EXISTS { MATCH … }``.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pledgegraph.graph.model import (
    ALIAS_SEPARATOR,
    DOC_OWNED,
    EDGE_ENDPOINTS,
    EDGE_PROPERTIES,
    NODE_PROPERTIES,
    Edge,
    EdgeType,
    GraphDoc,
    Label,
    add_spelling,
    spellings,
)

__all__ = [
    "BATCH",
    "Statement",
    "ladybug_schema",
    "schema_columns",
    "neo4j_schema",
    "write_plan",
    "write_batch_plan",
    "create_edges",
    "add_spellings",
    "later_properties",
    "SPELT_LABELS",
    "SPELLING_PROPERTIES",
    "set_held_nodes",
    "remove_plan",
    "orphan_cleanup",
    "count_nodes",
    "count_edges",
    "node_by_id",
    "node_statements",
    "edge_rows",
    "edge_values",
    "edge_statements",
    "merged_node_rows",
]

Statement = tuple[str, dict[str, Any]]
BATCH = 2000
# Shared nodes keep the name and provenance of the document that introduced them — except a
# body's name, which is its fullest spelling (model.add_spelling), kept with its aliases.
_FIRST_WRITER = ("name", "doc", "span_start", "span_end", "evidence")
SPELT_LABELS = frozenset({Label.BODY})
SPELLING_PROPERTIES = ("name", "aliases")


def ladybug_schema() -> list[str]:
    """DDL for LadybugDB: one node table per label, one relationship table per type."""
    statements = []
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
        statements.append(f"CREATE NODE TABLE IF NOT EXISTS {label}(id STRING PRIMARY KEY, {columns})")
    edge_columns = ", ".join(f"{name} {kind}" for name, kind in EDGE_PROPERTIES.items())
    for edge_type, pairs in EDGE_ENDPOINTS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        statements.append(f"CREATE REL TABLE IF NOT EXISTS {edge_type}({ends}, {edge_columns})")
    return statements


def schema_columns() -> dict[str, dict[str, str]]:
    """Table → column → LadybugDB type, as :func:`ladybug_schema` creates them."""
    tables = {str(label): {"id": "STRING", **props} for label, props in NODE_PROPERTIES.items()}
    tables.update({str(edge_type): dict(EDGE_PROPERTIES) for edge_type in EDGE_ENDPOINTS})
    return tables


# Range indexes the paged named queries use: a page's rows find their plan by its document,
# and a page of commitments is read in (document, position, id) or (document, heading, id) order
# off an index instead of sorting every commitment.
_NEO4J_INDEXES = {"plan_doc": (Label.PLAN, ("doc",)),
                  "commitment_order": (Label.COMMITMENT, ("doc", "span_start", "id")),
                  "commitment_heading": (Label.COMMITMENT, ("doc", "name", "id"))}

# Text indexes answer the CONTAINS of the search query without reading every name.
_NEO4J_TEXT_INDEXES = {"project_name_text": (Label.PROJECT, "name"), "project_aliases_text": (Label.PROJECT, "aliases"),
                       "body_name_text": (Label.BODY, "name")}


def neo4j_schema() -> list[str]:
    """Uniqueness constraints (which also index the id) and the paged queries' indexes for Neo4j."""
    constraints = [f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                   for label in NODE_PROPERTIES]
    indexes = [f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON ({', '.join(f'n.{p}' for p in props)})"
               for name, (label, props) in _NEO4J_INDEXES.items()]
    texts = [f"CREATE TEXT INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
             for name, (label, prop) in _NEO4J_TEXT_INDEXES.items()]
    return constraints + indexes + texts


def _create_nodes(label: Label, missing: frozenset[str] = frozenset()) -> str:
    """CREATE nodes of ``label`` that the store does not hold; properties in ``missing`` are
    None in every row and are left out (LadybugDB cannot type an all-null column; absent and
    null read the same in Cypher). A document's own nodes were removed with its old version,
    so they are always new; a shared node is created only when no document made it before.

    Not MERGE: on LadybugDB a MERGE costs time in proportion to the table, so a load of a
    thousand plans went quadratic; a primary-key MATCH does not."""
    values = ", ".join(f"{p}: row.{p}" for p in ["id", *(p for p in NODE_PROPERTIES[label] if p not in missing)])
    if label in DOC_OWNED:
        return f"UNWIND $rows AS row CREATE (n:{label} {{{values}}})"
    return (f"UNWIND $rows AS row OPTIONAL MATCH (n:{label} {{id: row.id}}) WITH row, n WHERE n IS NULL "
            f"CREATE (m:{label} {{{values}}})")


def _update_shared_nodes(label: Label, missing: frozenset[str] = frozenset()) -> str | None:
    """SET the properties a later writer owns (all but name and provenance) on shared nodes the
    store already holds; None when the rows carry no such property."""
    later = [p for p in NODE_PROPERTIES[label] if p not in missing and p not in _FIRST_WRITER
             and not (label in SPELT_LABELS and p in SPELLING_PROPERTIES)]
    if label in DOC_OWNED or not later:
        return None
    sets = ", ".join(f"n.{p} = row.{p}" for p in later)
    return f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {sets}"


def add_spellings(label: Label) -> str:
    """Add one spelling per row to the stored node: a longer one becomes its name (the old name
    joins the aliases), another new one joins the aliases (the rule of model.add_spelling)."""
    longer = "size(row.spelling) > size(n.name)"
    added = f"CASE WHEN {longer} THEN n.name ELSE row.spelling END"
    return (f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) "
            "WITH n, row WHERE n.name <> row.spelling AND NOT "
            "($sep + coalesce(n.aliases, '') + $sep) CONTAINS ($sep + row.spelling + $sep) "
            f"SET n.aliases = CASE WHEN coalesce(n.aliases, '') = '' THEN {added} ELSE n.aliases + $sep + {added} END, "
            f"n.name = CASE WHEN {longer} THEN row.spelling ELSE n.name END")


def later_properties(label: Label) -> tuple[str, ...]:
    """What a later document may change on a shared node the store holds: every property but
    the first writer's name and provenance — and a body's spellings (its name among them)."""
    return tuple(p for p in NODE_PROPERTIES[label]
                 if p not in _FIRST_WRITER or (label in SPELT_LABELS and p in SPELLING_PROPERTIES))


def set_held_nodes(label: Label) -> str:
    """SET every later property (:func:`later_properties`) of held nodes to the row's value:
    the bulk path works out in Python what a batch leaves on them (graph/bulkplan.py)."""
    sets = ", ".join(f"n.{p} = row.{p}" for p in later_properties(label))
    return f"UNWIND $rows AS row MATCH (n:{label} {{id: row.id}}) SET {sets}"


def create_edges(edge_type: EdgeType, source: Label, target: Label) -> str:
    props = ", ".join(f"{p}: row.{p}" for p in EDGE_PROPERTIES)
    return (f"UNWIND $rows AS row MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}}) "
            f"CREATE (a)-[r:{edge_type} {{{props}}}]->(b)")


def _batches(rows: list[dict[str, Any]], size: int = BATCH) -> list[list[dict[str, Any]]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def remove_plan(doc: str) -> list[Statement]:
    """Delete everything ``doc`` contributed: its edges, then the nodes only it owns."""
    statements: list[Statement] = [
        (f"MATCH ()-[r:{edge_type}]->() WHERE r.doc = $doc DELETE r", {"doc": doc}) for edge_type in EdgeType
    ]
    statements += [(f"MATCH (n:{label}) WHERE n.doc = $doc DETACH DELETE n", {"doc": doc}) for label in DOC_OWNED]
    return statements


def write_plan(graph: GraphDoc, replace: bool = True) -> list[Statement]:
    """Write ``graph.doc``'s contributions (one transaction); with ``replace``, first remove
    what it contributed before. A document the store does not hold has nothing to remove, and
    skipping that step keeps a batch of new documents linear (each removal scans every edge)."""
    return write_batch_plan([graph], replace={graph.doc} if replace else set())


def write_batch_plan(graphs: list[GraphDoc], replace: set[str] | frozenset[str] = frozenset(),
                     batch: int = BATCH) -> list[Statement]:
    """Write several documents' contributions as if written one after another, in few
    statements: each statement costs a roughly fixed overhead on top of its rows (LadybugDB's
    MERGE and COMMIT grow with the tables), so batching documents is what keeps a big load
    fast. Documents in ``replace`` first lose what they contributed before; names must be
    distinct. ``batch`` is the rows per statement."""
    statements = [statement for doc in sorted(replace) for statement in remove_plan(doc)]
    merged, sequences = merged_node_rows(graphs)
    statements += node_statements(merged, sequences, batch=batch)
    return statements + edge_statements(edge_rows(graphs), batch=batch)


def node_statements(merged: list[tuple[Label, dict[str, Any]]], sequences: dict[tuple[Label, str], list[str]],
                    create: bool = True, batch: int = BATCH) -> list[Statement]:
    """The statements writing ``merged`` node rows (:func:`merged_node_rows`): spellings and
    later writers' values onto the nodes the store holds, then (with ``create``) the nodes
    it does not hold."""
    statements = _spelling_rounds(sequences, batch)
    nodes_by_shape: dict[tuple[Label, frozenset[str]], list[dict[str, Any]]] = defaultdict(list)
    for label, row in merged:
        missing = frozenset(k for k, v in row.items() if v is None)
        nodes_by_shape[(label, missing)].append({k: v for k, v in row.items() if k not in missing})
    for (label, missing), rows in sorted(nodes_by_shape.items(), key=lambda item: list(NODE_PROPERTIES).index(item[0][0])):
        update = _update_shared_nodes(label, missing)
        for rows_batch in _batches(rows, batch):
            # Existing nodes are updated before the new ones are created, so nothing is set twice.
            if update is not None:
                statements.append((update, {"rows": rows_batch}))
            if create:
                statements.append((_create_nodes(label, missing), {"rows": rows_batch}))
    return statements


# Edges have one shape: no role, status or rule is the empty string, not null.
_NOT_NULL = frozenset({"role", "status", "rule"})


_EDGE_COLUMNS = tuple((name, name in _NOT_NULL) for name in EDGE_PROPERTIES)


def edge_values(edge: Edge) -> tuple[Any, ...]:
    """The values an edge is written with, in EDGE_PROPERTIES order."""
    get = edge.props.get
    return tuple([get(name) or "" if not_null else get(name) for name, not_null in _EDGE_COLUMNS])


def edge_rows(graphs: list[GraphDoc]) -> dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]]:
    """Every edge of ``graphs`` as a row, per (type, source label, target label), in order."""
    edges_by_kind: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]] = defaultdict(list)
    for graph in graphs:
        for edge in graph.edges:
            row = dict(zip(EDGE_PROPERTIES, edge_values(edge), strict=True))
            row["source"], row["target"] = edge.source.id, edge.target.id
            edges_by_kind[(edge.type, edge.source.label, edge.target.label)].append(row)
    return edges_by_kind


def edge_statements(edges_by_kind: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]],
                    batch: int = BATCH) -> list[Statement]:
    """CREATE the edges of :func:`edge_rows` between nodes found by id (an end not found
    drops its edge)."""
    return [(create_edges(edge_type, source, target), {"rows": rows_batch})
            for (edge_type, source, target), rows in edges_by_kind.items() for rows_batch in _batches(rows, batch)]


def _spelling_rounds(sequences: dict[tuple[Label, str], list[str]], batch: int = BATCH) -> list[Statement]:
    """The spellings each node meets in the batch, applied to the nodes the store holds
    already, in the order the documents meet them: round k adds every node's k-th spelling
    (one row per node in a statement, so no row waits on another's update)."""
    statements: list[Statement] = []
    for label in SPELT_LABELS:
        mine = {node_id: spelt for (held, node_id), spelt in sequences.items() if held == label}
        for k in range(max(map(len, mine.values()), default=0)):
            rows = [{"id": node_id, "spelling": spelt[k]} for node_id, spelt in mine.items() if k < len(spelt)]
            for rows_batch in _batches(rows, batch):
                statements.append((add_spellings(label), {"rows": rows_batch, "sep": ALIAS_SEPARATOR}))
    return statements


def merged_node_rows(graphs: list[GraphDoc], skip: frozenset[Label] = frozenset()) -> tuple[
        list[tuple[Label, dict[str, Any]]], dict[tuple[Label, str], list[str]]]:
    """One row per node id across ``graphs``, with what writing them in order would leave:
    a shared node keeps the first writer's name and provenance and the latest non-null value
    of every other property (a null is not SET, so it never erases an earlier value); a body
    meets each document's spellings in turn (model.add_spelling). Also, per body, every
    spelling the batch meets, in order. Nodes of the labels in ``skip`` are left out."""
    merged: dict[tuple[Label, str], dict[str, Any]] = {}
    sequences: dict[tuple[Label, str], list[str]] = {}
    for graph in graphs:
        for node in graph.nodes:
            if node.label in skip:
                continue
            row = node.row()
            key = (node.label, node.id)
            spelt = spellings(row["name"], row.get("aliases")) if node.label in SPELT_LABELS else []
            if node.label in SPELT_LABELS:
                sequences.setdefault(key, []).extend(spelt)
            held = merged.get(key)
            if held is None:
                merged[key] = row
                continue
            for name, value in row.items():
                if value is not None and not (node.label not in DOC_OWNED and name in _FIRST_WRITER) \
                        and not (node.label in SPELT_LABELS and name in SPELLING_PROPERTIES):
                    held[name] = value
            for spelling in spelt:
                held["name"], held["aliases"] = add_spelling(held["name"], held.get("aliases"), spelling)
    return [(label, row) for (label, _), row in merged.items()], sequences


def orphan_cleanup() -> list[Statement]:
    """Delete shared nodes no edge uses any more (after a remove or a replacing load)."""
    return [(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} DELETE n", {})
            for label in NODE_PROPERTIES if label not in DOC_OWNED]


def count_nodes(label: Label) -> str:
    return f"MATCH (n:{label}) RETURN count(n) AS n"


def count_edges(edge_type: EdgeType) -> str:
    return f"MATCH ()-[r:{edge_type}]->() RETURN count(r) AS n"


def node_by_id(label: Label) -> str:
    """One node of ``label`` with every property of its label, by ``$id``."""
    columns = ", ".join(f"n.{name} AS {name}" for name in NODE_PROPERTIES[label])
    return f"MATCH (n:{label} {{id: $id}}) RETURN n.id AS id, {columns}"
