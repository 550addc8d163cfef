"""Owner sources and the one decision: each finder on snippets written for the test, then the
priority (table > list > prose > the implicit actor) with the rule kept on every owner."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.decide.owners import decide_owners, owners_at
from pledgegraph.loaders.find.roles import find_roles, list_roles
from pledgegraph.loaders.find.subjects import find_subjects
from pledgegraph.loaders.record import BodyMention, Owner

ISSUER = Owner("某某街道", "lead", "", "default.issuer")


def _bodies(text: str, *names: str) -> list[BodyMention]:
    return [BodyMention(name, "department", text.index(name), text.index(name) + len(name)) for name in names]


def _decide(text: str, *names: str, actor: Owner = ISSUER) -> list[tuple[str, str, str]]:
    roles = find_roles(text, 0, _bodies(text, *names))
    return [(o.body, o.role, o.rule) for o in decide_owners(roles, actor)]


def test_labelled_lists_replace_the_issuer():
    text = "推进滨河步道建设。(牵头单位:区建设管理委;配合单位:区绿化市容局、各街道)"
    assert _decide(text, "区建设管理委", "区绿化市容局") == [
        ("区建设管理委", "lead", "list.label"), ("区绿化市容局", "cooperate", "list.label"),
        ("各街道", "cooperate", "list.label")]


def test_a_plain_responsibility_list_first_leads():
    assert _decide("完成老旧小区综合改造(责任单位:区房管局、区规划资源局、各街镇)") == [
        ("区房管局", "lead", "list.label"), ("区规划资源局", "cooperate", "list.label"),
        ("各街镇", "cooperate", "list.label")]


@pytest.mark.parametrize(("bracket", "expected"), [
    ("(区水务局、区农业农村委牵头,各镇配合实施)",
     [("区水务局", "lead"), ("区农业农村委", "lead"), ("各镇", "cooperate")]),
    ("(区交通委牵头负责、区公安分局、各镇组织落实)",
     [("区交通委", "lead"), ("区公安分局", "cooperate"), ("各镇", "cooperate")]),
    ("(区交通委牵头负责,区财政局按职责分工负责落实)", [("区交通委", "lead"), ("区财政局", "cooperate")]),
    ("(区交通委、区财政局、各镇组织落实)",  # no lead verb: a plain list
     [("区交通委", "lead"), ("区财政局", "cooperate"), ("各镇", "cooperate")]),
    ("(区水务局、区财政局、各镇)", [("区水务局", "lead"), ("区财政局", "cooperate"), ("各镇", "cooperate")]),
])
def test_bracketed_role_lists(bracket, expected):
    owners = _decide("加强河道日常养护,确保水质达标。" + bracket)
    assert [(body, role) for body, role, _ in owners] == expected
    assert {rule for _, _, rule in owners} <= {"list.verb", "list.bare"}


def test_a_name_in_brackets_after_a_name_is_an_alias_not_a_list():
    text = "区建设管理委(区交通委)负责停车场建设。"
    assert _decide(text, "区建设管理委") == [("区建设管理委", "lead", "verb.subject")]


def test_owner_cells_read_their_own_role_words():
    assert list_roles("区科委牵头,区财政局配合") == [("区科委", "lead"), ("区财政局", "cooperate")]
    assert list_roles("区科委、区财政局", "lead_each") == [("区科委", "lead"), ("区财政局", "lead")]


def test_each_list_governs_the_text_before_it():
    text = "建设社区食堂(责任单位:区民政局);改造公共绿地(责任单位:区绿化市容局)"
    roles = find_roles(text, 0, [])
    assert [(o.body, o.role) for o in owners_at(text.index("社区食堂"), roles, ISSUER)] == [("区民政局", "lead")]
    assert [(o.body, o.role) for o in owners_at(text.index("公共绿地"), roles, ISSUER)] == [("区绿化市容局", "lead")]


def test_helping_another_body_makes_it_lead_and_the_helper_cooperate():
    text = "配合区住房集团推进长乐小区改造,改善居住条件。"
    assert _decide(text, "区住房集团") == [
        ("区住房集团", "lead", "verb.help"), ("某某街道", "cooperate", "verb.help+default.issuer")]


def test_by_x_names_the_agent():
    assert _decide("由区文化旅游局负责举办滨江音乐节。", "区文化旅游局") == [("区文化旅游局", "lead", "verb.by")]
    # 由X组成: X is part of something, not the one acting.
    assert _decide("成立专班,由区文化旅游局组成。", "区文化旅游局") == [("某某街道", "lead", "default.issuer")]


def test_joint_work_makes_the_partner_cooperate():
    assert _decide("联合区教育局开展“小小志愿者”活动。", "区教育局") == [
        ("区教育局", "cooperate", "verb.join"), ("某某街道", "lead", "verb.join+default.issuer")]


def test_a_subject_acting_with_a_partner_leads_it():
    text = "区交通委要会同有关部门加强跟踪督查。"
    assert _decide(text, "区交通委", "有关部门") == [
        ("区交通委", "lead", "verb.subject"), ("有关部门", "cooperate", "verb.join")]


def test_bodies_joined_as_subjects_all_act_unless_joined_by_with():
    assert _decide("各村及营商办积极开展土地整理。", "各村", "营商办") == [
        ("各村", "lead", "verb.subject"), ("营商办", "lead", "verb.subject")]
    assert _decide("镇政府与用地单位签订协议。", "镇政府", "用地单位") == [
        ("镇政府", "lead", "verb.subject"), ("用地单位", "cooperate", "verb.with")]


def test_urging_a_body_makes_it_the_one_who_acts():
    assert _decide("鼓励各村积极开展复垦。", "各村") == [("各村", "lead", "verb.urge")]


def test_a_this_place_determiner_is_no_body():
    """本区 qualifies what follows it (本区骨干河道, 督促本区…工作): no owner, no body of its own."""
    from pledgegraph.loaders.extract import extract_document
    from pledgegraph.loaders.read import Document

    text = ("上海市某某区水务局关于印发《某某区河道保洁工作方案》的通知\n\n一、工作目标\n"
            "到2027年,本区骨干河道水质总体保持稳定。\n二、工作措施\n"
            "(一)加强指导。区水务局按照职责指导、督促本区中小河道保洁工作。\n")
    record = extract_document(Document("plan.txt", "plan.txt", text, "utf-8", "0" * 64))
    assert [[(o.body, o.rule) for o in c.owners] for c in record.commitments] == [
        [("上海市某某区水务局", "default.issuer")], [("上海市某某区水务局", "verb.subject")]]
    assert "本区" not in {b.name for b in record.bodies}


def test_the_plan_naming_its_issuer_by_its_level_is_the_issuer_acting():
    assert [m.name for m in find_subjects("由街道统一组织验收。")] == ["街道"]


def test_a_time_clause_gives_no_owner():
    text = "区财政局下发资金后,由管理办核实拨付。"
    assert _decide(text, "区财政局", "管理办") == [("管理办", "lead", "verb.by")]


def test_the_implicit_actor_leads_when_nobody_else_does():
    assert _decide("加强日常巡查。") == [("某某街道", "lead", "default.issuer")]
    duty = Owner("区市容局", "lead", "", "duty.heading")
    assert _decide("加强日常巡查。", actor=duty) == [("区市容局", "lead", "duty.heading")]


def test_a_short_name_of_the_actor_is_the_actor():
    duty = Owner("街道垃圾分类工作领导小组", "lead", "", "duty.heading")
    assert _decide("领导小组负责统筹推进。", "领导小组", actor=duty) == [
        ("街道垃圾分类工作领导小组", "lead", "verb.subject")]


def test_lists_outrank_prose():
    text = "区交通委负责建设停车场。(责任单位:区建设管理委)"
    assert _decide(text, "区交通委") == [("区建设管理委", "lead", "list.label")]


def test_clause_subjects_are_found_where_clauses_open():
    text = "1.镇财政所负责费用审核;物业公司协助居委开展工作。推进城投集团改革。"
    assert [m.name for m in find_subjects(text)] == ["镇财政所", "物业公司"]


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("由区水务局牵头,区城管执法局配合,完成排水设施检查。", ("区水务局", "区城管执法局"),
     [("区水务局", "lead", "verb.by"), ("区城管执法局", "cooperate", "verb.helps")]),
    ("开展应急演练,区应急局牵头,区消防救援支队、各街镇配合。", ("区应急局", "区消防救援支队", "各街镇"),
     [("区应急局", "lead", "verb.lead"), ("区消防救援支队", "cooperate", "verb.helps"),
      ("各街镇", "cooperate", "verb.helps")]),
    # A body that helps with one part and is responsible for another acts: it leads.
    ("镇政府配合做好道路养护改革,负责做好村道的日常养护。", ("镇政府",), [("镇政府", "lead", "verb.subject")]),
])
def test_a_body_opening_a_clause_with_a_helping_verb_cooperates(text, names, expected):
    assert _decide(text, *names) == expected


def test_helping_bodies_do_not_cut_the_task_into_steps():
    from pledgegraph.loaders.extract import extract_document
    from pledgegraph.loaders.read import Document

    text = "关于做好汛期防御工作的安排\n\n一、工作任务\n1.加强隐患排查，由区防汛指挥部牵头，各街镇配合，完成全区排查。\n"
    record = extract_document(Document("plan.txt", "plan.txt", text, "utf-8", "0" * 64))
    [task] = [c for c in record.commitments if "隐患排查" in c.text]
    assert "完成全区排查" in task.text
    assert [(o.body, o.role) for o in task.owners] == [("区防汛指挥部", "lead"), ("各街镇", "cooperate")]


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("区水务局负责,区应急局参与,完成排水设施检查。", ("区水务局", "区应急局"),
     [("区水务局", "lead", "verb.subject"), ("区应急局", "cooperate", "verb.helps")]),
    # A list closed by 等部门 still acts …
    ("区发展改革委、区财政局等部门结合年度预算,落实资金保障。", ("区发展改革委", "区财政局"),
     [("区发展改革委", "lead", "verb.subject"), ("区财政局", "lead", "verb.subject")]),
    # … and joins in when another body leads the sentence.
    ("区教育局牵头,区卫生健康委、区体育局等部门共同推进学生体质提升。", ("区教育局", "区卫生健康委", "区体育局"),
     [("区教育局", "lead", "verb.lead"), ("区卫生健康委", "cooperate", "verb.joins"),
      ("区体育局", "cooperate", "verb.joins")]),
    # 联合 before a body is still the subject acting with that body.
    ("区房管局牵头,区绿化市容局联合区城管执法局加强指导。", ("区房管局", "区绿化市容局", "区城管执法局"),
     [("区房管局", "lead", "verb.lead"), ("区绿化市容局", "lead", "verb.subject"),
      ("区城管执法局", "cooperate", "verb.join")]),
])
def test_prose_partners(text, names, expected):
    assert _decide(text, *names) == expected


@pytest.mark.parametrize("text", [
    "落实河长制,责任单位:区水务局,配合单位:各街镇。",
    "落实河长制,责任单位为区水务局,配合单位为各街镇。",
    "落实河长制。责任单位:区水务局;配合单位:各街镇。",
])
def test_labelled_lists_in_one_sentence_stop_at_the_next_label(text):
    assert _decide(text, "区水务局", "各街镇") == [("区水务局", "lead", "list.label"), ("各街镇", "cooperate", "list.label")]


def test_a_label_word_inside_a_name_is_no_label():
    assert _decide("(责任单位:市交通委、各区政府、各项目实施主体)") == [
        ("市交通委", "lead", "list.label"), ("各区政府", "cooperate", "list.label"),
        ("各项目实施主体", "cooperate", "list.label")]


@pytest.mark.parametrize(("text", "subjects"), [
    ("具体认定以区规资局下发的底版为准。", []),  # 以: the clause's subject is no body
    ("区建设管理委根据市交通委要求制定方案。", []),  # two bodies and a verb between them
    ("各区政府负责组织实施,区政府相关职能部门配合。", ["各区政府", "区政府相关职能部门"]),
    ("上海市江川区财政局负责资金保障。", ["上海市江川区财政局"]),
])
def test_a_subject_never_reads_past_a_body_the_finder_named(text, subjects):
    from pledgegraph.loaders.find.bodies import find_bodies
    from pledgegraph.loaders.find.subjects import find_subjects

    assert [m.name for m in find_subjects(text, find_bodies(text))] == subjects
