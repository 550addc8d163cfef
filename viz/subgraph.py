"""Which part of the stored graph a view shows: filters, a focus neighbourhood, a size cap.

The graph is read from the store with the same Cypher on both engines. Filters keep the
matching commitments and projects with their immediate neighbours; a focus keeps what lies
within ``depth`` steps of one node. A view larger than ``max_nodes`` keeps every kind of node in
proportion, within a kind those nearest the focus (or the best connected), and says how many of
each kind it left out — nothing is dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx
from pledgegraph.graph.cypher_reads import edges_around, edges_at, edges_to, first_neighbours, neighbour_count
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label, label_of_id
from pledgegraph.graph.store import Store

__all__ = ["View", "read_graph", "read_neighbourhood", "read_among", "select_view", "read_view"]


@dataclass(frozen=True)
class View:
    graph: nx.MultiDiGraph
    focus: str | None
    total_nodes: int
    note: str
    left_out: dict[str, int] = field(default_factory=dict)
    """Kind (label) → how many nodes of it the cap left out."""

    @property
    def truncated(self) -> bool:
        return self.graph.number_of_nodes() < self.total_nodes


def _node_columns(label: Label) -> str:
    return ", ".join(f"n.{p} AS {p}" for p in NODE_PROPERTIES[label])


_EDGE_COLUMNS = ", ".join(f"r.{p} AS {p}" for p in EDGE_PROPERTIES)


def read_graph(store: Store) -> nx.MultiDiGraph:
    """The whole stored graph as a MultiDiGraph (node attribute ``label`` holds the label)."""
    graph = nx.MultiDiGraph()
    for label in NODE_PROPERTIES:
        for record in store.query(f"MATCH (n:{label}) RETURN n.id AS id, {_node_columns(label)}").records():
            graph.add_node(record.pop("id"), label=str(label), **record)
    for edge_type in EdgeType:
        query = f"MATCH (a)-[r:{edge_type}]->(b) RETURN a.id AS source, b.id AS target, {_EDGE_COLUMNS}"
        for record in store.query(query).records():
            graph.add_edge(record.pop("source"), record.pop("target"), type=str(edge_type), **record)
    return graph


def _attrs(relationship: dict) -> dict:
    """An edge's attributes from the relationship a store returned: its type and properties."""
    return {"type": relationship["_label"], **{p: relationship.get(p) for p in EDGE_PROPERTIES}}


def _keep(edges: dict[tuple, tuple[str, str, dict]], source: str, target: str, attrs: dict) -> None:
    """Add an edge once: two reads of the same edge (from either end) give the same key."""
    edges[(source, target, *sorted((k, str(v)) for k, v in attrs.items()))] = (source, target, attrs)


def _incident_edges(store: Store, ids_by_label: dict[Label, set[str]], among: set[str] | None = None,
                    last: str | None = None) -> list[tuple[str, Label, str, Label, dict]]:
    """Every edge touching the given nodes — given ``among``, every edge out of them into those;
    given ``last``, every edge either way to a node whose id sorts at or before it — as (source,
    its label, target, its label, attributes), in one order on both stores.

    Node by node, each read a primary-key lookup: LadybugDB joins ``UNWIND $ids … MATCH (a {id:
    id})-[r]->(b)`` by scanning whole tables (400 ms for 60 commitments at a thousand plans)
    and ``WHERE a.id IN $ids`` scans too (55 ms), where one node's edges take under a millisecond."""
    found = []
    for label, ids in ids_by_label.items():
        for node in sorted(ids):
            for outgoing in (True,) if among is not None else (True, False):
                query, params = ((edges_at(label, outgoing), {"id": node}) if last is None else
                                 (edges_to(label, outgoing), {"id": node, "last": last}))
                for far, relationship in store.query(query, params).rows:
                    if among is not None and far not in among:
                        continue
                    other, attrs = label_of_id(far), _attrs(relationship)
                    found.append((node, label, far, other, attrs) if outgoing else (far, other, node, label, attrs))
    return sorted(found, key=lambda e: _edge_order((e[0], e[2], e[4])))


_TYPE_ORDER = {edge_type: i for i, edge_type in enumerate(EdgeType)}


def _edge_order(edge: tuple[str, str, dict]) -> tuple:
    """One order of edges on both stores: type, source, target, then every attribute."""
    source, target, attrs = edge
    return _TYPE_ORDER[attrs["type"]], source, target, sorted((k, str(v)) for k, v in attrs.items())


def _hub_cut(store: Store, focus: str, label: Label, max_nodes: int, count: bool) -> tuple[str, int | None] | None:
    """For a focus with more than ``max_nodes`` − 1 neighbours, the id of the last of the first of
    them it keeps (by label and id, as the cut below keeps) and — when ``count`` — how many
    nodes the whole neighbourhood holds, read without reading every edge: a theme at a thousand
    plans has 9,000 commitments, and reading all their edges took 190 ms where the first 300
    ids take 13 and counting them all 10 more. None for any other node."""
    rows = store.query(first_neighbours(label), {"id": focus, "n": max_nodes}).rows
    if len(rows) <= max_nodes - 1:
        return None
    last = max(row[0] for row in rows[: max_nodes - 1])
    return last, store.query(neighbour_count(label), {"id": focus}).rows[0][0] + 1 if count else None


