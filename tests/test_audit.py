"""Commitment quality: each audit flag on real plan text, counts per body and theme, filters, CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.pipeline import load_paths
from pledgegraph.queries.audit import audit

DISTRICT_PLAN = """云杉区2024年区政府重点工作安排
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。(牵头单位:区建设管理委;配合单位:区交通委)
2.新增养老床位60张,提升养老服务水平。
二、民生保障
3.优化营商环境,持续提升服务企业水平。(责任单位:区发展改革委)
4.年内出台《云杉区社区食堂管理办法》,新建社区长者食堂5家。(牵头单位:区民政局)
"""
SUBDISTRICT_PLAN = """云杉区新桥街道2024年工作计划
一、民生保障
1.新增养老床位60张,提升养老服务水平。
"""

EXPECTED = {  # task → the checks it fails
    "1.推进滨河大道越江隧道建设": ["target"],  # owner named, deadline 年底前, the tunnel is the deliverable
    "2.新增养老床位60张": ["owner", "deadline", "deliverable"],  # the district government alone owns nothing
    "3.优化营商环境": ["target", "deadline", "deliverable"],
    "4.年内出台《云杉区社区食堂管理办法》": [],  # owner, 5 canteens, this year, a named document
}


@pytest.fixture
def audited(store, tmp_path):
    (tmp_path / "yunshan_2024.txt").write_text(DISTRICT_PLAN, encoding="utf-8")
    (tmp_path / "xinqiao_2024.txt").write_text(SUBDISTRICT_PLAN, encoding="utf-8")
    assert not load_paths(store, [tmp_path]).failed
    return store


def _missing_by_task(result) -> dict[str, list[str]]:
    return {next(k for k in EXPECTED if c["task"].startswith(k)): c["missing"]
            for c in result.commitments if c["document"] == "yunshan_2024.txt"}


def test_each_flag_on_a_district_plan(audited):
    assert _missing_by_task(audit(audited)) == EXPECTED


def test_a_subdistrict_owns_its_own_plan(audited):
    [own] = [c for c in audit(audited).commitments if c["document"] == "xinqiao_2024.txt"]
    assert "owner" not in own["missing"] and own["leads"] == ["云杉区新桥街道"]


def test_counts_per_body_and_theme(audited):
    result = audit(audited)
    by_body = {row["name"]: row for row in result.by_body}
    assert by_body["云杉区"]["commitments"] == 1 and by_body["云杉区"]["no_owner"] == 1
    assert by_body["区建设管理委"] == {"name": "区建设管理委", "commitments": 1, "no_owner": 0, "no_target": 1,
                                     "no_deadline": 0, "no_deliverable": 0}
    assert sum(row["commitments"] for row in result.by_theme) == len(result.commitments) == 5
    assert result.totals() == {"commitments": 5, "flagged": 4, "no_owner": 1, "no_target": 2, "no_deadline": 3,
                               "no_deliverable": 3}


def test_filters_by_body_and_theme(audited):
    assert [c["task"][:2] for c in audit(audited, body="区民政局").commitments] == ["4."]
    themes = {c["theme"] for c in audit(audited, theme="urban_development").commitments}
    assert themes == {"urban_development"}


def test_audit_command_table_and_json(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "yunshan_2024.txt").write_text(DISTRICT_PLAN, encoding="utf-8")
    db = str(tmp_path / "graph.db")
    assert CliRunner().invoke(cli, ["load", str(tmp_path / "plans"), "--db", db]).exit_code == 0
    table = CliRunner().invoke(cli, ["audit", "--db", db])
    assert table.exit_code == 0, table.output
    assert table.output.startswith("4 commitments, 3 missing something: 1 without owner, 2 without target")
    assert "owner, deadline, deliverable" in table.output
    data = json.loads(CliRunner().invoke(cli, ["audit", "--db", db, "--format", "json", "--body", "区建设管理委"]).output)
    assert data["totals"]["commitments"] == 1 and data["commitments"][0]["missing"] == ["target"]
