"""Both stores, same tests: idempotent loads, atomic documents, replace, remove, read-only queries.

Every test runs on a real LadybugDB file and on a real Neo4j 5.26 over Bolt.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graph_dump import contents
from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.cypher import write_plan
from pledgegraph.graph.model import Label
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_document, extract_file
from pledgegraph.loaders.read import Document
from pledgegraph.queries.run import owners

PLAN = """云杉区新桥街道2024年工作计划
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。
2.配合区住房集团推进枫林苑小区综合修缮工程,惠及居民800户。
二、民生保障
1.新增养老床位60张,建成新桥社区长者食堂。
"""


def _graph(text: str, name: str = "xinqiao_2024.txt"):
    return build_graph(extract_document(Document(name, name, text, "utf-8", "0" * 64)))


def _total(counts: dict) -> int:
    return sum(counts["nodes"].values()) + sum(counts["edges"].values())


@pytest.fixture(scope="module")
def seed_graphs(seed_paths):
    return [build_graph(extract_file(path)) for path in seed_paths]


def test_loading_twice_changes_no_count(store, seed_graphs):
    for graph in seed_graphs:
        store.write(graph)
    first = store.counts()
    for graph in seed_graphs:
        store.write(graph)
    assert store.counts() == first
    assert first["nodes"]["Plan"] == 5 and first["edges"]["RESPONSIBLE_FOR"] > 100


def test_a_failure_mid_document_leaves_nothing_of_it(store):
    store.write(_graph(PLAN, "other.txt"))
    before = store.counts()
    plan = write_plan(_graph(PLAN))
    broken = plan[: len(plan) // 2] + [("THIS IS NOT CYPHER", {})] + plan[len(plan) // 2:]
    with pytest.raises(StoreError):
        store.execute_plan(broken)
    assert store.counts() == before
    assert "xinqiao_2024.txt" not in store.documents()


def test_reloading_a_changed_document_replaces_its_contributions(store):
    store.write(_graph(PLAN))
    changed = PLAN.replace("滨河大道越江隧道", "云杉路越江隧道")
    store.write(_graph(changed))
    store.cleanup()
    names = {row[0] for row in store.query("MATCH (p:Project) RETURN p.name AS name").rows}
    assert "云杉路越江隧道" in names and "滨河大道越江隧道" not in names
    assert store.counts() == _counts_of_fresh_store(store, changed)


def _counts_of_fresh_store(store, text):
    """The counts a store holding only ``text``'s document has (rebuilt in the same store)."""
    store.remove("xinqiao_2024.txt")
    store.write(_graph(text))
    return store.counts()


def test_remove_takes_a_document_out_and_keeps_what_others_share(store):
    store.write(_graph(PLAN, "a.txt"))
    alone = store.counts()
    store.write(_graph(PLAN.replace("新增养老床位60张", "新增养老床位80张"), "b.txt"))
    assert store.remove("b.txt") is True
    assert store.counts() == alone
    assert store.remove("b.txt") is False
    assert store.remove("a.txt") is True
    assert _total(store.counts()) == 0


def test_same_project_in_plan_and_report_is_one_node_with_both_documents(store, shared):
    for name in ("000_73f4434357c97757.txt", "001_de653793ed115d8b.txt"):
        store.write(build_graph(extract_file(shared / "seeds" / name)))
    result = owners(store, "银都路越江隧道")
    rows = result.records()
    assert {row["body"] for row in rows} == {"浦锦街道"}
    assert {row["document"] for row in rows} == {"000_73f4434357c97757.txt", "001_de653793ed115d8b.txt"}
    assert all(row["role"] == "lead" and "银都路越江隧道" in row["evidence"] for row in rows)
    assert len(store.query("MATCH (p:Project) WHERE p.name CONTAINS '银都路' RETURN p.id AS id").rows) == 1


def test_queries_are_read_only_unless_asked(store):
    store.write(_graph(PLAN))
    before = store.counts()
    with pytest.raises(QueryError, match="--write"):
        store.query("MATCH (n:Project) DETACH DELETE n")
    assert store.counts() == before
    store.query("MATCH (n:Target) DETACH DELETE n", write=True)
    assert store.counts()["nodes"]["Target"] == 0


