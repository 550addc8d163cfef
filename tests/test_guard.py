"""The read-only path cannot write: every bypass of issue 11 (item 10), on both stores.

Each statement is sent to a real LadybugDB file and to a real Neo4j 5.26; the guard must refuse
it before the engine (a :class:`Refused`, never an engine error), the graph must be unchanged
and no file may be written or read. The control tests show the engines alone would have run
them, so these tests fail if the guard lets one through.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from graph_dump import contents
from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph import lineage
from pledgegraph.graph.cypher import count_edges, count_nodes
from pledgegraph.graph.guard import Refused, check_query, check_read_only
from pledgegraph.graph.model import EdgeType, Label
from pledgegraph.graph.store import NoStore, open_store
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.read import Document
from pledgegraph.queries.library import named_queries

PLAN = """云杉区新桥街道2024年工作计划
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。(责任单位:街道城建办)
2.配合区住房集团推进枫林苑小区综合修缮工程,惠及居民800户。
"""

# Statements that change the graph: refused without write=True (which admits them).
GRAPH_WRITES = {
    "a // inside a string": "UNWIND ['//'] AS c MATCH (p:Plan) DETACH DELETE p RETURN count(*) AS n",
    "a /* inside a string": "UNWIND ['/*'] AS c MATCH (p:Plan) DETACH DELETE p RETURN '*/' AS n",
    "a comment ended by a bare CR": "MATCH (p:Plan) RETURN p.doc AS doc // note\rDETACH DELETE p",
    "a comment ended by U+2028": "MATCH (p:Plan) RETURN p.doc AS doc // note\u2028DETACH DELETE p",
    "a write in a subquery": "MATCH (p:Plan) CALL { WITH p DETACH DELETE p } RETURN count(*) AS n",
    "a write after ORDER BY … DESC": "MATCH (p:Plan) WITH p ORDER BY p.doc DESC DETACH DELETE p",
    "a write after UNION": "MATCH (p:Plan) RETURN p.doc AS doc UNION CREATE (q:Plan {id: 'x'}) RETURN q.id AS doc",
}

# Statements that reach outside the graph: refused even with write=True.
OUTSIDE = {
    "LOAD FROM behind a // string": "UNWIND ['//'] AS c LOAD FROM '{secret}' (header=false) RETURN *",
    "LOAD FROM": "LOAD FROM '{secret}' (file_format='csv', header=false) RETURN *",
    "COPY … TO": "COPY (MATCH (p:Plan) RETURN p.doc) TO '{out}'",
    "ATTACH": "ATTACH '{out}' AS other (dbtype lbug)",
    "DROP TABLE": "DROP TABLE Plan",
    "LOAD EXTENSION": "LOAD EXTENSION '{so}'",
    "INSTALL": "INSTALL json",
    "EXPORT DATABASE": "EXPORT DATABASE '{folder}'",
    "IMPORT DATABASE": "IMPORT DATABASE '{folder}'",
    "COMMENT ON": "COMMENT ON TABLE Plan IS 'changed'",
    "CALL of a setting": "CALL threads=1",
    "CALL of a file-reading table function": "CALL READ_CSV_SERIAL('{secret}') RETURN *",
    "CHECKPOINT": "CHECKPOINT",
    "CREATE NODE TABLE": "CREATE NODE TABLE Extra(id STRING PRIMARY KEY)",
    "ALTER TABLE": "ALTER TABLE Plan ADD extra INT64",
    "a transaction": "BEGIN TRANSACTION",
    "two statements": "MATCH (p:Plan) RETURN p.doc AS doc; MATCH (p:Plan) DETACH DELETE p",
    "LOAD CSV": "LOAD CSV FROM '{secret_url}' AS line RETURN line",
    "LOAD CSV behind a variable named load": "UNWIND [1] AS load WITH * LOAD CSV FROM '{secret_url}' AS line RETURN line",
    "LOAD CSV in an EXISTS block": "MATCH (p:Plan) WHERE EXISTS { LOAD CSV FROM '{secret_url}' AS l RETURN l } RETURN p",
    "CALL dbms": "CALL dbms.components() YIELD name RETURN name",
    "SHOW": "SHOW DATABASES",
    "USE": "USE system SHOW USERS",
    "CREATE DATABASE": "CREATE DATABASE other",
    "CALL … IN TRANSACTIONS": "CALL { MATCH (p:Plan) RETURN p } IN TRANSACTIONS RETURN 1",
    "a keyword in full-width letters": "RETURN ＬＯＡＤ",
    "an unterminated string": "RETURN 'x",
}


@pytest.fixture(scope="session")
def evil_so(tmp_path_factory) -> Path:
    """A shared object whose constructor writes the file named by $PLEDGEGRAPH_TEST_MARKER: if
    an engine ever loads it, the marker shows that native code ran."""
    folder = tmp_path_factory.mktemp("so")
    if shutil.which("cc") is None:
        return folder / "missing.so"  # still refused; only the proof that it would run is lost
    source = folder / "evil.c"
    source.write_text(textwrap.dedent("""\
        #include <stdio.h>
        #include <stdlib.h>
        __attribute__((constructor)) static void ran(void) {
            const char *path = getenv("PLEDGEGRAPH_TEST_MARKER");
            if (path) { FILE *f = fopen(path, "w"); if (f) { fputs("ran", f); fclose(f); } }
        }
        """))
    subprocess.run(["cc", "-shared", "-fPIC", "-o", str(folder / "evil.so"), str(source)], check=True)
    return folder / "evil.so"


@pytest.fixture()
def places(store, tmp_path, request, evil_so, monkeypatch):
    """Paths the statements name: a secret to read, targets that must never appear."""
    secret = tmp_path / "secret.csv"
    secret.write_text("top,secret\n", encoding="utf-8")
    secret_url = f"file://{secret}"
    if store.name == "neo4j":  # LOAD CSV reads from the server's import directory
        server = request.getfixturevalue("neo4j_server")
        shutil.copy(secret, server.import_dir / "secret.csv")
        secret_url = "file:///secret.csv"
    marker = tmp_path / "native-code-ran"
    monkeypatch.setenv("PLEDGEGRAPH_TEST_MARKER", str(marker))
    store.write(build_graph(extract_document(Document("xinqiao.txt", "xinqiao.txt", PLAN, "utf-8", "0" * 64))))
    return {"secret": str(secret), "secret_url": secret_url, "out": str(tmp_path / "out.csv"),
            "folder": str(tmp_path / "exported"), "so": str(evil_so), "marker": marker, "tmp": tmp_path}


def _fill(template: str, places: dict) -> str:
    for key in ("secret_url", "secret", "out", "folder", "so"):
        template = template.replace("{" + key + "}", places[key])
    return template


def _written(places: dict) -> list[str]:
    return [p for p in (places["out"], places["folder"], str(places["marker"])) if Path(p).exists()]


@pytest.mark.parametrize("name", sorted(GRAPH_WRITES))
def test_a_graph_write_is_refused_without_write_on_both_stores(store, places, name):
    before = contents(store)
    with pytest.raises(Refused, match=r"--write"):
        store.query(GRAPH_WRITES[name])
    assert contents(store) == before


@pytest.mark.parametrize("write", [False, True], ids=["read", "write"])
@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_a_statement_reaching_outside_the_graph_is_refused_even_with_write(store, places, name, write):
    before = contents(store)
    with pytest.raises(Refused):
        store.query(_fill(OUTSIDE[name], places), write=write)
    assert contents(store) == before
    assert _written(places) == []


def test_the_engines_alone_would_have_run_them(store, places, tmp_path):
    """Controls: past the guard (the store's raw ``_run``), a read-only engine still reads and
    writes files. On LadybugDB a read-only database copies to a file and loads native code."""
    if store.name == "neo4j":
        rows = store._run(_fill(OUTSIDE["LOAD CSV"], places), {}, False).rows
        assert rows == [[["top", "secret"]]]
        return
    with open_store(store.path, read_only=True) as reader:
        rows = reader._run(_fill(OUTSIDE["LOAD FROM"], places), {}, False).rows
        assert rows == [["top", "secret"]]
        reader._run(_fill(OUTSIDE["COPY … TO"], places), {}, False)
        assert Path(places["out"]).is_file()
        if Path(places["so"]).is_file():
            with pytest.raises(QueryError):  # it is no real extension, but its constructor ran
                reader._run(_fill(OUTSIDE["LOAD EXTENSION"], places), {}, False)
            assert places["marker"].read_text() == "ran"


def test_a_table_function_on_etc_passwd_is_refused_not_a_segfault(tmp_path):
    db = tmp_path / "graph.db"
    open_store(db).close()
    done = subprocess.run([sys.executable, "-m", "pledgegraph", "query", "CALL READ_CSV_SERIAL('/etc/passwd') RETURN *",
                           "--db", str(db)], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "CALL READ_CSV_SERIAL is refused" in done.stderr and "Traceback" not in done.stderr
    assert "root" not in done.stdout


def test_write_admits_graph_writes_but_not_two_statements(store, places):
    store.query("MATCH (t:Target) DETACH DELETE t", write=True)
    assert store.counts()["nodes"]["Target"] == 0
    with pytest.raises(Refused, match="one statement per call"):
        store.query("MATCH (p:Plan) RETURN p; MATCH (p:Plan) DETACH DELETE p", write=True)
    assert store.counts()["nodes"]["Plan"] == 1


def _read_only_twin(store):
    if store.name == "neo4j":
        return open_store(neo4j=f"{store.where}", read_only=True)
    return open_store(store.path, read_only=True)


def test_a_read_only_store_is_read_only_in_the_engine(store, places):
    """Even a statement that got past the guard cannot write: LadybugDB's read-only mode and
    Neo4j's read transactions refuse it."""
    before = contents(store)
    with _read_only_twin(store) as reader:
        assert reader.read_only
        with pytest.raises(QueryError) as refused:
            reader._run("MATCH (p:Plan) DETACH DELETE p", {}, False)
        assert not isinstance(refused.value, Refused)  # the engine said no, not the guard
        with pytest.raises(QueryError, match="read-only"):
            reader.query("MATCH (p:Plan) DETACH DELETE p", write=True)
        with pytest.raises(StoreError):
            reader.remove("xinqiao.txt")
        assert reader.counts()["nodes"]["Plan"] == 1
    assert contents(store) == before


def test_every_query_pledgegraph_sends_passes_the_guard():
    texts = [q.text for q in named_queries().values()]
    texts += [lineage.UNLINKED_ISSUERS, lineage.ISSUER_PLANS, lineage.READ_MENTIONS]
    texts += [count_nodes(label) for label in Label] + [count_edges(edge) for edge in EdgeType]
    for text in texts:
        check_read_only(text)


@pytest.mark.parametrize("cypher", [
    "MATCH (p:Plan) WHERE p.doc CONTAINS '//' OR p.doc CONTAINS '/*' RETURN p.doc AS doc",
    "MATCH (n) RETURN n.set AS s, n.delete AS d, n {.name} AS m",
    "MATCH (n:Plan|Body {id: $id}) RETURN count(*) AS n",
    "MATCH p = (a:Body)-[:RESPONSIBLE_FOR*1..3]->(b) RETURN length(p) AS hops ORDER BY hops DESC LIMIT 3",
    "RETURN [x IN [1, 2] WHERE x > 1 | x * 2] AS l, reduce(s = 0, y IN [1, 2] | s + y) AS t",
    "MATCH (n) WHERE NOT EXISTS { MATCH (n)-[]-() } RETURN count(n) AS orphans",
    "CALL table_info('Plan') RETURN name, type",
    "CALL db.labels() YIELD label RETURN label",
    "RETURN `delete` AS `load`;",
])
def test_ordinary_reads_pass(cypher):
    check_read_only(cypher)


def test_index_statements_need_write():
    constraint = "CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE"
    check_query(constraint, write=True)
    with pytest.raises(Refused, match="--write"):
        check_read_only(constraint)


def test_reading_never_creates_a_store(tmp_path):
    missing = tmp_path / "not" / "there.db"
    with pytest.raises(NoStore, match="no store at"):
        open_store(missing, read_only=True)
    assert not (tmp_path / "not").exists()


def _hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_a_read_only_session_leaves_the_files_as_they_were(tmp_path):
    db = tmp_path / "graph.db"
    with open_store(db) as writer:
        writer.write(build_graph(extract_document(Document("a.txt", "a.txt", PLAN, "utf-8", "0" * 64))))
    before = _hashes(tmp_path)
    with open_store(db, read_only=True) as reader:
        assert reader.counts()["nodes"]["Plan"] == 1
        reader.flush()  # a CHECKPOINT here would leave the file needing recovery
        with pytest.raises(Refused):
            reader.query("CHECKPOINT")
    assert _hashes(tmp_path) == before
    open_store(db, read_only=True).close()  # and it still opens read-only


_WRITER = """
import sys
from pledgegraph.graph.store import open_store
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.read import Document
store = open_store(sys.argv[1])
store.write(build_graph(extract_document(Document("a.txt", "a.txt", sys.argv[2], "utf-8", "0" * 64))))
print("holding", flush=True)
sys.stdin.readline()
store.close()
"""


def test_a_read_runs_while_another_process_holds_the_writer(tmp_path):
    db = tmp_path / "graph.db"
    writer = subprocess.Popen([sys.executable, "-c", _WRITER, str(db), PLAN], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "holding"
        with pytest.raises(StoreError):
            open_store(db).close()  # the writer holds the file
        with open_store(db, read_only=True) as reader:
            assert reader.counts()["nodes"]["Plan"] == 1
    finally:
        writer.communicate("done\n", timeout=60)
    assert writer.returncode == 0


def test_the_guard_docstring_examples_hold():
    import doctest

    from pledgegraph.graph import guard
    from pledgegraph.queries import params

    assert doctest.testmod(guard).failed == 0 and doctest.testmod(params).failed == 0
