"""Bodies: organs, suffix names with administrative prefixes, lists, and what is not a body."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.find.bodies import body_kind, find_bodies, split_body_list


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
