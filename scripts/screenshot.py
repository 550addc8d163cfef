#!/usr/bin/env python3
"""Render one focus view of the sample plans and photograph it for the README.

    uv run python scripts/screenshot.py [docs/focus-view.png]

Loads samples/ into a temporary LadybugDB, draws the neighbourhood of one project, and takes a
screenshot in headless Chromium (Debian's chromium; fonts-noto-cjk for readable Chinese).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pledgegraph.graph.store import open_store
from pledgegraph.outputs import write_bytes
from pledgegraph.pipeline import load_paths
from pledgegraph.queries.run import find
from pledgegraph.viz.html import render_html
from pledgegraph.viz.subgraph import read_graph, select_view

REPO = Path(__file__).resolve().parents[1]


def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "graph.db") as store:
            load_paths(store, [REPO / "samples"])
            focus = find(store, "桂香里小区综合修缮工程", "project").id
            view = select_view(read_graph(store), focus=focus, depth=2)
        page = Path(tmp) / "view.html"
        page.write_text(render_html(view, title=f"pledgegraph — {view.note}"), encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            tab = browser.new_page(viewport={"width": 1400, "height": 860})
            tab.goto(page.as_uri())
            tab.wait_for_function("() => window.pledgegraph !== undefined")
            tab.wait_for_timeout(500)
            png = tab.screenshot()
            browser.close()
    write_bytes(target, png)  # whole or not at all, never through a link
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "focus-view.png")
