"""The five seeds, and district plans giving work to 各街镇 with one of its 街道's own plan (of a
district the gazetteer knows, and of one it does not), in both stores: every named query
returns identical rows on LadybugDB and Neo4j."""

from __future__ import annotations

import pytest
from pledgegraph.graph.lineage import link_lineage
from pledgegraph.graph.store import open_store
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_file
from pledgegraph.pipeline import link_graph_members
from pledgegraph.queries.library import named_queries, run_named
from test_collective import CITY, DISTRICT, SAMPLES, SUBDISTRICT


@pytest.fixture(scope="module")
def both(seed_paths, neo4j_uri, tmp_path_factory):
    written = tmp_path_factory.mktemp("collective_plans")
    for name, text in (("xihu.txt", DISTRICT), ("cuiyuan.txt", SUBDISTRICT), ("hangzhou.txt", CITY)):
        (written / name).write_text(text, encoding="utf-8")
    samples = [SAMPLES / "lanchuan_2024_key_tasks.txt", SAMPLES / "qinglan_2024_work_plan.txt"]
    graphs = [build_graph(extract_file(path)) for path in [*seed_paths, *sorted(written.glob("*.txt")), *samples]]
    embedded = open_store(tmp_path_factory.mktemp("conformance") / "graph.db")
    neo4j = open_store(neo4j=neo4j_uri)
    neo4j.query("MATCH (n) DETACH DELETE n", write=True)
    for store in (embedded, neo4j):
        for graph in graphs:
            store.write(graph)
        assert link_lineage(store) > 0  # 000 and 001 are one body's plan and report
        assert link_graph_members(store) == 1  # 青岚街道, of a district the gazetteer lacks
    yield embedded, neo4j
    embedded.close()
    neo4j.close()


def _params(store) -> dict:
    project = run_named(store, "search", {"text": "历史文化街区"}).records()
    body = run_named(store, "search", {"text": "浦锦街道"}).records()
    return {
        "project": next(r["id"] for r in project if r["kind"] == "project"),
        "body": next(r["id"] for r in body if r["kind"] == "body"),
        "theme": "economy",
        "text": "路",
    }


def test_the_stores_hold_the_same_graph(both):
    embedded, neo4j = both
    assert embedded.counts() == neo4j.counts()


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_named_query_gives_identical_rows(both, name):
    embedded, neo4j = both
    params = _params(embedded)
    wanted = {p: params[p] for p in named_queries()[name].params}
    left, right = run_named(embedded, name, wanted), run_named(neo4j, name, wanted)
    assert left.columns == right.columns
    assert left.rows == right.rows
    assert left.rows, f"{name} returned no rows on the seeds; the comparison would prove nothing"


def test_portfolio_through_a_collective_gives_identical_rows(both):
    """A member's portfolio reaches through MEMBER_OF: the same rows, with the collective named."""
    embedded, neo4j = both
    members = "MATCH (b:Body)-[:MEMBER_OF]->(:Body) MATCH (b)-[:ISSUED]->(:Plan) RETURN DISTINCT b.id AS id ORDER BY id"
    ids = [row[0] for row in embedded.query(members).rows]
    # 翠苑街道 and 西湖区政府 (the gazetteer's), 青岚街道 (the graph's)
    assert ids == [row[0] for row in neo4j.query(members).rows] and len(ids) == 3
    for body in ids:
        left, right = (run_named(store, "portfolio", {"body": body}) for store in (embedded, neo4j))
        assert left.columns == right.columns and left.rows == right.rows
        assert any(row["via"] for row in left.records()) and any(not row["via"] for row in left.records())
