"""Collective owners (各街镇, 各区政府, 各有关单位): a Body of kind collective in the issuer's
jurisdiction, its members from the gazetteer (or, for places it lacks, from the graph) linked by
MEMBER_OF, and a 街道's portfolio listing the district tasks given to 各街镇 — on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from pledgegraph.graph.model import EdgeType, Label
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.collective import collective, collective_place, members
from pledgegraph.loaders.extract import extract_file
from pledgegraph.loaders.record import Issuer
from pledgegraph.pipeline import load_paths, remove_document
from pledgegraph.queries.run import portfolio

# A district plan of a real district (the gazetteer knows its 街道 and 镇), written for the test.
DISTRICT = """杭州市西湖区人民政府关于印发《西湖区2025年老旧小区综合改造提升工作方案》的通知

各街道办事处、镇人民政府，区政府各部门、各直属单位：
　　现将《西湖区2025年老旧小区综合改造提升工作方案》印发给你们，请认真贯彻执行。

杭州市西湖区人民政府
2025年3月12日

西湖区2025年老旧小区综合改造提升工作方案

一、工作目标
　　全年完成老旧小区综合改造30个，惠及居民1.2万户。

二、主要任务
　　（一）摸清改造底数。各街镇负责对辖区内2000年底前建成的住宅小区开展排查，6月底前形成改造清单。
　　（二）推进加装电梯。既有住宅加装电梯开工不少于120台。（牵头单位：区住建局；配合单位：各街镇）
　　（三）强化资金保障。区财政局统筹安排改造资金，各有关单位按职责做好配合。
　　（四）做好群众工作。相关街镇做好居民意见征询，确保改造方案居民同意率达到90%以上。
"""

# One of that district's subdistricts, with its own plan.
SUBDISTRICT = """西湖区翠苑街道2025年工作要点

一、提升城市治理水平
　　（一）完成翠苑一区、二区综合改造，同步实施雨污分流。
　　（二）推进垃圾分类精准投放，年底前建成定时定点投放点15个。
"""

# The same kind of task in another district's plan.
OTHER_DISTRICT = """杭州市上城区人民政府关于印发《上城区2025年背街小巷整治工作方案》的通知

各街道办事处，区政府各部门：
　　现将《上城区2025年背街小巷整治工作方案》印发给你们，请认真贯彻执行。

杭州市上城区人民政府
2025年3月20日

上城区2025年背街小巷整治工作方案

一、主要任务
　　（一）开展背街小巷环境整治。各街镇负责对辖区内背街小巷开展排查，年底前完成整治40条。
"""

# A city plan giving work to its districts.
CITY = """杭州市人民政府办公厅关于印发《杭州市2025年城市道路积水点整治工作方案》的通知

各区、县（市）人民政府，市政府各部门、各直属单位：
　　现将《杭州市2025年城市道路积水点整治工作方案》印发给你们，请认真组织实施。

杭州市人民政府办公厅
2025年4月2日

杭州市2025年城市道路积水点整治工作方案

