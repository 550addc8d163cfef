"""The console's time limit on the embedded store: a child process that is killed at the limit.

Real LadybugDB files; the runaway statement is one long pipeline step, which the engine's own
timeout does not stop in time, so these pass only if the child is really killed.
"""

from __future__ import annotations

import pytest
from pledgegraph.errors import QueryError
from pledgegraph.graph.guard import Refused
from pledgegraph.graph.store import TooLong, open_store
from pledgegraph.pipeline import load_paths

RUNAWAY = "UNWIND range(1, 2000000000) AS x RETURN count(x) AS n"


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_paths):
    path = tmp_path_factory.mktemp("watchdog") / "graph.db"
    with open_store(path) as store:
        assert not load_paths(store, seed_paths).failed
    return path, len(seed_paths)


def test_a_read_only_store_answers_in_a_child_and_kills_it_at_the_limit(db):
    db, plans_loaded = db
    with open_store(db, read_only=True) as store:
        plans = store.query_within("MATCH (p:Plan) RETURN p.doc AS doc ORDER BY doc", {}, 5, 100)
        assert plans.rows == store.query("MATCH (p:Plan) RETURN p.doc AS doc ORDER BY doc").rows
        child = store._watchdog._process
        assert child.is_alive() and child.pid
        with pytest.raises(TooLong, match="ran longer than 1 s and was stopped"):
            store.query_within(RUNAWAY, {}, 1, 100)
        assert not child.is_alive()  # killed, not left computing
        again = store.query_within("MATCH (p:Plan) RETURN count(p) AS n", {}, 5, 100)
        assert again.rows == [[plans_loaded]] and store._watchdog._process.pid != child.pid
        last = store._watchdog._process
    assert not last.is_alive()  # closing the store ends its child


def test_rows_stop_after_the_cap_plus_one_and_errors_keep_their_kind(db):
    db, plans_loaded = db
    with open_store(db, read_only=True) as store:
        assert len(store.query_within("UNWIND range(1, 100000) AS i RETURN i", {}, 5, 10).rows) == 11
        assert store.query_within("RETURN $x AS x", {"x": "水"}, 5, 10).rows == [["水"]]
        with pytest.raises(Refused):
            store.query_within("MATCH (b:Body) DETACH DELETE b", {}, 5, 10)
        with pytest.raises(QueryError, match="(?i)binder|parser|exception"):
            store.query_within("MATCH (n:NoSuchLabel) RETURN n", {}, 5, 10)
        assert store.query("MATCH (p:Plan) RETURN count(p)").rows == [[plans_loaded]]


def test_a_store_open_for_writing_uses_the_engines_own_timeout(db):
    db, plans_loaded = db
    # No second process can open a file held for writing; the engine's timeout stops a query
    # that passes between pipeline steps, which a filtered four-way product of commitments does.
    with open_store(db) as store:
        heavy = ("MATCH (a:Commitment), (b:Commitment), (c:Commitment), (d:Commitment) "
                 "WHERE a.text < b.text AND b.text < c.text AND c.text < d.text RETURN count(*) AS n")
        with pytest.raises(TooLong):
            store.query_within(heavy, {}, 0.2, 10)
        assert store.query_within("MATCH (p:Plan) RETURN count(p) AS n", {}, 5, 10).rows == [[plans_loaded]]
        assert store._watchdog is None
