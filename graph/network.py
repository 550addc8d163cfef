"""The in-memory graph between build and store (networkx), for whole-graph checks.

Used at load time to report dependency cycles — a project that (through others) depends on
itself is almost always an extraction or drafting error worth a look.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from pledgegraph.graph.model import EdgeType, GraphDoc

__all__ = ["dependency_cycles"]


def dependency_cycles(graphs: Iterable[GraphDoc]) -> list[list[str]]:
    """Cycles of DEPENDS_ON among projects, each as a list of project names."""
    depends = nx.DiGraph()
    names = {}
    for doc in graphs:
        for edge in doc.edges:
            if edge.type == EdgeType.DEPENDS_ON:
                depends.add_edge(edge.source.id, edge.target.id)
                names[edge.source.id] = edge.source.props.get("name", edge.source.id)
                names[edge.target.id] = edge.target.props.get("name", edge.target.id)
    return [[names[n] for n in cycle] for cycle in nx.simple_cycles(depends)]
