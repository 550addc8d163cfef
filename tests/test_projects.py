"""Projects: quoted names, suffix runs, enumerations, exclusions, alias grouping, kinds.

Snippets imitate the register of real plans with invented places, so a rule that only
fits one seed plan cannot pass them by accident.
"""

from __future__ import annotations

import pytest
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.projects import find_projects, group_projects
from pledgegraph.loaders.record import PROJECT_KINDS


def _names(text: str) -> list[str]:
    return [m.name for m in find_projects(text)]


def _groups(text: str) -> dict[str, tuple[str, ...]]:
    return {g.name: g.aliases for g in group_projects(find_projects(text))}


# --- quoted names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("深化“一网通办”工作。", ["一网通办"]),
        ("深化“城东消费中心”示范区建设。", ["“城东消费中心”示范区"]),
        ("搭建“邻里帮”服务平台。", ["“邻里帮”服务平台"]),
        ("建好“一网统管”数据共享管理平台,嵌入应用场景。", ["“一网统管”数据共享管理平台"]),
        ("创新升级“两段式”课后服务。", ["“两段式”课后服务"]),  # a named service
        ("实施“金钥匙”在职党员服务项目。", ["金钥匙"]),  # the quote, then a category
        ("组建“优生优育、健康同行”宣讲团。", ["“优生优育、健康同行”宣讲团"]),  # a suffix beats the slogan rule
        ("做好“十四五”规划中期评估。", ["“十四五”规划中期评估"]),  # ... and the policy rule
        ("修订《云杉区重大行政决策程序规定》。", ["云杉区重大行政决策程序规定"]),  # drafted by the issuer
        ("制定《云杉街道网格治理工作方案》《2024年云杉街道基层治理任务清单》。",
         ["云杉街道网格治理工作方案", "2024年云杉街道基层治理任务清单"]),  # one verb drafts both
    ],
)
def test_quoted_names(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "完善“四点半课堂”工作机制。",  # a mechanism
        "推进“河段长制”落地见效。",  # a regime every locality runs
        "坚持“稳字当头、进中求优、协同联动”的总要求。",  # a slogan
        "结合“双减”工作推进课后服务。",  # a national policy
        "加强“四防”建设。",  # a numbered shorthand
        "落实“八五”普法规划。",  # a plan period
        "做实“清单管理”“分层协调”。",  # methods
        "持续完善“家门口”的服务体系。",  # a modifier
        "提升“口袋公园”建设水平。",  # a kind of facility, quoted
        "贯彻《优化营商环境条例》。",  # a law it implements
        "现将《2023年区政府重点工作安排》印发给你们。",  # the plan itself
        "制定工作方案,落实《2024年云杉区重点工作安排》。",  # the verb governs no title
        "签订《关于回购相关资产的合作协议》。",  # an agreement, not an undertaking
    ],
)
def test_quotes_that_are_not_projects(text):
    assert _names(text) == []


# --- name suffixes and left edges -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全力推进滨江大道越江隧道建设。", ["滨江大道越江隧道"]),
        ("加快实施梧桐苑敬老院新建工程。", ["梧桐苑敬老院新建工程"]),
        ("实施银杏楼宇培育计划,加强楼宇监测。", ["银杏楼宇培育计划"]),  # 培育: part of the name
        ("实施产业园区提质增效计划。", ["产业园区提质增效计划"]),  # verbs right before the suffix
        ("深入建设融合教育实验区。", ["融合教育实验区"]),  # 建设 opens the clause, 融合 does not
        ("深入实施亚太运营总部计划。", ["亚太运营总部计划"]),
        ("高标准运营梧桐西区项目。", ["梧桐西区项目"]),
        ("新增和改造生命科学博物馆。", ["生命科学博物馆"]),  # two verbs joined by 和
        ("为国家安全发展示范城市创建奠定基础。", ["国家安全发展示范城市"]),
        ("巩固全国文明城区创建成果。", ["全国文明城区"]),
        ("用心办好第十六届云杉音乐节。", ["云杉音乐节"]),  # the edition is no part of it
        ("二是梧桐湾城市更新项目进度偏慢。", ["梧桐湾城市更新项目"]),  # nor the enumerator
        ("(一)攻坚柳湾西区旧改项目\n全力做好征收。", ["柳湾西区旧改项目"]),  # nor the outline marker
        ("9月1日前开办云杉实验学校。", ["云杉实验学校"]),
        ("基本建成秋实路(春晖路—夏禾路)。", ["秋实路(春晖路—夏禾路)"]),
        ("桂溪河二期工程完成跨江通水。", ["桂溪河二期工程"]),  # a waterway names its works, however short
        ("推进青松企业服务云2.0建设。", ["青松企业服务云"]),
    ],
)
def test_suffix_runs(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "新建1处市民健身驿站。",  # counted: one of a kind
        "力争新引进亿元项目5个。",  # counted after
        "梳理2024-2026年项目储备库。",  # a year range is no name
        "建立重大项目清单。",  # a category
        "(一)攻坚城市更新重点项目\n",  # a category under an outline marker
        "推进城市更新项目稳步实施。",
        "深耕睦邻品牌,落实社区自治项目。",  # made of category words only
        "巩固住宅小区综合治理成果。",
        "推进零星绿地改造。",
        "搭建信息共享平台、合作交流平台。",
        "开展民办中小学特色创建。",  # 中小学: a school level
        "建成云杉区中心医院新院区。",  # 中心 inside an institution's name
        "巩固党工委理论中心组学习实效。",  # a study group
        "完成街道园区外土地收储。",  # a place referred to
        "以人民为中心。",
        "共商共解小区治理难题。",  # 小区治理: governance of estates
        "厘清推动片区项目、地区发展的职责。",  # a short core that is no road or waterway
        "适时开展消防站修缮工程。",
    ],
)
def test_categories_and_idioms_are_not_projects(text):
    assert _names(text) == []


