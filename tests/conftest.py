"""Shared fixtures: where ../shared lives, and the seed plans in it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLEDGEGRAPH_SHARED", REPO.parent / "shared"))
SAMPLES = REPO / "samples"


_NO_SHARED = f"the shared seeds are not at {SHARED} (set PLEDGEGRAPH_SHARED)"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (seeds, gold, scorer). CI must have it: there a missing copy fails every test
    that needs it, rather than passing a run that checked none of the extraction."""
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the tests on the shared seeds: {_NO_SHARED}")
        pytest.skip(_NO_SHARED)
    return SHARED


def pytest_terminal_summary(terminalreporter) -> None:
    """One line saying how many tests a missing ../shared skipped (-ra lists them by place only)."""
    skipped = [r for r in terminalreporter.stats.get("skipped", ())
               if isinstance(r.longrepr, tuple) and r.longrepr[2].endswith(_NO_SHARED)]
    if skipped:
        terminalreporter.section("../shared missing", sep="=", yellow=True, bold=True)
        terminalreporter.write_line(f"{len(skipped)} tests skipped because ../shared is missing: {_NO_SHARED}")


@pytest.fixture(scope="session")
def seed_paths(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt"))


# --- graph stores ---------------------------------------------------------------------------

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tests/neo4j_server.py, not a package

from neo4j_server import Neo4jTestServer, neo4j_unavailable_reason  # noqa: E402


@pytest.fixture(scope="session")
def neo4j_server():
    """A real Neo4j 5.26 on loopback for the whole session (skipped, or failed in CI, without Java);
    LOAD CSV reads file:/// URLs from its ``import_dir``."""
    reason = neo4j_unavailable_reason()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Neo4j tests: {reason}")
        pytest.skip(reason)
    with Neo4jTestServer() as server:
        yield server


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server):
    """The Bolt URI of the session's Neo4j."""
    return neo4j_server.uri


def _empty_neo4j(uri: str):
    from pledgegraph.graph.store import open_store

    store = open_store(neo4j=uri)
    store.query("MATCH (n) DETACH DELETE n", write=True)
    return store


@pytest.fixture(params=["ladybug", "neo4j"])
def store(request, tmp_path):
    """An empty store of each kind: a LadybugDB file, and the session's Neo4j wiped clean."""
    from pledgegraph.graph.store import open_store

    if request.param == "ladybug":
        opened = open_store(tmp_path / "graph.db")
    else:
        opened = _empty_neo4j(request.getfixturevalue("neo4j_uri"))
    yield opened
    opened.close()
