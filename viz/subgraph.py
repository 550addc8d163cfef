"""Which part of the stored graph a view shows: filters, a focus neighbourhood, a size cap.

The graph is read from the store with the same Cypher on both engines. Filters keep the
matching commitments and projects with their immediate neighbours; a focus keeps what lies
within ``depth`` steps of one node. A view larger than ``max_nodes`` keeps the nodes nearest
the focus (or the best connected) and says how many it left out — nothing is dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType
from pledgegraph.graph.store import Store

__all__ = ["View", "read_graph", "select_view"]


@dataclass(frozen=True)
class View:
    graph: nx.MultiDiGraph
    focus: str | None
    total_nodes: int
    note: str

    @property
    def truncated(self) -> bool:
        return self.graph.number_of_nodes() < self.total_nodes


def read_graph(store: Store) -> nx.MultiDiGraph:
    """The whole stored graph as a MultiDiGraph (node attribute ``label`` holds the label)."""
    graph = nx.MultiDiGraph()
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"n.{p} AS {p}" for p in props)
        for record in store.query(f"MATCH (n:{label}) RETURN n.id AS id, {columns}").records():
            graph.add_node(record.pop("id"), label=str(label), **record)
    edge_columns = ", ".join(f"r.{p} AS {p}" for p in EDGE_PROPERTIES)
    for edge_type in EdgeType:
        query = f"MATCH (a)-[r:{edge_type}]->(b) RETURN a.id AS source, b.id AS target, {edge_columns}"
        for record in store.query(query).records():
            graph.add_edge(record.pop("source"), record.pop("target"), type=str(edge_type), **record)
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
