"""The body registry: abbreviations resolve to one body per jurisdiction; users extend it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.errors import LoadError
from pledgegraph.loaders.aliases import load_aliases, shipped_aliases
from pledgegraph.pipeline import load_paths

PLAN = """云杉区2024年区政府重点工作安排
一、城市建设
1.推进滨河大道越江隧道建设,年底前完成主体结构。(牵头单位:区建管委;配合单位:区发改委)
"""
REPORT = """云杉区2024年上半年重点工作推进情况
一、城市建设
1.滨河大道越江隧道主体结构施工过半。(牵头单位:区建设管理委员会;配合单位:区发展和改革委员会)
"""
OTHER_DISTRICT = """河口区2024年区政府重点工作安排
一、城市建设
1.推进河口大道改造工程建设。(牵头单位:区建设管理委)
"""


@pytest.mark.parametrize(("name", "full"), [
    ("区发改委", "区发展和改革委员会"),
    ("闵行区发改委", "闵行区发展和改革委员会"),
    ("区建管委", "区建设和管理委员会"),
    ("区建设管理委", "区建设和管理委员会"),
    ("区建设管理委员会", "区建设和管理委员会"),
    ("市卫健委", "市卫生健康委员会"),
    ("区教育局", "区教育局"),  # not an abbreviation
    ("团区委", "团区委"),  # 区委 is not in the registry, and 团 is no administrative prefix
    ("某某公司发改委", "某某公司发改委"),  # an alias only after an administrative prefix
])
def test_shipped_registry(name, full):
    assert shipped_aliases().resolve(name) == full


def _bodies(store) -> list[str]:
    return sorted(row[0] for row in store.query("MATCH (b:Body) RETURN b.id AS id").rows)


def test_abbreviation_and_full_name_are_one_body_per_jurisdiction(store, tmp_path):
    for name, text in (("plan.txt", PLAN), ("report.txt", REPORT), ("other.txt", OTHER_DISTRICT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not load_paths(store, [tmp_path]).failed
    construction = [b for b in _bodies(store) if b.endswith("建设和管理委员会")]
    reform = [b for b in _bodies(store) if "发展和改革委员会" in b]
    assert len(construction) == 2 and {b.split("|")[1][:3] for b in construction} == {"云杉区", "河口区"}
    assert len(reform) == 1
    leads = store.query("MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(c:Commitment) WHERE r.role = 'lead' "
                        "RETURN DISTINCT b.id AS id, r.doc AS doc ORDER BY doc").rows
    assert {doc for body, doc in leads if body == next(b for b in construction if "云杉区" in b)} == \
        {"plan.txt", "report.txt"}


def test_a_users_registry_extends_the_shipped_one(tmp_path):
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "a.txt").write_text(PLAN.replace("区建管委", "区更新中心"), encoding="utf-8")
    (tmp_path / "plans" / "b.txt").write_text(REPORT.replace("区建设管理委员会", "区城市更新促进中心"),
                                              encoding="utf-8")
    registry = tmp_path / "bodies.txt"
    registry.write_text("# our district\n城市更新促进中心 = 更新中心\n", encoding="utf-8")
    db = str(tmp_path / "graph.db")
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "plans"), "--db", db, "--aliases", str(registry)])
    assert result.exit_code == 0, result.output
    rows = CliRunner().invoke(cli, ["query", "MATCH (b:Body) WHERE b.id CONTAINS '更新' RETURN b.id AS id",
                                    "--db", db, "--format", "json"]).output
    assert rows.count('"id"') == 1 and "城市更新促进中心" in rows
    assert load_aliases(registry).resolve("区发改委") == "区发展和改革委员会"  # shipped entries stay


@pytest.mark.parametrize(("text", "message"), [
    ("城市更新促进中心\n", "bodies.txt:1: expected 'full name = alias"),
    ("甲中心 = 中心甲\n\n乙中心 = 中心甲\n", "bodies.txt:3: '中心甲' is already an alias of '甲中心'"),
    ("甲中心 = \n", "bodies.txt:1: expected"),
])
def test_a_broken_registry_names_the_file_and_line(tmp_path, text, message):
    registry = tmp_path / "bodies.txt"
    registry.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=message):
        load_aliases(registry)


def test_the_load_command_reports_a_missing_registry(tmp_path):
    result = CliRunner().invoke(cli, ["load", str(tmp_path), "--db", str(tmp_path / "g.db"),
                                      "--aliases", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1 and "nope.txt: aliases file not found" in result.output
