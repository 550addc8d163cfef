"""Owner rules: explicit lists, 由X负责, 配合X, 联合X, subject bodies, scoped to their clause."""

from __future__ import annotations

from pledgegraph.loaders.owners import commitment_owners, find_scopes, owners_at
from pledgegraph.loaders.record import BodyMention

ISSUER = "某某街道"


def _bodies(text: str, *names: str) -> list[BodyMention]:
    return [BodyMention(name, "department", text.index(name), text.index(name) + len(name)) for name in names]


def _roles(owners) -> list[tuple[str, str]]:
    return [(o.body, o.role) for o in owners]


def test_explicit_lead_and_cooperate_lists_replace_the_issuer():
    text = "推进滨河步道建设。(牵头单位:区建设管理委;配合单位:区绿化市容局、各街道)"
    scopes = find_scopes(text, 0, _bodies(text, "区建设管理委", "区绿化市容局"), ISSUER)
    assert _roles(commitment_owners(scopes, ISSUER)) == [
        ("区建设管理委", "lead"), ("区绿化市容局", "cooperate"), ("各街道", "cooperate")]
    assert _roles(owners_at(text.index("滨河步道"), scopes, ISSUER))[0] == ("区建设管理委", "lead")


def test_plain_responsibility_list_first_leads():
    text = "完成老旧小区综合改造(责任单位:区房管局、区规划资源局、各街镇)"
    scopes = find_scopes(text, 0, [], ISSUER)
    assert _roles(commitment_owners(scopes, ISSUER)) == [
        ("区房管局", "lead"), ("区规划资源局", "cooperate"), ("各街镇", "cooperate")]


def test_each_list_governs_the_tasks_before_it():
    text = "建设社区食堂(责任单位:区民政局);改造公共绿地(责任单位:区绿化市容局)"
    scopes = find_scopes(text, 0, [], ISSUER)
    assert _roles(owners_at(text.index("社区食堂"), scopes, ISSUER)) == [("区民政局", "lead")]
    assert _roles(owners_at(text.index("公共绿地"), scopes, ISSUER)) == [("区绿化市容局", "lead")]


def test_help_another_body_makes_it_lead_and_the_issuer_cooperate_within_the_sentence():
    text = "实施小区修缮;配合区住房集团推进长乐小区改造,改善居住条件。开展文明创建。"
    scopes = find_scopes(text, 0, _bodies(text, "区住房集团"), ISSUER)
    assert _roles(owners_at(text.index("长乐小区"), scopes, ISSUER)) == [
        ("区住房集团", "lead"), (ISSUER, "cooperate")]
    assert _roles(owners_at(text.index("小区修缮"), scopes, ISSUER)) == [(ISSUER, "lead")]
    assert _roles(owners_at(text.index("文明创建"), scopes, ISSUER)) == [(ISSUER, "lead")]


def test_by_x_responsible():
    text = "由区文化旅游局负责举办滨江音乐节。"
    scopes = find_scopes(text, 0, _bodies(text, "区文化旅游局"), ISSUER)
    assert _roles(owners_at(text.index("音乐节"), scopes, ISSUER)) == [
        ("区文化旅游局", "lead"), (ISSUER, "cooperate")]


def test_joint_work_makes_the_partner_cooperate():
    text = "联合区教育局开展“小小志愿者”活动。"
    scopes = find_scopes(text, 0, _bodies(text, "区教育局"), ISSUER)
    assert _roles(owners_at(text.index("小小"), scopes, ISSUER)) == [
        ("区教育局", "cooperate"), (ISSUER, "lead")]


def test_subject_body_leads_its_sentence():
    text = "妇联坚持以妇女儿童发展为中心,建立5个“妇女微家”;团委加强青年中心建设。"
    scopes = find_scopes(text, 0, _bodies(text, "妇联", "团委"), ISSUER)
    assert _roles(owners_at(text.index("妇女微家"), scopes, ISSUER)) == [("妇联", "lead"), (ISSUER, "cooperate")]
    assert _roles(owners_at(text.index("青年中心"), scopes, ISSUER)) == [("团委", "lead"), (ISSUER, "cooperate")]


def test_helping_a_project_makes_the_issuer_cooperate_on_that_clause_only():
    text = "关心助力古寺重建工程,承载城市记忆;实施老街改造。"
    scopes = find_scopes(text, 0, [], ISSUER)
    assert _roles(owners_at(text.index("古寺"), scopes, ISSUER)) == [(ISSUER, "cooperate")]
    assert _roles(owners_at(text.index("老街"), scopes, ISSUER)) == [(ISSUER, "lead")]


def test_no_rule_means_the_issuer_leads():
    assert _roles(commitment_owners([], ISSUER)) == [(ISSUER, "lead")]
