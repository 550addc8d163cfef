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


# A plan of another year naming the seeds' tunnel project and its lead body, so the year filter has two years
# to tell apart on one canvas.
EARLIER = {"lanchuan_2023_key_tasks.txt": (
    "上海市澜川区人民政府关于印发《2023年区政府重点工作安排》的通知\n澜府发〔2023〕2号\n\n区政府各委、办、局：\n"
    "　　现将《2023年区政府重点工作安排》印发给你们，请认真抓好落实。\n\n上海市澜川区人民政府\n2023年2月10日\n\n"
    "2023年区政府重点工作安排\n\n一、城市建设\n"
    "　　1.推进澜江路越江隧道前期工作，年底前完成方案设计。（牵头单位：区建设管理委；配合单位：区规划资源局）\n")}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store, _ = load_store("ladybug", tmp_path_factory.mktemp("serve-browser"), extra=EARLIER)
    with Server(store, "127.0.0.1", 0).start() as running:
        running.store = store
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
    assert page.locator("#console-out tbody tr").count() == 6
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


_CANVAS = """() => ({nodes: window.pledgegraph.nodes.get().map(n => ({id: n.id, kind: n.kind, theme: n.theme, status: n.status,
                                                                   year: n.year, hidden: !!n.hidden})),
                    edges: window.pledgegraph.edges.get().map(e => ({id: e.id, from: e.from, to: e.to, key: e.key,
                                                                   years: e.years, hidden: !!e.hidden}))})"""


def _canvas(page) -> dict:
    return page.evaluate(_CANVAS)


def _settled(page) -> dict[str, tuple[float, float]]:
    """The node positions once the layout has stopped moving."""
    positions = page.evaluate("() => window.pledgegraph.network.getPositions()")
    for _ in range(40):
        page.wait_for_timeout(250)
        now = page.evaluate("() => window.pledgegraph.network.getPositions()")
        if all(abs(now[n]["x"] - p["x"]) < 0.5 and abs(now[n]["y"] - p["y"]) < 0.5 for n, p in positions.items()):
            return now
        positions = now
    raise AssertionError("the layout never settled")


def _toggle(page, group: str, value: str) -> None:
    page.locator(f'#legend li[data-group="{group}"][data-value="{value}"] label').click()


def _box(page, group: str, value: str):
    return page.locator(f'#legend li[data-group="{group}"][data-value="{value}"] input')


def _reload(page) -> None:
    page.reload()
    page.wait_for_function("() => window.pledgegraph !== undefined && window.pledgegraph.loads > 0")


