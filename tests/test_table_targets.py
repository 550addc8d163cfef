"""Targets read from tables, on short plans written for the test: an allocation table with a
unit line, a two-line header and a total row; an indicator table with a unit column and a
present-value column; a unit in a column header with ranges; a task table restating the prose."""

from __future__ import annotations

from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.read import Document

ENVELOPE = """临江区人民政府关于印发《2027年临江区低效用地减量化工作方案》的通知

各镇人民政府、街道办事处：

《2027年临江区低效用地减量化工作方案》已经区政府同意，现印发给你们，请认真贯彻执行。

临江区人民政府
2027年3月2日

2027年临江区低效用地减量化工作方案

一、工作目标
全年完成低效建设用地减量化600亩，6月底前完成40％年度任务量。

二、工作要求
各镇要加强组织领导，逐地块制定减量计划。
"""

ALLOCATION = ENVELOPE + """
附件
临江区2027年度减量化任务分配表
单位：亩

序号

镇（街道）

2027年
任务量

2027年度任务量约600亩

6月底前完成40%

其中复垦面积

1

东湖镇

300.50

120.20

80

2

西岭镇

220

88

0

3

南桥街道

79.50

31.80

12.5

合计

600

240

92.5
"""

INDICATORS = ENVELOPE + """
三、主要指标

表1 临江区绿化发展主要指标

序号

指标名称

单位

现状值

规划目标

属性

1

森林覆盖率

%

18.2

≥20

约束性

2

新建社区体育公园

座

4

＞6

预期性
"""

RANGES = ENVELOPE + """
附表
临江区新型储能建设分配表

序号

区域

新增储能容量（MW）

新增示范项目

1

东湖镇

2-3

1

2

西岭镇

1.5-2

1
"""


def _extract(text: str):
    return extract_document(Document(path="plan.txt", name="plan.txt", text=text, encoding="utf-8", sha256="0" * 64))


def _cells(record):
    return [(t.metric, t.value, t.unit, t.comparator, t.rule) for t in record.targets if t.rule.startswith("table.")]


def test_an_allocation_table_gives_each_cell_its_unit_line_and_column():
    record = _extract(ALLOCATION)
    cells = _cells(record)
    assert ("2027年任务量", 300.5, "亩", "=", "table.cell") in cells
    assert ("6月底前完成40%", 88, "亩", "=", "table.cell") in cells
    assert ("其中复垦面积", 12.5, "亩", "=", "table.cell") in cells
    assert ("2027年任务量", 600, "亩", "=", "table.total") in cells
    assert ("其中复垦面积", 92.5, "亩", "=", "table.total") in cells
    assert len(cells) == 3 * 3 - 1 + 3  # three rows of three (one zero allocates nothing) and the totals


def test_a_header_stating_the_total_is_a_caption_and_a_target():
    record = _extract(ALLOCATION)
    assert [(t.value, t.comparator) for t in record.targets if t.rule == "prose.figure" and t.unit == "亩"] == [
        (600, "="), (600, "~")]


def test_a_column_label_is_no_target_but_the_prose_stating_it_is():
    record = _extract(ALLOCATION)
    percents = [(t.value, t.unit, t.rule) for t in record.targets if t.unit in ("%", "％")]
    assert percents == [(40, "％", "prose.figure")]  # printed full width in the prose, as written


def test_each_allocation_belongs_to_its_row_and_place():
    record = _extract(ALLOCATION)
    row = next(c for c in record.commitments if c.text.startswith("西岭镇"))
    assert [(t.value, t.unit) for t in row.targets] == [(220, "亩"), (88, "亩")]
    assert [(o.body, o.role) for o in row.owners] == [("西岭镇", "lead")]


def test_an_indicator_table_names_its_rows_and_reports_the_present():
    record = _extract(INDICATORS)
    cells = [(t.metric, t.value, t.unit, t.comparator, t.reported) for t in record.targets if t.rule == "table.cell"]
    assert cells == [
        ("森林覆盖率", 18.2, "%", "=", True),
        ("森林覆盖率", 20, "%", ">=", False),
        ("新建社区体育公园", 4, "座", "=", True),
        ("新建社区体育公园", 6, "座", ">=", False),
    ]


def test_a_unit_in_the_column_header_and_ranges():
    record = _extract(RANGES)
    cells = [(t.metric, t.low, t.value, t.unit, t.comparator) for t in record.targets if t.rule == "table.cell"]
    assert cells == [("新增储能容量", 2, 3, "MW", "<="), ("新增储能容量", 1.5, 2, "MW", "<=")]
    assert record.targets[-1].to_dict()["low"] == 1.5
    # 新增示范项目 has no unit from anywhere: its cells are counts of nothing named, no target


TASK_TABLE = """临江区2027年节能降碳重点工作安排

一、推进建筑节能
完成既有公共建筑节能改造不少于20万平方米，完成3家以上公共机构能源审计。

附件
2027年节能降碳重点工作任务分工表

序号

重点任务

具体工作

责任部门

1

推进建筑节能

力争完成既有公共建筑节能改造不少于20万平方米

区建设管理委

2

推进能源审计

完成3家以上公共机构能源审计

区发展改革委
"""


def test_a_task_table_restating_the_prose_states_each_target_once():
    record = _extract(TASK_TABLE)
    assert [(t.value, t.unit) for t in record.targets] == [(20, "万平方米"), (3, "家")]
    row = next(c for c in record.commitments if c.text.startswith("推进建筑节能\n力争"))
    assert [(t.value, t.unit) for t in row.targets] == [(20, "万平方米")]  # the row keeps its own


def test_a_figure_equal_to_the_next_row_number_stays_in_its_row():
    text = INDICATORS.replace("座\n\n4\n\n＞6", "座\n\n3\n\n＞6") + "\n3\n\n新增绿道长度\n\n公里\n\n12\n\n20\n\n预期性\n"
    cells = [(t.metric, t.value, t.unit) for t in _extract(text).targets if t.rule == "table.cell"]
    assert ("新建社区体育公园", 3, "座") in cells and ("新建社区体育公园", 6, "座") in cells
    assert ("新增绿道长度", 20, "公里") in cells


def test_a_row_restating_a_target_is_joined_to_it_in_the_graph():
    from pledgegraph.graph.model import EdgeType
    from pledgegraph.loaders.build import build_graph

    graph = build_graph(_extract(TASK_TABLE))
    joined = sorted((edge.source.props["text"].split("\n")[0], edge.target.props["value"]) for edge in graph.edges
                    if edge.type == EdgeType.HAS_TARGET)
    assert joined == [("一、推进建筑节能", 3.0), ("一、推进建筑节能", 20.0), ("推进建筑节能", 20.0), ("推进能源审计", 3.0)]
    assert len({edge.target.id for edge in graph.edges if edge.type == EdgeType.HAS_TARGET}) == 2
