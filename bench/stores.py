#!/usr/bin/env python3
"""Load throughput and named-query latency on both stores, as a markdown table.

    uv run python bench/stores.py [--repeat 50]

Loads the five shared seeds and the four samples into a fresh LadybugDB file and a fresh
Neo4j 5.26 (the test harness on loopback), then runs every named query ``--repeat`` times.
Not part of the test run: figures depend on the machine and are reported, never asserted.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from neo4j_server import Neo4jTestServer  # noqa: E402
from pledgegraph.graph.store import Store, open_store  # noqa: E402
from pledgegraph.loaders.build import build_graph  # noqa: E402
from pledgegraph.loaders.extract import extract_file  # noqa: E402
from pledgegraph.queries.library import named_queries  # noqa: E402
from run import latencies, query_params  # noqa: E402  (bench/run.py, beside this script)


def _plans() -> list[Path]:
    return sorted((REPO.parent / "shared" / "seeds").glob("*.txt")) + sorted((REPO / "samples").glob("*.txt"))


def _load(store: Store, graphs) -> float:
    start = time.perf_counter()
    for graph in graphs:
        store.write(graph)
    return time.perf_counter() - start


def _latencies(store: Store, repeat: int) -> dict[str, tuple[float, float]]:
    return latencies(store, query_params(store), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    plans = _plans()
    start = time.perf_counter()
    graphs = [build_graph(extract_file(p)) for p in plans]
    extract_s = time.perf_counter() - start
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        embedded = open_store(Path(tmp) / "bench.db")
        results["LadybugDB"] = (_load(embedded, graphs), _latencies(embedded, args.repeat))
        embedded.close()
    with Neo4jTestServer() as server:
        neo4j = open_store(neo4j=server.uri)
        _load(neo4j, graphs)  # warm the JVM once; measure the second, replacing load
        results["Neo4j 5.26"] = (_load(neo4j, graphs), _latencies(neo4j, args.repeat))
        neo4j.close()
    print(f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}; "
          f"{len(plans)} plans, extraction {extract_s:.2f} s\n")
    print("| store | load (s) | plans/s | " + " | ".join(f"{n} p50/p95 ms" for n in named_queries()) + " |")
    print("|---" * (3 + len(named_queries())) + "|")
    for store, (load_s, lat) in results.items():
        cells = " | ".join(f"{lat[n][0]:.1f} / {lat[n][1]:.1f}" for n in named_queries())
        print(f"| {store} | {load_s:.2f} | {len(plans) / load_s:.1f} | {cells} |")


if __name__ == "__main__":
    main()