def test_an_edge_type_toggle_hides_only_its_edges_in_place_and_the_link_restores_it(page):
    _ask(page, "澜江路越江隧道")
    before = _canvas(page)
    keys = {e["key"] for e in before["edges"]}
    assert {"RESPONSIBLE_FOR:lead", "RESPONSIBLE_FOR:cooperate", "CONCERNS"} <= keys
    # The legend offers what the view holds, with counts, and nothing else.
    offered = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#legend li[data-group=edge]')]
        .map(li => [li.dataset.value, Number(li.querySelector('.count').textContent)]))""")
    assert offered == {k: sum(e["key"] == k for e in before["edges"]) for k in keys}
    assert page.locator('#legend li[data-group="edge"] label').first.inner_text().split()[0] == "牵头"
    settled = _settled(page)
    _toggle(page, "edge", "RESPONSIBLE_FOR:cooperate")
    after = _canvas(page)
    assert [e["id"] for e in after["edges"]] == [e["id"] for e in before["edges"]]
    assert all(e["hidden"] == (e["key"] == "RESPONSIBLE_FOR:cooperate") for e in after["edges"])
    assert not any(n["hidden"] for n in after["nodes"])
    moved = page.evaluate("() => window.pledgegraph.network.getPositions()")
    assert all(abs(moved[n]["x"] - p["x"]) < 2 and abs(moved[n]["y"] - p["y"]) < 2 for n, p in settled.items())
    assert "edge=RESPONSIBLE_FOR%3Acooperate" in page.url and not _box(page, "edge", "RESPONSIBLE_FOR:cooperate").is_checked()
    _reload(page)
    page.wait_for_function("() => window.pledgegraph.edges.length > 0")
    restored = _canvas(page)
    assert {e["id"]: e["hidden"] for e in restored["edges"]} == {e["id"]: e["hidden"] for e in after["edges"]}
    assert not _box(page, "edge", "RESPONSIBLE_FOR:cooperate").is_checked() and _box(page, "edge", "CONCERNS").is_checked()
    _toggle(page, "edge", "RESPONSIBLE_FOR:cooperate")
    assert not any(e["hidden"] for e in _canvas(page)["edges"]) and page.url.endswith(
        "#" + page.evaluate("() => encodeURIComponent(window.pledgegraph.selected)"))


def test_theme_and_status_filters_hide_what_carries_them_and_the_link_restores_them(page):
    _ask(page, "2024年区政府重点工作安排")
    view = _canvas(page)
    commitments = [n for n in view["nodes"] if n["kind"] == "Commitment"]
    assert {"economy", "urban_development"} <= {n["theme"] for n in commitments}
    assert {"planned", "in_progress"} <= {n["status"] for n in commitments}
    assert "经济发展" in page.locator('#legend li[data-group="theme"][data-value="economy"]').inner_text()
    _toggle(page, "theme", "economy")
    _toggle(page, "status", "planned")
    now = _canvas(page)
    gone = {n["id"] for n in now["nodes"] if n["theme"] == "economy" or n["status"] == "planned"}
    assert gone and {n["id"] for n in now["nodes"] if n["hidden"]} == gone
    assert all(e["hidden"] == (e["from"] in gone or e["to"] in gone) for e in now["edges"])
    assert page.locator('#legend li.off').count() == 2
    assert "status=planned" in page.url and "theme=economy" in page.url
    _reload(page)
    page.wait_for_function("() => window.pledgegraph.nodes.length > 0")
    assert {n["id"] for n in _canvas(page)["nodes"] if n["hidden"]} == gone
    assert not _box(page, "theme", "economy").is_checked() and not _box(page, "status", "planned").is_checked()
    assert _box(page, "theme", "urban_development").is_checked()
    page.click("#filters-reset")
    assert not any(n["hidden"] for n in _canvas(page)["nodes"]) and "&" not in page.url


def test_the_year_filter_hides_one_year_and_keeps_what_another_year_also_draws(page):
    _ask(page, "澜江路越江隧道")
    view = _canvas(page)
    assert {y for e in view["edges"] for y in e["years"]} == {2023, 2024}
    _toggle(page, "year", "2023")
    now = _canvas(page)
    hidden = {n["id"] for n in now["nodes"] if n["hidden"]}
    assert hidden and all(n["year"] == 2023 for n in now["nodes"] if n["id"] in hidden and n["year"] is not None)
    for e in now["edges"]:  # an edge of 2023 only, or one at a node of 2023 only (a 2024 commitment TRACKS it)
        assert e["hidden"] == (e["years"] == [2023] or e["from"] in hidden or e["to"] in hidden), e
    assert any(not e["hidden"] and 2023 in e["years"] for e in now["edges"])
    lead = next(n["id"] for n in now["nodes"] if n["kind"] == "Body" and any(
        e["from"] == n["id"] and e["key"] == "RESPONSIBLE_FOR:lead" and e["years"] == [2023, 2024] for e in now["edges"]))
    assert lead not in hidden  # its edge is drawn by both years' plans
    assert "year=2023" in page.url
    _reload(page)
    page.wait_for_function("() => window.pledgegraph.nodes.length > 0")
    assert {n["id"] for n in _canvas(page)["nodes"] if n["hidden"]} == hidden
    assert not _box(page, "year", "2023").is_checked() and _box(page, "year", "2024").is_checked()


def test_a_console_result_holding_nodes_is_drawn_with_the_edges_among_them(page, server):
    page.locator("#console summary").click()
    page.fill("#cypher", "MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(p:Project) WHERE p.name = '澜江路越江隧道' RETURN b, r.role AS role, p")
    page.click("#run")
    page.wait_for_selector("#console-out table")
    rows = server.store.query("MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(p:Project) WHERE p.name = '澜江路越江隧道' "
                              "RETURN b.id AS body, p.id AS project, r.role AS role").records()
    ids = {row["body"] for row in rows} | {row["project"] for row in rows}
    assert page.locator("#console-out tbody button.link[data-id]").count() == 2 * len(rows)
    assert page.locator("#as-graph").is_visible()
    page.click("#as-graph")
    page.wait_for_function("() => window.pledgegraph.shownResult > 0")
    drawn = _canvas(page)
    assert {n["id"] for n in drawn["nodes"]} == ids
    assert {(e["from"], e["to"], e["key"]) for e in drawn["edges"]} >= {
        (row["body"], row["project"], f"RESPONSIBLE_FOR:{row['role']}") for row in rows}
    assert all(e["from"] in ids and e["to"] in ids for e in drawn["edges"])
    assert "查询结果" in page.locator("#graph-note").inner_text()
    # The legend follows the drawn result: kinds are bodies and the project only.
    assert {li for li in page.evaluate("() => [...document.querySelectorAll('#legend li[data-group=kind]')]"
                                       ".map(li => li.dataset.value)")} == {"Body", "Project"}
    page.fill("#cypher", "MATCH (p:Plan) RETURN count(p) AS n")
    page.click("#run")
    page.wait_for_selector("#console-out table")
    assert page.locator("#as-graph").is_hidden()


def test_a_big_canvas_draws_straight_edges_and_arrows_only_when_zoomed_in(page):
    assert page.evaluate("() => document.getElementById('graph').dataset.detail || 'full'") == "full"
    page.evaluate("""() => {
      const pg = window.pledgegraph, nodes = [], edges = [];
      for (let i = 0; i < 600; i++) nodes.push({id: "n" + i, label: "节点" + i, x: (i % 30) * 80, y: Math.floor(i / 30) * 80});
      for (let i = 0; i < 1200; i++) edges.push({id: "e" + i, from: "n" + (i % 600), to: "n" + ((i * 7 + 1) % 600)});
      pg.network.setOptions({physics: false});
      pg.nodes.clear(); pg.edges.clear(); pg.nodes.add(nodes); pg.edges.add(edges); pg.network.fit();
    }""")
    page.wait_for_function("() => document.getElementById('graph').dataset.detail === 'big-no-arrows'")
    assert page.evaluate("() => window.pledgegraph.network.getScale()") < 0.6
    page.evaluate("() => window.pledgegraph.network.moveTo({scale: 1.0})")
    page.mouse.move(700, 450)
    page.mouse.wheel(0, -1)  # a real zoom event: the page re-decides on zoom
    page.wait_for_function("() => document.getElementById('graph').dataset.detail === 'big'")
    page.evaluate("() => { window.pledgegraph.edges.clear(); window.pledgegraph.nodes.clear(); }")
    page.wait_for_function("() => document.getElementById('graph').dataset.detail === 'full'")


def test_the_server_lays_out_the_view_and_nothing_hides_under_the_legend_or_moves_on_expand(page):
    _ask(page, "澜江路越江隧道")
    selected = page.evaluate("() => window.pledgegraph.selected")
    laid = page.evaluate("async (id) => (await (await fetch('/api/graph/' + encodeURIComponent(id))).json()).nodes",
                         selected)
    drawn = page.evaluate("(ids) => window.pledgegraph.network.getPositions(ids)", [n["id"] for n in laid])
    assert _same_places({n["id"]: n for n in laid}, drawn)  # drawn where the server put them
    free = page.evaluate("() => document.getElementById('graph').clientWidth - document.getElementById('legend-box').offsetWidth")
    on_screen = page.evaluate("""() => { const net = window.pledgegraph.network;
        return Object.values(net.getPositions()).map((p) => net.canvasToDOM(p)); }""")
    assert on_screen and all(0 <= p["x"] <= free for p in on_screen)
    body = next(n["id"] for n in laid if n["label"] == "Body")
    page.evaluate("(id) => window.pledgegraph.expand(id)", body)
    page.wait_for_function("(id) => window.pledgegraph.expanded === id", arg=body)
    after = page.evaluate("(ids) => window.pledgegraph.network.getPositions(ids)", list(drawn))
    assert _same_places(drawn, after)
    assert page.evaluate("() => window.pledgegraph.nodes.length") > len(laid)


def _same_places(a: dict, b: dict) -> bool:
    """The same nodes at the same places, to the pixel (the canvas keeps positions as float32)."""
    return a.keys() == b.keys() and all(abs(a[i]["x"] - b[i]["x"]) <= 1 and abs(a[i]["y"] - b[i]["y"]) <= 1 for i in a)
