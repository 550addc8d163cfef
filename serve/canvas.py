"""What the canvas draws: a node's neighbourhood, or the nodes a console query returned, with
the edges among them — in one shape, carrying what the canvas filters by.

Every node says its kind, name, theme (code and Chinese name), status and the year of the plan
it belongs to (a plan, its commitments and targets; shared nodes — bodies, projects — have
none of their own and take the years of their edges on the page). The edges several documents
draw between the same two nodes with the same type and role are merged into one, carrying the
count, the documents, their plans' years and every document's evidence.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from pledgegraph.errors import QueryError
from pledgegraph.graph.model import Label
from pledgegraph.graph.store import Store
from pledgegraph.serve.names import NoEntity, display_name, label_of, serve_query, theme_names
from pledgegraph.viz.layout import positions
from pledgegraph.viz.subgraph import read_among, read_neighbourhood

__all__ = ["MAX_SUBGRAPH", "neighbourhood", "subgraph", "links"]

MAX_SUBGRAPH = 500
"""Nodes ``/api/subgraph`` draws at most; the answer says how many it was asked for (``total``)."""


def _years(store: Store, graph: nx.MultiDiGraph) -> dict[str, int | None]:
    """Document → the year of its plan, for every document a node or edge of ``graph`` names."""
    docs = {attrs.get("doc") for _, attrs in graph.nodes(data=True)}
    docs |= {attrs.get("doc") for _, _, attrs in graph.edges(data=True)}
    docs = sorted(doc for doc in docs if doc)
    return {row["doc"]: row["year"] for row in serve_query(store, "plan_years", docs=docs)} if docs else {}


def _node(node_id: str, attrs: dict[str, Any], years: dict[str, int | None], themes: dict[str, str]) -> dict[str, Any]:
    label = Label(attrs["label"])
    theme = attrs.get("theme") if label == Label.COMMITMENT else attrs.get("name") if label == Label.THEME else None
    year = attrs.get("year") if label == Label.PLAN else None
    if label in (Label.COMMITMENT, Label.TARGET):
        year = years.get(attrs.get("doc") or "")
    return {"id": node_id, "label": str(label), "name": display_name(label, {**attrs, "id": node_id}),
            "theme": theme or None, "theme_name": themes.get(theme or "", theme) if theme else None,
            "status": attrs.get("status") if label in (Label.COMMITMENT, Label.PROJECT) and attrs.get("status") else None,
            "year": year}


def _shape(store: Store, graph: nx.MultiDiGraph, kept: set[str], laid_out: bool = True) -> dict[str, Any]:
    """The nodes of ``kept`` and the merged edges among them; when ``laid_out``, each node where
    the layout puts it (``x``, ``y``). The page draws with physics off: vis-network's own
    stabilisation of a hub's 300 nodes took most of a second in the browser, the numpy layout
    (viz/layout.py) 60 ms here."""
    years, themes = _years(store, graph), theme_names()
    where = positions(graph.subgraph(kept)) if laid_out else {}
    nodes = [_node(n, attrs, years, themes) | (dict(zip(("x", "y"), where[n], strict=True)) if laid_out else {})
             for n, attrs in graph.nodes(data=True) if n in kept]
    merged: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for source, target, attrs in graph.edges(data=True):
        if source not in kept or target not in kept:
            continue
        key = (source, target, attrs["type"], attrs.get("role") or "")
        edge = merged.setdefault(key, {"from": source, "to": target, "type": attrs["type"], "role": key[3],
                                       "count": 0, "docs": [], "years": [], "evidence": []})
        edge["count"] += 1
        edge["evidence"].append({key: attrs.get(key) for key in ("doc", "rule", "status", "evidence", "span_start",
                                                                  "span_end")} | {"year": years.get(attrs.get("doc") or "")})
    for edge in merged.values():
        # Every field in the key: two mentions in one span (a report's TRACKS) would else keep
        # each store's own order.
        edge["evidence"].sort(key=lambda e: (str(e["doc"]), e["span_start"] or 0, e["span_end"] or 0,
                                             str(e["evidence"]), str(e["rule"]), str(e["status"])))
        edge["docs"] = sorted({e["doc"] for e in edge["evidence"] if e["doc"]})
        edge["years"] = sorted({e["year"] for e in edge["evidence"] if e["year"] is not None})
    return {"nodes": sorted(nodes, key=lambda n: n["id"]),
            "edges": sorted(merged.values(), key=lambda e: (e["from"], e["to"], e["type"], e["role"]))}


def neighbourhood(store: Store, node_id: str, max_nodes: int = 300, listing: bool = False) -> dict[str, Any]:
    """The node and its neighbours, with the edges between them, laid out. A hub beyond
    ``max_nodes`` keeps its nearest-named neighbours and says how many there are (``total``).
    For ``listing`` (a table of the node's own edges: :func:`links`) only the node's own edges
    are read, a hub's neighbours are not counted (``total`` None) and nothing is laid out."""
    label = label_of(node_id)
    graph = read_neighbourhood(store, node_id, label, 1, max_nodes, inner=not listing,
                               count=not listing)  # capped before the rest is read
    if node_id not in graph:
        raise NoEntity(f"no node with id {node_id!r}")
    return {"id": node_id, **_shape(store, graph, set(graph), laid_out=not listing), "total": graph.graph["total"],
            "shown": len(graph)}


def subgraph(store: Store, ids: Any, max_nodes: int = MAX_SUBGRAPH) -> dict[str, Any]:
    """The nodes ``ids`` names (the first ``max_nodes`` distinct ones) with every edge between
    two of them; ``missing`` lists the ids no node has. Raises :class:`QueryError` on anything
    but a list of node ids."""
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise QueryError("ids must be a list of node ids")
    wanted = list(dict.fromkeys(ids))
    labels = {}
    for node_id in wanted:
        try:
            labels[node_id] = label_of(node_id)
        except NoEntity:
            raise QueryError(f"{node_id[:80]!r} is not a node id (body:…, project:…, plan:…)") from None
    labels = dict(list(labels.items())[:max_nodes])
    graph = read_among(store, labels)
    return {**_shape(store, graph, set(graph)), "missing": [n for n in labels if n not in graph],
            "total": len(wanted), "shown": len(labels)}


def links(hood: dict[str, Any], node_id: str) -> list[dict[str, Any]]:
    """Every edge at the node as a row: its type and role, which way it points, the node at the other end."""
    names = {n["id"]: n for n in hood["nodes"]}
    rows = []
    for edge in hood["edges"]:
        if node_id not in (edge["from"], edge["to"]):
            continue  # an edge between two neighbours
        out = edge["from"] == node_id
        other = names[edge["to"] if out else edge["from"]]
        rows.append({"type": edge["type"], "role": edge["role"], "direction": "out" if out else "in",
                     "id": other["id"], "label": other["label"], "name": other["name"], "count": edge["count"],
                     "evidence": edge["evidence"]})
    return rows
