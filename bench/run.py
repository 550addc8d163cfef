#!/usr/bin/env python3
"""Scale benchmark: extraction speed, load time and peak RSS, query latency and viz time at N plans.

    uv run python bench/run.py [--sizes 10,100,1000] [--stores ladybug,neo4j] [--repeat 30]
                               [--paths bulk,row] [--pool ../shared/corpus] [--out bench/out/results.md]
                               [--query-sizes 1000] [--neo4j-sizes 1000]

The corpus comes from bench/corpus.py (seed 0). Each load runs in a fresh subprocess, so its
peak RSS is that of one ``pipeline.load_paths`` run (interpreter and imports included); for
Neo4j it is the client's RSS, the server's JVM is not counted. Progress goes to stderr, the
tables to stdout and ``--out``. Not part of the test run: figures are reported, never asserted.
LadybugDB loads take the bulk path (``--paths bulk``), the row path (``row``) or both; each
size also times ``pledgegraph extract`` on the same files and the COPY floor of the rows the
bulk load wrote (bench/floor.py). ``--repeat 0`` skips queries and viz; ``--query-sizes``
times them only at those N, ``--neo4j-sizes`` loads Neo4j only at those N (issue 15's targets
in one run: ``--sizes 1000,10000 --query-sizes 1000 --neo4j-sizes 1000 --repeat 20``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "bench"))

from corpus import generate  # noqa: E402
from floor import copy_floor, extract_seconds  # noqa: E402
from pledgegraph.graph.store import Store, open_store  # noqa: E402
from pledgegraph.queries.library import named_queries, run_named  # noqa: E402
from report import EXTRACT_SAMPLE, STORE_NAMES, report  # noqa: E402  (bench/report.py)

_PROJECT_PROBES = ("工程", "项目", "改造", "建设", "")  # first one found gives the project id
_BODY_PROBES = ("街道", "局", "委", "")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> str:
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal:"))
    return (f"Machine: {os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
            f"{mem_kb / 1024 ** 2:.1f} GB RAM, Python {platform.python_version()}, {platform.system()}")


# -- extraction throughput ------------------------------------------------------------------

def _rate(work, texts) -> float:
    start = time.perf_counter()
    for text in texts:
        work(text)
    return sum(len(t) for t in texts) / (time.perf_counter() - start)


def extraction_speed(paths: list[Path]) -> tuple[int, float, float | None]:
    """(characters, pledgegraph chars/s, jieba.lcut chars/s or None) over the same texts."""
    from pledgegraph.loaders.extract import extract_document
    from pledgegraph.loaders.read import read_document

    documents = [read_document(p) for p in paths]
    by_text = {d.text: d for d in documents}
    texts = [d.text for d in documents]
    extract_document(documents[0])  # warm: lexicons and regexes load lazily on first use
    ours = _rate(lambda text: extract_document(by_text[text]), texts)
    try:
        import jieba
    except ImportError:
        return sum(map(len, texts)), ours, None
    jieba.setLogLevel(60)
    jieba.lcut(texts[0])  # warm: builds (or loads) the prefix dictionary cache
    return sum(map(len, texts)), ours, _rate(jieba.lcut, texts)


# -- loads, one subprocess each -------------------------------------------------------------

def _peak_rss_kb() -> int:
    """This process's peak RSS. Not ``ru_maxrss``: Linux carries that over from the parent across
    fork and exec, so a child of a big benchmark process would report the parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # not Linux: the best there is


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of ``pid`` and every process below it (the load's workers)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        children = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                    for c in (task / "children").read_text().split()]
    except (FileNotFoundError, ProcessLookupError):
        return 0  # it ended between two reads
    own = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
    return own + sum(_tree_rss_kb(child) for child in children)


class _TreePeak:
    """Samples the process tree's total RSS every 50 ms while a load runs (Linux only)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))

    def __enter__(self) -> _TreePeak:
        if Path("/proc/self/task").exists():
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()


def _worker(corpus: str, db: str | None, uri: str | None, row: bool = False) -> None:
    """The subprocess side: load ``corpus`` and print time and peak RSS as JSON."""
    from pledgegraph.graph.embedded import EmbeddedStore
    from pledgegraph.pipeline import load_paths
    from pledgegraph.prepare import default_jobs

    store = open_store(neo4j=uri) if uri else EmbeddedStore(Path(db), bulk=not row)
    start = time.perf_counter()
    with _TreePeak() as tree:
        report = load_paths(store, [corpus], jobs=default_jobs())  # as the CLI does
    seconds = time.perf_counter() - start
    store.close()
    rss_kb = _peak_rss_kb()
    print(json.dumps({"seconds": seconds, "rss_mb": rss_kb / 1024, "tree_rss_mb": max(tree.peak_kb, rss_kb) / 1024,
                      "jobs": default_jobs(), "loaded": len(report.loaded), "failed": len(report.failed)}))


def load(corpus: Path, db: Path | None, uri: str | None, row: bool = False) -> dict:
    command = [sys.executable, __file__, "--_worker", str(corpus)]
    command += ["--_db", str(db)] if db else ["--_uri", uri]
    command += ["--_row"] if row else []
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"load of {corpus} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- queries and viz ------------------------------------------------------------------------

def _first_id(store: Store, probes: tuple[str, ...], kind: str) -> str | None:
    for text in probes:
        for row in run_named(store, "search", {"text": text}).rows:
            if row[0] == kind:
                return row[2]
    return None


def query_params(store: Store) -> dict[str, str]:
    return {"project": _first_id(store, _PROJECT_PROBES, "project") or "",
            "body": _first_id(store, _BODY_PROBES, "body") or "", "theme": "economy", "text": "路"}


def latencies(store: Store, params: dict, repeat: int) -> dict[str, tuple[float, float]]:
    out = {}
    for name, query in named_queries().items():
        wanted = {p: params[p] for p in query.params}
        run_named(store, name, wanted)  # warm: the first run compiles the plan
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            run_named(store, name, wanted)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        out[name] = (statistics.median(times), times[int(0.95 * (len(times) - 1))])
    return out


def viz_time(store: Store, focus: str) -> dict[str, float]:
    """What ``pledgegraph viz --focus`` does: read the neighbourhood, select, render."""
    from pledgegraph.graph.model import Label
    from pledgegraph.viz.html import render_html
    from pledgegraph.viz.subgraph import read_view

    steps, start = {}, time.perf_counter()
    view = read_view(store, (focus, Label.PROJECT), depth=2)
    steps["read_view"] = time.perf_counter() - start
    page = render_html(view)
    steps["total"] = time.perf_counter() - start
    steps["render_html"] = steps["total"] - steps["read_view"]
    nodes = sum(store.counts()["nodes"].values())
    steps.update(nodes=nodes, view_nodes=view.graph.number_of_nodes(), kb=len(page) / 1024)
    return steps


# -- one run --------------------------------------------------------------------------------

def bench_store(store_key: str, sizes: list[int], corpora: dict[int, Path], tmp: Path, repeat: int,
                uri: str | None, query_sizes: set[int] | None = None) -> dict[int, dict]:
    """Load each size into the store; time the named queries (``repeat`` runs each) and the viz
    focus view at the sizes in ``query_sizes`` (default: all)."""
    query_sizes = set(sizes) if query_sizes is None else query_sizes
    results = {}
    for n in sizes:
        db = None if uri else tmp / f"{store_key}_{n}.db"
        if uri:
            with open_store(neo4j=uri) as store:
                # In pieces: one transaction deleting a 1,000-plan graph outgrows the test
                # server's transaction memory (dbms.memory.transaction.total.max).
                while store.query("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS n",
                                  write=True).rows[0][0]:
                    pass
        log(f"{STORE_NAMES[store_key]}: loading {n} plans")
        row = load(corpora[n], db, uri, row=store_key == "ladybug-row")
        log(f"  {row['seconds']:.1f} s, peak RSS {row['rss_mb']:.0f} MB (with workers {row['tree_rss_mb']:.0f} MB)")
        if store_key == "ladybug":
            log("  COPY floor of the same rows")
            row["floor"] = _subprocess_json(["--_floor", str(db)])
        if repeat <= 0 or n not in query_sizes:
            results[n] = row
            continue
        log("  timing queries")
        with (open_store(neo4j=uri) if uri else open_store(db)) as store:
            row["params"] = query_params(store)
            row["latency"] = latencies(store, row["params"], repeat)
            if not uri and n == max(query_sizes & set(sizes)) and row["params"]["project"]:
                log("  viz focus view")
                row["viz"] = viz_time(store, row["params"]["project"])
        results[n] = row
    return results


def _subprocess_json(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_neo4j(sizes: list[int], corpora: dict[int, Path], tmp: Path, repeat: int,
                query_sizes: set[int] | None = None) -> dict[int, dict]:
    from neo4j_server import Neo4jTestServer, neo4j_unavailable_reason

    if (reason := neo4j_unavailable_reason()) is not None:
        log(f"Neo4j skipped: {reason}")
        return {}
    log("starting the Neo4j test server")
    with Neo4jTestServer() as server:
        log("Neo4j warm-up load (not measured)")
        load(corpora[min(sizes)], None, server.uri)  # warm the JVM, as bench/stores.py does
        return bench_store("neo4j", sizes, corpora, tmp, repeat, server.uri, query_sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,1000")
    parser.add_argument("--stores", default="ladybug,neo4j")
    parser.add_argument("--repeat", type=int, default=30, help="runs per named query; 0 skips queries and viz")
    parser.add_argument("--paths", default="bulk", help="LadybugDB write paths to load with: bulk, row or both")
    parser.add_argument("--pool", type=Path, action="append", default=[],
                        help="a folder of plans whose sections join the corpus pool (bench/corpus.py)")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "results.md")
    parser.add_argument("--query-sizes", help="time queries and viz only at these N (default: every size)")
    parser.add_argument("--neo4j-sizes", help="load Neo4j only at these N (default: every size)")
    parser.add_argument("--_worker", help=argparse.SUPPRESS)
    parser.add_argument("--_db", help=argparse.SUPPRESS)
    parser.add_argument("--_uri", help=argparse.SUPPRESS)
    parser.add_argument("--_row", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--_floor", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args._worker:
        return _worker(args._worker, args._db, args._uri, args._row)
    if args._floor:
        return print(json.dumps(copy_floor(Path(args._floor))))
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    query_sizes = {int(s) for s in args.query_sizes.split(",")} if args.query_sizes else set(sizes)
    neo4j_sizes = sorted({int(s) for s in args.neo4j_sizes.split(",")}) if args.neo4j_sizes else sizes
    if not set(neo4j_sizes) <= set(sizes) or not query_sizes <= set(sizes):
        parser.error(f"--query-sizes and --neo4j-sizes must be among --sizes ({args.sizes})")
    stores = [s for s in args.stores.split(",") if s]
    unknown = set(stores) - set(STORE_NAMES)
    if unknown:
        parser.error(f"unknown store(s): {', '.join(sorted(unknown))} (known: {', '.join(STORE_NAMES)})")
    with tempfile.TemporaryDirectory(prefix="pledgegraph-bench-") as tmp_name:
        tmp = Path(tmp_name)
        corpora = {}
        for n in sizes:
            corpora[n] = tmp / f"corpus_{n}"
            generate(n, corpora[n], pool_dirs=tuple(args.pool))
        corpus_chars = {n: sum(len(p.read_text(encoding="utf-8")) for p in corpora[n].iterdir()) for n in sizes}
        log(f"corpus: {', '.join(f'{n} plans {c:,} chars' for n, c in corpus_chars.items())}")
        sample = sorted(corpora[max(sizes)].iterdir())[:EXTRACT_SAMPLE]
        log(f"extraction throughput over {len(sample)} plans")
        extraction = extraction_speed(sample)
        extract_s = {}
        for n in sizes:
            log(f"pledgegraph extract on the {n} plans")
            extract_s[n] = extract_seconds(corpora[n])
            log(f"  {extract_s[n]:.1f} s")
        runs = {}
        paths = [p for p in args.paths.split(",") if p]
        if "ladybug" in stores and "row" in paths:
            runs["ladybug-row"] = bench_store("ladybug-row", sizes, corpora, tmp, args.repeat, None, query_sizes)
        if "ladybug" in stores and "bulk" in paths:
            runs["ladybug"] = bench_store("ladybug", sizes, corpora, tmp, args.repeat, None, query_sizes)
        if "neo4j" in stores:
            runs["neo4j"] = bench_neo4j(neo4j_sizes, corpora, tmp, args.repeat, query_sizes)
    text = report(machine(), extraction, corpus_chars, {k: v for k, v in runs.items() if v}, extract_s)
    print(text)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    log(f"written to {args.out}")


if __name__ == "__main__":
    main()
