"""Bodies: organs, suffix names with administrative prefixes, lists, and what is not a body."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.find.bodies import body_kind, find_bodies, looks_like_body, split_body_list
from pledgegraph.loaders.find.subjects import find_subjects


def _names(text: str) -> list[str]:
    return [m.name for m in find_bodies(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("贯彻落实区委区政府和街道党工委部署。", ["区委", "区政府", "街道党工委"]),
        ("落实好党中央国务院、市委市政府决策部署。", ["党中央", "国务院", "市委", "市政府"]),
        ("配合区住房集团推进旧改。", ["区住房集团"]),
        ("由区建设管理委负责,区规划资源局配合。", ["区建设管理委", "区规划资源局"]),
        ("发挥辖区复旦大学、商会等作用。", ["复旦大学", "商会"]),
        ("组建少数民族“同心圆”志愿服务团队。", ["“同心圆”志愿服务团队"]),
        ("巩固党工委理论中心组学习实效。", ["党工委理论中心组"]),
        ("依法接受区人大及其常委会监督,主动接受区政协民主监督。", ["区人大", "区政协"]),
        ("由区委宣传部牵头,区委组织部配合。", ["区委宣传部", "区委组织部"]),
        ("依托区总工会、团区委等群团组织。", ["区总工会", "团区委"]),
        ("协调区税务局做好服务。", ["区税务局"]),  # 协调 is a verb, not a district
        ("与同济大学签订合作协议。", ["同济大学"]),
        ("完善全球服务商理事会运作机制。", ["全球服务商理事会"]),
        ("发挥街道上海戏剧学院等公共资源作用。", ["上海戏剧学院"]),
        ("纽带作用总工会聚焦职工人群。", ["总工会"]),
        ("区数据局建设城市运行中心。", ["区数据局"]),
        ("配合区绿化市容局完成整治。", ["区绿化市容局"]),
        ("配合新江湾城街道推进社区治理,与五角场街道共建。", ["新江湾城街道", "五角场街道"]),  # gazetteer names
        ("区法院、区检察院依法履职,区公安分局开展专项整治。", ["区法院", "区检察院", "区公安分局"]),
        ("推进区委党校改造,发挥区消防救援支队作用。", ["区委党校", "区消防救援支队"]),
        ("落实国家发展改革委要求,对接区发改委、区委办", ["国家发展改革委", "区发改委", "区委办"]),  # last at text end
        ("自觉接受人大、政协和社会监督。", ["人大", "政协"]),
    ],
)
def test_bodies_found(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "深入贯彻十二届市委二次全会精神。",  # an organ inside a meeting's name
        "做实经济小区委托监管。",  # 区委 inside 小区委托
        "推出“一网通办”远程帮办,举办招聘会。",  # 办 ending a verb
        "新建静安实验小学明德校区。",  # a school being built is a project
        "引进跨国公司地区总部。",  # a category of company
        "打造社区党群服务中心。",  # a facility
        "芦恒路卫生分中心取得立项批复。",  # a health facility being built
        "加强医联体建设,夯实家庭医生签约。",  # the network being built
        "延续大学路浓郁人文气息。",  # a road named after a university
        "开展民办中小学特色学校创建。",  # a category of schools
        "以名师工作室为抓手。",  # a category of workshops
        "推进市北高新民营总部集聚区建设。",  # 总部 is headquarters
        "完成市级标准化林长办公室创建。",  # a title pursued; 市级 is a level
        "打造最美街道,整治背街小巷。",  # a street, not a subdistrict the gazetteer knows
        "认真办理人大代表建议和政协委员提案。",  # members of the organs, not the organs
        "落实国家有关部委要求。",  # the ministries in general
        "新建、改扩建中小学和幼儿园6所。",  # schools as a category
        "12345市民热线工单按时办结率达到100%。",  # 办结 is a verb
    ],
)
def test_not_bodies(text):
    assert _names(text) == []


def test_responsibility_list_items_are_bodies_in_order():
    text = "推进改造(牵头单位:区发展改革委;配合单位:区财政局、各街道)"
    assert _names(text) == ["区发展改革委", "区财政局", "各街道"]


def test_responsibility_list_with_ascii_punctuation_and_trailing_deng():
    text = "牵头单位:区发改委;配合单位:区财政局、各街镇等"
    assert [(m.name, m.kind) for m in find_bodies(text)] == [
        ("区发改委", "department"), ("区财政局", "department"), ("各街镇", "subdistrict_gov")]


def test_mentions_index_the_text_in_order():
    text = "根据市委、市政府决策部署,配合区住房集团推进旧改。(责任单位:区房管局、各街道)"
    found = find_bodies(text)
    assert [text[m.start:m.end] for m in found] == [m.name for m in found]
    assert [m.start for m in found] == sorted(m.start for m in found)
    assert [m.name for m in found] == ["市委", "市政府", "区住房集团", "区房管局", "各街道"]


def test_split_body_list():
    assert split_body_list("区发改委、区商务委,各街镇等") == ["区发改委", "区商务委", "各街镇"]
    assert split_body_list("区民政局和区卫生健康委") == ["区民政局", "区卫生健康委"]
    assert split_body_list("区教育局(区体育局)、各街道等相关单位") == ["区教育局", "区体育局", "各街道"]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("区委", "party_org"), ("静安区人民政府", "district_gov"), ("彭浦镇政府", "town_gov"),
        ("街道办事处", "subdistrict_gov"), ("区发展改革委", "department"), ("锦江实业公司", "state_enterprise"),
        ("区住房集团", "state_enterprise"), ("上海戏剧学院", "school"), ("仁济医院", "hospital"),
        ("总工会", "social_org"), ("区人大", "people_congress"), ("各街道", "subdistrict_gov"),
        ("街道纪工委", "party_org"), ("中铁置业(文旅)集团", "state_enterprise"), ("张江集团", "enterprise"),
        ("区委组织部", "party_org"), ("区委党校", "school"), ("五角场街道", "subdistrict_gov"),
        ("区法院", "other"), ("长江村村民委员会", "village_committee"), ("团区委", "social_org"),
    ],
)
def test_kinds(name, kind):
    assert body_kind(name) == kind


def test_a_collective_name_stops_before_the_verb_that_gives_it_work():
    """各街镇负责对辖区…: the subject is 各街镇, not 各街镇负责对辖区 (which ends like 各区)."""
    assert looks_like_body("各街镇") and not looks_like_body("各街镇负责对辖区")
    assert not looks_like_body("各街道办事处牵头辖区")
    text = "各街镇负责对辖区内老旧厂房开展排查，各街道办事处负责辖区内群租整治。"
    assert [m.name for m in find_subjects(text, find_bodies(text))] == ["各街镇", "各街道办事处"]


# --- the organ-name grammar (find/bodies): one case per suffix family and form -------------


def _named(text: str) -> list[tuple[str, str]]:
    return [(m.name, m.rule) for m in find_bodies(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # commissions, bureaus, offices, centres — after a jurisdiction
        ("由区发展和改革委员会牵头,区生态环境局配合。", ["区发展和改革委员会", "区生态环境局"]),
        ("配合市住房城乡建设管理委推进更新。", ["市住房城乡建设管理委"]),  # 建设 inside a registry name
        ("请上海市江川区规划和自然资源局审核。", ["上海市江川区规划和自然资源局"]),  # a city the gazetteer knows
        ("镇财政所负责资金拨付,镇城运中心负责派单。", ["镇财政所", "镇城运中心"]),
        ("市消防救援总队开展检查。", ["市消防救援总队"]),
        # coordinating bodies: leading groups, joint meetings, task forces
        ("成立区营商环境建设工作领导小组,统筹推进。", ["区营商环境建设工作领导小组"]),
        ("由街道河长制工作联席会议办公室汇总。", ["街道河长制工作联席会议办公室"]),
        ("报区土方工作专班审定。", ["区土方工作专班"]),  # 报: the body is the object
        # 各镇要…成立X专班: the modal ends the subject; the body set up is the name after 成立
        ("各镇要抓紧成立河道保洁工作专班。", ["河道保洁工作专班"]),
        # a government and the office of a place below it, as one organ
        ("浙江省青川县人民政府城关街道办事处关于印发方案的通知", ["浙江省青川县人民政府城关街道办事处"]),
        # a village's committee, named after its village
        ("李家村村委会负责看护。", ["李家村村委会"]),
        # enterprises and cooperatives
        ("支持农民专业合作社参与经营。", ["农民专业合作社"]),
    ],
)
def test_organ_grammar(text, expected):
    assert [name for name, _ in _named(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "召开联席会议研究部署。",  # the meeting convened, not a body
        "街道党工委书记任组长,办事处主任任副组长。",  # officers, not the organs
        "小区内所有住户参与分类。",  # 所 as a particle
        "加强对小学校、小医院等场所的检查。",  # small premises as a category
        "完善街镇政府专职消防队运作机制。",  # 完善 is a verb; 街镇 no jurisdiction
    ],
)
def test_not_organs(text):
    assert _names(text) == []


def test_members_listed_one_to_a_line_are_bodies_without_their_jurisdiction():
    text = "工作小组成员如下:\n成员单位:\n党建办公室\n平安办公室\n综合行政执法队\n桃园村村委会\n二、工作步骤\n"
    assert _named(text) == [("党建办公室", "list.lines"), ("平安办公室", "list.lines"),
                            ("综合行政执法队", "list.lines"), ("桃园村村委会", "suffix")]


def test_an_addressees_line_lists_its_bodies():
    text = "关于印发方案的通知\n各办、中心、综合行政执法队、各居委会:\n现将方案印发给你们。"
    assert _named(text) == [("各办", "list.addressees"), ("综合行政执法队", "list.addressees"),
                            ("各居委会", "list.addressees")]


def test_an_enumeration_beside_a_named_body_names_its_internal_units():
    text = "领导小组下设服务办、规建生态办、城管中队为成员单位。"
    assert _named(text) == [("服务办", "list.enumeration"), ("规建生态办", "list.enumeration"),
                            ("城管中队", "suffix")]
    # the first item is read past the word opening the clause
    assert _names("经区农业农村委、区规划资源局共同核定。") == ["区农业农村委", "区规划资源局"]


def test_bodies_that_only_cite_a_document_are_no_parties():
    text = "根据《江川区人民政府关于加强管理的意见》和市政府《关于推进更新的通知》,由区房管局牵头。"
    assert _names(text) == ["区房管局"]


def test_every_mention_carries_the_rule_that_found_it():
    text = "贯彻区委部署。(牵头单位:区建管委;配合单位:各街镇)区政府各委、办、局,长江村村民委员会:"
    rules = {name: rule for name, rule in _named(text)}
    assert rules == {"区委": "organ", "区建管委": "list.head", "各街镇": "list.head",
                     "区政府各委、办、局": "collective.departments", "长江村村民委员会": "suffix"}
