"""``pledgegraph serve`` in a real headless Chromium: the three questions users come with, each
answered in at most three actions (type, Enter, read), on the sample plans plus one whose names
carry markup. The page must make no request outside the app and never run a name.
"""

from __future__ import annotations

import os
import shutil

import pytest
from pledgegraph.serve.run import Server
from serve_client import load_store

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store, _ = load_store("ladybug", tmp_path_factory.mktemp("serve-browser"))
    with Server(store, "127.0.0.1", 0).start() as running:
        yield running
    store.close()


@pytest.fixture()
def page(server):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: Debian's chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        tab.events = {"console": [], "errors": [], "requests": []}
        tab.on("console", lambda m: tab.events["console"].append((m.type, m.text)))
        tab.on("pageerror", lambda e: tab.events["errors"].append(str(e)))
        tab.on("request", lambda r: tab.events["requests"].append(r.url))
        tab.goto(server.url)
        tab.wait_for_function("() => window.pledgegraph !== undefined")
        yield tab
        assert tab.events["errors"] == []
        assert [m for m in tab.events["console"] if m[0] == "error"] == []
        assert tab.events["requests"] and all(url.startswith(server.url) for url in tab.events["requests"])
        browser.close()


def _ask(page, text: str) -> None:
    """Action 1: type in the search box; action 2: Enter takes the best hit. Waits for the panel."""
    loads = page.evaluate("() => window.pledgegraph.loads")
    page.fill("#q", text)
    page.press("#q", "Enter")
    _loaded(page, loads)


def _loaded(page, loads: int) -> None:
    page.wait_for_function("(n) => window.pledgegraph.loads > n && window.pledgegraph.loaded === window.pledgegraph.selected",
                           arg=loads)


def _rows(page, table: str) -> list[list[str]]:
    return page.evaluate(f"""() => [...document.querySelectorAll('#panel-body table.{table} tbody tr')]
        .map(tr => [...tr.cells].map(td => td.innerText.trim()))""")


def test_who_owns_a_project(page):
    _ask(page, "澜江路越江隧道")
    assert page.locator("#panel-title").inner_text() == "澜江路越江隧道"
    owners = _rows(page, "owners")
    assert ["区建设管理委", "牵头 lead", "lanchuan_2024_key_tasks.txt"] in [row[:3] for row in owners]
    assert ["区规划资源局", "配合 cooperate", "lanchuan_2024_key_tasks.txt"] in [row[:3] for row in owners]
    assert all(row[3] and row[4] for row in owners)  # the evidence and the rule
    names = page.evaluate("() => window.pledgegraph.nodes.get().map(n => n.fullName)")
    assert {"澜江路越江隧道", "区建设管理委", "区规划资源局"} <= set(names)


def test_what_a_body_leads(page):
    _ask(page, "区建设管理委")
    assert page.locator("#panel-kind").inner_text() == "单位"
    leads = _rows(page, "leads")
    assert ["项目", "澜江路越江隧道"] in [row[:2] for row in leads]
    assert "lanchuan_2024_key_tasks.txt" in {row[5] for row in leads}
    assert "区规划资源局" in {row[0] for row in _rows(page, "partners")}


def test_what_a_plan_promised(page):
    _ask(page, "2024年区政府重点工作安排")
    assert page.locator("#panel-title").inner_text() == "上海市澜川区人民政府 · 2024 · 2024年区政府重点工作安排"
    work = next(row for row in _rows(page, "commitments") if row[1].startswith("6."))
    assert "区建设管理委" in work[2] and "区规划资源局" in work[3]


