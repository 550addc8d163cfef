"""Exports (issue 7): every format round-trips from a real store, LadybugDB and Neo4j.

The graph is the five seeds and the four samples, loaded the way ``pledgegraph load`` loads
them. The xlsx ledger is read back with openpyxl, GraphML with networkx, JSON with json; the
Cypher script and the CSV folder's shipped import.cypher (LOAD CSV) are run into the test
Neo4j, and the graph read back from it must equal the graph exported. Hostile strings (quotes,
backslashes, line breaks, control characters, a leading "=") go through every format.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase
from pledgegraph.cli import cli
from pledgegraph.export import ExportError, export_graph
from pledgegraph.export.admin_csv import node_file, rel_file
from pledgegraph.export.ledger import ABOUT_SHEET, COLUMNS, SHEET, ledger_rows, target_text
from pledgegraph.export.read import Snapshot, describe_store, read_snapshot
from pledgegraph.export.script import split_statements
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, Edge, EdgeType, GraphDoc, Label, Node
from pledgegraph.graph.store import Store, open_store
from pledgegraph.outputs import write_file, write_folder
from pledgegraph.pipeline import load_paths
from pledgegraph.viz.subgraph import read_graph

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOW = datetime(2024, 5, 1, 9, 30, tzinfo=UTC)
# Everything a careless writer gets wrong, without a backslash (LOAD CSV's legacy escaping).
HOSTILE = ("引号\"双\" 'single' ;\n// not a comment\r\nCRLF\ttab 😀 \u2028\x85\x01 "
           "=SUM(A1) <data>&amp;</data>, 逗号;")
HOSTILE_BACKSLASH = HOSTILE + " C:\\dir\\ \\\" \\' end\\"


@pytest.fixture
def loaded(store: Store, seed_paths: list[Path]) -> Store:
    report = load_paths(store, [*seed_paths, SAMPLES])
    assert not report.failed and len(report.loaded) == len(seed_paths) + 4
    return store


def _hostile_graph(text: str) -> GraphDoc:
    doc = "hostile 'plan' \"2024\".txt"

    def at(start: int) -> dict:
        return {"doc": doc, "span_start": start, "span_end": start + 5, "evidence": text}

    plan = Node(Label.PLAN, f"plan:{doc}", {"name": doc, "issuer": text, "district": "闵行区", "year": 2024,
                                          "doc_type": "work_plan", "source": text, "sha256": "0" * 64, **at(0)})
    body = Node(Label.BODY, f"body:{text}", {"name": text, "kind": "district_dept", "jurisdiction": "上海市", **at(1)})
    task = Node(Label.COMMITMENT, "commitment:hostile", {"name": "=SUM(A1)", "text": text, "section": text,
                                                         "theme": "economy", "deadline": "2024-12-31",
                                                         "status": "planned", **at(2)})
    target = Node(Label.TARGET, "target:hostile:0", {"name": text, "metric": "新增养老床位", "value": 60.0,
                                                     "unit": "张", "comparator": ">=", **at(3)})
    project = Node(Label.PROJECT, f"project:{text}", {"name": text, "aliases": "", "kind": "program",
                                                      "status": "planned", "jurisdiction": text, **at(4)})
    edges = (Edge(EdgeType.ISSUED, body, plan, at(0)), Edge(EdgeType.CONTAINS, plan, task, at(2)),
             Edge(EdgeType.RESPONSIBLE_FOR, body, task, {"role": "lead", **at(2)}),
             Edge(EdgeType.HAS_TARGET, task, target, at(3)),
             Edge(EdgeType.CONCERNS, task, project, {"status": "planned", **at(4)}))
    return GraphDoc(doc, (plan, body, task, target, project), edges)


@pytest.fixture
def hostile(tmp_path) -> Store:
    """A LadybugDB holding one plan whose every string is hostile (no backslash)."""
    opened = open_store(tmp_path / "hostile.db")
    opened.write(_hostile_graph(HOSTILE))
    yield opened
    opened.close()


def _content(snapshot: Snapshot) -> tuple[list, list]:
    nodes = [(str(n.label), n.id, n.props) for n in snapshot.nodes]
    edges = [(str(e.type), e.source.id, e.target.id, e.props) for e in snapshot.edges]
    return nodes, edges


def _typed(data: dict) -> list:
    return sorted((name, type(value).__name__, value) for name, value in data.items())


def _raw(store: Store) -> tuple[list, Counter]:
    """The stored graph with every value's Python type, as the store returns it: what
    read_snapshot's casts would hide (a span imported as the text "200")."""
    graph = read_graph(store)
    nodes = sorted((node, _typed(data)) for node, data in graph.nodes(data=True))
    edges = Counter(json.dumps([a, b, _typed(data)], ensure_ascii=False) for a, b, data in graph.edges(data=True))
    return nodes, edges


