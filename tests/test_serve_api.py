"""``pledgegraph serve``'s JSON API on both stores, through a real uvicorn on a free port.

The API must answer as the command line does (every named query, byte for byte), refuse
writes with the graph unchanged, refuse requests naming another host (DNS rebinding) and
POSTs from another site, and send a strict CSP.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from urllib.parse import quote, urlencode

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.queries.library import named_queries
from pledgegraph.serve.app import MAX_ROWS, MAX_SUBGRAPH
from pledgegraph.serve.run import Server
from serve_client import HOSTILE, get_json, load_store
from serve_client import request as send

PROJECT = "澜江路越江隧道"
QUICK = 2.0  # the console's time limit in these tests (the command's default is 10 s)
BODY = "区建设管理委"


@pytest.fixture(scope="module", params=["ladybug", "neo4j"])
def served(request, tmp_path_factory):
    kind = request.param
    uri = request.getfixturevalue("neo4j_uri") if kind == "neo4j" else None
    store, flags = load_store(kind, tmp_path_factory.mktemp(f"serve-{kind}"), uri)
    server = Server(store, "127.0.0.1", 0, query_seconds=QUICK).start()
    server.flags, server.store = flags, store
    yield server
    server.stop()
    store.close()


def _id(server, label: str, name: str) -> str:
    hits = get_json(server, "/api/search?" + urlencode({"q": name}))["hits"]
    return next(hit["id"] for hit in hits if hit["label"] == label and hit["name"] == name)


def _params(server) -> dict[str, str]:
    return {"project": _id(server, "Project", PROJECT), "body": _id(server, "Body", BODY),
            "theme": "urban_development", "text": "隧道"}


def _cli(server, *args: str) -> str:
    result = CliRunner().invoke(cli, [*args, *server.flags])
    assert result.exit_code == 0, result.output
    return result.stdout.rstrip("\n")  # a page's "more" note goes to stderr


def test_every_named_query_answers_exactly_what_the_cli_prints(served):
    values = _params(served)
    for name, query in named_queries().items():
        assert set(query.params) <= set(values), f"give the test a value for {name}'s {query.params}"
        params = {p: values[p] for p in query.params}
        status, headers, text = send(served, "GET", f"/api/query/{name}?" + urlencode(params))
        assert status == 200, (name, text)
        assert headers["content-type"] == "application/json"
        args = [a for p, v in params.items() for a in ("--param", f"{p}={v}")]
        assert text == _cli(served, "query", name, *args, "--format", "json"), name
    assert json.loads(send(served, "GET", "/api/query/owners?" + urlencode({"project": values["project"]}))[2])


def test_a_page_says_where_the_next_one_starts_and_its_body_is_what_the_cli_prints(served):
    args = ["--param", "limit=7", "--param", "offset=14"]
    status, headers, text = send(served, "GET", "/api/query/ledger?limit=7&offset=14")
    assert status == 200 and len(json.loads(text)) == 7
    assert text == _cli(served, "query", "ledger", *args, "--format", "json")
    assert headers["x-more-rows"] == "offset=21"
    assert headers["link"] == '</api/query/ledger?limit=7&offset=21>; rel="next"'
    pages, path = [], "/api/query/audit?limit=50"
    while path:  # follow the links: every row once, as one big page has them
        status, headers, text = send(served, "GET", path)
        pages += json.loads(text)
        path = headers.get("link", "").partition("<")[2].partition(">")[0]
    assert pages == json.loads(send(served, "GET", "/api/query/audit?limit=10000")[2])
    status, headers, _ = send(served, "GET", "/api/query/audit?limit=10000")
    assert "x-more-rows" not in headers and "link" not in headers
    assert send(served, "GET", "/api/query/ledger?limit=-3")[0] == 400


def test_a_panel_holds_a_page_of_each_long_list_and_says_how_many_are_left(served):
    plan = get_json(served, "/api/search?" + urlencode({"q": "青岚街道2024年工作计划"}))["hits"]
    plan_id = next(hit["id"] for hit in plan if hit["label"] == "Plan")
    whole = get_json(served, f"/api/entity/{quote(plan_id)}")
    assert whole["page"] == {"limit": 200, "offset": 0} and whole["more"] == {}
    total = len(whole["commitments"])
    first = get_json(served, f"/api/entity/{quote(plan_id)}?limit=5")
    assert [c["id"] for c in first["commitments"]] == [c["id"] for c in whole["commitments"][:5]]
    assert first["more"] == {"commitments": {"left": total - 5, "offset": 5}}
    walked, offset = [], 0
    while True:
        page = get_json(served, f"/api/entity/{quote(plan_id)}?limit=4&offset={offset}")
        walked += page["commitments"]
        if "commitments" not in page["more"]:
            break
        offset = page["more"]["commitments"]["offset"]
    assert walked == whole["commitments"]
    theme = get_json(served, "/api/entity/theme:urban_development")
    cut = get_json(served, "/api/entity/theme:urban_development?limit=3&offset=2")
    flat = [c for plan in theme["plans"] for c in plan["commitments"]]
    assert [c for plan in cut["plans"] for c in plan["commitments"]] == flat[2:5]
    assert cut["more"]["commitments"] == {"left": len(flat) - 5, "offset": 5}


def test_a_theme_read_a_page_at_a_time_is_every_commitment_once_in_plan_order(served):
    """The theme panel reads only the plans a page falls in: walking its pages must give what
    one plain statement gives — every commitment of the theme under a plan, by year, document
    and place."""
    rows = served.store.query(
        "MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[:UNDER_THEME]->(:Theme {id: $theme}) "
        "RETURN p.year AS year, p.doc AS doc, c.span_start AS start, c.id AS id",
        {"theme": "theme:urban_development"}).records()
    expected = [r["id"] for r in sorted(rows, key=lambda r: (r["year"] is None, r["year"] or 0, r["doc"], r["start"], r["id"]))]
    assert len({r["doc"] for r in rows}) > 2
    walked, offset = [], 0
    while True:
        page = get_json(served, f"/api/entity/theme:urban_development?limit=2&offset={offset}")
        assert all(plan["commitments"] for plan in page["plans"])
        walked += [c["id"] for plan in page["plans"] for c in plan["commitments"]]
        if "commitments" not in page["more"]:
            break
        offset = page["more"]["commitments"]["offset"]
    assert walked == expected


def test_parameters_are_typed_like_the_command_line(served):
    cypher = "RETURN $n AS n, $code AS code"
    status, _, text = send(served, "POST", "/api/cypher", {"query": cypher, "params": {"n": 7, "code": "007"}})
    assert status == 200 and json.loads(text) == [{"n": 7, "code": "007"}]
    assert text == _cli(served, "query", cypher, "--param", "n=7", "--param", "code=007", "--format", "json")


def test_an_unknown_named_query_is_404_with_did_you_mean(served):
    status, _, text = send(served, "GET", "/api/query/ownres")
    assert status == 404 and "did you mean: owners" in json.loads(text)["error"]
    status, _, text = send(served, "GET", "/api/query/owners")
    assert status == 400 and "needs parameter(s): project" in json.loads(text)["error"]


def test_cypher_answers_in_the_shape_of_query(served):
    cypher = "MATCH (b:Body) WHERE b.name CONTAINS '建设' RETURN b.name AS name, b.kind AS kind ORDER BY name"
    status, _, text = send(served, "POST", "/api/cypher", {"query": cypher})
    assert status == 200
    assert text == _cli(served, "query", cypher, "--format", "json")
    assert {"name": BODY, "kind": "department"} in json.loads(text)


@pytest.mark.parametrize("cypher", [
    "CREATE (b:Body {id: 'x', name: 'x'})",
    "MATCH (b:Body) DETACH DELETE b",
    "MATCH (b:Body) SET b.name = 'gone'",
    "MERGE (b:Body {id: 'y'})",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row",
    "COPY Body FROM '/tmp/x.csv'",
    "MATCH (n) RETURN n; MATCH (m) DETACH DELETE m",
])
def test_a_write_or_file_access_is_refused_and_changes_nothing(served, cypher):
    before = served.store.counts()
    status, _, text = send(served, "POST", "/api/cypher", {"query": cypher})
    assert status == 403, text
    reason = json.loads(text)["error"]
    assert reason and "\n" not in reason and "--write" not in reason
    assert served.store.counts() == before


def test_cypher_rows_are_capped_and_the_cap_is_said(served):
    status, headers, text = send(served, "POST", "/api/cypher", {"query": "UNWIND range(1, 1500) AS i RETURN i"})
    assert status == 200
    assert [row["i"] for row in json.loads(text)] == list(range(1, MAX_ROWS + 1)) and headers["x-rows-truncated"] == str(MAX_ROWS)
    status, headers, text = send(served, "POST", "/api/cypher", {"query": f"UNWIND range(1, {MAX_ROWS}) AS i RETURN i"})
    assert len(json.loads(text)) == MAX_ROWS and "x-rows-truncated" not in headers


def test_a_runaway_statement_is_stopped_at_the_time_limit_and_the_next_one_runs(served):
    # One long step: LadybugDB's own timeout is not checked inside it (34 s past a 0.5 s limit),
    # so this holds only if the query process is really stopped.
    runaway = {"query": "UNWIND range(1, 2000000000) AS x RETURN count(x) AS n"}
    status, _, text = send(served, "POST", "/api/cypher", runaway)
    assert status == 400, text
    assert json.loads(text)["error"].startswith(f"the query ran longer than {QUICK:g} s and was stopped")
    status, _, text = send(served, "POST", "/api/cypher", {"query": "MATCH (p:Plan) RETURN count(p) AS n"})
    assert status == 200 and json.loads(text)[0]["n"] > 0


def test_a_bad_body_is_a_400_not_a_crash(served):
    assert send(served, "POST", "/api/cypher", None, {"Content-Type": "application/json"})[0] == 400
    assert send(served, "POST", "/api/cypher", {"query": 3})[0] == 400
    assert send(served, "POST", "/api/cypher", {"query": "MATCH (n) RETURN n", "params": [1]})[0] == 400


def test_a_request_naming_another_host_is_refused(served):
    for host in ("attacker.example", f"attacker.example:{served.port}", "127.0.0.1:1"):
        status, headers, _ = send(served, "GET", "/api/query/plan_summary", headers={"Host": host})
        assert status == 403, host
        assert headers["x-content-type-options"] == "nosniff"
    assert send(served, "GET", "/", headers={"Host": f"localhost:{served.port}"})[0] == 200


def test_a_post_from_another_site_is_refused(served):
    body = {"query": "MATCH (p:Plan) RETURN count(p) AS n"}
    assert send(served, "POST", "/api/cypher", body, {"Origin": "http://attacker.example"})[0] == 403
    assert send(served, "POST", "/api/cypher", body, {"Sec-Fetch-Site": "cross-site"})[0] == 403
    status, _, text = send(served, "POST", "/api/cypher", body, {"Origin": f"http://127.0.0.1:{served.port}"})
    assert status == 200 and json.loads(text) == [{"n": 5}]


def test_every_answer_carries_a_strict_csp(served):
    for path in ("/", "/static/app.js", "/api/search?q=x", "/vendor/vis-network.min.js"):
        status, headers, _ = send(served, "GET", path)
        assert status == 200, path
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
    page = send(served, "GET", "/")[2]
    assert "<script>" not in page and "onclick" not in page and "http" not in page.replace('"http-equiv', "")
    assert send(served, "GET", "/vendor/../../pyproject.toml")[0] == 404


def test_search_ranks_the_whole_name_first_and_never_takes_a_near_miss(served):
    result = get_json(served, "/api/search?" + urlencode({"q": "越江隧道"}))
    assert result["hits"][0]["label"] == "Project" and result["hits"][0]["name"] == PROJECT
    assert result["suggestions"] == []
    typo = get_json(served, "/api/search?" + urlencode({"q": "澜江路越江燧道"}))
    assert typo["hits"] == [] and PROJECT in [s["name"] for s in typo["suggestions"]]
    plans = get_json(served, "/api/search?" + urlencode({"q": "青岚街道2024年工作计划"}))["hits"]
    assert plans[0]["label"] == "Plan" and plans[0]["name"] == "青岚街道办事处 · 2024 · 青岚街道2024年工作计划"
    themes = get_json(served, "/api/search?" + urlencode({"q": "城市建设"}))["hits"]
    assert {"id": "theme:urban_development", "label": "Theme"}.items() <= next(
        h for h in themes if h["label"] == "Theme").items()
    assert get_json(served, "/api/search?q=")["hits"] == []


def test_the_project_panel_says_who_owns_it_per_document_with_evidence_and_rule(served):
    panel = get_json(served, "/api/entity/" + _id(served, "Project", PROJECT))
    owners = {(o["body"], o["role"], o["document"]) for o in panel["owners"]}
    assert {(BODY, "lead", "lanchuan_2024_key_tasks.txt"), ("区规划资源局", "cooperate", "lanchuan_2024_key_tasks.txt")} <= owners
    assert all(o["rule"] and o["evidence"] and o["body_id"].startswith("body:") for o in panel["owners"])
    assert [t["status"] for t in panel["timeline"]] == ["planned"]


def test_the_body_panel_lists_what_it_leads_and_cooperates_on(served):
    panel = get_json(served, "/api/entity/" + _id(served, "Body", BODY))
    assert PROJECT in {row["name"] for row in panel["leads"] if row["kind"] == "project"}
    assert all(row["role"] == "lead" for row in panel["leads"])
    assert "区规划资源局" in {p["name"] for p in panel["partners"]}


def test_the_plan_panel_lists_its_commitments_with_owners_and_flags(served):
    plan = get_json(served, "/api/entity/plan:lanchuan_2024_key_tasks.txt")
    assert plan["name"] == "上海市澜川区人民政府 · 2024 · 2024年区政府重点工作安排"
    work = next(c for c in plan["commitments"] if c["name"].startswith("6."))
    assert BODY in {o["name"] for o in work["leads"]} and "区规划资源局" in {o["name"] for o in work["cooperating"]}
    assert PROJECT in {p["name"] for p in work["projects"]}
    starts = [c["span_start"] for c in plan["commitments"]]
    assert starts == sorted(starts)
    assert all(set(c["flags"]) <= {"no_owner", "no_target", "no_deadline"} for c in plan["commitments"])


def test_the_theme_panel_groups_its_commitments_by_plan(served):
    panel = get_json(served, "/api/entity/theme:urban_development")
    assert panel["name"] == "城市建设"
    assert "上海市澜川区人民政府 · 2024 · 2024年区政府重点工作安排" in {p["name"] for p in panel["plans"]}
    assert all(p["commitments"] for p in panel["plans"])


def test_an_unknown_entity_is_404(served):
    assert send(served, "GET", "/api/entity/project:nothing")[0] == 404
    assert send(served, "GET", "/api/entity/nonsense")[0] == 404


def test_the_graph_merges_parallel_edges_and_keeps_their_evidence(served):
    hood = get_json(served, "/api/graph/" + _id(served, "Body", BODY))
    keys = [(e["from"], e["to"], e["type"], e["role"]) for e in hood["edges"]]
    assert len(keys) == len(set(keys))
    assert all(e["count"] == len(e["evidence"]) >= 1 for e in hood["edges"])
    assert {n["name"] for n in hood["nodes"]} >= {BODY, PROJECT}


def test_the_graph_carries_what_the_canvas_filters_by(served):
    hood = get_json(served, "/api/graph/plan:lanchuan_2024_key_tasks.txt")
    commitments = [n for n in hood["nodes"] if n["label"] == "Commitment"]
    themes = served.store.query("MATCH (p:Plan {id: 'plan:lanchuan_2024_key_tasks.txt'})-[:CONTAINS]->(c:Commitment) "
                                "RETURN c.id AS id, c.theme AS theme, c.status AS status").records()
    assert {(n["id"], n["theme"], n["status"], n["year"]) for n in commitments} == {
        (row["id"], row["theme"], row["status"], 2024) for row in themes}
    assert {n["theme_name"] for n in commitments} >= {"经济发展", "城市建设"}
    plan = next(n for n in hood["nodes"] if n["label"] == "Plan")
    assert plan["year"] == 2024 and plan["theme"] is None and plan["status"] is None
    assert all(n["year"] is None for n in hood["nodes"] if n["label"] == "Body")  # a shared node has no year of its own
    for edge in hood["edges"]:
        assert edge["docs"] == sorted({e["doc"] for e in edge["evidence"]}) == ["lanchuan_2024_key_tasks.txt"]
        assert edge["years"] == [2024] and all(e["year"] == 2024 for e in edge["evidence"])
    assert {e["role"] for e in hood["edges"] if e["type"] == "RESPONSIBLE_FOR"} <= {"lead", "cooperate"}


def _subgraph(server, body):
    status, _, text = send(server, "POST", "/api/subgraph", body)
    return status, json.loads(text)


def test_subgraph_draws_the_given_nodes_and_every_edge_among_them(served):
    project = _id(served, "Project", PROJECT)
    owners = served.store.query("MATCH (b:Body)-[:RESPONSIBLE_FOR]->(p:Project {id: $p}) RETURN DISTINCT b.id AS id",
                                {"p": project}).records()
    mentions = served.store.query("MATCH (c:Commitment)-[:CONCERNS]->(p:Project {id: $p}) RETURN c.id AS id",
                                  {"p": project}).records()
    ids = [project, *(row["id"] for row in owners + mentions)]
    status, graph = _subgraph(served, {"ids": [*ids, ids[0], "project:no-such-project"]})
    assert status == 200
    assert {n["id"] for n in graph["nodes"]} == set(ids)
    assert graph["missing"] == ["project:no-such-project"] and graph["total"] == graph["shown"] == len(ids) + 1
    among = served.store.query("MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids RETURN a.id AS a, b.id AS b, "
                               "r.role AS role, r.doc AS doc", {"ids": ids}).records()
    assert sum(e["count"] for e in graph["edges"]) == len(among) > len(owners)
    assert {(e["from"], e["to"]) for e in graph["edges"]} == {(row["a"], row["b"]) for row in among}
    lead = next(e for e in graph["edges"] if e["to"] == project and e["role"] == "lead")
    assert lead["type"] == "RESPONSIBLE_FOR" and lead["years"] == [2024] and lead["evidence"][0]["evidence"]
    # The same shape as a neighbourhood: the page draws both with one function.
    hood = get_json(served, "/api/graph/" + project)
    assert set(graph["nodes"][0]) == set(hood["nodes"][0]) and set(graph["edges"][0]) == set(hood["edges"][0])
    def unplaced(node):  # each view has its own layout
        return {k: v for k, v in node.items() if k not in ("x", "y")}
    assert unplaced({n["id"]: n for n in graph["nodes"]}[project]) == unplaced({n["id"]: n for n in hood["nodes"]}[project])


def test_subgraph_is_capped_and_says_how_many_it_was_asked_for(served):
    real = [row["id"] for row in served.store.query("MATCH (b:Body) RETURN b.id AS id ORDER BY id LIMIT 5").records()]
    ids = real + [f"commitment:none-{i}" for i in range(MAX_SUBGRAPH)]
    status, graph = _subgraph(served, {"ids": ids})
    assert status == 200
    assert graph["total"] == len(ids) and graph["shown"] == MAX_SUBGRAPH
    assert {n["id"] for n in graph["nodes"]} == set(real) and len(graph["missing"]) == MAX_SUBGRAPH - len(real)


@pytest.mark.parametrize("body", [None, {"id": ["body:x"]}, {"ids": "body:x"}, {"ids": [1]}, {"ids": ["nonsense"]},
                                  {"ids": [{"id": "body:x"}]}, ["body:x"]])
def test_a_bad_subgraph_request_is_a_one_line_400(served, body):
    status, _, text = send(served, "POST", "/api/subgraph", body, {"Content-Type": "application/json"})
    assert status == 400, text
    error = json.loads(text)["error"]
    assert error and "\n" not in error


def test_subgraph_takes_no_get_and_no_post_from_another_site(served):
    assert send(served, "GET", "/api/subgraph")[0] == 405
    body = {"ids": [_id(served, "Project", PROJECT)]}
    assert send(served, "POST", "/api/subgraph", body, {"Origin": "http://attacker.example"})[0] == 403
    assert send(served, "POST", "/api/subgraph", body, {"Sec-Fetch-Site": "cross-site"})[0] == 403


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """A LadybugDB store of the same plans, to hold each store's answers against."""
    store, _ = load_store("ladybug", tmp_path_factory.mktemp("serve-reference"))
    server = Server(store, "127.0.0.1", 0).start()
    yield server
    server.stop()
    store.close()


