"""Store commands through the CLI on a real LadybugDB file: load, owners, query, stats, remove."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli

SAMPLES = [str(p) for p in sorted(__import__("pathlib").Path(__file__).resolve().parents[1].joinpath("samples").glob("*.txt"))]


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "graph.db"
    result = CliRunner().invoke(cli, ["load", *SAMPLES, "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert "4 loaded, 0 unchanged, 0 failed" in result.output
    return path


def _run(*args):
    return CliRunner().invoke(cli, list(args))


def test_load_again_changes_nothing(db):
    before = json.loads(_run("stats", "--db", str(db), "--format", "json").output)
    again = _run("load", *SAMPLES, "--db", str(db))
    assert "0 loaded, 4 unchanged, 0 failed" in again.output
    assert json.loads(_run("stats", "--db", str(db), "--format", "json").output) == before
    assert before["nodes"]["Plan"] == 4


def test_owners_shows_roles_evidence_and_documents(db):
    result = _run("owners", "越江隧道", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["body"], r["role"]) for r in rows] == [("区建设管理委", "lead"), ("区规划资源局", "cooperate")]
    assert all(r["document"] == "lanchuan_2024_key_tasks.txt" and "责任单位" in r["evidence"] for r in rows)


def test_project_in_plan_and_report_has_owners_from_both(db):
    rows = json.loads(_run("owners", "北塘河岸线贯通工程", "--db", str(db), "--format", "json").output)
    assert {r["document"] for r in rows} == {"wangchuan_2024_work_plan.txt", "wangchuan_2024_midyear_report.txt"}


def test_ambiguous_name_lists_candidates(db):
    result = _run("owners", "小区", "--db", str(db))
    assert result.exit_code == 2
    assert "candidate" in result.stderr and "枫林苑小区" in result.stderr


def test_unknown_name_is_a_clear_error(db):
    result = _run("portfolio", "不存在的单位", "--db", str(db))
    assert result.exit_code == 1 and "no body named like" in result.stderr


def test_query_formats_and_parameters(db):
    cypher = "MATCH (p:Plan) WHERE p.year = $year RETURN p.doc AS doc ORDER BY doc"
    result = _run("query", cypher, "--param", "year=2024", "--format", "csv", "--db", str(db))
    assert result.output.splitlines()[0] == "doc" and len(result.output.splitlines()) == 5
    named = _run("query", "plan_summary", "--format", "json", "--db", str(db))
    # Each plan's issuer as it writes itself, in its fullest form (title, signature or notice).
    assert {r["issuer"] for r in json.loads(named.output)} == {"上海市澜川区人民政府", "青岚街道办事处", "望川街道办事处"}


def test_query_refuses_writes_without_flag(db):
    result = _run("query", "MATCH (n:Project) DETACH DELETE n", "--db", str(db))
    assert result.exit_code == 1 and "--write" in result.stderr
    assert json.loads(_run("stats", "--db", str(db), "--format", "json").output)["nodes"]["Project"] > 0


def test_remove_and_schema(db):
    assert _run("remove", "qinglan_2024_work_plan.txt", "--db", str(db)).exit_code == 0
    stats = json.loads(_run("stats", "--db", str(db), "--format", "json").output)
    assert stats["nodes"]["Plan"] == 3
    again = _run("remove", "qinglan_2024_work_plan.txt", "--db", str(db))
    assert again.exit_code == 1 and "not in the store" in again.stderr
    schema = _run("schema").output
    assert "RESPONSIBLE_FOR" in schema and "Body→Project" in schema


def test_a_broken_file_fails_alone(tmp_path):
    bad = tmp_path / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    result = _run("load", str(bad), SAMPLES[0], "--db", str(tmp_path / "g.db"))
    assert result.exit_code == 1
    assert "1 loaded, 0 unchanged, 1 failed" in result.output
    assert "broken.txt" in result.stderr


def test_a_department_in_district_and_subdistrict_plans_is_one_body(db):
    result = _run("portfolio", "区房管局", "--db", str(db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    documents = {row["document"] for row in json.loads(result.output)}
    assert documents == {"lanchuan_2024_key_tasks.txt", "wangchuan_2024_work_plan.txt"}


FORMULAS = """虹桥街道2024年工作计划

=HYPERLINK("http://evil.example/","点击")全年新增注册企业500家以上。

@SUM(1+1)优化营商环境,年底前实现高频事项全程网办。

+1+2完善养老服务,新增养老床位50张。

-2+3推进“一网通办”改革。
"""


def test_csv_cells_never_run_as_spreadsheet_formulas(tmp_path):
    import csv
    import io

    plan = tmp_path / "formulas.txt"
    plan.write_text(FORMULAS, encoding="utf-8")
    db = str(tmp_path / "f.db")
    assert _run("load", str(plan), "--db", db).exit_code == 0
    cypher = "MATCH (c:Commitment) RETURN c.name AS name, c.span_start AS start ORDER BY start"
    rows = list(csv.reader(io.StringIO(_run("query", cypher, "--format", "csv", "--db", db).output)))
    assert [row[0][:6] for row in rows[1:]] == ["'=HYPE", "'@SUM(", "'+1+2完", "'-2+3推"]
    assert all(row[1].isdigit() for row in rows[1:])  # numbers stay numbers
    assert json.loads(_run("query", cypher, "--format", "json", "--db", db).output)[0]["name"].startswith("=HYPERLINK")
    values = "RETURN $a AS a, $b AS b, $c AS c, -5 AS n, 'a=b' AS plain"
    out = _run("query", values, "-p", "a=\tx", "-p", "b=\r=1", "-p", "c=-x", "--format", "csv", "--db", db).output
    assert list(csv.reader(io.StringIO(out)))[1] == ["'\tx", "'\r=1", "'-x", "-5", "a=b"]