def _empty_neo4j(uri: str) -> Store:
    target = open_store(neo4j=uri)
    target.query("MATCH (n) DETACH DELETE n", write=True)
    return target


def _run_into_neo4j(uri: str, script: str) -> Store:
    """Run the script as cypher-shell would, straight to the server: pledgegraph's own query
    refuses LOAD CSV (a query may not read files), even with --write."""
    target = _empty_neo4j(uri)
    statements = split_statements(script)
    assert statements
    with GraphDatabase.driver(uri, auth=None) as driver, driver.session() as session:
        for statement in statements:
            session.run(statement).consume()
    return target


# --- xlsx: the 台账 -----------------------------------------------------------------------------


def test_xlsx_holds_the_ledger_one_row_per_commitment(loaded, tmp_path):
    path = tmp_path / "台账.xlsx"
    exported = export_graph(loaded, "xlsx", path, now=NOW)
    commitments = loaded.counts()["nodes"]["Commitment"]
    assert exported.summary == f"{commitments} commitments"
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SHEET, ABOUT_SHEET]
    sheet = book[SHEET]
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == [column.header for column in COLUMNS]
    assert len(cells) - 1 == commitments > 200
    assert cells[1:] == ledger_rows(loaded).rows
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:R{commitments + 1}"
    task = [c.header for c in COLUMNS].index("任务内容") + 1
    assert sheet.cell(2, task).alignment.wrap_text and sheet.column_dimensions["I"].width >= 40
    about = {row[0]: row[1] for row in book[ABOUT_SHEET].iter_rows(values_only=True) if row[0]}
    assert about["来源 source"] == describe_store(loaded)
    assert about["导出时间 exported"] == "2024-05-01T09:30:00+00:00"
    assert about["任务数 commitments"] == commitments
    assert {c.header for c in COLUMNS} <= set(about)


def test_ledger_rows_say_what_the_graph_says(loaded):
    """Owners, projects and targets of each row, checked against the edges themselves."""
    snapshot = read_snapshot(loaded)
    owners: dict[tuple[str, str], set[str]] = {}
    projects: dict[str, set[str]] = {}
    targets: Counter[str] = Counter()
    for edge in snapshot.edges:
        if edge.type == EdgeType.RESPONSIBLE_FOR and edge.target.label == Label.COMMITMENT:
            owners.setdefault((edge.target.id, edge.props["role"]), set()).add(edge.source.props["name"])
        elif edge.type == EdgeType.CONCERNS:
            projects.setdefault(edge.source.id, set()).add(edge.target.props["name"])
        elif edge.type == EdgeType.HAS_TARGET and edge.source.label == Label.COMMITMENT:
            targets[edge.source.id] += 1
    header = [c.key for c in COLUMNS]
    rows = [dict(zip(header, row, strict=True)) for row in ledger_rows(loaded).rows]
    assert sorted(r["id"] for r in rows) == sorted(n.id for n in snapshot.nodes_of(Label.COMMITMENT))
    assert [r["row"] for r in rows] == list(range(1, len(rows) + 1))
    for row in rows:
        assert row["lead"] == ("、".join(sorted(owners.get((row["id"], "lead"), ()))) or None)
        assert row["cooperating"] == ("、".join(sorted(owners.get((row["id"], "cooperate"), ()))) or None)
        assert row["projects"] == ("、".join(sorted(projects.get(row["id"], ()))) or None)
        assert len((row["targets"] or "").splitlines()) == targets[row["id"]]
    assert sum(1 for r in rows if r["cooperating"]) > 10 and sum(targets.values()) > 100


