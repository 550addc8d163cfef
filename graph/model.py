"""The graph's schema: node labels, edge types, their properties, and the frozen records.

Both stores hold exactly this schema, so the named queries run unchanged on either. Every node
and edge carries provenance: the document it came from (``doc``), the character span in that
document's original text (``span_start``/``span_end``) and the evidence text.

Nodes that one document owns (Plan, Commitment, Target) disappear with that document; nodes
that documents share (Body, Project, Theme, Place) live while any document's edge uses them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "Label",
    "EdgeType",
    "NODE_PROPERTIES",
    "EDGE_ENDPOINTS",
    "EDGE_PROPERTIES",
    "DOC_OWNED",
    "Node",
    "Edge",
    "GraphDoc",
    "ALIAS_SEPARATOR",
    "add_spelling",
    "spellings",
    "label_of_id",
]

ALIAS_SEPARATOR = "; "


class Label(StrEnum):
    PLAN = "Plan"
    BODY = "Body"
    COMMITMENT = "Commitment"
    PROJECT = "Project"
    THEME = "Theme"
    TARGET = "Target"
    PLACE = "Place"


def label_of_id(node_id: str) -> Label | None:
    """The label a node id names: every id starts with its label, lower-cased (``body:…``).

    >>> label_of_id("project:上海市/青浦区|某路"), label_of_id("nothing")
    (<Label.PROJECT: 'Project'>, None)
    """
    return _BY_PREFIX.get(node_id.partition(":")[0])


_BY_PREFIX = {label.lower(): label for label in Label}


class EdgeType(StrEnum):
    ISSUED = "ISSUED"
    CO_ISSUED = "CO_ISSUED"  # another body that sent or signed the notice
    DRAFTED = "DRAFTED"  # the body that drew up a plan its issuer forwards
    CONTAINS = "CONTAINS"
    PART_OF = "PART_OF"
    RESPONSIBLE_FOR = "RESPONSIBLE_FOR"
    CONCERNS = "CONCERNS"
    UNDER_THEME = "UNDER_THEME"
    HAS_TARGET = "HAS_TARGET"
    DEPENDS_ON = "DEPENDS_ON"
    SUPPORTS = "SUPPORTS"
    COOPERATES_WITH = "COOPERATES_WITH"
    TRACKS = "TRACKS"
    MEMBER_OF = "MEMBER_OF"  # a body → the collective it is one of (望川街道 → 各街道 of its district)


_PROVENANCE = {"doc": "STRING", "span_start": "INT64", "span_end": "INT64", "evidence": "STRING"}

# Property name → LadybugDB type, per label. ``id`` (STRING) is every node's key.
NODE_PROPERTIES: dict[Label, dict[str, str]] = {
    Label.PLAN: {"name": "STRING", "issuer": "STRING", "district": "STRING", "year": "INT64",
                 "doc_type": "STRING", "source": "STRING", "sha256": "STRING",
                 # The genres that read it (loaders/genres), joined by "+"; its own title; the date
                 # its envelope was signed.
                 "genre": "STRING", "title": "STRING", "issued": "STRING",
                 # True once lineage (TRACKS) has been worked out with this plan in view.
                 "linked": "BOOLEAN", **_PROVENANCE},
    # A body keeps the fullest name any document spells it with; ``aliases`` holds the other
    # spellings ("; " between them), in the order they were met (see add_spelling).
    Label.BODY: {"name": "STRING", "aliases": "STRING", "kind": "STRING", "jurisdiction": "STRING", **_PROVENANCE},
    Label.COMMITMENT: {"name": "STRING", "text": "STRING", "section": "STRING", "theme": "STRING",
                       "deadline": "STRING", "status": "STRING",
                       # True where the document reports work done (a report, a five-year review).
                       "reported": "BOOLEAN", **_PROVENANCE},
    Label.PROJECT: {"name": "STRING", "aliases": "STRING", "kind": "STRING", "status": "STRING",
                    "jurisdiction": "STRING", **_PROVENANCE},
    Label.THEME: {"name": "STRING", **_PROVENANCE},
    Label.TARGET: {"name": "STRING", "metric": "STRING", "value": "DOUBLE", "unit": "STRING",
                   "comparator": "STRING",
                   # A range's lower end (value is its upper); a figure the plan reports as done,
                   # not a promise; the rule that found it (prose.*, table.*).
                   "low": "DOUBLE", "reported": "BOOLEAN", "rule": "STRING", **_PROVENANCE},
    Label.PLACE: {"name": "STRING", "level": "STRING", **_PROVENANCE},
}

# Edge type → the (source label, target label) pairs it may join.
EDGE_ENDPOINTS: dict[EdgeType, tuple[tuple[Label, Label], ...]] = {
    EdgeType.ISSUED: ((Label.BODY, Label.PLAN),),
    EdgeType.CO_ISSUED: ((Label.BODY, Label.PLAN),),
    EdgeType.DRAFTED: ((Label.BODY, Label.PLAN),),
    EdgeType.CONTAINS: ((Label.PLAN, Label.COMMITMENT),),
    EdgeType.PART_OF: ((Label.BODY, Label.PLACE), (Label.PLACE, Label.PLACE)),
    EdgeType.RESPONSIBLE_FOR: ((Label.BODY, Label.COMMITMENT), (Label.BODY, Label.PROJECT)),
    EdgeType.CONCERNS: ((Label.COMMITMENT, Label.PROJECT),),
    EdgeType.UNDER_THEME: ((Label.COMMITMENT, Label.THEME),),
    EdgeType.HAS_TARGET: ((Label.COMMITMENT, Label.TARGET), (Label.PLAN, Label.TARGET)),
    EdgeType.DEPENDS_ON: ((Label.PROJECT, Label.PROJECT),),
    EdgeType.SUPPORTS: ((Label.PROJECT, Label.PROJECT),),
    EdgeType.COOPERATES_WITH: ((Label.BODY, Label.BODY), (Label.PROJECT, Label.PROJECT)),
    # A later document's commitment following up an earlier one of the same body.
    EdgeType.TRACKS: ((Label.COMMITMENT, Label.COMMITMENT),),
    # A subdistrict, town or district government → a collective owner (各街镇, 各区政府) of the
    # plan that names it; the edge carries that plan's mention as its provenance.
    EdgeType.MEMBER_OF: ((Label.BODY, Label.BODY),),
}

# ``role``: lead | cooperate on RESPONSIBLE_FOR, else "". ``status``: what the edge's document
# says of the thing at its end (CONCERNS: the project's status there; TRACKS: the later
# status), else "". ``rule``: on RESPONSIBLE_FOR the rule that decided the owner
# (loaders/decide/owners.py), on MEMBER_OF where the membership is known from ("gazetteer",
# or "graph": a place the gazetteer lacks whose own plan is loaded, graph/members.py), else "". Empty strings, not nulls: LadybugDB cannot type an
# all-null column.
EDGE_PROPERTIES: dict[str, str] = {"role": "STRING", "status": "STRING", "rule": "STRING", **_PROVENANCE}

DOC_OWNED = frozenset({Label.PLAN, Label.COMMITMENT, Label.TARGET})


def spellings(name: str, aliases: str | None) -> list[str]:
    """Every spelling a body node holds: its name, then its aliases."""
    return [name, *(a for a in (aliases or "").split(ALIAS_SEPARATOR) if a)]


def add_spelling(name: str, aliases: str | None, spelling: str) -> tuple[str, str]:
    """(name, aliases) of a body once ``spelling`` is met: a new spelling longer than the name
    becomes the name (the old name joins the aliases), any other new one joins the aliases.
    The stores apply the same rule in Cypher (graph/cypher.py), so documents written one by
    one or in a batch leave the same node."""
    aliases = aliases or ""
    if spelling in spellings(name, aliases):
        return name, aliases
    added, name = (name, spelling) if len(spelling) > len(name) else (spelling, name)
    return name, f"{aliases}{ALIAS_SEPARATOR}{added}" if aliases else added


@dataclass(frozen=True)
class Node:
    label: Label
    id: str
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def row(self) -> dict[str, Any]:
        """The node as a flat row with every property of its label (missing ones None)."""
        row = {name: self.props.get(name) for name in NODE_PROPERTIES[self.label]}
        row["id"] = self.id
        return row


@dataclass(frozen=True)
class Edge:
    type: EdgeType
    source: Node
    target: Node
    props: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.type, self.source.id, self.target.id, self.props.get("role") or "")

    def row(self) -> dict[str, Any]:
        row = {name: self.props.get(name) for name in EDGE_PROPERTIES}
        row["source"] = self.source.id
        row["target"] = self.target.id
        return row


@dataclass(frozen=True)
class GraphDoc:
    """Everything one document contributes to the graph."""

    doc: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """Pickled as plain rows: worker processes send every graph they build to the loader,
        and unpickling rows is half the time of unpickling node and edge objects (1.0 s
        against 2.1 s for 1,000 plans, all of it on the loader's side)."""
        index: dict[int, int] = {}
        rows: list[tuple[Label, str, dict[str, Any]]] = []
        for node in (*self.nodes, *(end for edge in self.edges for end in (edge.source, edge.target))):
            if id(node) not in index:
                index[id(node)] = len(rows)
                rows.append((node.label, node.id, node.props))
        edges = [(edge.type, index[id(edge.source)], index[id(edge.target)], edge.props) for edge in self.edges]
        return _graph_from_rows, (self.doc, len(self.nodes), rows, edges)


def _graph_from_rows(doc: str, own: int, rows: list[tuple[Label, str, dict[str, Any]]],
                     edges: list[tuple[EdgeType, int, int, dict[str, Any]]]) -> GraphDoc:
    """The graph GraphDoc.__reduce__ wrote: the first ``own`` rows are its nodes; edges name
    their ends by row, so an end is one object wherever it appears, as before pickling."""
    nodes = [Node(label, node_id, props) for label, node_id, props in rows]
    return GraphDoc(doc, tuple(nodes[:own]), tuple(Edge(kind, nodes[s], nodes[t], props) for kind, s, t, props in edges))