@pytest.fixture()
def short_page(tmp_path):
    """The explorer over the samples with panels of 5 rows a list: long enough to page."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    store, _ = load_store("ladybug", tmp_path)
    with Server(store, "127.0.0.1", 0, panel_limit=5).start() as running, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        tab = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        errors = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(running.url)
        tab.wait_for_function("() => window.pledgegraph !== undefined")
        yield tab
        assert errors == []
        browser.close()
    store.close()


def test_a_long_list_shows_a_page_and_more_asks_for_the_rest(short_page):
    _ask(short_page, "2024年区政府重点工作安排")
    rows = short_page.locator("#panel-body table.commitments tbody tr")
    assert rows.count() == 5
    more = short_page.locator("#panel-body button.more")
    left = int(more.inner_text().rpartition("(")[2].rstrip(")"))
    assert left > 5  # the plan holds more than two pages
    shown = 5
    while more.count():
        more.click()
        short_page.wait_for_function("(n) => document.querySelectorAll('#panel-body table.commitments tbody tr')"
                                     ".length > n", arg=shown)
        shown = rows.count()
    assert shown == 5 + left
    whole = short_page.evaluate("""async () => (await (await fetch('/api/entity/'
        + encodeURIComponent(window.pledgegraph.selected) + '?limit=5000')).json()).commitments.map(c => c.name)""")
    assert [row[1] for row in _rows(short_page, "commitments")] == whole  # every row once, in text order


def test_rows_move_the_selection_and_the_source_shows_the_span(page):
    _ask(page, "澜江路越江隧道")
    loads = page.evaluate("() => window.pledgegraph.loads")
    page.locator("#panel-body table.owners button.link[data-id]").first.click()
    _loaded(page, loads)
    assert page.locator("#panel-title").inner_text() == "区建设管理委"
    assert page.url.endswith("#" + page.evaluate("() => encodeURIComponent(window.pledgegraph.selected)"))
    _ask(page, "澜江路越江隧道")
    page.locator("#panel-body table.owners button.source-link").first.click()
    page.wait_for_selector("#source-text mark")
    assert page.locator("#source-text mark").inner_text() == "澜江路越江隧道"
    assert page.locator("#source-title").inner_text().startswith("上海市澜川区人民政府")


def test_search_keyboard_no_match_and_did_you_mean(page):
    page.fill("#q", "隧道")
    page.wait_for_selector("#hits li[role=option]")
    first = page.locator("#hits li[aria-selected=true]").inner_text()
    page.press("#q", "ArrowDown")
    assert page.locator("#hits li[aria-selected=true]").inner_text() != first
    page.press("#q", "Escape")
    page.fill("#q", "完全没有这个名字")
    page.wait_for_selector("#hits li.none")
    assert page.locator("#hits li.none").inner_text() == "无匹配 / no match"
    page.fill("#q", "澜江路越江燧道")
    page.wait_for_selector("#hits li.suggestion")
    assert "澜江路越江隧道" in page.locator("#hits li.suggestion").first.inner_text()
    page.press("#q", "Enter")  # a near miss is offered, never taken
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.pledgegraph.selected") is None


def test_double_click_expands_and_the_legend_hides_a_kind(page):
    _ask(page, "澜江路越江隧道")
    before = page.evaluate("() => window.pledgegraph.nodes.length")
    body = page.evaluate("() => window.pledgegraph.nodes.get().find(n => n.fullName === '区建设管理委').id")
    page.wait_for_timeout(500)
    x, y = page.evaluate("""(id) => { const net = window.pledgegraph.network;
        const p = net.canvasToDOM(net.getPositions([id])[id]); return [p.x, p.y]; }""", body)
    box = page.locator("#graph").bounding_box()
    page.mouse.dblclick(box["x"] + x, box["y"] + y)
    page.wait_for_function("(id) => window.pledgegraph.expanded === id", arg=body)
    assert page.evaluate("() => window.pledgegraph.nodes.length") > before
    page.locator("#legend li[data-kind=Body]").click()
    assert page.evaluate("() => window.pledgegraph.nodes.get().filter(n => n.kind === 'Body').every(n => n.hidden)")


def test_the_console_runs_reads_and_refuses_writes(page):
    page.locator("#console summary").click()
    page.fill("#cypher", "MATCH (p:Plan) RETURN p.doc AS doc ORDER BY doc")
    page.click("#run")
    page.wait_for_selector("#console-out table")
    assert page.locator("#console-out tbody tr").count() == 5
    page.fill("#cypher", "MATCH (b:Body) DETACH DELETE b")
    page.click("#run")
    page.wait_for_selector("#console-out .error")
    assert "would change the graph" in page.locator("#console-out .error").inner_text()
    page.fill("#cypher", "MATCH (b:Body) RETURN count(b) AS n")
    page.click("#run")
    page.wait_for_selector("#console-out table")
    assert int(page.locator("#console-out tbody td").inner_text()) > 0
    page.events["console"] = [m for m in page.events["console"] if "403" not in m[1]]  # the refusal, as asked


def test_names_holding_markup_render_inert(page):
    for text in ("<img src=x onerror", "<script>window.__pwned=1"):
        page.fill("#q", text)
        page.wait_for_selector("#hits li[role=option]")
        assert text in page.locator("#hits").inner_text()
        loads = page.evaluate("() => window.pledgegraph.loads")
        page.press("#q", "Enter")
        _loaded(page, loads)
        assert text in page.locator("#panel-title").inner_text()
        page.locator("#panel-body button.source-link").first.click()
        page.wait_for_selector("#source-text mark")
    page.wait_for_timeout(300)
    assert page.evaluate("() => typeof window.__pwned") == "undefined"
    assert page.locator("#panel img, #panel script, #panel b, #hits img, #source img, #source b").count() == 0