def test_targets_read_as_a_person_writes_them():
    assert target_text({"metric": "新增养老床位", "comparator": ">=", "value": 60.0, "unit": "张"}) == "新增养老床位 ≥ 60 张"
    assert target_text({"metric": "新建绿地", "comparator": "=", "value": 3.71, "unit": "公顷"}) == "新建绿地 3.71 公顷"
    assert target_text({"metric": "投资", "comparator": "~", "value": 3.0, "unit": "亿元"}) == "投资 约 3 亿元"
    assert target_text({"metric": "新增储能容量", "comparator": "<=", "value": 3.0, "low": 2.0, "unit": "MW"}) == "新增储能容量 2–3 MW"


def test_xlsx_keeps_hostile_text_as_text(hostile, tmp_path):
    path = tmp_path / "ledger.xlsx"
    export_graph(hostile, "xlsx", path, now=NOW)
    sheet = openpyxl.load_workbook(path)[SHEET]
    (row,) = list(sheet.iter_rows(min_row=2))
    cells = {column.key: cell for column, cell in zip(COLUMNS, row, strict=True)}
    assert cells["commitment"].value == "=SUM(A1)" and cells["commitment"].data_type == "s"  # not a formula
    assert cells["task"].value == HOSTILE.replace("\x01", "\ufffd")  # the one character xlsx cannot hold
    assert cells["lead"].value == HOSTILE.replace("\x01", "\ufffd")
    assert cells["targets"].value == "新增养老床位 ≥ 60 张"
    assert [c.value for c in row] == ledger_rows(hostile).rows[0]