def test_the_canvas_answers_alike_on_both_stores(served, reference):
    project = _id(served, "Project", PROJECT)
    for path in ("/api/graph/" + project, "/api/graph/plan:lanchuan_2024_key_tasks.txt", "/api/graph/theme:economy"):
        assert get_json(served, path) == get_json(reference, path), path
    ids = [n["id"] for n in get_json(reference, "/api/graph/" + _id(served, "Body", BODY))["nodes"]]
    ours, theirs = _subgraph(served, {"ids": ids}), _subgraph(reference, {"ids": ids})
    assert ours == theirs and ours[0] == 200 and ours[1]["edges"]


def test_the_source_view_gives_the_text_and_the_span(served):
    panel = get_json(served, "/api/entity/" + _id(served, "Project", PROJECT))
    owner = panel["owners"][0]
    source = get_json(served, f"/api/source/{owner['document']}?start={owner['span_start']}&end={owner['span_end']}")
    assert source["text"][source["start"]:source["end"]] == PROJECT
    assert source["name"].startswith("上海市澜川区人民政府")
    assert send(served, "GET", "/api/source/nothing.txt")[0] == 400


def test_a_source_that_changed_since_loading_is_not_available(tmp_path):
    store, _ = load_store("ladybug", tmp_path)
    with Server(store, "127.0.0.1", 0).start() as server:
        (tmp_path / "plans" / "hostile.txt").write_text(HOSTILE + "3.新增一条。\n", encoding="utf-8")
        status, _, text = send(server, "GET", "/api/source/hostile.txt")
        assert status == 404 and "changed since it was loaded" in json.loads(text)["error"]
        (tmp_path / "plans" / "hostile.txt").unlink()
        status, _, text = send(server, "GET", "/api/source/hostile.txt")
        assert status == 404 and "not available" in json.loads(text)["error"]
    store.close()


