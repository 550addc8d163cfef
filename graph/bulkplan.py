"""The bulk write plan of a batch of new documents: what goes in from staged files (plain
appends: ``LOAD FROM … CREATE``, graph/cypher.py), and what must stay on the MERGE path.

An append can take a node only when the store does not hold it yet. The plan keeps what
writing the documents one after another would leave (:func:`write_batch_plan`):

* a document's own nodes (Plan, Commitment, Target) are new: they are appended;
* a shared node (Body, Project, Theme, Place) the store does not hold is appended with the row
  the batch's documents leave together (first writer's name and provenance, latest non-null
  value of the rest, every spelling met): what the row path's CREATE would write;
* a shared node the store holds already is updated in place: the store says what it holds
  (cypher_staged.held_nodes), the plan works out what the batch's documents leave on it (its
  spellings met in turn, the latest non-null value of the rest — what the row path's
  statements leave) and SETs that, once per changed node;
* every edge is appended between ends found by id (an end not found drops it, as ever).

A document's own nodes and its edges are appended whatever the store holds, so they can be
staged as CSV records where the graph is built (:func:`stage_document`, in a loader's worker
process) rather than by the writer, whose one thread bounds a large load.

Pure: the caller asks the store which shared ids it holds and what they hold
(:func:`shared_ids`, :func:`pledgegraph.graph.cypher_staged.held_nodes`) and runs the plan in
one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from pledgegraph.graph.cypher import (
    BATCH,
    SPELLING_PROPERTIES,
    SPELT_LABELS,
    Statement,
    edge_values,
    later_properties,
    merged_node_rows,
    set_held_nodes,
)
from pledgegraph.graph.model import (
    DOC_OWNED,
    EDGE_PROPERTIES,
    NODE_PROPERTIES,
    EdgeType,
    GraphDoc,
    Label,
    add_spelling,
    spellings,
)
from pledgegraph.graph.staging import csv_records

__all__ = ["Table", "BulkPlan", "Staged", "shared_ids", "stage_document", "bulk_plan"]


# A table to append to: nodes of a label (edge type and target None), or edges of a type
# from a source label to a target label.
TableKey = tuple[Label, EdgeType | None, Label | None]


@dataclass
class Table:
    """Rows to append to one table, as CSV records: nodes of ``label`` (``id`` and every
    property of the label, in NODE_PROPERTIES order), or edges of ``edge_type`` from ``label``
    to ``target`` (source id, target id, every edge property). ``records`` are texts of whole
    records (staging.csv_records), ``count`` the rows they hold."""

    label: Label
    edge_type: EdgeType | None = None
    target: Label | None = None
    records: list[str] = field(default_factory=list)
    count: int = 0

    @property
    def columns(self) -> tuple[str, ...]:
        if self.edge_type is None:
            return ("id", *NODE_PROPERTIES[self.label])
        return ("source", "target", *EDGE_PROPERTIES)

    def add(self, count: int, records: str) -> None:
        self.records.append(records)
        self.count += count


def _kinds(key: TableKey) -> tuple[str, ...]:
    """The LadybugDB type of each column of a table."""
    label, edge_type, _ = key
    if edge_type is None:
        return ("STRING", *NODE_PROPERTIES[label].values())
    return ("STRING", "STRING", *EDGE_PROPERTIES.values())


@dataclass(frozen=True)
class Staged:
    """What a document appends whatever the store holds — its own nodes (DOC_OWNED) and every
    edge — as CSV records per table, in the document's order: table → (rows, records)."""

    tables: dict[TableKey, tuple[int, str]]


def stage_document(graph: GraphDoc) -> Staged:
    """Stage ``graph``'s own nodes and edges (what :func:`bulk_plan` appends of it)."""
    rows: dict[TableKey, list[tuple[Any, ...]]] = {}
    for node in graph.nodes:
        if node.label in DOC_OWNED:
            get = node.props.get
            rows.setdefault((node.label, None, None), []).append(
                (node.id, *[get(name) for name in NODE_PROPERTIES[node.label]]))
    for edge in graph.edges:
        rows.setdefault((edge.source.label, edge.type, edge.target.label), []).append(
            (edge.source.id, edge.target.id, *edge_values(edge)))
    return Staged({key: (len(values), csv_records(values, _kinds(key))) for key, values in rows.items()})


