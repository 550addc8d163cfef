"""The Neo4j test server (tests/neo4j_server.py): a real Neo4j 5.26 the official driver can use,
reachable on loopback without auth, that cleans up after itself and explains why it cannot start."""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase

sys.path.insert(0, str(Path(__file__).resolve().parent))  # neo4j_server is a sibling module, not a package
import neo4j_server  # noqa: E402
from neo4j_server import Neo4jStartError, Neo4jTestServer, neo4j_unavailable_reason, neo4j_version  # noqa: E402

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="session")
def runnable() -> None:
    """Skips where Java or Maven is missing; CI installs both, so there a skip would hide a fault."""
    reason = neo4j_unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Neo4j tests: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="session")
def server(runnable):
    with Neo4jTestServer() as running:
        yield running


@pytest.fixture(scope="session")
def driver(server):
    with GraphDatabase.driver(server.uri, auth=None) as connected:
        yield connected


def test_uri_is_bolt_on_loopback(server):
    assert re.fullmatch(r"bolt://127\.0\.0\.1:\d+", server.uri)


def test_server_reports_the_pinned_5_26(driver):
    records = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"
    ).records
    assert [(r["name"], r["edition"]) for r in records] == [("Neo4j Kernel", "community")]
    assert records[0]["version"].startswith("5.26.")
    assert records[0]["version"] == neo4j_version()


def test_show_databases_lists_neo4j_and_system_online(driver):
    records = driver.execute_query("SHOW DATABASES YIELD name, currentStatus", database_="system").records
    assert sorted((r["name"], r["currentStatus"]) for r in records) == [("neo4j", "online"), ("system", "online")]


def test_parameterised_create_then_match_round_trips_chinese_text(driver):
    task = {"name": "推进老旧小区综合改造", "year": 2024, "tags": ["城市更新", "民生实事"]}
    summary = driver.execute_query(
        "CREATE (:RoundTrip {name: $name, year: $year, tags: $tags})-[:LED_BY]->(:RoundTripBody {name: $owner})",
        task | {"owner": "区住房保障局"},
    ).summary
    assert (summary.counters.nodes_created, summary.counters.relationships_created) == (2, 1)
    records = driver.execute_query(
        "MATCH (t:RoundTrip {name: $name})-[:LED_BY]->(b:RoundTripBody) RETURN t.year AS year, t.tags AS tags, b.name AS owner",
        name=task["name"],
    ).records
    assert [r.data() for r in records] == [{"year": 2024, "tags": ["城市更新", "民生实事"], "owner": "区住房保障局"}]


@pytest.mark.slow
def test_stop_shuts_the_server_down_and_removes_its_data(runnable):
    with Neo4jTestServer() as own:
        port = int(own.uri.rsplit(":", 1)[1])
        data = own.data_dir
        with GraphDatabase.driver(own.uri, auth=None) as connected:
            assert connected.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        assert data is not None and data.is_dir()
    assert own.uri == ""
    assert not data.exists()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    own.stop()  # a second stop is harmless


def test_a_jvm_that_cannot_start_puts_its_stderr_in_the_error(runnable):
    broken = Neo4jTestServer(java_opts="-XX:+PledgegraphNoSuchOption")
    with pytest.raises(Neo4jStartError, match=r"(?s)exited with status 1 before it was ready.*"
                                              r"Unrecognized VM option 'PledgegraphNoSuchOption'"):
        broken.start()
    assert broken.uri == ""
    assert broken.data_dir is not None and not broken.data_dir.exists()


def test_reason_names_java_when_it_is_missing(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert neo4j_unavailable_reason() == "java is not installed (the Neo4j 5.26 test server needs Java 17 or 21)"


def _bare_harness(monkeypatch, tmp_path: Path, tools: dict[str, str | None]) -> None:
    """A harness folder never installed, and a PATH holding only ``tools`` (real ones, or stubs for None)."""
    harness = tmp_path / "harness"
    (harness / "src").mkdir(parents=True)
    shutil.copy(neo4j_server.HARNESS / "pom.xml", harness / "pom.xml")
    shutil.copy(neo4j_server.HARNESS / "src" / "Launcher.java", harness / "src" / "Launcher.java")
    monkeypatch.setattr(neo4j_server, "HARNESS", harness)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, real in tools.items():
        if real is None:
            (bin_dir / name).write_text("#!/bin/sh\nexit 1\n")
            (bin_dir / name).chmod(0o755)
        else:
            (bin_dir / name).symlink_to(real)
    monkeypatch.setenv("PATH", str(bin_dir))


@pytest.fixture
def java() -> str:
    found = shutil.which("java")
    if found is None:
        pytest.skip("java is not installed")
    return str(Path(found).resolve())


def test_reason_names_maven_when_the_jars_are_missing(monkeypatch, tmp_path, java):
    _bare_harness(monkeypatch, tmp_path, {"java": java, "javac": None})
    assert neo4j_unavailable_reason() == "mvn is not installed (Maven fetches the Neo4j test harness jars)"


def test_reason_says_offline_when_nothing_is_cached_and_maven_central_is_unreachable(monkeypatch, tmp_path, java):
    _bare_harness(monkeypatch, tmp_path, {"java": java, "javac": None, "mvn": None})
    monkeypatch.setenv("HOME", str(tmp_path))  # an empty ~/.m2
    with socket.socket() as closed:  # a loopback port nobody listens on stands in for the network
        closed.bind(("127.0.0.1", 0))
        monkeypatch.setattr(neo4j_server, "MAVEN_CENTRAL", ("127.0.0.1", closed.getsockname()[1]))
        reason = neo4j_unavailable_reason()
    assert reason == (f"the Neo4j {neo4j_version()} harness jars are neither in neo4j-harness/target/lib nor in ~/.m2, "
                      "and Maven Central (127.0.0.1) is unreachable (offline?)")
