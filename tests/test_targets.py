"""The targets stage on short snippets from real plans: units, comparators, numerals, non-targets."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.find.targets import cn_value, find_targets


def triples(text: str) -> list[tuple[float, str, str]]:
    return [(t.value, t.unit, t.comparator) for t in find_targets(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全年新增养老床位475张", [(475, "张", "=")]),
        ("实现社会消费品零售总额1600亿元", [(1600, "亿元", "=")]),
        ("力争新引进亿元项目5个,税收总额7.8亿元", [(5, "个", "="), (7.8, "亿元", "=")]),
        ("涉及建筑面积21.6万平米85幢房屋", [(21.6, "万平米", "="), (85, "幢", "=")]),
        ("建设筹措保障性租赁住房4360套(间)", [(4360, "套(间)", "=")]),
        ("开展“体育公益配送”服务10万人次", [(10, "万人次", "=")]),
        ("完成芦恒路北3.71公顷新建绿地立项工作", [(3.71, "公顷", "=")]),
        ("拆除存量违建23处近5100m2", [(23, "处", "="), (5100, "m2", "~")]),
        ("年内降低3个百分点", [(3, "个百分点", "=")]),
        ("共计3,500户", [(3500, "户", "=")]),
        ("服务人次达3.5万,同比增长5%", [(3.5, "万", "="), (5, "%", "=")]),
        ("完成固定资产投资1000 万元", [(1000, "万元", "=")]),
        ("新建3个日间照料中心", [(3, "个", "=")]),
    ],
)
def test_values_keep_their_literal_unit(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展群众性体育赛事活动200场次以上", (200, "场次", ">=")),
        ("居民参与率达常住人口10%以上", (10, "%", ">=")),
        ("85幢房屋,惠及3500余户居民", (3500, "户", ">=")),
        ("惠及1.3万余人次", (1.3, "万人次", ">=")),
        ("年内实现竣工不少于20台", (20, "台", ">=")),
        ("登记失业人员严格控制在380人以内", (380, "人", "<=")),
        ("新增违法建筑不超过5处", (5, "处", "<=")),
        ("地区生产总值增长5%左右", (5, "%", "~")),
        ("加快罗宾森广场约3.1万平方米二期项目建设", (3.1, "万平方米", "~")),
        ("工程完成率近95%", (95, "%", "~")),
        ("在3个工作日内办结", (3, "个工作日", "<=")),
        ("覆盖率达到95%及以上", (95, "%", ">=")),
        ("力争突破100亿元", (100, "亿元", ">=")),
        ("签约总数6.2万余人", (6.2, "万人", ">=")),
    ],
)
def test_comparators(text, expected):
    assert triples(text)[-1] == expected


def test_words_that_only_end_like_a_comparator_compare_nothing():
    assert triples("签约39台,开工3台") == [(39, "台", "="), (3, "台", "=")]
    assert triples("约谈2家") == [(2, "家", "=")]
    assert triples("新设5家内资企业") == [(5, "家", "=")]
    assert triples("引进5家上下游企业") == [(5, "家", "=")]


def test_the_span_covers_figure_unit_and_comparator_words():
    text = "开展群众性体育赛事活动200场次以上。"
    (target,) = find_targets(text)
    assert text[target.start:target.end] == "200场次以上"
    assert target.evidence == "开展群众性体育赛事活动200场次以上"
    assert target.metric == "群众性体育赛事活动"


def test_evidence_is_the_clause_and_metric_names_what_is_counted():
    text = "全年建成公共绿地5.6万平方米、立体绿化2.5万平方米,绿道2公里。"
    found = find_targets(text)
    assert [t.metric for t in found] == ["公共绿地", "立体绿化", "绿道"]
    assert found[-1].evidence == "绿道2公里"


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("2.新增养老床位60张,提升养老服务水平。", "养老床位"),
        ("(三)新建微型消防站12个。", "微型消防站"),
        ("一、全年建成公共绿地5.6万平方米", "公共绿地"),
        ("1.5倍于上年的绿地3公顷", "1.5倍于上年的绿地"),  # a decimal is no outline number
    ],
)
def test_an_outline_number_is_no_part_of_the_metric(text, metric):
    assert find_targets(text)[-1].metric == metric


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开设三个重点轮训班和“双月讲堂”", [(3, "个", "=")]),
        ("建成十二个睦邻点", [(12, "个", "=")]),
        ("新增两千户", [(2000, "户", "=")]),
        ("服务十万人次", [(10, "万人次", "=")]),
        ("举办三期培训班", [(3, "期", "=")]),
    ],
)
def test_chinese_numerals_that_quantify(text, expected):
    assert triples(text) == expected


def test_a_bare_one_counts_only_as_a_new_facility():
    assert triples("新建一处市民健身驿站") == [(1, "处", "=")]
    assert triples("形成一套以社区管控为主的机制,打造一批基层治理品牌") == []


def test_metrics_name_the_measured_quantity():
    def metrics(text: str) -> list[str]:
        return [t.metric for t in find_targets(text)]

    assert metrics("区级财政收入2.75亿元,同比增长74%") == ["区级财政收入", "区级财政收入增长"]
    assert metrics("居民参与率达常住人口10%以上") == ["居民参与率"]
    assert metrics("梳理“五宜”(宜居、宜学、宜业)设施点545处") == ["梳理“五宜”设施点"]
    assert metrics("二是新建微型消防站3个") == ["微型消防站"]
    assert metrics("实施5处老旧工程综合治理和58处公用民防工程养护") == ["老旧工程综合治理", "公用民防工程养护"]


def test_cn_value():
    assert [cn_value(t) for t in ("三", "十", "十二", "二十", "一百二十", "两千", "三百零五")] == [3, 10, 12, 20, 120, 2000, 305]


def test_each_distributes_one_figure_over_a_list():
    found = find_targets("全年完成开工、竣工各100万平方米")
    assert [(t.metric, t.value, t.unit) for t in found] == [("开工", 100, "万平方米"), ("竣工", 100, "万平方米")]


def test_two_rates_share_one_floor():
    found = find_targets("综合调解率和先行调处成功率不低于70%")
    assert [(t.metric, t.value, t.comparator) for t in found] == [("综合调解率", 70, ">="), ("先行调处成功率", 70, ">=")]


def test_a_bare_figure_continuing_a_series_inherits_the_unit():
    text = "年内实现竣工不少于20台,开工不少于25。"
    found = find_targets(text)
    assert triples(text) == [(20, "台", ">="), (25, "台", ">=")]
    assert text[found[1].start:found[1].end] == "不少于25"
    # a bare figure far from the last target, or one that runs on into a name, inherits nothing
    assert triples("竣工不少于20台,同步做好周边道路及配套设施建设不少于25") == [(20, "台", ">=")]
    assert triples("竣工不少于20台,开工25号楼") == [(20, "台", ">=")]


@pytest.mark.parametrize(
    "text",
    [
        "完成2023-2025年三年行动计划",
        "1-6月完成财政总收入",
        "3月底前完成",
        "启动第五次全国经济普查筹备工作",
        "用心办好第十六届“上海孔子文化节”",
        "做好西门旧城区改建二期地块房屋征收",
        "南北通道2期工程",
        "持续推进西门旧改一期扫尾",
        "全面落实优化营商环境6.0版方案",
        "升级进阶睦邻党建4.0品牌",
        "南京西路永源浜4号地块",
        "共和新路802弄等项目",
        "清河路36-38号",
        "江宁路54A地块",
        "持续提升12345市民服务热线",
        "18-01地块",
        "全面启动“15分钟社区生活圈”行动",
        "推进“一江一河”建设",
        "实施“十四五”规划中期评估",
        "实施《三年行动计划(2023-2025年)》",
        "绘就一张蓝图",
        "打造三位一体服务",
        "合力推进四责协同机制",
        "深化政务服务一网通办",
        "坚持一轴三带发展战略",
        "打造线下15分钟政务服务圈",
        "严格执行中央八项规定",
        "用好三所联动平台",
        "市南110kV输变电工程",
        "争创全市前3名",
        "历时3个多月",
        "十万火急",
        "年底前完成二期主体结构封顶",
    ],
)
def test_non_targets(text):
    assert find_targets(text) == []


def _one(text: str):
    (target,) = find_targets(text)
    return target


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("委托评估服务费不超过8万元/每项", "万元/每项"),
        ("补贴标准为12元/平方米", "元/平方米"),
        ("收取管理费2.5万元/亩/年(暂定)", "万元/亩/年"),
        ("渣土运输车辆不超过40辆/日", "辆/日"),
        ("新增光伏装机容量达到35MW", "MW"),
        ("实现年度节能量8万吨标准煤以上", "万吨标准煤"),
        ("查处违法用地案件不少于3宗", "宗"),
    ],
)
def test_compound_and_energy_units_are_kept_whole(text, unit):
    assert _one(text).unit == unit


def test_a_bracketed_remark_after_the_unit_is_no_metric():
    assert _one("场地管理费2.5万元/亩/年(暂定)").metric == "场地管理费"


def test_a_range_is_a_ceiling_with_its_floor():
    target = _one("年内完成3-5个示范社区建设")
    assert (target.low, target.value, target.unit, target.comparator, target.rule) == (3, 5, "个", "<=", "prose.range")
    assert _one("新建2至3座口袋公园").low == 2
    assert find_targets("完成2023-2025年三年行动计划") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("临时使用期限原则上不超过三年", (3, "年", "<=")),
        ("每个点位配备不少于一名安全员", (1, "名", ">=")),
        ("全年新增十五家社区食堂", (15, "家", "=")),
        ("惠及两万户居民", (2, "万户", "=")),
    ],
)
def test_chinese_numerals_after_a_comparator_or_a_verb_quantify(text, expected):
    assert triples(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("用6个月左右时间完成排查", (6, "个月", "~")),
        ("服务窗口开放时长每日设置为3小时", (3, "小时", "=")),
        ("年均等效利用小时不低于1050小时", (1050, "小时", ">=")),
        ("收费标准原则上每两年调整一次", (2, "年", "=")),
    ],
)
def test_durations_count_where_something_bounds_them(text, expected):
    assert triples(text) == [expected]


@pytest.mark.parametrize("text", ["近三年来累计投入", "打造三年行动升级版", "不晚于2027年完成", "用时5个多月"])
def test_durations_that_date_or_name_count_nothing(text):
    assert find_targets(text) == []


def test_a_period_after_每_is_a_target_and_a_base_is_not():
    assert _one("收费标准原则上每两年调整一次").rule == "prose.period"
    assert _one("收费标准原则上每两年调整一次").metric == "收费标准"
    assert triples("原则上每300户配备1名垃圾分类指导员") == [(1, "名", "=")]
    assert triples("每20—30公里配备不少于一名养护员") == [(1, "名", ">=")]


@pytest.mark.parametrize(
    "text",
    [
        "对一个月内受到处罚2次以上的,列入重点监管名单",  # a case described, not a promise
        "各村可根据实际设置2个临时堆放点",  # a permission
        "2.低效工业用地。指亩均税收低于10万元的工业用地。",  # a definition's criterion
        "做好站点周边5至10米范围内的保洁",  # a distance bounding an area
        "新建3000平方米以上的公园绿地500米服务半径覆盖",
    ],
)
def test_criteria_permissions_definitions_and_scopes_are_no_targets(text):
    assert [t for t in find_targets(text) if t.value in (2, 10, 500)] == []


def test_a_definition_followed_by_a_rule_keeps_the_rule():
    text = "(2)临时利用管护费:是指政府管理成本,按标准收取:管护费3.2万元/亩/年"
    assert triples(text) == [(3.2, "万元/亩/年", "=")]


def test_work_already_done_and_a_starting_value_are_reported():
    done = _one("截至去年底已累计建成绿道120公里")
    assert done.reported and done.value == 120
    start, goal = find_targets("森林覆盖率从18.5%提高到20%")
    assert (start.value, start.reported, goal.value, goal.reported) == (18.5, True, 20, False)
    assert start.metric == goal.metric == "森林覆盖率"


def test_a_figure_naming_nothing_counts_what_its_paragraph_counted():
    found = find_targets("新增社区驿站30个、健身步道10条,累计总计达80个、25条")
    assert [(t.metric, t.value) for t in found[2:]] == [("社区驿站", 80), ("健身步道", 25)]