@dataclass(frozen=True)
class BulkPlan:
    """Run ``before``, then append ``tables`` (nodes before edges). ``leaves`` is what the plan
    leaves on the shared nodes it appends or changes: label → id → later properties (the shape
    of ``held``), so a store may remember it instead of asking again."""

    before: list[Statement]
    tables: list[Table]
    leaves: dict[Label, dict[str, dict[str, Any]]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(table.count for table in self.tables) + sum(
            len(params.get("rows", ())) for _, params in self.before)


def shared_ids(graphs: list[GraphDoc]) -> dict[Label, list[str]]:
    """Per shared label, the ids of the batch's nodes: the ones to ask the store about."""
    ids: dict[Label, set[str]] = defaultdict(set)
    for graph in graphs:
        for node in graph.nodes:
            if node.label not in DOC_OWNED:
                ids[node.label].add(node.id)
    return {label: sorted(held) for label, held in ids.items()}


def bulk_plan(graphs: list[GraphDoc], held: dict[Label, dict[str, dict[str, Any]]],
              staged: Sequence[Staged | None] = ()) -> BulkPlan:
    """The plan writing ``graphs`` (documents the store does not hold) when the store holds
    the shared nodes in ``held`` already (id → its later properties as stored,
    cypher_staged.held_nodes). ``staged`` is :func:`stage_document` of each graph where it was
    made already (None, or missing at the end: staged here)."""
    merged, sequences = merged_node_rows(graphs, skip=DOC_OWNED)
    copied: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    kept: list[tuple[Label, dict[str, Any]]] = []
    for label, row in merged:
        if row["id"] in held.get(label, ()):
            kept.append((label, row))
        else:
            copied[label].append(row)
    changed = held_updates(kept, sequences, held)
    before = [(set_held_nodes(label), {"rows": rows[i:i + BATCH]})
              for label, rows in changed.items() for i in range(0, len(rows), BATCH)]
    # Tables in order of first appearance, as the documents would be written one by one;
    # node tables in NODE_PROPERTIES order, before every edge.
    own: dict[TableKey, Table] = {}
    for number, graph in enumerate(graphs):
        made = staged[number] if number < len(staged) else None
        for key, (count, records) in (made or stage_document(graph)).tables.items():
            if (table := own.get(key)) is None:
                table = own[key] = Table(*key)
            table.add(count, records)
    tables: list[Table] = []
    for label in NODE_PROPERTIES:
        if label in DOC_OWNED:
            if (key := (label, None, None)) in own:
                tables.append(own[key])
        elif copied.get(label):
            tables.append(_node_table(label, copied[label]))
    tables.extend(table for key, table in own.items() if key[1] is not None)
    leaves: dict[Label, dict[str, dict[str, Any]]] = defaultdict(dict)
    for label, rows in (*copied.items(), *changed.items()):
        later = later_properties(label)
        leaves[label].update((row["id"], {name: row.get(name) for name in later}) for row in rows)
    return BulkPlan(before, tables, dict(leaves))


def held_updates(kept: list[tuple[Label, dict[str, Any]]], sequences: dict[tuple[Label, str], list[str]],
                 held: dict[Label, dict[str, dict[str, Any]]]) -> dict[Label, list[dict[str, Any]]]:
    """What the batch leaves on the shared nodes the store holds, worked out here from what
    they hold: each spelling met in turn (model.add_spelling, the rule the row path applies in
    Cypher one spelling a statement), then the latest non-null value of every other later
    property: the changed nodes' rows, per label, to SET once each (the row path's spelling
    rounds took a statement per spelling a body met in the batch, 17 a batch at 10,000 plans)."""
    changed: dict[Label, list[dict[str, Any]]] = defaultdict(list)
    for label, row in kept:
        stored = held[label][row["id"]]
        now = dict(stored)
        if label in SPELT_LABELS:
            for spelling in sequences.get((label, row["id"]), ()):
                if spelling not in spellings(now["name"], now["aliases"]):
                    now["name"], now["aliases"] = add_spelling(now["name"], now["aliases"], spelling)
        for name in later_properties(label):
            if row.get(name) is not None and not (label in SPELT_LABELS and name in SPELLING_PROPERTIES):
                now[name] = row[name]
        if now != stored:
            changed[label].append({"id": row["id"], **now})
    return changed


def _node_table(label: Label, rows: list[dict[str, Any]]) -> Table:
    table = Table(label)
    table.add(len(rows), csv_records(list(map(itemgetter(*table.columns), rows)), _kinds((label, None, None))))
    return table
