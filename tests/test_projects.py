"""Projects: quoted names, suffix runs, enumerations, exclusions, alias grouping, kinds."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.projects import find_projects, group_projects


def _names(text: str) -> list[str]:
    return [m.name for m in find_projects(text)]


def _groups(text: str) -> dict[str, tuple[str, ...]]:
    return {g.name: g.aliases for g in group_projects(find_projects(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全力推进滨江大道越江隧道建设。", ["滨江大道越江隧道"]),
        ("加快实施梧桐苑敬老院新建工程。", ["梧桐苑敬老院新建工程"]),
        ("深化“一网通办”改革。", ["一网通办"]),
        ("实施银杏楼宇培育计划,加强楼宇监测。", ["银杏楼宇培育计划"]),
        ("深化“城东消费中心”示范区建设。", ["“城东消费中心”示范区"]),
        ("巩固全国文明城区创建成果。", ["全国文明城区"]),
    ],
)
def test_named_undertakings(text, expected):
    assert _names(text) == expected


def test_enumeration_with_category_noun_makes_every_item_a_project():
    text = "推进青松湾4号地块、柳巷老宅等8个项目实现开工。"
    assert _names(text) == ["青松湾4号地块", "柳巷老宅"]


def test_road_with_section_keeps_its_section_as_alias():
    groups = _groups("基本建成秋实路(春晖路—夏禾路)。秋实路通车后……")
    assert "秋实路(春晖路—夏禾路)" in groups


@pytest.mark.parametrize(
    "text",
    [
        "完善“四点半课堂”工作机制。",  # a mechanism
        "坚持“稳字当头、进中求优、协同联动”的总要求。",  # a slogan
        "结合“双减”工作推进课后服务。",  # a national policy
        "新建1处市民健身驿站。",  # a counted generic facility
        "梳理2024-2026年项目储备库。",  # a year range is no name
        "建立重大项目清单。",  # a category, not a named work
        "以人民为中心。",  # an idiom
    ],
)
def test_not_projects(text):
    assert _names(text) == []


def test_quoted_name_and_its_longer_form_are_one_project():
    text = "深化“一网通办”改革,优化“一网通办”线上平台。"
    groups = group_projects(find_projects(text))
    assert len(groups) == 1
    assert groups[0].name == "一网通办"
    assert "“一网通办”线上平台" in groups[0].aliases


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("实施翠竹小区综合改造工程。", "renovation"),
        ("举办第三届滨河音乐节。", "event"),
        ("创建国家卫生区。", "campaign"),
        ("搭建“邻里帮”服务平台。", "platform"),
    ],
)
def test_kinds(text, kind):
    groups = group_projects(find_projects(text))
    assert groups and groups[0].kind == kind


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进“河段长制”落地见效。", []),  # a regime every locality runs
        ("二是梧桐湾城市更新项目进度偏慢。", ["梧桐湾城市更新项目"]),  # the enumerator is no part of the name
        ("二是城市更新项目涉及居民多。", []),  # and what is left is a category
        ("修订《云杉区重大行政决策程序规定》。", ["云杉区重大行政决策程序规定"]),  # a document the issuer drafts
        ("贯彻《优化营商环境条例》。", []),  # a law it implements
        ("建成云杉区中心医院新院区。", []),  # 中心 inside an institution's name ends nothing
        ("9月1日前开办云杉实验学校。", ["云杉实验学校"]),
        ("安排区重大工程项目20个。", []),
    ],
)
def test_general_exclusions_and_boundaries(text, expected):
    assert _names(text) == expected