def test_xlsx_cleans_what_xml_cannot_hold_and_says_so(tmp_path):
    """U+FFFE / U+FFFF (a mis-decoded file) made openpyxl fail half way with a traceback."""
    text = "任务\ufffe内容\uffff" + HOSTILE
    db = tmp_path / "odd.db"
    with open_store(db) as source:
        source.write(_hostile_graph(text))
        expected_rows = ledger_rows(source)
    out = tmp_path / "ledger.xlsx"
    result = CliRunner().invoke(cli, ["export", "--format", "xlsx", "-o", str(out), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} (1 commitments)\n"
    (warning,) = result.stderr.splitlines()
    count = sum(cell.count("\ufffd") for cell in expected_rows.rows[0] if isinstance(cell, str))
    assert count > 0 and warning == (f"warning: {count} character(s) XML cannot hold (control characters, U+FFFE, "
                                     "U+FFFF) were replaced by U+FFFD")
    (row,) = list(openpyxl.load_workbook(out)[SHEET].iter_rows(min_row=2, values_only=True))
    task = [c.key for c in COLUMNS].index("task")
    assert row[task] == "任务\ufffd内容\ufffd" + HOSTILE.replace("\x01", "\ufffd")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_xlsx_says_when_it_cut_a_cell_excel_cannot_hold(tmp_path):
    with open_store(tmp_path / "long.db") as source:
        source.write(_hostile_graph("长" * 40_000))
        exported = export_graph(source, "xlsx", tmp_path / "ledger.xlsx", now=NOW)
    assert any(w.endswith("cell(s) longer than Excel's 32767 characters were cut (ending in …)") for w in exported.warnings)
    (row,) = list(openpyxl.load_workbook(tmp_path / "ledger.xlsx")[SHEET].iter_rows(min_row=2, values_only=True))
    assert len(row[[c.key for c in COLUMNS].index("task")]) == 32767


# --- graphml and json ---------------------------------------------------------------------------


def test_graphml_opens_with_every_node_edge_and_property(loaded, tmp_path):
    path = tmp_path / "graph.graphml"
    export_graph(loaded, "graphml", path)
    snapshot = read_snapshot(loaded)
    graph = nx.read_graphml(path, force_multigraph=True)
    counts = loaded.counts()
    assert graph.number_of_nodes() == sum(counts["nodes"].values()) == len(snapshot.nodes)
    assert graph.number_of_edges() == sum(counts["edges"].values()) == len(snapshot.edges)
    for node in snapshot.nodes:
        present = {k: v for k, v in node.props.items() if v is not None}
        assert graph.nodes[node.id] == {"label": str(node.label), **present}
    read_back = Counter(json.dumps([a, b, sorted(d.items())], ensure_ascii=False) for a, b, d in graph.edges(data=True))
    wanted = Counter(json.dumps([e.source.id, e.target.id, sorted({"type": str(e.type), **e.props}.items())],
                                ensure_ascii=False) for e in snapshot.edges)
    assert read_back == wanted
    assert len({key for _, _, key in graph.edges(keys=True)}) == graph.number_of_edges()  # Gephi merges same ids
    keys = ElementTree.parse(path).getroot().findall("{http://graphml.graphdrawing.org/xmlns}key")
    ids = [key.get("id") for key in keys]
    assert len(ids) == len(set(ids)) and not {"d3", "d7"} & set(ids)  # Gephi: yEd's node and edge label
    assert {key.get("attr.type") for key in keys} <= {"string", "long", "double", "boolean"}
    assert ">None<" not in path.read_text(encoding="utf-8")


def test_graphml_replaces_what_xml_cannot_hold_and_says_so(hostile, tmp_path):
    path = tmp_path / "hostile.graphml"
    exported = export_graph(hostile, "graphml", path)
    assert exported.warnings and "U+FFFD" in exported.warnings[0]
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.nodes["commitment:hostile"]["text"] == HOSTILE.replace("\x01", "\ufffd")
    assert graph.nodes["commitment:hostile"]["name"] == "=SUM(A1)"


def test_json_round_trips_every_property_in_a_stable_order(loaded, tmp_path):
    path = tmp_path / "graph.json"
    export_graph(loaded, "json", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    snapshot = read_snapshot(loaded)
    assert set(data) == {"nodes", "edges"}
    counts = loaded.counts()
    assert Counter(n["label"] for n in data["nodes"]) == +Counter(counts["nodes"])
    assert Counter(e["type"] for e in data["edges"]) == +Counter(counts["edges"])
    assert [(n.pop("label"), n.pop("id"), n) for n in data["nodes"]] == _content(snapshot)[0]
    assert [(e.pop("type"), e.pop("source"), e.pop("target"), e) for e in data["edges"]] == _content(snapshot)[1]
    again = tmp_path / "again.json"
    export_graph(loaded, "json", again)
    assert again.read_bytes() == path.read_bytes()


def test_json_keeps_hostile_strings(hostile, tmp_path):
    path = tmp_path / "hostile.json"
    export_graph(hostile, "json", path)
    nodes = {n["id"]: n for n in json.loads(path.read_text(encoding="utf-8"))["nodes"]}
    assert nodes["commitment:hostile"]["text"] == HOSTILE
    assert nodes[f"body:{HOSTILE}"]["name"] == HOSTILE


def test_json_streamed_page_by_page_is_the_snapshot_byte_for_byte(hostile, tmp_path):
    """The JSON export is read and written a page at a time; texts holding line separators
    (U+2028, U+0085), tabs, CRLF and an emoji come out as the snapshot's writer writes them."""
    from pledgegraph.export.graphfiles import write_json

    export_graph(hostile, "json", tmp_path / "streamed.json")
    write_json(read_snapshot(hostile), tmp_path / "snapshot.json")
    assert (tmp_path / "streamed.json").read_bytes() == (tmp_path / "snapshot.json").read_bytes()


def test_both_stores_export_the_same_bytes(seed_paths, neo4j_uri, tmp_path):
    """The same plans in LadybugDB and in Neo4j give identical files (the script's first line
    names its source store)."""
    files = {}
    for name, opened in (("ladybug", open_store(tmp_path / "graph.db")), ("neo4j", _empty_neo4j(neo4j_uri))):
        with opened:
            load_paths(opened, seed_paths)
            for fmt in ("json", "graphml", "cypher", "csv"):
                export_graph(opened, fmt, tmp_path / f"{name}.{fmt}")
            files[name] = {fmt: (tmp_path / f"{name}.{fmt}") for fmt in ("json", "graphml", "cypher")}
            files[name]["csv"] = sorted((tmp_path / f"{name}.csv").glob("*.csv"))
    for fmt in ("json", "graphml"):
        assert files["ladybug"][fmt].read_bytes() == files["neo4j"][fmt].read_bytes(), fmt
    scripts = [files[name]["cypher"].read_text(encoding="utf-8").split("\n", 1)[1] for name in ("ladybug", "neo4j")]
    assert scripts[0] == scripts[1]
    assert [p.read_bytes() for p in files["ladybug"]["csv"]] == [p.read_bytes() for p in files["neo4j"]["csv"]]


# --- cypher: a script that recreates the graph ---------------------------------------------------


def test_cypher_script_recreates_the_graph_in_neo4j(loaded, tmp_path, neo4j_uri):
    path = tmp_path / "graph.cypher"
    export_graph(loaded, "cypher", path)
    before, raw, counts = read_snapshot(loaded), _raw(loaded), loaded.counts()
    with _run_into_neo4j(neo4j_uri, path.read_text(encoding="utf-8")) as target:
        assert target.counts() == counts
        assert _content(read_snapshot(target)) == _content(before)
        assert _raw(target) == raw


def test_cypher_script_keeps_hostile_strings(tmp_path, neo4j_uri):
    with open_store(tmp_path / "hostile.db") as source:
        source.write(_hostile_graph(HOSTILE_BACKSLASH))
        export_graph(source, "cypher", tmp_path / "hostile.cypher")
        before, raw = read_snapshot(source), _raw(source)
    script = (tmp_path / "hostile.cypher").read_text(encoding="utf-8")
    assert "\r" not in script and "\x01" not in script  # escaped, so every statement ends a line
    with _run_into_neo4j(neo4j_uri, script) as target:
        after = read_snapshot(target)
        assert _raw(target) == raw
    assert _content(after) == _content(before)
    assert after.nodes_of(Label.COMMITMENT)[0].props["text"] == HOSTILE_BACKSLASH


# --- csv: neo4j-admin's layout, and LOAD CSV for a running server -------------------------------


def _csv_rows(path: Path) -> list[list[str]]:
    """The file as RFC 4180 reads it (neo4j-admin 5's default quoting)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def test_csv_is_the_neo4j_admin_import_layout(loaded, tmp_path):
    folder = tmp_path / "csv"
    export_graph(loaded, "csv", folder)
    counts = loaded.counts()
    names = {p.name for p in folder.iterdir()}
    assert names == ({node_file(label) for label in Label} | {rel_file(kind) for kind in EdgeType}
                     | {"import.sh", "import.cypher", "README.txt"})
    plan = _csv_rows(folder / "nodes_Plan.csv")
    assert plan[0][0] == "id:ID" and plan[0][-1] == ":LABEL" and "year:long" in plan[0]
    assert all(row[-1] == "Plan" for row in plan[1:])
    assert "value:double" in _csv_rows(folder / "nodes_Target.csv")[0]
    responsible = _csv_rows(folder / "rels_RESPONSIBLE_FOR.csv")
    assert responsible[0] == [":START_ID", ":END_ID", ":TYPE", *(f"{p}:string" if k == "STRING" else f"{p}:long"
                                                                 for p, k in EDGE_PROPERTIES.items())]
    for label in Label:
        rows = _csv_rows(folder / node_file(label))
        assert rows[0][1:-1] == [f"{p}:{ {'STRING': 'string', 'INT64': 'long', 'DOUBLE': 'double', 'BOOLEAN': 'boolean'}[k]}"
                                 for p, k in NODE_PROPERTIES[label].items()]
        assert len(rows) - 1 == counts["nodes"][label], label
    for kind in EdgeType:
        assert len(_csv_rows(folder / rel_file(kind))) - 1 == counts["edges"][kind], kind
    script = (folder / "import.sh").read_text(encoding="utf-8")
    assert "neo4j-admin database import full" in script and "--multiline-fields=true" in script
    for label in Label:
        assert f'--nodes="$here/{node_file(label)}"' in script
    for kind in EdgeType:
        assert f'--relationships="$here/{rel_file(kind)}"' in script


def test_csv_imports_into_neo4j_with_the_shipped_load_csv(loaded, neo4j_server, request):
    """import.cypher, run as shipped, loads the folder from the server's import directory."""
    folder = neo4j_server.import_dir / f"导出 csv {request.node.callspec.id}"
    export_graph(loaded, "csv", folder)
    before, raw, counts = read_snapshot(loaded), _raw(loaded), loaded.counts()
    with _run_into_neo4j(neo4j_server.uri, (folder / "import.cypher").read_text(encoding="utf-8")) as target:
        assert target.counts() == counts
        assert _content(read_snapshot(target)) == _content(before)
        assert _raw(target) == raw


def test_csv_keeps_hostile_strings_through_load_csv(hostile, neo4j_server):
    folder = neo4j_server.import_dir / "hostile"
    exported = export_graph(hostile, "csv", folder)
    assert exported.warnings == ()
    before, raw = read_snapshot(hostile), _raw(hostile)
    with _run_into_neo4j(neo4j_server.uri, (folder / "import.cypher").read_text(encoding="utf-8")) as target:
        assert _content(read_snapshot(target)) == _content(before)
        assert _raw(target) == raw
    rows = _csv_rows(folder / "nodes_Commitment.csv")
    assert rows[1][rows[0].index("text:string")] == HOSTILE


def test_csv_with_backslashes_is_exact_for_neo4j_admin_and_warns_about_load_csv(tmp_path):
    with open_store(tmp_path / "hostile.db") as source:
        source.write(_hostile_graph(HOSTILE_BACKSLASH))
        exported = export_graph(source, "csv", tmp_path / "csv")
    assert len(exported.warnings) == 1 and "legacy_quote_escaping=false" in exported.warnings[0]
    readme = (tmp_path / "csv" / "README.txt").read_text(encoding="utf-8")
    assert "legacy_quote_escaping=false" in readme
    assert "These files are for Neo4j, not for a spreadsheet" in readme  # formulas kept as written, and why
    rows = _csv_rows(tmp_path / "csv" / "nodes_Body.csv")
    assert rows[1][0] == f"body:{HOSTILE_BACKSLASH}"
    assert rows[1][rows[0].index("name:string")] == HOSTILE_BACKSLASH
    empty_vs_absent = _csv_rows(tmp_path / "csv" / "nodes_Project.csv")
    assert empty_vs_absent[1][empty_vs_absent[0].index("aliases:string")] == ""
    assert ',"",' in (tmp_path / "csv" / "nodes_Project.csv").read_text(encoding="utf-8")  # "" is not absent


# --- atomic writes and clear errors --------------------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_no_scratch(tmp_path):
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")

    def half_then_fail(scratch: Path) -> None:
        scratch.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match=rf"^{tmp_path}/graph\.json: cannot write it \(No space left on device\)$"):
        write_file(target, half_then_fail)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_a_failed_folder_write_leaves_the_old_folder_and_no_scratch(tmp_path):
    target = tmp_path / "csv"
    target.mkdir()
    (target / "nodes_Plan.csv").write_text("old", encoding="utf-8")

    def half_then_fail(scratch: Path) -> None:
        (scratch / "nodes_Plan.csv").write_text("half", encoding="utf-8")
        raise ValueError("broken half way")

    with pytest.raises(ValueError, match="broken half way"):
        write_folder(target, half_then_fail, owned=lambda name: True)
    assert (target / "nodes_Plan.csv").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["csv"]


def test_csv_replaces_an_earlier_export_but_never_other_files(hostile, tmp_path):
    folder = tmp_path / "out"
    export_graph(hostile, "csv", folder)
    export_graph(hostile, "csv", folder)  # an earlier export is replaced
    (folder / "notes.docx").write_text("mine", encoding="utf-8")
    with pytest.raises(ExportError, match=r"out holds files this export did not write \(notes\.docx\)"):
        export_graph(hostile, "csv", folder)
    assert (folder / "notes.docx").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_cli_exports_and_names_an_unwritable_path(hostile, tmp_path):
    hostile.close()  # the CLI opens the same file
    db = str(tmp_path / "hostile.db")
    out = tmp_path / "plans.json"
    result = CliRunner().invoke(cli, ["export", "--format", "json", "-o", str(out), "--db", db])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {out} (5 nodes, 5 edges)\n"
    assert len(json.loads(out.read_text(encoding="utf-8"))["nodes"]) == 5
    blocked = tmp_path / "plans.json" / "ledger.xlsx"  # its folder is a file
    result = CliRunner().invoke(cli, ["export", "--format", "xlsx", "-o", str(blocked), "--db", db])
    assert result.exit_code == 1
    assert result.output == f"Error: {blocked}: {out} is not a folder\n"
    result = CliRunner().invoke(cli, ["export", "--format", "pdf", "-o", str(out), "--db", db])
    assert result.exit_code == 2 and "'pdf' is not one of" in result.output
