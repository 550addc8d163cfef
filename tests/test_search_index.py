"""The in-memory search index (serve/search_index.py) answers exactly what the search queries
answer, on both stores, and never answers from a graph that has changed since it was read.

Texts come from the loaded graph itself — every project name and alias, slices of every
commitment's heading and text, near misses of names — so the comparison covers what people
type, and a plan of 270 items makes one text match more rows than a query returns (the cap).
"""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from pledgegraph.graph.store import open_store
from pledgegraph.pipeline import load_paths
from pledgegraph.serve.names import serve_query
from pledgegraph.serve.run import Server
from pledgegraph.serve.search import search
from pledgegraph.serve.search_index import CAP, SearchIndex, Snapshot
from serve_client import get_json, load_store

MANY = "长汀街道2024年工作计划\n" + "".join(
    f"{section}、城市建设\n" + "".join(f"{i}.推进长汀{section}片第{i}号支路整治,年底前完成。\n" for i in range(1, 91))
    for section in "一二三")
LATE = "临江镇2024年工作计划\n一、城市建设\n1.推进临江大道改建工程建设,配合区建设管理委完成。\n"


@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def store(request, tmp_path_factory):
    uri = request.getfixturevalue("neo4j_uri") if request.param == "neo4j" else None
    opened, _ = load_store(request.param, tmp_path_factory.mktemp(f"index-{request.param}"), uri,
                           extra={"many.txt": MANY})
    yield opened
    opened.close()


def _texts(store) -> list[str]:
    """What people type: names and aliases whole, their halves, slices of commitment text,
    a name with one character changed (a typo), text no node holds, and a control character."""
    texts = set()
    for row in serve_query(store, "index_projects"):
        for name in [row["name"], *(row["aliases"] or "").split("; ")]:
            if name:
                texts |= {name, name[: len(name) // 2 or 1], name[len(name) // 2:], name[:-1] + "燧"}
    for row in serve_query(store, "index_commitments"):
        body = (row["name"] or "") + (row["text"] or "")
        texts |= {body[i:i + 2] for i in range(0, min(len(body), 40), 7)}
    for row in serve_query(store, "names"):
        if row["name"]:
            texts.add(row["name"][1:] + "乙")
    return sorted(texts | {"并无此名称", "支路", "\x00道路", "推进"})


def test_the_index_answers_exactly_what_the_queries_answer(store):
    snapshot = Snapshot(store)
    texts = _texts(store)
    assert len(texts) > 200
    differ = [text for text in texts if search(store, text, snapshot) != search(store, text)]
    assert differ == []


def test_a_text_matching_more_rows_than_a_query_returns_keeps_the_queries_first_rows(store):
    snapshot = Snapshot(store)
    rows = snapshot.rows("search_commitments", "支路")
    assert len(rows) == CAP
    assert rows == serve_query(store, "search_commitments", text="支路")
    assert search(store, "支路", snapshot)["total"] >= CAP
    assert snapshot.rows("search_plans", "支路") is None  # a query it does not hold: the store answers


def test_a_typo_gets_the_same_suggestions_from_the_index(store):
    snapshot = Snapshot(store)
    name = serve_query(store, "index_projects")[0]["name"]
    typo = name[:-1] + "燧"
    assert search(store, typo, snapshot)["hits"] == [] or name[:-1] in name
    assert search(store, typo, snapshot)["suggestions"] == search(store, typo)["suggestions"]


def test_a_load_or_removal_is_seen_before_the_index_answers(tmp_path, neo4j_uri):
    """A Neo4j server shows every commit at once, so the graph can change under a running server."""
    reader, _ = load_store("neo4j", tmp_path, neo4j_uri)
    late = tmp_path / "late" / "linjiang_2024.txt"
    late.parent.mkdir()
    late.write_text(LATE, encoding="utf-8")
    with reader:
        assert not reader.frozen
        index = SearchIndex(reader, threading.Lock())
        index.start()
        assert index.wait(60) and index.current() is not None
        assert search(reader, "临江大道", index.current())["hits"] == []
        with open_store(neo4j=neo4j_uri) as writer:
            assert not load_paths(writer, [late.parent]).failed
        assert "Project" in {h["label"] for h in search(reader, "临江大道")["hits"]}
        assert index.current() is None  # changed: it answers nothing and reads again
        assert index.wait(60)
        assert search(reader, "临江大道", index.current()) == search(reader, "临江大道")
        with open_store(neo4j=neo4j_uri) as writer:
            assert writer.remove("linjiang_2024.txt")
        assert index.current() is None
        assert index.wait(60) and search(reader, "临江大道", index.current())["hits"] == []
        index.close()


def test_an_embedded_reader_keeps_the_graph_it_opened_and_the_index_agrees(tmp_path):
    """Measured: a load by another process while a read-only LadybugDB store is open changes
    nothing that store reads, so its index stays current — and still answers as its queries do."""
    reader, flags = load_store("ladybug", tmp_path)
    late = tmp_path / "late" / "linjiang_2024.txt"
    late.parent.mkdir()
    late.write_text(LATE, encoding="utf-8")
    with reader:
        index = SearchIndex(reader, threading.Lock())
        index.start()
        assert index.wait(60)
        done = subprocess.run([sys.executable, "-m", "pledgegraph", "load", str(late.parent), *flags],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert reader.frozen and index.current() is not None  # no fingerprint asked: nothing changed here
        assert search(reader, "临江大道")["hits"] == []  # what ``frozen`` promises, read by the queries
        assert search(reader, "临江大道", index.current()) == search(reader, "临江大道")
        index.close()
    with open_store(flags[1], read_only=True) as fresh:
        assert "Project" in {h["label"] for h in search(fresh, "临江大道")["hits"]}


def test_the_server_builds_the_index_and_a_search_then_answers_from_it(tmp_path):
    reader, _ = load_store("ladybug", tmp_path)
    with reader, Server(reader, "127.0.0.1", 0).start() as server:
        assert server.search_index.wait(60), server.search_index.error
        snapshot = server.search_index.current()
        assert snapshot is not None
        assert get_json(server, "/api/search?q=%E9%9A%A7%E9%81%93") == search(reader, "隧道")
    assert server.search_index.current() is None  # closed with the server, before the store


def test_a_build_that_cannot_read_says_why_and_search_still_answers(tmp_path):
    reader, _ = load_store("ladybug", tmp_path)
    reader.close()
    index = SearchIndex(reader, threading.Lock())
    index.start()
    assert not index.wait(60)
    assert index.error and index.current() is None