一、主要任务
　　（一）完成积水点改造。全年完成易积水点改造50处。（牵头单位：市城管局；责任单位：各区政府）
"""


@pytest.fixture
def graph_of(tmp_path):
    """The graph one written plan contributes."""
    def build(text: str, name: str):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return build_graph(extract_file(path))
    return build


def _member_ids(graph, collective_name: str) -> set[str]:
    target = next(n.id for n in graph.nodes if n.label == Label.BODY and n.props["name"] == collective_name)
    return {e.source.id for e in graph.edges if e.type == EdgeType.MEMBER_OF and e.target.id == target}


def test_collective_names_are_read_as_heads_and_a_noun():
    read = collective("各街镇(管委会)")
    assert read is not None and read.heads == ("各",) and read.noun == "街镇" and read.whole
    some = collective("各相关区政府")
    assert some is not None and some.heads == ("各", "相关") and some.noun == "区政府" and not some.whole
    assert collective("区住建局") is None and collective("各") is None


def test_members_are_the_districts_subdistricts_and_towns():
    issuer = Issuer("杭州市西湖区人民政府", "district", "西湖区", "杭州市", "浙江省")
    found = members(collective("各街镇"), collective_place(issuer))
    names = {m.name for m in found}
    assert {"翠苑街道", "北山街道", "三墩镇", "双浦镇"} <= names
    assert all(m.place.district == "西湖区" for m in found)
    assert {m.name for m in members(collective("各镇"), collective_place(issuer))} == {"三墩镇", "双浦镇"}
    assert members(collective("相关街镇"), collective_place(issuer)) == ()  # only those concerned
    assert members(collective("各有关单位"), collective_place(issuer)) == ()  # no level of place


def test_a_place_the_gazetteer_does_not_hold_has_no_members():
    unplaced = Issuer("澜川区人民政府", "district", "澜川区", None, None)
    assert collective_place(unplaced) is None
    assert members(collective("各街镇"), None) == ()


def test_the_collective_is_a_body_of_kind_collective_with_gazetteer_members(graph_of):
    graph = graph_of(DISTRICT, "district.txt")
    bodies = {n.props["name"]: n for n in graph.nodes if n.label == Label.BODY}
    assert bodies["各街镇"].props["kind"] == "collective"
    assert bodies["各街镇"].id == "body:杭州市|西湖区|各街镇"
    member_ids = _member_ids(graph, "各街镇")
    assert "body:杭州市|西湖区/翠苑街道|政府" in member_ids and "body:杭州市|西湖区/三墩镇|政府" in member_ids
    assert len(member_ids) == 12  # the 10 街道 and 2 镇 of the district
    created = {n.id: n for n in graph.nodes if n.id in member_ids}
    assert created["body:杭州市|西湖区/翠苑街道|政府"].props["kind"] == "subdistrict_gov"
    assert created["body:杭州市|西湖区/三墩镇|政府"].props["kind"] == "town_gov"
    edge = next(e for e in graph.edges if e.type == EdgeType.MEMBER_OF)
    assert edge.props["rule"] == "gazetteer" and edge.props["doc"] == "district.txt"
    assert "各街镇" in edge.props["evidence"] and edge.props["span_end"] > edge.props["span_start"] > 0


def test_a_collective_whose_members_are_unknown_has_no_member_edges(graph_of):
    graph = graph_of(DISTRICT, "district.txt")
    bodies = {n.props["name"]: n for n in graph.nodes if n.label == Label.BODY}
    for name in ("各有关单位", "相关街镇"):
        assert bodies[name].props["kind"] == "collective"
        assert _member_ids(graph, name) == set()


def test_two_districts_collectives_are_two_bodies(graph_of):
    ours = graph_of(DISTRICT, "district.txt")
    theirs = graph_of(OTHER_DISTRICT, "other.txt")

    def key(graph):
        return next(n.id for n in graph.nodes if n.label == Label.BODY and n.props["name"] == "各街镇")

    assert key(ours) != key(theirs)
    assert not _member_ids(ours, "各街镇") & _member_ids(theirs, "各街镇")


def test_a_member_is_the_issuer_of_its_own_plan(graph_of):
    member_ids = _member_ids(graph_of(DISTRICT, "district.txt"), "各街镇")
    own = graph_of(SUBDISTRICT, "cuiyuan.txt")
    issuer = next(e.source.id for e in own.edges if e.type == EdgeType.ISSUED)
    assert issuer in member_ids


def test_a_city_plans_district_governments_are_the_district_plans_issuers(graph_of):
    city = graph_of(CITY, "city.txt")
    member_ids = _member_ids(city, "各区政府")
    district_issuer = next(e.source.id for e in graph_of(DISTRICT, "district.txt").edges if e.type == EdgeType.ISSUED)
    assert district_issuer in member_ids
    names = {n.props["name"] for n in city.nodes if n.id in member_ids}
    assert "西湖区人民政府" in names and "桐庐县人民政府" not in names  # 区政府: districts, not counties


@pytest.fixture
def loaded(store, tmp_path):
    for name, text in (("xihu_plan.txt", DISTRICT), ("cuiyuan_plan.txt", SUBDISTRICT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = load_paths(store, [tmp_path / "xihu_plan.txt", tmp_path / "cuiyuan_plan.txt"], jobs=0)
    assert not report.failed
    return store


def test_portfolio_of_a_subdistrict_lists_the_district_tasks_given_to_its_collective(loaded):
    rows = portfolio(loaded, "翠苑街道").records()
    via = [(r["kind"], r["role"], r["name"], r["document"]) for r in rows if r["via"] == "各街镇"]
    assert ("task", "lead", "(一)摸清改造底数", "xihu_plan.txt") in via
    assert ("task", "cooperate", "(二)推进加装电梯", "xihu_plan.txt") in via
    own = [r for r in rows if r["via"] == ""]
    assert own and {r["document"] for r in own} == {"cuiyuan_plan.txt"}
    # Own work first, then what came through the collective.
    assert [r["via"] for r in rows] == sorted(r["via"] for r in rows)
    # 相关街镇 means only those concerned: its task is nobody's in particular.
    assert not any("群众工作" in (r["name"] or "") for r in rows)


def test_one_node_is_the_member_and_the_issuer_in_the_store(loaded):
    rows = loaded.query("MATCH (b:Body)-[m:MEMBER_OF]->(g:Body {kind: 'collective'}) "
                        "MATCH (b)-[:ISSUED]->(p:Plan) RETURN b.name AS body, g.name AS collective, "
                        "m.rule AS rule, p.doc AS plan").records()
    assert rows == [{"body": rows[0]["body"], "collective": "各街镇", "rule": "gazetteer", "plan": "cuiyuan_plan.txt"}]


def test_removing_the_district_plan_removes_its_memberships(loaded):
    assert loaded.remove("xihu_plan.txt")
    assert loaded.query("MATCH ()-[m:MEMBER_OF]->() RETURN count(m) AS n").rows == [[0]]
    # Members that only the district plan made are gone; the subdistrict that has its own plan stays.
    names = {row[0] for row in loaded.query("MATCH (b:Body) RETURN b.name AS name").rows}
    assert "北山街道" not in names and any("翠苑街道" in name for name in names)
    assert portfolio(loaded, "翠苑街道").rows


# --- members only the graph knows: the 街道 of a district the gazetteer does not hold ----------

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _graph_links(store) -> list[dict]:
    return store.query("MATCH (b:Body)-[m:MEMBER_OF]->(c:Body) WHERE m.rule = 'graph' "
                       "RETURN b.name AS body, c.name AS collective, m.doc AS doc ORDER BY body").records()


def test_a_subdistrict_whose_own_plan_is_loaded_is_a_member_the_graph_knows(store):
    district, own = SAMPLES / "lanchuan_2024_key_tasks.txt", SAMPLES / "qinglan_2024_work_plan.txt"
    first = load_paths(store, [district, own], jobs=0)
    assert first.members == 1
    links = _graph_links(store)
    assert [(row["collective"], row["doc"]) for row in links] == [("各街道", "lanchuan_2024_key_tasks.txt")]
    assert "青岚街道" in links[0]["body"]
    via = {row["name"] for row in portfolio(store, "青岚街道").records() if row["via"] == "各街道"}
    assert "7.完善综合交通网络" in via
    assert load_paths(store, [district, own], jobs=0).members == 0  # unchanged: nothing written again


def test_removing_the_members_own_plan_removes_what_the_graph_knew(store):
    district, own = SAMPLES / "lanchuan_2024_key_tasks.txt", SAMPLES / "qinglan_2024_work_plan.txt"
    load_paths(store, [district, own], jobs=0)
    assert remove_document(store, "qinglan_2024_work_plan.txt")
    assert _graph_links(store) == []
    names = {row[0] for row in store.query("MATCH (b:Body) RETURN b.name AS name").rows}
    assert not any("青岚街道" in name for name in names)
    load_paths(store, [own], jobs=0)  # back again: the district plan's collective takes it in
    assert len(_graph_links(store)) == 1


def test_a_district_of_several_plans_gives_one_membership_per_plan_and_no_repeated_mention(store, tmp_path):
    from pledgegraph.graph.members import COLLECTIVE_MENTIONS

    # Every document naming the district government writes its own PART_OF edge, so with
    # two district plans the issuer has two; a mention must still be read once.
    text = (SAMPLES / "lanchuan_2024_key_tasks.txt").read_text(encoding="utf-8")
    for name, body in (("district_a.txt", text), ("district_b.txt", text + "\n")):
        (tmp_path / name).write_text(body, encoding="utf-8")
    own = SAMPLES / "qinglan_2024_work_plan.txt"
    assert load_paths(store, [tmp_path / "district_a.txt", tmp_path / "district_b.txt", own], jobs=0).members == 2
    assert sorted((row["collective"], row["doc"]) for row in _graph_links(store)) == [
        ("各街道", "district_a.txt"), ("各街道", "district_b.txt")]
    rows = [tuple(row.values()) for row in store.query(COLLECTIVE_MENTIONS, {"below": ["subdistrict_gov", "town_gov"]}).records()]
    assert rows and len(rows) == len(set(rows))
    issuer = rows[0][-1]
    assert store.query("MATCH (b:Body {id: $id})-[r:PART_OF]->() RETURN count(r) AS n", {"id": issuer}).rows[0][0] > 1
