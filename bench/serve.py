"""The explorer's benchmark: API latency, page ready and canvas redraw on a large LadybugDB store.

    uv run python bench/serve.py                    # 1,000 generated plans (bench/corpus.py, seed 0)
    uv run python bench/serve.py --plans 100 --repeat 5 --out bench/out/serve.md

It loads the corpus into a fresh LadybugDB file (or reuses ``--db`` when it holds one), serves
it read-only exactly as ``pledgegraph serve`` does, and measures over HTTP on one keep-alive
connection: the entity panel of sampled projects, bodies, plans and themes, the canvas
neighbourhood (``/api/graph``) and search for sampled names and name parts. In headless
Chromium (Debian's chromium, Playwright) it measures the page ready (navigation to a shared
link ``/#<id>`` until the panel of that id is drawn) and a redraw of a 2,000-node, 4,000-edge
canvas with the layout fixed (vis-network's ``redraw()``, which paints synchronously), fitted to
the view and zoomed in to 1.0 (where the page draws arrowheads again).

Figures depend on the machine, so they are reported, never asserted (targets in issue 14:
p95 ≤ 50 ms for panels and search, page ready ≤ 1 s, redraw ≤ 50 ms).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from platform import python_version
from urllib.parse import quote, urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from corpus import generate  # noqa: E402
from pledgegraph.graph.store import open_store  # noqa: E402
from pledgegraph.pipeline import load_paths  # noqa: E402
from pledgegraph.prepare import default_jobs  # noqa: E402
from pledgegraph.serve.run import Server  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
SAMPLE = 25


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _store(plans: int, db: Path | None, tmp: Path) -> Path:
    if db is not None and db.exists():
        log(f"reusing {db}")
        return db
    db = db or tmp / "serve.lbdb"
    corpus = tmp / "corpus"
    log(f"generating {plans} plans …")
    generate(plans, corpus)
    log(f"loading into {db} …")
    start = time.perf_counter()
    with open_store(db) as store:
        report = load_paths(store, [corpus], jobs=default_jobs())
    log(f"loaded {len(report.loaded)} plans in {time.perf_counter() - start:.1f} s")
    return db


def _samples(store, rng: random.Random) -> dict[str, list[str]]:
    """Ids of every kind the panel answers for, and search texts: whole names and their parts."""
    def ids(label: str) -> list[str]:
        rows = store.query(f"MATCH (n:{label}) RETURN n.id ORDER BY n.id").rows
        return [row[0] for row in rng.sample(rows, min(SAMPLE, len(rows)))]

    names = [row[0] for row in store.query("MATCH (n:Project) RETURN n.name ORDER BY n.name").rows]
    names += [row[0] for row in store.query("MATCH (n:Body) RETURN n.name ORDER BY n.name").rows]
    picked = rng.sample(names, min(SAMPLE, len(names)))
    parts = [name[: max(2, len(name) // 2)] for name in picked]
    return {"project": ids("Project"), "body": ids("Body"), "plan": ids("Plan"), "theme": ids("Theme"),
            "search": picked + parts}


def _timed(connection: http.client.HTTPConnection, host: str, path: str) -> float:
    start = time.perf_counter()
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    if response.status != 200:
        raise RuntimeError(f"{path}: HTTP {response.status}")
    return elapsed


def _stats(times: list[float]) -> tuple[float, float, int]:
    times = sorted(times)
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(times)


def api_latency(server: Server, samples: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float, int]]:
    host = f"127.0.0.1:{server.port}"
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
    paths: dict[str, list[str]] = {f"entity: {kind}": [f"/api/entity/{quote(i, safe='')}" for i in samples[kind]]
                                   for kind in ("project", "body", "plan", "theme")}
    paths["graph (1 hop)"] = [f"/api/graph/{quote(i, safe='')}" for i in samples["project"] + samples["body"]]
    paths["search"] = ["/api/search?" + urlencode({"q": text}) for text in samples["search"]]
    out = {}
    for name, group in paths.items():
        for path in group:
            _timed(connection, host, path)  # warm: the first run of each query compiles its plan
        out[name] = _stats([_timed(connection, host, path) for _ in range(repeat) for path in group])
        log(f"  {name}: p50 {out[name][0]:.1f} ms, p95 {out[name][1]:.1f} ms")
    connection.close()
    return out


_REDRAW = """async ([n, scale]) => {
  const pg = window.pledgegraph;
  const frame = () => new Promise((done) => requestAnimationFrame(() => done()));
  pg.network.setOptions({physics: false});
  const nodes = [], edges = [];
  for (let i = 0; i < n; i++) nodes.push({id: "n" + i, label: "节点" + i, x: (i % 50) * 60, y: Math.floor(i / 50) * 60});
  for (let i = 0; i < 2 * n; i++) edges.push({id: "e" + i, from: "n" + (i % n), to: "n" + ((i * 7 + 1) % n)});
  pg.nodes.clear(); pg.edges.clear(); pg.nodes.add(nodes); pg.edges.add(edges);
  pg.network.fit();
  if (scale) pg.network.moveTo({scale: scale, position: {x: 1500, y: 1200}});
  await frame(); await frame();  // the page settles how much detail to draw after the edges change
  pg.network.redraw();
  const times = [];
  for (let k = 0; k < 30; k++) { const t = performance.now(); pg.network.redraw(); times.push(performance.now() - t); }
  return times;
}"""


def browser(server: Server, samples: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float, int]]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        log("chromium is not installed: no page figures")
        return {}
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        ready = []
        links = (samples["project"] + samples["body"])[: max(repeat, 5)]
        for i, node in enumerate([links[0], *links]):  # the first load warms the caches
            page.goto("about:blank")
            start = time.perf_counter()
            page.goto(server.url + "#" + quote(node, safe=""))
            page.wait_for_function("(id) => window.pledgegraph && window.pledgegraph.loaded === id", arg=node,
                                   timeout=60000)
            if i:
                ready.append((time.perf_counter() - start) * 1000)
        out["page ready (shared link → panel drawn)"] = _stats(ready)
        out["redraw, 2,000 nodes / 4,000 edges, fitted"] = _stats(page.evaluate(_REDRAW, [2000, 0]))
        out["redraw, 2,000 nodes / 4,000 edges, zoom 1.0"] = _stats(page.evaluate(_REDRAW, [2000, 1.0]))
        browser.close()
    for name, figures in out.items():
        log(f"  {name}: p50 {figures[0]:.1f} ms, p95 {figures[1]:.1f} ms")
    return out


def report(plans: int, store, figures: dict[str, tuple[float, float, int]]) -> str:
    counts = store.counts()
    nodes, edges = sum(counts["nodes"].values()), sum(counts["edges"].values())
    lines = [f"Machine: {os.cpu_count()} cores, Python {python_version()}; LadybugDB, {plans} plans, "
             f"{nodes:,} nodes, {edges:,} edges", "", "| what | p50 ms | p95 ms | samples |", "|---|---|---|---|"]
    lines += [f"| {name} | {p50:.1f} | {p95:.1f} | {n} |" for name, (p50, p95, n) in figures.items()]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--db", type=Path, help="a LadybugDB file to reuse (made there when missing)")
    parser.add_argument("--repeat", type=int, default=5, help="rounds over the sampled requests")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "serve.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pledgegraph-serve-bench-") as tmp:
        db = _store(args.plans, args.db, Path(tmp))
        with open_store(db, read_only=True) as store:
            samples = _samples(store, random.Random(0))
            with Server(store, "127.0.0.1", 0).start() as server:
                log("API …")
                figures = api_latency(server, samples, args.repeat)
                log("browser …")
                figures.update(browser(server, samples, args.repeat))
            text = report(args.plans, store, figures)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
