"""The bulk path of the embedded store (issue 15): new documents' rows go in from staged CSV
files, and the graph is the one the row-by-row path leaves, node for node and edge for edge;
a load killed in the middle of a bulk batch keeps only whole documents and the next load
completes them; replacing and removing documents still work after a bulk load.

Real LadybugDB files, real load processes, a real SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from pledgegraph.graph.embedded import EmbeddedStore, _staging_prefix
from pledgegraph.graph.model import DOC_OWNED, NODE_PROPERTIES, EdgeType
from pledgegraph.pipeline import discover, load_paths, remove_document

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from corpus import generate  # noqa: E402  (bench/corpus.py)
from graph_dump import contents  # noqa: E402

BATCH_ROWS = 3000  # several batches, so later ones meet shared nodes earlier ones wrote


def _contents(store) -> list[tuple]:
    return contents(store, repr)


@pytest.fixture(scope="module")
def plans(tmp_path_factory, seed_paths) -> Path:
    """The seeds and 50 generated plans (sections of the seeds recombined, so documents share
    bodies, projects, places and themes)."""
    folder = tmp_path_factory.mktemp("plans")
    for path in seed_paths:
        (folder / path.name).write_bytes(path.read_bytes())
    generate(50, folder)
    return folder


def _load(folder: Path, db: Path, bulk: bool, jobs: int = 0) -> EmbeddedStore:
    store = EmbeddedStore(db, bulk=bulk)
    report = load_paths(store, [folder], batch_rows=BATCH_ROWS, jobs=jobs)
    assert not report.failed
    return store


@pytest.mark.parametrize("jobs", [0, 2], ids=["staged-by-the-writer", "staged-by-workers"])
def test_bulk_and_row_paths_leave_the_same_graph(plans, tmp_path, jobs):
    bulk = _load(plans, tmp_path / "bulk.db", bulk=True, jobs=jobs)
    row = _load(plans, tmp_path / "row.db", bulk=False)
    assert bulk.copied > 0 and row.copied == 0  # the bulk path ran; the row path did not touch it
    assert len(bulk.documents()) == 55
    assert _contents(bulk) == _contents(row)
    bulk.close()
    row.close()


def test_workers_stage_new_documents_for_the_bulk_path(plans, tmp_path):
    """What a worker stages is what the writer would: the same records for every table."""
    from pledgegraph.graph.bulkplan import bulk_plan, stage_document
    from pledgegraph.prepare import prepared

    files = discover([plans]).files
    ready = list(prepared(files, {}, False, None, 2, stage_document))
    assert all(item.staged is not None for item in ready)
    graphs = [item.graph for item in ready]
    by_workers = bulk_plan(graphs, {}, [item.staged for item in ready])
    here = bulk_plan(graphs, {})
    assert [(t.label, t.edge_type, t.target, t.count, "".join(t.records)) for t in by_workers.tables] == \
        [(t.label, t.edge_type, t.target, t.count, "".join(t.records)) for t in here.tables]
    nodes = {(node.label, node.id) for graph in graphs for node in graph.nodes}  # shared ones once
    assert sum(t.count for t in here.tables) == len(nodes) + sum(len(graph.edges) for graph in graphs)
    # a document the store holds is replaced on the row path: nothing staged for it
    held = {files[0].doc: "not its hash"}
    assert next(iter(prepared(files[:1], held, False, None, 0, stage_document))).staged is None


def test_replace_and_remove_after_a_bulk_load_match_the_row_path(plans, tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    for path in sorted(plans.iterdir())[:12]:
        (folder / path.name).write_bytes(path.read_bytes())
    stores = [_load(folder, tmp_path / "bulk.db", bulk=True), _load(folder, tmp_path / "row.db", bulk=False)]
    changed = sorted(folder.iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8").replace("推进", "加快推进", 3), encoding="utf-8")
    gone = sorted(folder.iterdir())[5]
    for store in stores:
        report = load_paths(store, [folder], batch_rows=BATCH_ROWS)
        assert report.loaded == [changed.name]  # replaced: on the row path, as a held document
        assert remove_document(store, gone.name)
        store.cleanup()
    assert _contents(stores[0]) == _contents(stores[1])
    assert gone.name not in stores[0].documents()
    for store in stores:  # back again: a new document once more, into tables it was deleted from
        assert load_paths(store, [folder], batch_rows=BATCH_ROWS).loaded == [gone.name]
    assert stores[0].copied > 0
    assert _contents(stores[0]) == _contents(stores[1])
    for store in stores:
        store.close()


# The load process of the kill test: a real load, paused (not altered) once the second batch
# has appended a table inside its open transaction, so the kill lands mid-batch for sure.
_PAUSED_LOAD = """
import sys, time
from pathlib import Path
from pledgegraph.graph.embedded import EmbeddedStore, _staging_prefix
from pledgegraph.pipeline import load_paths

folder, db, marker, batch_rows = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
store = EmbeddedStore(Path(db))
connection = store._connection

class Pausing:
    commits = 0
    def execute(self, cypher, params=None):
        result = connection.execute(cypher, params) if params is not None else connection.execute(cypher)
        if cypher == "COMMIT":
            Pausing.commits += 1
        elif cypher.startswith("LOAD") and "MATCH" in cypher and Pausing.commits == 1:
            marker.write_text("appending")
            time.sleep(600)
        return result
    def __getattr__(self, name):
        return getattr(connection, name)

