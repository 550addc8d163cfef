"""Project suffix families: facilities, events and titles named by a proper part and a tail.

A family name is a proper part (a place, an estate, a brand), the words for whom or what it
serves, then the family's tail (``loaders/data/project_facilities.txt``, ``project_events.txt``,
``project_titles.txt``). Without the proper part it is a kind of thing, not a project. The
snippets imitate the register of district and subdistrict plans with invented places.
"""

from __future__ import annotations

import pytest
from pledgegraph.loaders.projects import find_projects, group_projects
from pledgegraph.loaders.projects_lexicon import family_tails, suffix_kind
from pledgegraph.loaders.projects_rules import is_body


def _names(text: str) -> list[str]:
    return [m.name for m in find_projects(text)]


def _found(text: str) -> dict[str, tuple[str, str]]:
    return {m.name: (m.kind, m.rule) for m in find_projects(text)}


# --- facilities -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("启动15个小区车库喷淋装置加装、枫林路社区长者食堂建设前期工作。", ["枫林路社区长者食堂"]),
        ("梧桐苑卫生分中心取得立项批复。", ["梧桐苑卫生分中心"]),  # not a body: a longer facility tail
        ("青溪城市书房(滨河馆)开馆运行。", ["青溪城市书房(滨河馆)"]),
        ("推进云栖创意手工学习坊建设,创建市民手工体验基地。", ["云栖创意手工学习坊", "市民手工体验基地"]),
        ("完成桂园新村助餐点、杏坛村养老服务站建设。", ["桂园新村助餐点", "杏坛村养老服务站"]),
        ("提升湖滨路中心花园、街角花园品质。", ["湖滨路中心花园"]),  # 中心 is what it serves here
        ("建设南湖片区党群服务中心和兰亭老年活动室。", ["南湖片区党群服务中心", "兰亭老年活动室"]),  # 和 ends it
    ],
)
def test_named_facilities(text, expected):
    assert _names(text) == expected


def test_a_facility_records_its_family_rule_and_the_verb_after_sets_its_kind():
    assert _found("启动桂园中医特色门诊部改造工作。") == {"桂园中医特色门诊部": ("renovation", "suffix.facility")}
    assert _found("推进云栖创意手工学习坊建设。") == {"云栖创意手工学习坊": ("construction", "suffix.facility")}


@pytest.mark.parametrize(
    "text",
    [
        "新增社区长者食堂,完善老年助餐服务。",  # whom it serves, no name
        "推进敬老助餐点和人才驿站布点。",
        "落实街道城运分中心值守制度。",  # 分中心 ends a body's name
        "积极建设社区生境花园、街角花园。",  # kinds of gardens
        "结合线下睦邻点开展活动。",
        "新建1处社区食堂。",  # counted: one of a kind
        "建成东湖镇中心卫生院。",  # 中心 inside a clinic's name
    ],
)
def test_kinds_of_facilities_are_not_projects(text):
    assert _names(text) == []


# --- events ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("联动云台山家庭园艺节,开展文化微旅游活动。", ["云台山家庭园艺节"]),
        ("开展健身操、门球等青溪体育嘉年华系列活动。", ["青溪体育嘉年华"]),  # a name after the list closer
        ("举办“星河杯”首届桂湖皮划艇校际联赛。", ["星河杯", "桂湖皮划艇校际联赛"]),
        ("支持公园联动东海国际花卉节打造园艺活动。", ["东海国际花卉节"]),
        ("举办第五届龙井国际茶文化节和首届西溪湿地马拉松赛。", ["龙井国际茶文化节", "西溪湿地马拉松赛"]),
    ],
)
def test_named_events(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "rule"),
    [
        ("举办“秋声”滨湖草地音乐节活动。", "“秋声”滨湖草地音乐节", "quote.suffix"),  # the quote's own suffix
        ("举办“秋声”东湖滨水草地音乐节活动。", "“秋声”东湖滨水草地音乐节", "quote.family"),  # a name between
    ],
)
def test_a_quoted_brand_and_the_event_it_names_are_one_project(text, name, rule):
    mentions = find_projects(text)
    assert [(m.name, m.kind, m.rule) for m in mentions] == [(name, "event", rule)]
    assert [(g.name, g.aliases) for g in group_projects(mentions)] == [("秋声", (name,))]


@pytest.mark.parametrize(
    "text",
    [
        "举办社区文化艺术节、季节游园会等活动。",  # kinds of events
        "办好第三届社区运动会。",  # an edition does not make a kind a name
        "举办好文旅消费节、校园文化节等活动。",
        "开展校园行活动12场,扩大赛事影响力。",
        "组织参加技术、产品和成果博览会。",  # what is shown, no name
    ],
)
def test_kinds_of_events_are_not_projects(text):
    assert _names(text) == []


# --- titles ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("主动为部队官兵解难题,争创双拥模范街道“五连冠”。", ["双拥模范街道", "五连冠"]),
        ("推进桂湾半岛垃圾分类精品示范居住区创建。", ["桂湾半岛垃圾分类精品示范居住区"]),
        ("启动上海市健康促进街镇市级示范建设试点创建。", ["上海市健康促进街镇市级示范建设试点"]),
        ("推进杏坛苑全国民主法治示范社区创建。", ["杏坛苑全国民主法治示范社区"]),
        ("青溪村入选第一批上海市级乡村旅游重点示范村。", ["上海市级乡村旅游重点示范村"]),  # not the batch
    ],
)
def test_titles_pursued(text, expected):
    assert _names(text) == expected


def test_a_title_is_a_campaign_found_by_the_title_family():
    assert _found("争创双拥模范街道。") == {"双拥模范街道": ("campaign", "suffix.title")}


@pytest.mark.parametrize(
    "text",
    [
        "继续开展达标居住区创建工作。",  # a title with no holder named
        "完成市级示范社区复评。",  # a level is no name
        "由青溪街道负责组织实施。",  # a body
    ],
)
def test_titles_without_a_holder_are_not_projects(text):
    assert _names(text) == []


def test_every_qualifier_before_every_unit_is_a_title_tail():
    tails = family_tails("project_titles")
    assert {"模范街道", "示范居住区", "文明单位", "示范建设试点"} <= set(tails)
    assert set(tails.values()) == {"campaign"}
    assert suffix_kind("杏坛村示范村") == ("示范村", "campaign")  # a general row keeps its kind


def test_the_longer_ending_decides_between_a_body_and_a_project():
    assert is_body("青溪街道城运分中心")
    assert not is_body("梧桐苑卫生分中心")
    assert is_body("青溪街道") and not is_body("双拥模范街道")


# --- brackets -------------------------------------------------------------------------------


def test_a_bracket_annotating_one_name_ends_the_left_edge_of_the_next():
    text = "利用滨河绿带建成全民健身生活圈(环湖步道)职工体育服务区(东园、西园)。"
    assert _names(text) == ["全民健身生活圈(环湖步道)", "职工体育服务区(东园、西园)"]
