#!/usr/bin/env python3
"""Photograph ``pledgegraph serve`` answering "who owns" for the README.

    uv run python scripts/screenshot_serve.py [docs/serve-owners.png]

Loads samples/ into a temporary LadybugDB, serves it on a free port, searches for a project,
opens the evidence of its first owner and takes a screenshot in headless Chromium (Debian's
chromium; fonts-noto-cjk for readable Chinese).
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pledgegraph.graph.store import open_store
from pledgegraph.pipeline import load_paths
from pledgegraph.serve.run import Server

REPO = Path(__file__).resolve().parents[1]


def main(target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "graph.db") as store:
            load_paths(store, [REPO / "samples"])
        with open_store(Path(tmp) / "graph.db", read_only=True) as store, Server(store, "127.0.0.1", 0).start() as server, \
                sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1400, "height": 800})
            page.goto(server.url)
            page.wait_for_function("() => window.pledgegraph !== undefined")
            page.fill("#q", "越江隧道")
            page.wait_for_selector("#hits li[role=option]")
            page.press("#q", "Enter")
            page.wait_for_function("() => window.pledgegraph.loads > 0")
            page.locator("table.owners button.source-link").first.click()
            page.wait_for_selector("#source-text mark")
            page.wait_for_timeout(1500)  # the layout settles
            page.screenshot(path=str(target))
            browser.close()
    print(f"wrote {target}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "serve-owners.png")
