"""The body registry: abbreviations resolve to one body per jurisdiction; users extend it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.errors import LoadError
from pledgegraph.graph.cypher import add_spellings
from pledgegraph.graph.model import Label, add_spelling
from pledgegraph.loaders.aliases import load_aliases, shipped_aliases
from pledgegraph.loaders.record import Issuer
from pledgegraph.loaders.resolve import body_key
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


# --- identity: one organ, one node, whatever the spelling -----------------------------------


DEPARTMENT = Issuer("上海市静安区发展和改革委员会", "department", "静安区", "上海市", "上海市")
SUBDISTRICT = Issuer("澜川区望川街道办事处", "subdistrict", "澜川区")
OTHER_SUBDISTRICT = Issuer("澜川区河滨街道办事处", "subdistrict", "澜川区")
TOWN = Issuer("澜川区青溪镇人民政府", "town", "澜川区")


@pytest.mark.parametrize(("issuer", "names"), [
    # a department's own name, its abbreviation with and without the district
    (DEPARTMENT, ["上海市静安区发展和改革委员会", "静安区发改委", "区发展改革委", "发展改革委", "发改委"]),
    (DEPARTMENT, ["区规划资源局", "规划和自然资源局", "静安区规划和自然资源局"]),
    (DEPARTMENT, ["区建管委", "建设管理委", "区建设和管理委员会"]),
    (DEPARTMENT, ["区政府", "静安区人民政府", "上海市静安区人民政府"]),
    # a subdistrict named alone, as its office, under its district, or by itself
    (SUBDISTRICT, ["望川街道", "望川街道办事处", "澜川区望川街道", "街道办事处", "街道"]),
    (SUBDISTRICT, ["街道党工委", "中共澜川区望川街道工作委员会"]),
    (TOWN, ["青溪镇", "镇政府", "青溪镇人民政府", "澜川区青溪镇人民政府"]),
    (TOWN, ["镇财政所", "青溪镇财政所"]),
    (TOWN, ["镇党委", "中共澜川区青溪镇委员会"]),
    (TOWN, ["区委", "中共澜川区委员会"]),
])
def test_every_spelling_of_one_organ_has_one_key(issuer, names):
    assert len({body_key(name, issuer) for name in names}) == 1, {name: body_key(name, issuer) for name in names}


def test_prefix_less_units_belong_to_the_issuers_own_place():
    # 党政办 of one 街道 is not another's; 财政局 in a district department's plan is the district's
    assert body_key("党政办", SUBDISTRICT) != body_key("党政办", OTHER_SUBDISTRICT)
    assert body_key("财政局", DEPARTMENT) == body_key("区财政局", DEPARTMENT) == "body:上海市|静安区|财政局"
    assert body_key("市发改委", DEPARTMENT) == "body:上海市||发展和改革委员会" != body_key("发改委", DEPARTMENT)


PLAN_A = """上海市云杉区发展和改革委员会关于印发《云杉区2025年节能工作安排》的通知
各街道办事处:
现将《云杉区2025年节能工作安排》印发给你们。
上海市云杉区发展和改革委员会
2025年2月1日
云杉区2025年节能工作安排
一、重点任务
1.推进公共建筑节能改造。(牵头单位:区发改委;配合单位:区建管委)
2.完善节能考核。(牵头单位:发展改革委;配合单位:建设管理委)
"""
PLAN_B = """云杉区2025年建设工作安排
一、重点任务
1.推进道路大修。(牵头单位:区建设和管理委员会;配合单位:区发展改革委)
"""


def test_one_node_keeps_the_fullest_name_and_every_other_spelling(store, tmp_path):
    for name, text in (("a.txt", PLAN_A), ("b.txt", PLAN_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert not load_paths(store, [tmp_path]).failed
    rows = store.query("MATCH (b:Body) WHERE b.id ENDS WITH '发展和改革委员会' OR b.id ENDS WITH '建设和管理委员会' "
                       "RETURN b.id AS id, b.name AS name, b.aliases AS aliases ORDER BY id").records()
    assert [row["name"] for row in rows] == ["上海市云杉区发展和改革委员会", "区建设和管理委员会"]
    reform, construction = ({a for a in row["aliases"].split("; ") if a} for row in rows)
    assert construction == {"区建管委", "建设管理委"}
    assert reform == {"区发改委", "发展改革委", "区发展改革委"}
    owners = store.query("MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(:Commitment) WHERE r.role = 'lead' "
                         "RETURN DISTINCT b.name AS name, r.doc AS doc ORDER BY doc, name").rows
    assert owners == [["上海市云杉区发展和改革委员会", "a.txt"], ["区建设和管理委员会", "b.txt"]]


def test_the_stores_add_a_spelling_as_the_model_does(store):
    # The same rule in Python (batches merged before writing) and in Cypher (nodes already
    # stored): a longer spelling becomes the name, the others join the aliases, once each.
    store.query("CREATE (b:Body {id: 'b1', name: '区发改委', aliases: ''})", write=True)
    name, aliases = "区发改委", ""
    for spelling in ["发展改革委", "区发展和改革委员会", "区发改委", "发展改革委", "上海市区发展和改革委员会"]:
        store.execute_plan([(add_spellings(Label.BODY), {"rows": [{"id": "b1", "spelling": spelling}], "sep": "; "})])
        name, aliases = add_spelling(name, aliases, spelling)
        assert store.query("MATCH (b:Body {id: 'b1'}) RETURN b.name, b.aliases").rows == [[name, aliases]]
    assert (name, aliases) == ("上海市区发展和改革委员会", "区发改委; 发展改革委; 区发展和改革委员会")


def test_the_longest_alias_wins_and_a_registry_remembers_nothing_across_processes(tmp_path):
    """Aliases are tried by the name's last character, longest first; the names a registry
    has resolved are not sent to worker processes with it."""
    import pickle

    registry = tmp_path / "bodies.txt"
    registry.write_text("城市更新促进中心 = 更新中心\n城市更新中心 = 市更新中心\n", encoding="utf-8")
    aliases = load_aliases(registry)
    assert aliases.resolve("区更新中心") == "区城市更新促进中心"
    assert aliases.resolve("区市更新中心") == "区城市更新中心"  # 市更新中心 is longer than 更新中心
    assert aliases.resolve("区更新中心") == "区城市更新促进中心"  # the remembered answer is the same
    sent = pickle.loads(pickle.dumps(aliases))
    assert "_resolved" not in vars(sent) and sent.resolve("区市更新中心") == "区城市更新中心"