store._connection = Pausing()
load_paths(store, [folder], batch_rows=batch_rows)
"""


def _per_document(store) -> dict[str, dict[str, int]]:
    """Per document, how many of its own nodes and its edges the store holds, per label/type."""
    counts: dict[str, dict[str, int]] = {}
    for label in DOC_OWNED:
        for doc, n in store.query(f"MATCH (n:{label}) RETURN n.doc AS doc, count(n) AS n").rows:
            counts.setdefault(doc, {})[str(label)] = n
    for edge_type in EdgeType:
        if edge_type in (EdgeType.TRACKS, EdgeType.MEMBER_OF):
            continue  # made after the documents are in, by the linking steps
        for doc, n in store.query(f"MATCH ()-[r:{edge_type}]->() RETURN r.doc AS doc, count(r) AS n").rows:
            counts.setdefault(doc, {})[str(edge_type)] = n
    return counts


def test_kill_during_a_bulk_batch_leaves_only_whole_documents(plans, tmp_path):
    db, marker = tmp_path / "killed.db", tmp_path / "appending"
    child = subprocess.Popen([sys.executable, "-c", _PAUSED_LOAD, str(plans), str(db), str(marker),
                              str(BATCH_ROWS)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 600
    while not marker.exists():
        assert child.poll() is None, child.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "the load never reached its second batch"
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL

    staging = Path(tempfile.gettempdir()).glob(_staging_prefix(db) + "*")
    assert list(staging)  # the killed batch's staged files, left behind

    reference = _load(plans, tmp_path / "reference.db", bulk=True)
    whole = _per_document(reference)
    killed = EmbeddedStore(db)
    held = killed.documents()
    assert 0 < len(held) < len(reference.documents())  # the first batch committed, the second did not
    found = _per_document(killed)
    assert set(found) == set(held)  # nothing of a document whose batch was killed
    assert {doc: found[doc] for doc in held} == {doc: whole[doc] for doc in held}  # and all of the others
    for label in NODE_PROPERTIES:
        if label not in DOC_OWNED:  # no shared node the killed batch alone had made
            assert killed.query(f"MATCH (n:{label}) WHERE NOT EXISTS {{ MATCH (n)-[]-() }} "
                                "RETURN count(n)").rows == [[0]]
    assert not list(Path(tempfile.gettempdir()).glob(_staging_prefix(db) + "*"))  # swept on opening

    report = load_paths(killed, [plans], batch_rows=BATCH_ROWS)  # the next load completes it
    assert not report.failed and len(report.unchanged) == len(held)
    assert _contents(killed) == _contents(reference)
    killed.close()
    reference.close()


PLAN_A = """云杉区2024年区政府重点工作安排
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。(牵头单位:区建管委;配合单位:区发改委)
"""
PLAN_B = """云杉区2024年上半年重点工作推进情况
一、城市建设
1.滨河大道越江隧道建设主体结构施工过半。(牵头单位:区建设管理委员会;配合单位:区发展和改革委员会、区建设管理委)
"""


def test_a_later_batch_updates_held_nodes_as_the_row_path_does(tmp_path):
    """One document a batch: the second meets bodies the store holds under other spellings
    (a longer one becomes the name, the others join the aliases) and the project again —
    worked out in Python on the bulk path, in Cypher on the row path; the same nodes."""
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "a.txt").write_text(PLAN_A, encoding="utf-8")
    (folder / "b.txt").write_text(PLAN_B, encoding="utf-8")
    graphs = {}
    for bulk in (True, False):
        store = EmbeddedStore(tmp_path / f"{bulk}.db", bulk=bulk)
        assert not load_paths(store, [folder], batch_rows=1).failed
        graphs[bulk] = _contents(store)
        spelt = store.query("MATCH (b:Body) WHERE b.aliases <> '' RETURN b.name, b.aliases").rows
        store.close()
    assert graphs[True] == graphs[False]
    assert any("区建设管理委员会" in name or "区建设管理委员会" in aliases for name, aliases in spelt), spelt


PLAN_C = """云杉区2024年区政府重点工作安排(调整)
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。(牵头单位:区建设管理委)
"""


def test_a_second_writer_on_the_same_file_is_noticed(tmp_path):
    """The bulk path remembers the shared nodes it wrote into an empty store instead of asking
    again. Another store object on the same file giving a held body a new spelling in between
    makes the next bulk batch ask: the body ends with every spelling, as one row-path store
    writing the same documents in the same order leaves it."""
    from pledgegraph.loaders.build import build_graph
    from pledgegraph.loaders.extract import extract_document
    from pledgegraph.loaders.read import Document

    graphs = [build_graph(extract_document(Document(name, name, text, "utf-8", "0" * 64)))
              for name, text in (("a.txt", PLAN_A), ("b.txt", PLAN_B), ("c.txt", PLAN_C))]
    bulk, other = EmbeddedStore(tmp_path / "one.db"), EmbeddedStore(tmp_path / "one.db", bulk=False)
    bulk.write_batch(graphs[:1], held=set())
    other.write_batch(graphs[1:2], held=set())  # the body held under a new, longer spelling
    bulk.write_batch(graphs[2:], held=set())
    row = EmbeddedStore(tmp_path / "row.db", bulk=False)
    for graph in graphs:
        row.write_batch([graph], held=set())
    assert bulk.copied > 0 and _contents(bulk) == _contents(row)
    for store in (bulk, other, row):
        store.close()
