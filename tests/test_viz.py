"""View selection (focus, filters, cap), script-safe JSON, and the viz command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.graph.store import open_store
from pledgegraph.pipeline import load_paths
from pledgegraph.viz.html import script_json
from pledgegraph.viz.subgraph import read_graph, select_view

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("viz") / "graph.db"
    with open_store(path) as store:
        load_paths(store, [SAMPLES])
    return path


@pytest.fixture(scope="module")
def graph(db):
    with open_store(db) as store:
        return read_graph(store)


def _labels(view) -> set[str]:
    return {d["label"] for _, d in view.graph.nodes(data=True)}


def test_script_json_cannot_close_the_script():
    text = script_json({"name": "</script><script>alert(1)</script>&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>&\u2028"


def test_whole_graph_without_cap(graph):
    view = select_view(graph, max_nodes=10_000)
    assert view.graph.number_of_nodes() == graph.number_of_nodes() and not view.truncated


def _kinds(graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        counts[attrs["label"]] = counts.get(attrs["label"], 0) + 1
    return counts


@pytest.mark.parametrize("cap", [10, 40, 120])
def test_a_cap_keeps_every_kind_in_proportion_and_says_what_it_cut(graph, cap):
    view = select_view(graph, max_nodes=cap)
    assert view.graph.number_of_nodes() == cap and view.truncated
    whole, kept = _kinds(graph), _kinds(view.graph)
    assert set(kept) == set(whole)  # Targets, Projects, Themes… all still there
    for kind, count in whole.items():
        assert abs(kept[kind] - cap * count / graph.number_of_nodes()) <= 1.5, (kind, kept[kind], count)
    assert view.left_out == {kind: whole[kind] - kept[kind] for kind in whole if whole[kind] > kept[kind]}
    assert f"showing {cap} of {graph.number_of_nodes()} nodes, every kind in proportion; left out " in view.note
    for kind, count in view.left_out.items():
        assert f"{count} {kind}" in view.note


def test_within_a_kind_a_cap_keeps_the_best_connected(graph):
    view = select_view(graph, max_nodes=40)
    bodies = sorted((n for n, d in graph.nodes(data=True) if d["label"] == "Body"), key=lambda n: -graph.degree(n))
    kept = [n for n in bodies if n in view.graph]
    assert kept == bodies[: len(kept)]


def test_a_capped_focus_view_keeps_the_focus_and_every_kind_nearby(graph):
    project = next(n for n, d in graph.nodes(data=True) if d.get("name") == "澜江路越江隧道")
    wide = select_view(graph, focus=project, depth=3, max_nodes=100_000)
    view = select_view(graph, focus=project, depth=3, max_nodes=30)
    assert project in view.graph and view.graph.number_of_nodes() == 30
    assert set(_kinds(view.graph)) == set(_kinds(wide.graph))
    assert sum(view.left_out.values()) == wide.graph.number_of_nodes() - 30


def test_focus_depth_one_is_the_neighbourhood(graph):
    project = next(n for n, d in graph.nodes(data=True) if d.get("name") == "澜江路越江隧道")
    view = select_view(graph, focus=project, depth=1)
    assert set(view.graph.nodes) == {project} | set(graph.successors(project)) | set(graph.predecessors(project))
    assert "1 step(s) around 澜江路越江隧道" in view.note


def test_filters(graph):
    completed = select_view(graph, status="completed")
    statuses = {d.get("status") for _, d in completed.graph.nodes(data=True) if d["label"] == "Project"}
    assert "completed" in statuses
    welfare = select_view(graph, theme="social_welfare")
    themes = {d.get("theme") for _, d in welfare.graph.nodes(data=True) if d["label"] == "Commitment"}
    assert themes == {"social_welfare"}
    district = select_view(graph, district="澜川区")
    assert "Plan" in _labels(district) and district.graph.number_of_nodes() > 0
    assert select_view(graph, district="不存在区").graph.number_of_nodes() == 0


def test_viz_command_writes_one_page(db, tmp_path):
    out = tmp_path / "view.html"
    result = CliRunner().invoke(cli, ["viz", "--db", str(db), "--focus", "越江隧道", "--depth", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 step(s) around 澜江路越江隧道" in result.output
    page = out.read_text(encoding="utf-8")
    assert "vis.Network" in page and "Content-Security-Policy" in page
    assert "<script src=" not in page and "<link" not in page


def test_a_focus_view_read_from_the_neighbourhood_equals_one_read_from_the_whole_graph(store, shared):
    from pledgegraph.graph.model import Label
    from pledgegraph.pipeline import load_paths
    from pledgegraph.queries.run import find
    from pledgegraph.viz.subgraph import read_neighbourhood

    load_paths(store, [shared / "seeds"])
    whole = read_graph(store)
    focuses = [(find(store, "越江隧道", "project").id, Label.PROJECT), (find(store, "浦锦街道", "body").id, Label.BODY),
               ("theme:economy", Label.THEME)]
    for (focus, label), depth in zip(focuses, (2, 1, 3), strict=True):
        expected = select_view(whole, focus, depth, max_nodes=100_000)
        got = select_view(read_neighbourhood(store, focus, label, depth), focus, depth, max_nodes=100_000)
        assert expected.graph.number_of_nodes() > 10
        assert dict(got.graph.nodes(data=True)) == dict(expected.graph.nodes(data=True))
        assert sorted(map(str, got.graph.edges(data=True))) == sorted(map(str, expected.graph.edges(data=True)))


def test_the_template_is_filled_in_one_pass():
    from pledgegraph.viz.html import fill_template

    page = fill_template("<title>@@TITLE@@</title><h1>@@TITLE@@</h1><script>@@DATA@@</script>",
                         {"TITLE": "@@DATA@@", "DATA": '{"name": "@@TITLE@@"}'})
    assert page == '<title>@@DATA@@</title><h1>@@DATA@@</h1><script>{"name": "@@TITLE@@"}</script>'
    with pytest.raises(KeyError, match="NOTE"):
        fill_template("@@NOTE@@", {})


def test_a_focus_named_like_a_marker_stays_in_the_title(db, tmp_path):
    from pledgegraph.viz.html import render_html

    with open_store(db) as store:
        view = select_view(read_graph(store))
    page = render_html(view, title="@@DATA@@ @@VIS_JS@@ </title>")
    assert "<title>@@DATA@@ @@VIS_JS@@ &lt;/title&gt;</title>" in page
    assert page.count("var data = {") == 1


def _viz(db, *args):
    return CliRunner().invoke(cli, ["viz", "--db", str(db), *args])


def test_an_unknown_theme_is_refused_with_a_suggestion(db, tmp_path):
    out = tmp_path / "v.html"
    result = _viz(db, "--theme", "welfare", "-o", str(out))
    assert result.exit_code == 2
    assert "no theme named 'welfare'; did you mean 'social_welfare'?" in result.stderr
    assert not out.exists()
    result = _viz(db, "--theme", "bogus", "-o", str(out))
    assert result.exit_code == 2 and "no theme named 'bogus' (themes: economy, " in result.stderr


def test_an_empty_view_is_written_and_says_so(db, tmp_path):
    out = tmp_path / "v.html"
    result = _viz(db, "--district", "不存在区", "-o", str(out))
    assert result.exit_code == 0
    assert result.stderr == "warning: the view is empty (district=不存在区): nothing in the store matches\n"
    assert out.exists()
    full = _viz(db, "-o", str(out))
    assert full.exit_code == 0 and full.stderr == ""


def test_an_unknown_focus_names_all_three_kinds_and_suggests(db, tmp_path):
    out = tmp_path / "v.html"
    result = _viz(db, "--focus", "econmy", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == "Error: no project, body or theme named like 'econmy'; did you mean 'economy' or 'education'?\n"
    result = _viz(db, "--focus", "完全无关的名字XYZ", "-o", str(out))
    assert result.stderr == "Error: no project, body or theme named like '完全无关的名字XYZ'\n"
    assert not out.exists()


def test_viz_into_a_missing_folder_is_one_line(db, tmp_path):
    out = tmp_path / "missing" / "v.html"
    result = _viz(db, "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out}: {out.parent} does not exist\n"
    assert not out.parent.exists()


def test_every_edge_type_has_a_style_of_its_own():
    from pledgegraph.graph.model import EdgeType
    from pledgegraph.viz.style import LEGEND_EDGES, edge_style

    for kind in EdgeType:
        for role in (("lead", "cooperate") if kind == EdgeType.RESPONSIBLE_FOR else (None,)):
            style = edge_style(kind, role)
            assert style["label"] != kind, f"{kind} falls back to the default style"
            assert (style["label"], style["color"], bool(style["dashes"])) in LEGEND_EDGES


def test_a_focus_on_a_collective_shows_its_members(graph):
    collective = next(n for n, d in graph.nodes(data=True) if d.get("kind") == "collective" and d["name"] == "各街道")
    view = select_view(graph, focus=collective, depth=1)
    members = {graph.nodes[a]["name"] for a, b, d in view.graph.edges(data=True)
               if d["type"] == "MEMBER_OF" and b == collective}
    assert {"望川街道", "青岚街道"} <= {name.removesuffix("办事处") for name in members}


def test_the_layout_is_stable_and_draws_neighbours_closer_than_strangers(graph):
    import itertools
    import math

    from pledgegraph.viz.layout import positions

    view = select_view(graph, max_nodes=10_000).graph
    placed = positions(view)
    assert placed == positions(view) and set(placed) == set(view.nodes)  # same graph, same picture

    def gap(a: str, b: str) -> float:
        return math.dist(placed[a], placed[b])

    linked = [gap(a, b) for a, b in view.to_undirected().edges() if a != b]
    pairs = list(itertools.islice(itertools.combinations(sorted(view.nodes), 2), 0, None, 97))
    assert sum(linked) / len(linked) < 0.6 * sum(gap(a, b) for a, b in pairs) / len(pairs)
    assert len({(round(x), round(y)) for x, y in placed.values()}) > 0.95 * len(placed)  # nodes do not pile up


def test_the_layout_in_blocks_of_rows_is_the_same_layout(graph, monkeypatch):
    from pledgegraph.viz import layout

    view = select_view(graph, max_nodes=10_000).graph
    whole = layout.positions(view)
    monkeypatch.setattr(layout, "_ROWS", 7)  # many blocks, a short last one
    blocks = layout.positions(view)
    assert blocks.keys() == whole.keys()
    assert max(abs(a - b) for node in whole for a, b in zip(whole[node], blocks[node], strict=True)) < 1e-3