def test_serve_prints_its_url_and_stops_on_ctrl_c(tmp_path):
    store, flags = load_store("ladybug", tmp_path)
    store.close()
    process = subprocess.Popen([sys.executable, "-m", "pledgegraph", "serve", *flags, "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ})
    try:
        line = process.stdout.readline()
        assert line.startswith("serving http://127.0.0.1:") and "read-only" in line
        port = int(line.split(":")[2].split("/")[0])
        server = type("S", (), {"port": port})
        assert send(server, "GET", "/api/query/plan_summary")[0] == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert "stopped" in out and "warning" not in err


def test_serve_warns_when_the_host_is_not_loopback(tmp_path):
    store, flags = load_store("ladybug", tmp_path)
    store.close()
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", *flags, "--host", "0.0.0.0", "--port", str(port)])
    assert result.exit_code == 1
    assert "warning: --host 0.0.0.0 is not loopback" in result.output
    assert f"cannot listen on 0.0.0.0:{port}" in result.output


def test_connections_are_marked_tcp_so_asyncio_turns_nagle_off():
    # asyncio sets TCP_NODELAY only on sockets whose proto is IPPROTO_TCP, and an accepted socket
    # copies the listener's: with proto 0 every JSON answer's body waited 40 ms for a delayed ACK.
    import socket

    from pledgegraph.serve.run import bind

    listener = bind("127.0.0.1", 0)
    client = socket.create_connection(listener.getsockname())
    accepted, _ = listener.accept()
    try:
        assert listener.proto == accepted.proto == socket.IPPROTO_TCP
    finally:
        for sock in (client, accepted, listener):
            sock.close()
