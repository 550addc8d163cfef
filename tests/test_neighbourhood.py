"""A node's neighbourhood read from the store, on both stores: capped hubs read only what they
keep, and what they keep is what reading everything and cutting would keep."""

from __future__ import annotations

import networkx as nx
from pledgegraph.graph.model import Label
from pledgegraph.pipeline import load_paths
from pledgegraph.viz.subgraph import read_neighbourhood


def _cut(graph: nx.MultiDiGraph, focus: str, max_nodes: int) -> nx.MultiDiGraph:
    """The rule the cap promises, applied to the whole neighbourhood: the focus and the first
    others by label and id, with every edge among them."""
    others = sorted((n for n in graph if n != focus), key=lambda n: (graph.nodes[n]["label"], n))
    return graph.subgraph({focus, *others[: max_nodes - 1]})


def _edges(graph: nx.MultiDiGraph) -> list[tuple]:
    return sorted((a, b, sorted((k, str(v)) for k, v in d.items())) for a, b, d in graph.edges(data=True))


def test_a_capped_hub_keeps_what_reading_everything_and_cutting_keeps(store, seed_paths):
    assert not load_paths(store, seed_paths).failed
    hubs = store.query("MATCH (n)-[]-(m) WITH n.id AS id, count(DISTINCT m.id) AS degree "
                       "RETURN id, degree ORDER BY degree DESC, id LIMIT 3").rows
    small = store.query("MATCH (n:Project)-[]-(m) WITH n.id AS id, count(DISTINCT m.id) AS degree "
                        "WHERE degree > 1 RETURN id ORDER BY degree, id LIMIT 1").rows
    assert hubs[0][1] > 40
    for focus, *_ in [*hubs, *small]:
        label = Label(next(lab for lab in Label if focus.startswith(lab.lower() + ":")))
        whole = read_neighbourhood(store, focus, label, 1)
        for cap in (5, 40, 10_000):
            for inner in (True, False):
                capped = read_neighbourhood(store, focus, label, 1, max_nodes=cap, inner=inner)
                wanted = _cut(whole, focus, cap)
                assert capped.graph["total"] == whole.number_of_nodes()
                assert dict(capped.nodes(data=True)) == dict(wanted.nodes(data=True))
                if inner:
                    assert _edges(capped) == _edges(wanted)
                else:  # only the focus's own edges
                    assert _edges(capped) == _edges(wanted.edge_subgraph(
                        [(a, b, k) for a, b, k in wanted.edges(keys=True) if focus in (a, b)]))
                uncounted = read_neighbourhood(store, focus, label, 1, max_nodes=cap, inner=inner, count=False)
                assert _edges(uncounted) == _edges(capped) and set(uncounted) == set(capped)
                cut = whole.number_of_nodes() > cap
                assert uncounted.graph["total"] == (None if cut else whole.number_of_nodes())
