"""Relations from 为X奠定基础, 依托X, 结合X, 配合X."""

from __future__ import annotations

from pledgegraph.loaders.record import BodyMention, ProjectMention
from pledgegraph.loaders.relations import find_relations


def _projects(text: str, *names: str) -> list[ProjectMention]:
    return [ProjectMention(n, "construction", text.index(n), text.index(n) + len(n)) for n in names]


def _triples(relations):
    return {(r.type, r.source, r.target) for r in relations}


def test_foundation_makes_the_later_project_depend_on_the_earlier():
    text = "推进老城一期扫尾,为“老城历史街区”开发奠定坚实基础。"
    found = find_relations(text, _projects(text, "老城一期", "老城历史街区"), [], "某街道")
    assert _triples(found) == {("depends_on", "老城历史街区", "老城一期")}


def test_relying_on_a_platform():
    text = "依托“一江一河”打造滨江游览带。"
    found = find_relations(text, _projects(text, "一江一河", "滨江游览带"), [], "某街道")
    assert _triples(found) == {("depends_on", "滨江游览带", "一江一河")}


def test_relying_on_something_named_after_the_project():
    text = "打造廉洁文化平台,依托“清风驿站”小程序发布活动。"
    found = find_relations(text, _projects(text, "廉洁文化平台", "清风驿站"), [], "某街道")
    assert _triples(found) == {("depends_on", "廉洁文化平台", "清风驿站")}


def test_helping_a_body_is_cooperation_of_the_issuer():
    text = "配合区住房集团推进长乐小区改造。"
    bodies = [BodyMention("区住房集团", "state_enterprise", 2, 7)]
    found = find_relations(text, _projects(text, "长乐小区"), bodies, "某街道")
    assert ("cooperates", "某街道", "区住房集团") in _triples(found)


def test_unrelated_sentence_gives_nothing():
    text = "推进老城一期扫尾。建设滨江游览带。"
    assert find_relations(text, _projects(text, "老城一期", "滨江游览带"), [], "某街道") == []
