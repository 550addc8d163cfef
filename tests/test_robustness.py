"""Real-world failures: a load killed with SIGKILL, secrets in the environment, other encodings."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def many_plans(seed_paths, tmp_path_factory) -> Path:
    """Forty plans: the seeds and samples under several names (each a separate document)."""
    folder = tmp_path_factory.mktemp("batch")
    sources = list(seed_paths) + sorted(SAMPLES.glob("*.txt"))
    for copy in range(5):
        for source in sources:
            shutil.copy(source, folder / f"{copy}_{source.name}")
    return folder


def _cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pledgegraph", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})})


def _stats(*store: str) -> dict:
    process = _cli("stats", "--format", "json", *store)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    return json.loads(out)


def _plans_complete(*store: str, in_checkpoint_is_late: bool = False) -> dict[str, int] | None:
    cypher = "MATCH (p:Plan) OPTIONAL MATCH (p)-[:CONTAINS]->(c:Commitment) RETURN p.doc AS doc, count(c) AS n ORDER BY doc"
    process = _cli("query", cypher, "--format", "json", *store)
    out, err = process.communicate(timeout=120)
    if in_checkpoint_is_late and process.returncode == 1 and "checkpoint recovery is pending" in err:
        # Killed inside the load's final checkpoint: every batch was committed (too late to
        # interrupt one), and LadybugDB lets only a read-write open finish the recovery.
        return None
    assert process.returncode == 0, err
    return {row["doc"]: row["n"] for row in json.loads(out)}


def _kill_mid_load(folder: Path, store: list[str], after: float, neo4j_uri: str | None = None) -> None:
    """Start a load and SIGKILL it: after ``after`` seconds, or (Neo4j, which can be watched
    while it loads) as soon as a few plans are in."""
    # Small batches (a few plans each), so the kill lands between and inside transactions.
    process = _cli("load", str(folder), "--batch-rows", "1000", *store)
    if neo4j_uri is None:
        time.sleep(after)
    else:
        from neo4j import GraphDatabase

        with GraphDatabase.driver(neo4j_uri, auth=None) as driver:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline and process.poll() is None:
                plans = driver.execute_query("MATCH (p:Plan) RETURN count(p) AS n").records[0]["n"]
                if plans >= 3:
                    break
                time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


def _reference(folder: Path, store: list[str]) -> tuple[dict, dict]:
    process = _cli("load", str(folder), *store)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    return _stats(*store), _plans_complete(*store)


@pytest.mark.parametrize("kind", ["ladybug", "neo4j"])
def test_sigkill_during_load_then_reload_equals_an_uninterrupted_load(kind, many_plans, tmp_path, request):
    if kind == "ladybug":
        reference_store = ["--db", str(tmp_path / "reference.db")]
        store = ["--db", str(tmp_path / "killed.db")]
    else:
        uri = request.getfixturevalue("neo4j_uri")
        reference_store = store = ["--neo4j", uri]
        _cli("query", "MATCH (n) DETACH DELETE n", "--write", *store).communicate(timeout=120)
    start = time.monotonic()
    expected_counts, expected_plans = _reference(many_plans, reference_store)
    full = time.monotonic() - start
    # LadybugDB cannot be watched while it loads, so the kill is timed; a busy machine can
    # shift the timing, so a kill that came too late is tried again, earlier, on a fresh file.
    for share in (0.5, 0.3, 0.15):
        if kind == "ladybug":
            for leftover in tmp_path.glob("killed.db*"):
                leftover.unlink()
        else:
            _cli("query", "MATCH (n) DETACH DELETE n", "--write", *store).communicate(timeout=120)
        _kill_mid_load(many_plans, store, after=max(1.0, full * share),
                       neo4j_uri=store[1] if kind == "neo4j" else None)
        partial = _plans_complete(*store, in_checkpoint_is_late=kind == "ladybug")
        if partial is not None and len(partial) < len(expected_plans):
            break
    assert partial is not None and len(partial) < len(expected_plans), "the kill came too late to interrupt anything"
    # Whatever survived the kill is whole: every stored plan has all its commitments.
    assert all(partial[doc] == expected_plans[doc] for doc in partial)
    process = _cli("load", str(many_plans), *store)
    _, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert _plans_complete(*store) == expected_plans
    assert _stats(*store) == expected_counts


def test_credentials_never_appear_in_output(tmp_path):
    secret = "pw-7f3c-do-not-print"
    env = {"NEO4J_URI": f"bolt://neo4j-user:{secret}@127.0.0.1:9", "NEO4J_USERNAME": "neo4j-user",
           "NEO4J_PASSWORD": secret}
    for args in (["stats"], ["query", "MATCH (n) RETURN n"], ["load", str(SAMPLES)]):
        process = _cli(*args, env=env)
        out, err = process.communicate(timeout=120)
        assert process.returncode == 1
        assert "cannot reach Neo4j at bolt://127.0.0.1:9" in err
        assert secret not in out + err and "neo4j-user" not in out + err


def _comparable(path: Path) -> tuple:
    graph = build_graph(extract_file(path))
    nodes = sorted((n.id, str(sorted((k, v) for k, v in n.row().items() if k not in ("sha256", "source"))))
                   for n in graph.nodes)
    edges = sorted((e.key, str(sorted(e.row().items()))) for e in graph.edges)
    return nodes, edges


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_other_encodings_give_exactly_the_same_graph(seed_paths, tmp_path, encoding):
    original = seed_paths[0]
    copy = tmp_path / encoding / original.name
    copy.parent.mkdir()
    copy.write_bytes(original.read_text(encoding="utf-8").encode(encoding))
    assert extract_file(copy).sha256 != extract_file(original).sha256
    assert _comparable(copy) == _comparable(original)
