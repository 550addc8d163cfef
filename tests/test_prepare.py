"""Extraction in worker processes: the same graph as in-process, errors kept per file."""

from __future__ import annotations

import shutil

from pledgegraph.pipeline import load_paths
from pledgegraph.prepare import MIN_FILES_FOR_WORKERS


def _plans(folder, seed_paths, samples):
    sources = [*seed_paths, *sorted(samples.glob("*.txt"))]
    copies = -(-MIN_FILES_FOR_WORKERS // len(sources))  # enough files that workers are used
    for copy in range(copies):
        for source in sources:
            shutil.copy(source, folder / f"{copy}_{source.name}")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    return folder


def _contents(store) -> list:
    nodes = store.query("MATCH (n) RETURN n.id AS id ORDER BY id").rows
    edges = store.query("MATCH (a)-[r]->(b) RETURN a.id AS source, b.id AS target, r.doc AS doc, "
                        "r.evidence AS evidence, r.role AS role ORDER BY source, target, doc, evidence, role").rows
    return [nodes, edges, store.counts()]


def test_workers_build_the_same_graph_as_one_process(tmp_path, seed_paths):
    from pathlib import Path

    from pledgegraph.graph.store import open_store

    samples = Path(__file__).resolve().parents[1] / "samples"
    (tmp_path / "plans").mkdir()
    folder = _plans(tmp_path / "plans", seed_paths, samples)
    results = {}
    for jobs in (0, 2):
        with open_store(tmp_path / f"jobs{jobs}.db") as store:
            report = load_paths(store, [folder], jobs=jobs)
            results[jobs] = (report.loaded, report.failed, _contents(store))
    assert results[0] == results[2]
    loaded, failed, _ = results[2]
    assert len(loaded) >= MIN_FILES_FOR_WORKERS
    assert [path.rsplit("/", 1)[-1] for path, _ in failed] == ["broken.pdf"]
    assert "broken.pdf" in failed[0][1]


def test_a_graph_sent_to_the_loader_arrives_whole(seed_paths):
    """A worker sends its graph as plain rows (GraphDoc.__reduce__): every node, edge and
    property arrives, and an edge's ends are the graph's own node objects again."""
    import pickle

    from pledgegraph.loaders.build import build_graph
    from pledgegraph.loaders.extract import extract_file

    graph = build_graph(extract_file(seed_paths[0]))
    sent = pickle.loads(pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL))
    assert sent == graph and len(sent.edges) > 100
    assert [(n.label, n.id, n.props) for n in sent.nodes] == [(n.label, n.id, n.props) for n in graph.nodes]
    assert [(e.type, e.source.id, e.target.id, e.props) for e in sent.edges] == [
        (e.type, e.source.id, e.target.id, e.props) for e in graph.edges]
    own = {id(node) for node in sent.nodes}
    assert all(id(edge.source) in own for edge in sent.edges if edge.source in set(sent.nodes))