def test_names_with_quotes_braces_and_keywords_round_trip_as_parameters(store):
    hostile = "O'B\\\"})DETACH n"  # quote, backslash, double quote, brace, Cypher keyword
    store.write(_graph(PLAN.replace("滨河大道越江隧道", f"“{hostile}”")))
    rows = store.query("MATCH (p:Project) WHERE p.name = $name RETURN p.name AS name", {"name": hostile}).rows
    assert rows == [[hostile]]
    assert store.counts()["nodes"][str(Label.PLAN)] == 1


def _contents(store) -> list:
    return contents(store)


def test_a_batch_leaves_what_writing_its_documents_one_by_one_leaves(store, seed_graphs):
    # 000 and 001 share projects and bodies: the first writer keeps name and provenance, the
    # last one's status wins — the same whether they arrive in one transaction or several.
    for graph in seed_graphs:
        store.write(graph, new=True)
    one_by_one = _contents(store)
    store.query("MATCH (n) DETACH DELETE n", write=True)
    store.write_batch(seed_graphs[:2], held=set())
    store.write_batch(seed_graphs[2:], held=set())
    assert _contents(store) == one_by_one
    store.write_batch(seed_graphs, held={g.doc for g in seed_graphs})  # replacing all: no change
    assert _contents(store) == one_by_one


def test_a_refused_batch_is_retried_document_by_document(store, tmp_path, monkeypatch):
    from pledgegraph.pipeline import load_paths

    for name, text in (("a.txt", PLAN), ("b.txt", PLAN.replace("新桥", "河口")), ("c.txt", PLAN.replace("新桥", "江湾"))):
        (tmp_path / name).write_text(text, encoding="utf-8")
    real_write = store.write_batch

    def refuse_b(graphs, held, staged=()):  # stands in for a write the engine refuses (a full disk, say)
        if any(graph.doc == "b.txt" for graph in graphs):
            raise StoreError("b.txt: refused")
        real_write(graphs, held, staged)

    monkeypatch.setattr(store, "write_batch", refuse_b)
    report = load_paths(store, [tmp_path], batch_rows=10_000)
    assert report.loaded == ["a.txt", "c.txt"]
    assert [(Path(path).name, message) for path, message in report.failed] == [("b.txt", "b.txt: refused")]
    assert set(store.documents()) == {"a.txt", "c.txt"}


def test_a_database_of_another_schema_version_is_refused_by_name(tmp_path):
    import ladybug
    from pledgegraph.graph.store import open_store

    path = tmp_path / "old.db"
    database = ladybug.Database(str(path))  # an older pledgegraph: edges had no status column
    connection = ladybug.Connection(database)
    connection.execute("CREATE NODE TABLE Commitment(id STRING PRIMARY KEY, name STRING)")
    connection.execute("CREATE NODE TABLE Project(id STRING PRIMARY KEY, name STRING)")
    connection.execute("CREATE REL TABLE CONCERNS(FROM Commitment TO Project, role STRING, doc STRING)")
    connection.close()
    database.close()
    with pytest.raises(StoreError, match=r"old\.db: made by another version of pledgegraph \(.* lacks .*\)"):
        open_store(path)
    open_store(path.with_name("new.db")).close()  # and the failed open released what it held


def test_a_store_made_before_an_edge_type_existed_says_how_to_bring_it_up_to_date(tmp_path):
    """A read of a store older than MEMBER_OF names the missing table; a write adds it."""
    import ladybug
    from pledgegraph.graph.store import open_store

    path = tmp_path / "older.db"
    open_store(path).close()
    database = ladybug.Database(str(path))
    connection = ladybug.Connection(database)
    connection.execute("DROP TABLE MEMBER_OF")  # as a store from before collectives were linked
    connection.close()
    database.close()
    with pytest.raises(StoreError, match=r"older\.db: made by an older version of pledgegraph \(it has no "
                                         r"MEMBER_OF table\); open it once for writing"):
        open_store(path, read_only=True)
    open_store(path).close()  # written once …
    with open_store(path, read_only=True) as store:  # … it reads
        assert store.counts()["edges"]["MEMBER_OF"] == 0
