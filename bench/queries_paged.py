"""First-page and whole-answer latency of every named query, before → after paging.

Not part of bench/run.py (which measures loading): this compares the named queries as they
were at a commit (``--before``, read from git) with the files in the tree, on one store.

    uv run python bench/queries_paged.py /tmp/c.lbdb --before 5400390
    uv run python bench/queries_paged.py --neo4j bolt://127.0.0.1:7687 --before 5400390
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1].parent))

from pledgegraph.graph.store import Store, open_store  # noqa: E402
from pledgegraph.queries.library import _parse, named_queries, run_all, run_query  # noqa: E402


def _ms(run, repeat: int) -> tuple[float, float]:
    run()  # warm: the first run compiles the plan
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def probe_params(store: Store) -> dict[str, str]:
    """The busiest project and body (the worst case for their queries), a common theme and text."""
    project = store.query("MATCH (b:Body)-[:RESPONSIBLE_FOR]->(p:Project) RETURN p.id AS id, count(b) AS n "
                          "ORDER BY n DESC, id LIMIT 1").rows
    body = store.query("MATCH (b:Body)-[:RESPONSIBLE_FOR]->(w) RETURN b.id AS id, count(w) AS n "
                       "ORDER BY n DESC, id LIMIT 1").rows
    return {"project": project[0][0] if project else "", "body": body[0][0] if body else "",
            "theme": "economy", "text": "路"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?")
    parser.add_argument("--neo4j")
    parser.add_argument("--before", help="a commit whose queries/cypher files to time as 'before'")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--all", action="store_true", help="also time reading every row, page by page")
    args = parser.parse_args()
    store = open_store(args.db, args.neo4j, read_only=True)
    params = probe_params(store)
    print(f"{'query':<18} {'before p50/p95 ms':>20} {'first page p50/p95 ms':>24} {'all pages ms':>14}")
    for name, query in named_queries().items():
        given = {p: params[p] for p in query.params}
        before = ""
        if args.before:
            text = subprocess.run(["git", "show", f"{args.before}:queries/cypher/{name}.cypher"],
                                  capture_output=True, text=True, check=True).stdout
            old = _parse(name, text)
            p50, p95 = _ms(lambda old=old, given=given: run_query(store, old, given), max(3, args.repeat // 5))
            before = f"{p50:.1f} / {p95:.1f}"
        p50, p95 = _ms(lambda query=query, given=given: run_query(store, query, given), args.repeat)
        whole = f"{_ms(lambda name=name, given=given: run_all(store, name, given), 3)[0]:.0f}" if args.all else ""
        print(f"{name:<18} {before:>20} {f'{p50:.1f} / {p95:.1f}':>24} {whole:>14}")
    store.close()


if __name__ == "__main__":
    main()
