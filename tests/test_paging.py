"""Paged named queries, on both stores: every row exactly once across pages, in the order of one
big page; the defaults; the "more" note of ``query``; the streamed exports' bytes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.errors import QueryError
from pledgegraph.export import export_graph
from pledgegraph.export.graphfiles import write_json
from pledgegraph.export.ledger import ledger_rows
from pledgegraph.export.read import read_snapshot
from pledgegraph.queries.library import MAX_LIMIT, Page, iter_pages, named_queries, run_all, run_named
from serve_client import load_store

PAGED = [name for name, query in named_queries().items() if query.pages]


@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def loaded(request, tmp_path_factory):
    """The sample plans (and a hostile one) in a store of each kind, opened read-only, with the
    --db / --neo4j flags that name it."""
    kind = request.param
    uri = request.getfixturevalue("neo4j_uri") if kind == "neo4j" else None
    store, flags = load_store(kind, tmp_path_factory.mktemp(f"paging-{kind}"), uri)
    yield store, flags
    store.close()


def _values(store) -> dict[str, str]:
    """A value for every required parameter: the busiest project and body, a theme, a text."""
    project = store.query("MATCH (b:Body)-[:RESPONSIBLE_FOR]->(p:Project) RETURN p.id AS id, count(b) AS n "
                          "ORDER BY n DESC, id LIMIT 1").rows[0][0]
    body = store.query("MATCH (b:Body)-[:RESPONSIBLE_FOR]->(w) RETURN b.id AS id, count(w) AS n "
                       "ORDER BY n DESC, id LIMIT 1").rows[0][0]
    return {"project": project, "body": body, "theme": "urban_development", "text": "街道"}


def _params(store, name: str) -> dict[str, str]:
    values = _values(store)
    if name == "dependency_chain":  # the project with the longest chain
        values["project"] = store.query("MATCH (a:Project)-[:DEPENDS_ON*1..5]->(b:Project) RETURN a.id AS id, "
                                        "count(DISTINCT b) AS n ORDER BY n DESC, id LIMIT 1").rows[0][0]
    return {p: values[p] for p in named_queries()[name].params}


def test_every_query_that_can_grow_pages():
    assert {"ledger", "audit", "gaps", "plan_summary", "theme_commitments", "portfolio"} <= set(PAGED)
    for name in PAGED:
        assert named_queries()[name].defaults == {"limit": 100, "offset": 0}, name


@pytest.mark.parametrize("size", [1, 7])
def test_pages_hold_every_row_once_in_the_order_of_one_big_page(loaded, size):
    store, _ = loaded
    for name in PAGED:
        params = _params(store, name)
        whole = run_named(store, name, {**params, "limit": MAX_LIMIT})
        if size == 1 and len(whole.rows) > 60:
            continue  # one row a page: only the short answers (the rest are walked by 7)
        pages = list(iter_pages(store, name, params, size=size))
        rows = [row for page in pages for row in page.rows]
        assert rows == whole.rows, name
        assert whole.rows, f"{name}: the samples give it no rows, so paging is not tested"
        assert all(page.more for page in pages[:-1]) and not pages[-1].more, name
        assert [page.offset for page in pages] == list(range(0, size * len(pages), size)), name
        assert all(len(page.rows) == size for page in pages[:-1]), name


def test_the_answer_is_the_same_on_both_stores_page_by_page(tmp_path, neo4j_uri):
    pages = {}
    for kind in ("ladybug", "neo4j"):
        (tmp_path / kind).mkdir()
        store, _ = load_store(kind, tmp_path / kind, neo4j_uri if kind == "neo4j" else None)
        with store:
            pages[kind] = {name: run_named(store, name, {**_params(store, name), "limit": 9, "offset": 9}).rows
                           for name in PAGED}
    assert pages["ladybug"] == pages["neo4j"]


def test_defaults_fill_in_and_old_callers_keep_working(loaded):
    store, _ = loaded
    first = run_named(store, "ledger")
    assert isinstance(first, Page) and first.offset == 0 and first.limit == 100
    assert len(first.rows) == 100 and first.more  # the samples hold more than 100 commitments
    everything = run_all(store, "ledger")
    assert everything.rows[:100] == first.rows and len(everything.rows) > 100
    assert run_named(store, "owners", {"project": _values(store)["project"]}).rows  # no limit given
    assert named_queries()["owners"].params == ("project",)  # what a caller must give, as before


@pytest.mark.parametrize("bad", [-1, MAX_LIMIT + 1, 2.5, "ten", True])
def test_a_bad_limit_or_offset_is_refused(loaded, bad):
    store, _ = loaded
    with pytest.raises(QueryError, match="must be a whole number"):
        run_named(store, "ledger", {"limit": bad})
    with pytest.raises(QueryError, match="must be a whole number"):
        run_named(store, "gaps", {"offset": bad if bad != MAX_LIMIT + 1 else -5})


def test_query_says_on_stderr_when_more_rows_follow(loaded):
    _, flags = loaded
    runner = CliRunner()
    page = runner.invoke(cli, ["query", "ledger", "--param", "limit=5", "--param", "offset=10", "--format", "json",
                               *flags])
    assert page.exit_code == 0, page.output
    assert len(json.loads(page.stdout)) == 5  # stdout: the same JSON array, the note is not in it
    assert page.stderr == "rows 11–15; more: --param offset=15 --param limit=5\n"
    table = runner.invoke(cli, ["query", "ledger", *flags])
    assert table.stderr == "rows 1–100; more: --param offset=100\n"
    assert "(100 rows)" in table.stdout
    total = len(run_all(loaded[0], "ledger").rows)
    last = runner.invoke(cli, ["query", "ledger", "--param", f"offset={total - 3}", "--format", "csv", *flags])
    assert last.exit_code == 0 and last.stderr == ""  # the last page: nothing more to say
    assert len(list(csv.reader(io.StringIO(last.stdout)))) == 1 + 3


def test_the_json_export_streamed_is_byte_identical_to_the_snapshot(loaded, tmp_path):
    store, _ = loaded
    exported = export_graph(store, "json", tmp_path / "graph.json")
    write_json(read_snapshot(store), tmp_path / "snapshot.json")
    assert (tmp_path / "graph.json").read_bytes() == (tmp_path / "snapshot.json").read_bytes()
    data = json.loads((tmp_path / "graph.json").read_text("utf-8"))
    assert exported.summary == f"{len(data['nodes'])} nodes, {len(data['edges'])} edges"


def test_the_ledger_export_read_in_pages_holds_every_commitment_in_order(loaded, monkeypatch):
    store, _ = loaded
    whole = run_named(store, "ledger", {"limit": MAX_LIMIT}).records()
    monkeypatch.setattr("pledgegraph.queries.library.ALL_PAGE", 16)  # many pages, not one
    ledger = ledger_rows(store)
    assert [row[-1] for row in ledger.rows] == [record["id"] for record in whole]
    assert [row[0] for row in ledger.rows] == list(range(1, len(whole) + 1))
