"""Two yardsticks for a load, measured in the same run on the same files (issue 15).

* **COPY floor**: the rows a load left in a store, read back, staged as CSV
  (graph/staging.py) and appended to a fresh LadybugDB file with the engine's own ``COPY``,
  in one transaction: what writing those rows costs with nothing of ours in the way (no
  extraction, no shared-node rules, one checkpoint).
* **extract**: ``pledgegraph extract FILES -o DIR`` on the same files, as a user runs it; the
  issue's target is a load within 1.5× of it.

Each runs in a process of its own (see bench/run.py), so neither adds to the load's RSS.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ladybug
from pledgegraph.graph.cypher import ladybug_schema
from pledgegraph.graph.cypher_staged import copy_edges, copy_nodes
from pledgegraph.graph.embedded import EmbeddedStore
from pledgegraph.graph.model import EDGE_ENDPOINTS, EDGE_PROPERTIES, NODE_PROPERTIES
from pledgegraph.graph.staging import write_csv

__all__ = ["copy_floor", "extract_seconds"]

# Each table is read back in one query: SKIP/LIMIT over an unordered scan repeated rows past
# 100k at N = 3,000, and ORDER BY over these tables crashed the engine here.
#
# Rows per COPY statement. One COPY of more than about 131,072 nodes (one node group) into a
# fresh table hung the engine here, waiting on its task scheduler with no CPU used (Project,
# 169,034 rows, at N = 10,000; LOAD FROM … CREATE of the same file took 2.2 s), while two COPYs
# of 100,000 and 69,034 rows took 1.3 s.
COPY_ROWS = 100_000


def _tables():
    """(CSV header, read-back query, COPY builder) for every node label and edge pair."""
    for label, props in NODE_PROPERTIES.items():
        columns = ", ".join(f"n.{p}" for p in ["id", *props])
        yield (("id", *props), f"MATCH (n:{label}) RETURN {columns}",
               lambda path, label=label: copy_nodes(label, path))
    for edge_type, pairs in EDGE_ENDPOINTS.items():
        for a, b in pairs:
            columns = ", ".join(f"r.{p}" for p in EDGE_PROPERTIES)
            yield (("from", "to", *EDGE_PROPERTIES),
                   f"MATCH (x:{a})-[r:{edge_type}]->(y:{b}) RETURN x.id, y.id, {columns}",
                   lambda path, t=edge_type, a=a, b=b: copy_edges(t, a, b, path))


def copy_floor(db: Path) -> dict[str, float]:
    """Seconds to stage and to COPY every node and edge of the store at ``db`` into a fresh one."""
    staged: list[tuple[str, Path]] = []
    rows = 0
    with EmbeddedStore(db, read_only=True) as source, tempfile.TemporaryDirectory(dir=db.parent) as tmp:
        folder = Path(tmp)
        # Reading back is not timed; staging (CSV text) and COPY are.
        stage_s = 0.0
        for header, cypher, copy in _tables():
            table = [tuple(row) for row in source.query(cypher).rows]
            for first in range(0, len(table), COPY_ROWS):
                part = table[first:first + COPY_ROWS]
                path = folder / f"{len(staged):04d}.csv"
                start = time.perf_counter()
                write_csv(path, header, part)
                stage_s += time.perf_counter() - start
                rows += len(part)
                staged.append((copy(str(path)), path))
        target = folder / "floor.db"
        database = ladybug.Database(str(target))
        connection = ladybug.Connection(database)
        for ddl in ladybug_schema():
            connection.execute(ddl)
        start = time.perf_counter()
        connection.execute("BEGIN TRANSACTION")
        for statement, _ in staged:
            connection.execute(statement)
        connection.execute("COMMIT")
        copy_s = time.perf_counter() - start
        connection.close()
        database.close()
    return {"rows": rows, "stage_s": stage_s, "copy_s": copy_s}


def extract_seconds(corpus: Path) -> float:
    """Wall time of ``pledgegraph extract`` over every plan of ``corpus`` into a scratch folder
    (interpreter start-up included, as a user meets it)."""
    files = sorted(str(p) for p in corpus.glob("*.txt"))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pledgegraph", "extract", *files, "-o", out],
                       check=True, capture_output=True)
        return time.perf_counter() - start