def test_two_names_sharing_a_head_are_split_at_he():
    text = "精心打造陈家住宅和李家住宅保护修缮工程。"
    assert _names(text) == ["陈家住宅", "李家住宅保护修缮工程"]


def test_a_pair_whose_second_half_is_a_category_is_dropped():
    assert _names("助推高校科研成果和双创项目转化落地。") == []


def test_居家和社区_stays_one_name():
    assert _names("开展居家和社区养老服务改革试点工作。") == ["居家和社区养老服务改革试点"]


# --- enumerations ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("推进青松湾4号地块、柳巷老宅等8个项目实现开工。", ["青松湾4号地块", "柳巷老宅"]),
        ("开展翠湖广场公厕提升、杏花街绿地改造等项目。", ["翠湖广场公厕", "杏花街绿地"]),  # action dropped
        ("力促云溪河北段贯通改造及景观提升等城市更新项目稳步推进。", ["云溪河北段贯通改造及景观提升"]),
        ("陈家公园、滨河七村和芦花路北等绿化工程已取得批复。", ["陈家公园", "滨河七村", "芦花路北"]),
    ],
)
def test_enumeration_items_are_projects(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "做好围墙修复美化、户外招牌改造等项目。",  # generic works, no place named
        "放大柳桥景区、梧桐河步道、紫荆公园等文化景观地标的独特优势。",  # existing places
        "举办区域楼宇推荐、展示展览、品牌发布等活动。",  # activities need a suffix of their own
        "优化为老、文体、交通等设施点位布局。",  # attributes
    ],
)
def test_enumerations_that_are_not_projects(text):
    assert _names(text) == []


# --- grouping -------------------------------------------------------------------------------


def test_quoted_name_and_its_longer_form_are_one_project():
    groups = group_projects(find_projects("深化“一网通办”工作,持续升级“一网通办”线上平台。"))
    assert [(g.name, g.aliases) for g in groups] == [("一网通办", ("“一网通办”线上平台",))]


@pytest.mark.parametrize(
    ("text", "name", "aliases"),
    [
        ("高标准运营梧桐西区项目,推进“梧桐西区”建设。", "梧桐西区", ("梧桐西区项目",)),
        ("基本建成秋实路(春晖路—夏禾路)。", "秋实路", ("秋实路(春晖路—夏禾路)",)),
        ("完成市级美丽乡村示范村创建。做好美丽乡村示范村创建。", "美丽乡村示范村", ("市级美丽乡村示范村",)),
        ("推进芦花路北教育园区规划。落实芦花路北三教育园区建设。", "芦花路北教育园区", ("芦花路北三教育园区",)),
    ],
)
def test_aliases_group_under_the_shortest_complete_name(text, name, aliases):
    assert _groups(text) == {name: aliases}


def test_different_projects_sharing_a_stem_stay_apart():
    text = "建设“望川水岸”文化街区。举办望川水岸文化节。推进滨河路1号地块、滨河路11号地块等项目。"
    assert set(_groups(text)) == {"望川水岸", "望川水岸文化节", "滨河路1号地块", "滨河路11号地块"}


def test_excluded_quote_never_becomes_the_canonical_name():
    assert _groups("做好“十四五”规划中期评估。") == {"“十四五”规划中期评估": ()}


# --- kinds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("实施翠竹小区综合改造工程。", "renovation"),
        ("加快建设云杉隧道。", "construction"),
        ("举办第三届滨河音乐节。", "event"),
        ("创建国家卫生区。", "campaign"),
        ("巩固法治政府建设示范区创建成果。", "campaign"),
        ("深化数字化转型示范区建设。", "program"),
        ("搭建“邻里帮”服务平台。", "platform"),
        ("编制《云杉街道社区规划导则》。", "plan_study"),
        ("启动柳巷、杏花弄等项目改造。", "renovation"),  # the list's verb
    ],
)
def test_kinds(text, kind):
    groups = group_projects(find_projects(text))
    assert groups and {g.kind for g in groups} == {kind}


# --- on the seed plans ----------------------------------------------------------------------


def test_seed_mentions_slice_the_analysed_text_in_order(seed_paths):
    for path in seed_paths:
        text = normalize(path.read_text(encoding="utf-8")).text
        mentions = find_projects(text)
        assert mentions, path.name
        assert [m.start for m in mentions] == sorted(m.start for m in mentions)
        assert all(text[m.start:m.end] == m.name for m in mentions)
        assert all(m.kind in PROJECT_KINDS for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