def read_neighbourhood(store: Store, focus: str, label: Label, depth: int,
                       max_nodes: int | None = None, inner: bool = True, count: bool = True) -> nx.MultiDiGraph:
    """What lies within ``depth`` steps of ``focus`` (a node of ``label``), with every edge among
    those nodes: the part of :func:`read_graph` a focus view can show, read without the rest
    (on a thousand plans the whole graph takes seconds to read, a neighbourhood milliseconds).

    With ``max_nodes``, a larger neighbourhood keeps the focus and the first others by label and
    id, and only their properties and the edges among them are read: a theme or a district
    government touches thousands of commitments. ``graph.graph["total"]`` counts them all (None
    for a cut hub unless ``count``: counting costs as much again). Without ``inner``, the edges between two nodes at the full depth are not read (a panel lists
    only the focus's own edges)."""
    labels: dict[str, Label] = {focus: label}
    edges: dict[tuple, tuple[str, str, dict]] = {}

    def visit(frontier: set[str], grow: bool) -> set[str]:
        by_label: dict[Label, set[str]] = {}
        for node in frontier:
            by_label.setdefault(labels[node], set()).add(node)
        reached = set()
        for source, source_label, target, target_label, attrs in _incident_edges(store, by_label,
                                                                                  None if grow else set(labels)):
            ends = ((source, source_label), (target, target_label))
            if not grow and not all(node in labels for node, _ in ends):
                continue
            _keep(edges, source, target, attrs)
            for node, node_label in ends:
                if node not in labels:
                    labels[node] = node_label
                    reached.add(node)
        return reached

    frontier = {focus}
    hub = _hub_cut(store, focus, label, max_nodes, count) if depth == 1 and max_nodes is not None else None
    if hub is not None:
        last, total = hub
        for source, source_label, target, target_label, attrs in _incident_edges(store, {label: {focus}}, last=last):
            _keep(edges, source, target, attrs)
            labels.setdefault(source, source_label)
            labels.setdefault(target, target_label)
        if inner:
            for near, far, relationship in store.query(edges_around(label), {"id": focus, "last": last}).rows:
                _keep(edges, near, far, _attrs(relationship))
        graph = _read_nodes(store, labels, sorted(edges.values(), key=_edge_order))
        graph.graph["total"] = total
        return graph
    for _ in range(depth):
        frontier = visit(frontier, grow=True)
    total = len(labels)
    if max_nodes is not None and total > max_nodes:
        others = sorted((n for n in labels if n != focus), key=lambda n: (labels[n], n))
        kept = {focus, *others[: max_nodes - 1]}
        labels = {n: found for n, found in labels.items() if n in kept}
        edges = {key: edge for key, edge in edges.items() if edge[0] in kept and edge[1] in kept}
        frontier &= kept
    if inner:
        visit(frontier, grow=False)  # edges between two nodes at the full depth
    return _read_nodes(store, labels, edges.values(), total)


def read_among(store: Store, labels: dict[str, Label]) -> nx.MultiDiGraph:
    """The given nodes (id → label) that exist, with every edge between two of them — what a
    list of nodes (a console result) is drawn with. Read with the same per-label queries as a
    neighbourhood, so both stores answer alike."""
    by_label: dict[Label, set[str]] = {}
    for node, label in labels.items():
        by_label.setdefault(label, set()).add(node)
    edges: dict[tuple, tuple[str, str, dict]] = {}
    for source, _, target, _, attrs in _incident_edges(store, by_label, among=set(labels)):
        _keep(edges, source, target, attrs)
    return _read_nodes(store, labels, edges.values())


def _read_nodes(store: Store, labels: dict[str, Label], edges: Iterable[tuple[str, str, dict]],
               total: int | None = None) -> nx.MultiDiGraph:
    """The nodes of ``labels`` the store holds, with their properties, and ``edges`` among them."""
    graph = nx.MultiDiGraph(total=len(labels) if total is None else total)
    for node_label in NODE_PROPERTIES:
        ids = sorted(n for n, found in labels.items() if found == node_label)
        if ids:
            query = f"UNWIND $ids AS id MATCH (n:{node_label} {{id: id}}) RETURN n.id AS id, {_node_columns(node_label)}"
            for record in store.query(query, {"ids": ids}).records():
                graph.add_node(record.pop("id"), label=str(node_label), **record)
    for source, target, attrs in edges:
        if source in graph and target in graph:
            graph.add_edge(source, target, **attrs)
    return graph


def _with_neighbours(graph: nx.MultiDiGraph, seeds: set[str]) -> set[str]:
    """The seeds and their neighbours, except commitments the filter did not choose (a
    commitment's TRACKS neighbour in another document may sit under another theme)."""
    keep = set(seeds)
    for node in seeds:
        for neighbour in (*graph.successors(node), *graph.predecessors(node)):
            if neighbour in seeds or graph.nodes[neighbour]["label"] != "Commitment":
                keep.add(neighbour)
    return keep


