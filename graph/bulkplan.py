"""The bulk write plan of a batch of new documents: what goes in from staged files (plain
appends: ``LOAD FROM … CREATE``, graph/cypher.py), and what must stay on the MERGE path.

An append can take a node only when the store does not hold it yet. The plan keeps what
writing the documents one after another would leave (:func:`write_batch_plan`):

* a document's own nodes (Plan, Commitment, Target) are new: they are appended;
* a shared node (Body, Project, Theme, Place) the store does not hold is appended with the row
  the batch's documents leave together (first writer's name and provenance, latest non-null
  value of the rest, every spelling met): what the row path's CREATE would write;
* a shared node the store holds already stays on the MERGE path (spellings, later writer's
  SET), so first-writer and last-writer rules are applied by the same statements as ever;
* every edge is appended between ends found by id (an end not found drops it, as ever).

Pure: the caller asks the store which shared ids it holds (:func:`shared_ids`,
:func:`pledgegraph.graph.cypher.held_ids`) and runs the plan in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from pledgegraph.graph.cypher import Statement, edge_values, merged_node_rows, node_statements
from pledgegraph.graph.model import DOC_OWNED, EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, GraphDoc, Label

__all__ = ["Table", "BulkPlan", "shared_ids", "bulk_plan"]


@dataclass(frozen=True)
class Table:
    """Rows to append to one table: nodes of ``label`` (``id`` and every property of the label,
    in NODE_PROPERTIES order), or edges of ``edge_type`` from ``label`` to ``target`` (source
    id, target id, every edge property)."""

    label: Label
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    edge_type: EdgeType | None = None
    target: Label | None = None

    @property
    def columns(self) -> tuple[str, ...]:
        if self.edge_type is None:
            return ("id", *NODE_PROPERTIES[self.label])
        return ("source", "target", *EDGE_PROPERTIES)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The LadybugDB type of each column."""
        if self.edge_type is None:
            return ("STRING", *NODE_PROPERTIES[self.label].values())
        return ("STRING", "STRING", *EDGE_PROPERTIES.values())


@dataclass(frozen=True)
class BulkPlan:
    """Run ``before``, then append ``tables`` (nodes before edges)."""

    before: list[Statement]
    tables: list[Table]

    @property
    def rows(self) -> int:
        return sum(len(table.rows) for table in self.tables) + sum(
            len(params.get("rows", ())) for _, params in self.before)


def shared_ids(graphs: list[GraphDoc]) -> dict[Label, list[str]]:
    """Per shared label, the ids of the batch's nodes: the ones to ask the store about."""
    ids: dict[Label, set[str]] = defaultdict(set)
    for graph in graphs:
        for node in graph.nodes:
            if node.label not in DOC_OWNED:
                ids[node.label].add(node.id)
    return {label: sorted(held) for label, held in ids.items()}


def bulk_plan(graphs: list[GraphDoc], held: dict[Label, set[str]]) -> BulkPlan:
    """The plan writing ``graphs`` (documents the store does not hold) when the store holds
    the shared nodes in ``held`` already."""
    merged, sequences = merged_node_rows(graphs)
    copied: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    kept: list[tuple[Label, dict[str, Any]]] = []
    for label, row in merged:
        if row["id"] in held.get(label, ()):
            kept.append((label, row))
        else:
            copied[label].append(row)
    kept_sequences = {key: spelt for key, spelt in sequences.items() if key[1] in held.get(key[0], ())}
    before = node_statements(kept, kept_sequences, create=False)
    tables = [_node_table(label, copied[label]) for label in NODE_PROPERTIES if copied.get(label)]
    return BulkPlan(before, tables + _edge_tables(graphs))


def _node_table(label: Label, rows: list[dict[str, Any]]) -> Table:
    table = Table(label)
    table.rows.extend(map(itemgetter(*table.columns), rows))
    return table


def _edge_tables(graphs: list[GraphDoc]) -> list[Table]:
    """Every edge of ``graphs``, per (type, source label, target label), in order."""
    tables: dict[tuple[EdgeType, Label, Label], Table] = {}
    for graph in graphs:
        for edge in graph.edges:
            kind = (edge.type, edge.source.label, edge.target.label)
            if (table := tables.get(kind)) is None:
                table = tables[kind] = Table(edge.source.label, edge_type=edge.type, target=edge.target.label)
            table.rows.append((edge.source.id, edge.target.id, *edge_values(edge)))
    return list(tables.values())
