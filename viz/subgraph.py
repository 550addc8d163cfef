"""Which part of the stored graph a view shows: filters, a focus neighbourhood, a size cap.

The graph is read from the store with the same Cypher on both engines. Filters keep the
matching commitments and projects with their immediate neighbours; a focus keeps what lies
within ``depth`` steps of one node. A view larger than ``max_nodes`` keeps the nodes nearest
the focus (or the best connected) and says how many it left out — nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from pledgegraph.graph.model import EDGE_ENDPOINTS, EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label
from pledgegraph.graph.store import Store

__all__ = ["View", "read_graph", "read_neighbourhood", "select_view", "read_view"]


@dataclass(frozen=True)
class View:
    graph: nx.MultiDiGraph
    focus: str | None
    total_nodes: int
    note: str

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


def _incident_edges(store: Store, ids_by_label: dict[Label, set[str]]) -> list[tuple[str, Label, str, Label, dict]]:
    """Every edge touching the given nodes: (source, its label, target, its label, attributes)."""
    found = []
    for edge_type, pairs in EDGE_ENDPOINTS.items():
        for source, target in pairs:
            # Out of the given sources, then into the given targets.
            for label, match in ((source, f"(a:{source} {{id: id}})-[r:{edge_type}]->(b:{target})"),
                                 (target, f"(a:{source})-[r:{edge_type}]->(b:{target} {{id: id}})")):
                ids = ids_by_label.get(label)
                if not ids:
                    continue
                query = f"UNWIND $ids AS id MATCH {match} RETURN a.id AS source, b.id AS target, {_EDGE_COLUMNS}"
                for record in store.query(query, {"ids": sorted(ids)}).records():
                    found.append((record.pop("source"), source, record.pop("target"), target,
                                  {"type": str(edge_type), **record}))
    return found


def read_neighbourhood(store: Store, focus: str, label: Label, depth: int) -> nx.MultiDiGraph:
    """What lies within ``depth`` steps of ``focus`` (a node of ``label``), with every edge among
    those nodes: the part of :func:`read_graph` a focus view can show, read without the rest
    (on a thousand plans the whole graph takes seconds to read, a neighbourhood milliseconds)."""
    labels: dict[str, Label] = {focus: label}
    edges: dict[tuple, tuple[str, str, dict]] = {}

    def visit(frontier: set[str], grow: bool) -> set[str]:
        by_label: dict[Label, set[str]] = {}
        for node in frontier:
            by_label.setdefault(labels[node], set()).add(node)
        reached = set()
        for source, source_label, target, target_label, attrs in _incident_edges(store, by_label):
            ends = ((source, source_label), (target, target_label))
            if not grow and not all(node in labels for node, _ in ends):
                continue
            edges[(source, target, *sorted((k, str(v)) for k, v in attrs.items()))] = (source, target, attrs)
            for node, node_label in ends:
                if node not in labels:
                    labels[node] = node_label
                    reached.add(node)
        return reached

    frontier = {focus}
    for _ in range(depth):
        frontier = visit(frontier, grow=True)
    visit(frontier, grow=False)  # edges between two nodes at the full depth
    graph = nx.MultiDiGraph()
    for node_label in NODE_PROPERTIES:
        ids = sorted(n for n, found in labels.items() if found == node_label)
        if ids:
            query = f"UNWIND $ids AS id MATCH (n:{node_label} {{id: id}}) RETURN n.id AS id, {_node_columns(node_label)}"
            for record in store.query(query, {"ids": ids}).records():
                graph.add_node(record.pop("id"), label=str(node_label), **record)
    for source, target, attrs in edges.values():
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


def _nearest(graph: nx.MultiDiGraph, focus: str | None, limit: int) -> list[str]:
    """Up to ``limit`` nodes: by distance from the focus, else by how connected they are."""
    if focus is not None:
        distances = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), focus)
        return sorted(distances, key=lambda n: (distances[n], -graph.degree(n), n))[:limit]
    return sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:limit]


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
    if total > max_nodes:
        view = graph.subgraph(_nearest(view, focus, max_nodes)).copy()
        notes.append(f"showing {max_nodes} of {total} nodes (raise --max-nodes to see more)")
    return View(view, focus, total, "; ".join(notes) or "the whole graph")


def read_view(store: Store, focus: tuple[str, Label] | None = None, depth: int = 2, theme: str | None = None,
              district: str | None = None, status: str | None = None, max_nodes: int = 500) -> View:
    """:func:`select_view` on what it needs from ``store``: a plain focus view reads only the
    focus's neighbourhood; filters are defined on the whole graph, so they read all of it."""
    if focus is not None and not (theme or district or status):
        graph = read_neighbourhood(store, focus[0], focus[1], depth)
    else:
        graph = read_graph(store)
    return select_view(graph, focus[0] if focus else None, depth, theme, district, status, max_nodes)
