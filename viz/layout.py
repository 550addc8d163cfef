"""Where each node of a view sits: a force-directed layout computed once, before the page opens.

The page draws with physics off, so the layout is all done here. networkx's spring layout
takes 14 s for 2,000 nodes (from 500 nodes it switches to a per-node loop over a sparse
matrix); this is the same Fruchterman–Reingold model written as whole-array numpy steps in
float32 — every pair repels as k²/d, every edge pulls as d²/k, the step cools linearly — and
lays out 2,000 nodes in about 1.5 s. Time grows with the square of the node count; memory
only linearly, the pairwise arrays being computed in blocks of rows.
"""

from __future__ import annotations

import networkx as nx
import numpy as np

__all__ = ["positions"]

_ITERATIONS = 50
_ROWS = 2048
"""Rows of the pairwise arrays computed at once (three float32 blocks of _ROWS × n)."""


def _layout(graph: nx.Graph, iterations: int, seed: int) -> np.ndarray:
    nodes = list(graph.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in graph.edges() if a != b], dtype=np.intp).reshape(-1, 2)
    pos = np.random.default_rng(seed).random((len(nodes), 2), dtype=np.float32)
    k = np.float32(1.0 / np.sqrt(len(nodes)))
    step = 0.1
    for _ in range(iterations):
        force = np.empty_like(pos)
        for start in range(0, len(nodes), _ROWS):  # rows in blocks: memory stays bounded on big views
            block = pos[start:start + _ROWS]
            dx = block[:, 0, None] - pos[None, :, 0]
            dy = block[:, 1, None] - pos[None, :, 1]
            weight = k * k / (dx * dx + dy * dy + np.float32(1e-4))
            force[start:start + _ROWS, 0] = (dx * weight).sum(1)
            force[start:start + _ROWS, 1] = (dy * weight).sum(1)
        if len(edges):
            along = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = along * np.sqrt((along * along).sum(1))[:, None] / k
            np.add.at(force, edges[:, 0], -pull)
            np.add.at(force, edges[:, 1], pull)
        norm = np.sqrt((force * force).sum(1))[:, None] + np.float32(1e-9)
        pos += force / norm * np.minimum(norm, np.float32(step))
        step -= 0.1 / (iterations + 1)
    pos -= pos.mean(0)
    return pos / max(1e-9, float(np.abs(pos).max()))


def positions(graph: nx.MultiDiGraph, scale: float = 120.0, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node → (x, y) in page pixels: the same graph always gets the same picture (``seed``; nodes
    and edges taken in id order, so the order a store returned them in does not matter), and
    the drawing grows with the square root of the node count so labels have room."""
    if graph.number_of_nodes() == 0:
        return {}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes, key=str))
    simple.add_edges_from(sorted((tuple(sorted((a, b), key=str)) for a, b in graph.edges()), key=str))
    pos = _layout(simple, _ITERATIONS, seed) * scale * max(1.0, graph.number_of_nodes() ** 0.5)
    return {node: (float(x), float(y)) for node, (x, y) in zip(simple.nodes, pos, strict=True)}
