"""The HTML views in a real headless Chromium: offline, complete, searchable, and safe.

The plan below carries script and onerror payloads in its names and text; they must show as
text and never run (the global flag they would set stays unset). It also names projects after
the page template's markers (@@VIS_JS@@, @@DATA@@): they must stay names, in the data and in
the title, never be filled in.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import pyvis
from pledgegraph.graph.store import open_store
from pledgegraph.pipeline import load_paths
from pledgegraph.viz.html import render_html
from pledgegraph.viz.subgraph import read_graph, select_view

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HOSTILE = """恶意街道2024年工作计划
一、城市建设
1.推进《<img src=x onerror=window.__pwned=2>》建设,配合区住房集团推进“O'B\\"}{”小区改造。
2.实施《<script>window.__pwned=1</script>》计划,建成“</script><b>x”广场。
3.推进《@@VIS_JS@@》建设,实施《@@DATA@@》计划,建成“<!--<script>”广场。
"""
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI must run the browser tests: Debian's chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("viz")
    (folder / "plans").mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, folder / "plans" / sample.name)
    (folder / "plans" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    with open_store(folder / "graph.db") as store:
        report = load_paths(store, [folder / "plans"])
        assert not report.failed
        graph = read_graph(store)
    out = {}
    for name, view in {"all": select_view(graph), "capped": select_view(graph, max_nodes=20)}.items():
        out[name] = folder / f"{name}.html"
        out[name].write_text(render_html(view, title=f"<b>{name}</b>"), encoding="utf-8")
    out["graph"] = graph
    out["all_graph"] = select_view(graph).graph  # what the "all" page draws (capped at the default)
    out["count"] = select_view(graph).graph.number_of_nodes()
    marker = next(n for n, d in graph.nodes(data=True) if d.get("name") == "@@DATA@@")
    view = select_view(graph, focus=marker, depth=1)
    out["marker"] = folder / "marker.html"
    out["marker"].write_text(render_html(view, title=f"pledgegraph — {view.note}"), encoding="utf-8")
    tunnel = next(n for n, d in graph.nodes(data=True) if d.get("name") == "澜江路越江隧道")
    out["tunnel"] = tunnel
    out["owners"] = sorted({a for a, b, d in graph.in_edges(tunnel, data=True) if d["type"] == "RESPONSIBLE_FOR"})
    out["owner_rows"] = sorted((graph.nodes[a]["name"], d["role"], d["doc"], d["evidence"])
                               for a, b, d in graph.in_edges(tunnel, data=True) if d["type"] == "RESPONSIBLE_FOR")
    view = select_view(graph, focus=tunnel, depth=2)
    out["focus"] = folder / "focus.html"
    out["focus"].write_text(render_html(view, title=f"pledgegraph — {view.note}"), encoding="utf-8")
    return out


@pytest.fixture()
def browser_page(chromium):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        page = context.new_page()
        page.events = {"console": [], "errors": [], "requests": []}
        page.on("console", lambda m: page.events["console"].append((m.type, m.text)))
        page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
        page.on("request", lambda r: page.events["requests"].append(r.url))
        yield page
        browser.close()


def _open(page, path: Path) -> None:
    page.goto(path.as_uri())
    page.wait_for_function("() => window.pledgegraph !== undefined")


def test_page_loads_offline_without_errors(browser_page, pages):
    _open(browser_page, pages["all"])
    assert browser_page.events["errors"] == []
    assert [m for m in browser_page.events["console"] if m[0] == "error"] == []
    assert browser_page.events["requests"] and all(url.startswith("file://") for url in browser_page.events["requests"])


def test_network_holds_the_expected_nodes(browser_page, pages):
    _open(browser_page, pages["all"])
    names = browser_page.evaluate("() => window.pledgegraph.nodes.get().map(n => n.fullName)")
    assert len(names) == pages["count"]
    assert {"澜江路越江隧道", "区建设管理委", "望川湾数字产业园"} <= set(names)


def test_capped_view_says_it_truncated(browser_page, pages):
    _open(browser_page, pages["capped"])
    assert browser_page.evaluate("() => window.pledgegraph.nodes.length") == 20
    note = browser_page.locator("#note")
    assert "showing 20 of" in note.inner_text() and "truncated" in (note.get_attribute("class") or "")
    assert "every kind in proportion; left out " in note.inner_text() and " Commitment" in note.inner_text()
    kinds = browser_page.evaluate("() => [...new Set(window.pledgegraph.nodes.get().map(n => n.kind))].sort()")
    assert kinds == sorted({d["label"] for _, d in pages["graph"].nodes(data=True)})


def test_search_focuses_the_project_and_shows_its_evidence(browser_page, pages):
    _open(browser_page, pages["all"])
    browser_page.fill("#search-input", "澜江路越江隧道")
    browser_page.press("#search-input", "Enter")
    focused = browser_page.evaluate("() => window.pledgegraph.focused")
    assert focused.startswith("project:") and focused.endswith("澜江路越江隧道")
    assert browser_page.evaluate("() => window.pledgegraph.network.getSelectedNodes()") == [focused]
    assert browser_page.locator("#details-title").inner_text() == "Project: 澜江路越江隧道"
    assert "越江隧道" in browser_page.locator("#details").inner_text()


def test_payloads_in_plan_text_never_run(browser_page, pages):
    _open(browser_page, pages["all"])
    for text in ("<img src=x", "<script>window.__pwned=1"):
        browser_page.fill("#search-input", text)
        browser_page.press("#search-input", "Enter")
        assert text in browser_page.locator("#details").inner_text()
    browser_page.wait_for_timeout(300)
    assert browser_page.evaluate("() => typeof window.__pwned") == "undefined"
    assert browser_page.locator("h1").inner_text() == "<b>all</b>"
    assert browser_page.locator("#details img, #details script, #details b").count() == 0
    assert browser_page.locator("#owners img, #owners script, #owners b").count() == 0
    assert browser_page.events["errors"] == []


def test_names_like_the_template_markers_stay_names(browser_page, pages):
    _open(browser_page, pages["all"])
    names = browser_page.evaluate("() => window.pledgegraph.nodes.get().map(n => n.fullName)")
    assert {"@@VIS_JS@@", "@@DATA@@", "<!--<script>"} <= set(names)
    for name in ("@@VIS_JS@@", "@@DATA@@", "<!--<script>"):
        browser_page.fill("#search-input", name)
        browser_page.press("#search-input", "Enter")
        assert browser_page.locator("#details-title").inner_text() == f"Project: {name}"
    assert browser_page.events["errors"] == []
    assert browser_page.evaluate("() => typeof window.__pwned") == "undefined"
    library = (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js").read_text(encoding="utf-8")
    assert pages["all"].read_text(encoding="utf-8").count(library[:300]) == 1  # once, never spliced into the data


def test_a_focus_named_like_a_marker_stays_in_the_title_as_text(browser_page, pages):
    _open(browser_page, pages["marker"])
    assert browser_page.locator("h1").inner_text() == "pledgegraph — 1 step(s) around @@DATA@@"
    assert browser_page.title() == "pledgegraph — 1 step(s) around @@DATA@@"
    assert browser_page.evaluate("() => window.pledgegraph.focused").endswith("@@DATA@@")
    assert browser_page.locator("#details-title").inner_text() == "Project: @@DATA@@"
    assert browser_page.events["errors"] == []


def test_a_focus_view_opens_fitted_to_the_focus_and_its_owners(browser_page, pages):
    assert pages["owners"], "the project has owners in the samples"
    _open(browser_page, pages["focus"])
    assert browser_page.evaluate("() => window.pledgegraph.focused") == pages["tunnel"]
    for node in [pages["tunnel"], *pages["owners"]]:
        assert browser_page.evaluate("id => window.pledgegraph.onScreen(id)", node), node


def test_search_fits_the_found_node_and_all_its_neighbours_on_a_whole_graph(browser_page, pages):
    _open(browser_page, pages["all"])
    for name in ("澜江路越江隧道", "区建设管理委"):  # a project, and a body that leads many
        browser_page.fill("#search-input", name)
        browser_page.press("#search-input", "Enter")
        focused = browser_page.evaluate("() => window.pledgegraph.focused")
        around = browser_page.evaluate("id => [id, ...window.pledgegraph.network.getConnectedNodes(id)]", focused)
        assert len(around) > 3
        off = [node for node in around if not browser_page.evaluate("id => window.pledgegraph.onScreen(id)", node)]
        assert off == [], off


def test_the_panel_of_a_project_lists_its_owners_with_role_document_and_evidence(browser_page, pages):
    _open(browser_page, pages["all"])
    browser_page.fill("#search-input", "澜江路越江隧道")
    browser_page.press("#search-input", "Enter")
    rows = browser_page.locator("#owners tr.owner")
    assert rows.count() == len(pages["owner_rows"]) >= 2
    assert {role for _, role, _, _ in pages["owner_rows"]} >= {"lead"}
    panel = browser_page.locator("#owners").inner_text()
    assert f"责任单位 Owners ({len(pages['owner_rows'])})" in panel
    for body, role, doc, evidence in pages["owner_rows"]:
        assert any(body in rows.nth(i).inner_text() and rows.nth(i).get_attribute("class") == f"owner {role}"
                   for i in range(rows.count())), (body, role)
        assert evidence[:30] in panel
        plan = next(d for _, d in pages["graph"].nodes(data=True) if d["label"] == "Plan" and d["doc"] == doc)
        assert plan["title"] in panel  # the document by its title, not its file name
    assert rows.first.get_attribute("class") == "owner lead"  # lead first
    lead = next(body for body, role, _, _ in pages["owner_rows"] if role == "lead")
    browser_page.locator("#owners a", has_text=lead).first.click()  # a row moves to the body
    assert browser_page.locator("#details-title").inner_text() == f"Body: {lead}"
    assert browser_page.locator("#owners").inner_text() == ""


def test_parallel_edges_of_several_documents_are_one_edge_with_a_count_and_every_evidence(browser_page, pages):
    graph = pages["all_graph"]
    groups: dict[tuple, list[dict]] = {}
    for a, b, d in graph.edges(data=True):
        groups.setdefault((a, b, d["type"], d.get("role") or ""), []).append(d)
    source, target, kind, role = key = next(k for k, v in groups.items() if len(v) > 1 and k[2] == "RESPONSIBLE_FOR")
    _open(browser_page, pages["all"])
    drawn = browser_page.evaluate("() => window.pledgegraph.edges.get()")
    assert len(drawn) == len(groups) < graph.number_of_edges()
    merged = [e for e in drawn if e["from"] == source and e["to"] == target and e["count"] == len(groups[key])]
    assert len(merged) == 1 and merged[0]["label"] == f"×{len(groups[key])}"
    browser_page.evaluate("id => window.pledgegraph.show(id, true)", merged[0]["id"])
    assert browser_page.locator("#details-title").inner_text().startswith(f"{kind} {role}: {graph.nodes[source]['name']} → ")
    items = browser_page.locator("#documents li.document")
    assert items.count() == len(groups[key])
    listed = browser_page.locator("#documents").inner_text()
    for attrs in groups[key]:
        assert graph.nodes[f"plan:{attrs['doc']}"]["title"] in listed and attrs["evidence"] in listed
    browser_page.evaluate("id => window.pledgegraph.show(id)", source)  # a node's panel has no document list
    assert browser_page.locator("#documents").inner_text() == ""