def _filtered(graph: nx.MultiDiGraph, theme: str | None, district: str | None, status: str | None) -> nx.MultiDiGraph:
    nodes = graph.nodes
    if district:
        docs = {d["doc"] for _, d in graph.nodes(data=True) if d["label"] == "Plan" and d.get("district") == district}
        edges = [(a, b, k) for a, b, k, d in graph.edges(keys=True, data=True) if d.get("doc") in docs]
        graph = graph.edge_subgraph(edges).copy()
        nodes = graph.nodes
    seeds = None
    if theme:
        seeds = {n for n, d in nodes(data=True) if d["label"] == "Commitment" and d.get("theme") == theme}
    if status:
        matching = {n for n, d in nodes(data=True) if d["label"] in ("Commitment", "Project") and d.get("status") == status}
        seeds = matching if seeds is None else seeds & matching
    if seeds is not None:
        graph = graph.subgraph(_with_neighbours(graph, seeds)).copy()
    return graph


def _quotas(counts: dict[str, int], limit: int, order: list[str]) -> dict[str, int]:
    """How many nodes of each kind a cap of ``limit`` keeps: in proportion to how many there
    are (largest remainder), at least one of each kind while the cap allows, kinds earlier in
    ``order`` served first — so a cap never drops every Target or Project of a big graph."""
    quotas = {kind: 0 for kind in counts}
    for kind in order[:limit]:
        quotas[kind] = 1
    for _ in range(min(limit, sum(counts.values())) - sum(quotas.values())):
        # The next place goes to the kind furthest below its share.
        kind = min((k for k in order if quotas[k] < counts[k]), key=lambda k: (quotas[k] / counts[k], order.index(k)))
        quotas[kind] += 1
    return quotas


def _nearest(graph: nx.MultiDiGraph, focus: str | None, limit: int) -> list[str]:
    """Up to ``limit`` nodes, every kind in proportion (:func:`_quotas`); within a kind, by
    distance from the focus, else by how connected they are."""
    if focus is not None:
        distances = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), focus)
        ranked = sorted(distances, key=lambda n: (distances[n], -graph.degree(n), n))
    else:
        ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))
    by_kind: dict[str, list[str]] = {}
    for node in ranked:
        by_kind.setdefault(graph.nodes[node]["label"], []).append(node)
    quotas = _quotas({kind: len(nodes) for kind, nodes in by_kind.items()}, limit, list(by_kind))
    return [node for kind, nodes in by_kind.items() for node in nodes[: quotas[kind]]]


def _left_out(graph: nx.MultiDiGraph, kept: list[str]) -> dict[str, int]:
    """How many nodes of each kind a cap left out (kinds it left whole are not named)."""
    counts: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        counts[attrs["label"]] = counts.get(attrs["label"], 0) + 1
    for node in kept:
        counts[graph.nodes[node]["label"]] -= 1
    return {kind: count for kind, count in sorted(counts.items(), key=lambda item: -item[1]) if count}


def select_view(graph: nx.MultiDiGraph, focus: str | None = None, depth: int = 2, theme: str | None = None,
                district: str | None = None, status: str | None = None, max_nodes: int = 500) -> View:
    """The part of ``graph`` to draw, with a note on what was filtered or left out."""
    view = _filtered(graph, theme, district, status)
    notes = [f"{name}={value}" for name, value in (("theme", theme), ("district", district), ("status", status)) if value]
    if focus is not None:
        if focus not in view:
            view = graph.subgraph([focus]).copy()
        view = nx.ego_graph(view.to_undirected(as_view=True), focus, radius=depth).nodes
        view = graph.subgraph(view).copy()
        notes.insert(0, f"{depth} step(s) around {graph.nodes[focus].get('name', focus)}")
    total = view.number_of_nodes()
    left_out: dict[str, int] = {}
    if total > max_nodes:
        kept = _nearest(view, focus, max_nodes)
        left_out = _left_out(view, kept)
        view = graph.subgraph(kept).copy()
        cut = ", ".join(f"{count} {kind}" for kind, count in left_out.items())
        notes.append(f"showing {max_nodes} of {total} nodes, every kind in proportion; left out {cut}"
                     " (raise --max-nodes to see more)")
    return View(view, focus, total, "; ".join(notes) or "the whole graph", left_out)


def read_view(store: Store, focus: tuple[str, Label] | None = None, depth: int = 2, theme: str | None = None,
              district: str | None = None, status: str | None = None, max_nodes: int = 500) -> View:
    """:func:`select_view` on what it needs from ``store``: a plain focus view reads only the
    focus's neighbourhood; filters are defined on the whole graph, so they read all of it."""
    if focus is not None and not (theme or district or status):
        graph = read_neighbourhood(store, focus[0], focus[1], depth)
    else:
        graph = read_graph(store)
    return select_view(graph, focus[0] if focus else None, depth, theme, district, status, max_nodes)
