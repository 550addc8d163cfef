"""Genres read on short documents written for the test: envelope, forwarded plan, flattened
tables with a repeated header and merged cells, duty lists, reports and five-year reviews."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.genres import read_layout
from pledgegraph.loaders.read import Document

NOTICE = """上海市云杉区人民政府办公室关于转发区市容局制订的《云杉区街巷保洁提升工作方案》的通知
云府办发〔2025〕7号

区政府各委、办、局，各街道办事处、长桥镇人民政府：

区市容局制订的《云杉区街巷保洁提升工作方案》已经区政府同意，现转发给你们，请认真执行。

上海市云杉区人民政府办公室
（上海市云杉区市容管理局代章）
2025年3月6日

云杉区街巷保洁提升工作方案

一、工作任务
（一）提升背街小巷保洁频次，年底前实现每日两次保洁。（责任单位：区市容局、各街道）
"""


def _layout(text: str):
    return read_layout(text)


def _extract(text: str, name: str = "plan.txt"):
    return extract_document(Document(path=name, name=name, text=text, encoding="utf-8", sha256="0" * 64))


def test_envelope_parts_of_a_forwarding_notice():
    layout = _layout(NOTICE)
    envelope = layout.envelope
    assert layout.genres[0] == "notice"
    assert envelope.verb == "转发" and envelope.drafted_by.name == "区市容局"
    assert [s.name for s in envelope.senders] == ["上海市云杉区人民政府办公室"]
    assert envelope.seal.name == "上海市云杉区市容管理局"
    assert envelope.doc_number == "云府办发〔2025〕7号" and envelope.date == "2025-03-06"
    assert envelope.addressees.startswith("区政府各委、办、局")
    assert layout.title == envelope.inner_title == "云杉区街巷保洁提升工作方案"
    # The wrapper ends where the forwarded plan's title begins: the notice's own text is no task.
    assert NOTICE[envelope.wrapper[0][1]:].startswith("云杉区街巷保洁提升工作方案")


def test_issuer_comes_from_the_envelope_and_the_drafter_is_kept_apart():
    record = _extract(NOTICE)
    issuer = record.issuer
    assert (issuer.name, issuer.level, issuer.district, issuer.rule) == (
        "上海市云杉区人民政府办公室", "district", "云杉区", "envelope.sender")
    assert issuer.drafted_by == "区市容局" and record.issued == "2025-03-06" and record.year == 2025
    assert all("现转发给你们" not in c.text for c in record.commitments)
    (task,) = record.commitments
    assert [(o.body, o.role, o.rule) for o in task.owners] == [
        ("区市容局", "lead", "list.label"), ("各街道", "cooperate", "list.label")]


def test_co_issuers_are_the_other_signers():
    text = ("关于印发《长桥镇河道整治方案》的通知\n\n各村委会：\n\n现将方案印发给你们。\n\n中共云杉区长桥镇委员会\n\n"
            "云杉区长桥镇人民政府\n\n2024年5月1日\n\n长桥镇河道整治方案\n\n一、整治河道12条。\n")
    issuer = _extract(text).issuer
    assert issuer.name == "中共云杉区长桥镇委员会" and issuer.rule == "envelope.signer"
    assert issuer.co_issuers == ("云杉区长桥镇人民政府",) and issuer.level == "town"


@pytest.mark.parametrize(("name", "level", "district"), [
    ("上海市安全生产委员会", "city", None),
    ("上海市普陀区发展和改革委员会", "department", "普陀区"),
    ("上海市交通委员会", "department", None),
    ("中共上海市宝山区友谊路街道工作委员会", "subdistrict", "宝山区"),
    ("闵行区吴泾镇人民政府", "town", "闵行区"),
    ("上海市人民政府办公厅", "city", None),
])
def test_issuer_level_follows_what_the_organ_is(name, level, district):
    text = f"{name}关于印发《某项工作方案》的通知\n\n各有关单位：\n\n现印发给你们。\n\n{name}\n\n2024年1月2日\n\n某项工作方案\n\n一、做好某项工作。\n"
    issuer = _extract(text).issuer
    assert (issuer.name, issuer.level, issuer.district) == (name, level, district)


TABLE = """附件
重点工作任务分工表
序号
重点任务
具体工作
完成时限
牵头单位
配合单位
一
优化营商环境
1
推行企业开办一日办结
6月底前
区市场监管局
区数据局、各街道
2
建设政务服务旗舰店
年内完成
区数据局
序号
重点任务
具体工作
完成时限
牵头单位
配合单位
3
开展涉企收费专项检查
三季度
区发展改革委
区财政局
二
改善人居环境
4
完成旧住房成套改造5万平方米
年底前
区房管局
区住房集团
"""


def test_flattened_table_rows_with_group_rows_merged_cells_and_a_repeated_header():
    (table,) = _layout(TABLE).tables
    assert [role for _, role in table.header] == ["number", "task", "subtask", "deadline", "lead", "cooperate"]
    assert [row.number for row in table.rows] == ["1", "2", "3", "4"]
    first, second, third, fourth = table.rows
    assert first.cell("subtask").text == "推行企业开办一日办结" and first.cell("deadline").text == "6月底前"
    assert first.section == "优化营商环境" and first.cell("task").text == "优化营商环境"
    # Row 2 prints no 配合单位: the cell above it was merged over both rows.
    assert second.cell("cooperate").text == "区数据局、各街道" and "cooperate" in second.carried
    assert third.cell("lead").text == "区发展改革委"  # the header printed again is skipped
    assert fourth.section == "改善人居环境" and fourth.cell("cooperate").text == "区住房集团"


def test_table_rows_are_tasks_owned_by_their_columns():
    record = _extract("云杉区2025年重点工作安排\n\n一、总体要求\n做好全年工作。\n" + TABLE)
    rows = {c.text.split("\n")[0]: c for c in record.commitments if c.section[-1].isdigit()}
    owners = rows["推行企业开办一日办结"].owners
    assert [(o.body, o.role, o.rule) for o in owners] == [
        ("区市场监管局", "lead", "table.lead"), ("区数据局", "cooperate", "table.cooperate"),
        ("各街道", "cooperate", "table.cooperate")]
    assert rows["建设政务服务旗舰店"].deadline == "2025-12-31"
    assert [(o.body, o.role) for o in rows["完成旧住房成套改造5万平方米"].owners] == [
        ("区房管局", "lead"), ("区住房集团", "cooperate")]
    assert "task_table" in record.genre


def test_allocation_table_gives_each_place_its_row():
    text = ("云杉区2025年减量化任务分解方案\n\n一、任务\n各镇按下表完成减量化任务。\n\n附表\n单位：亩\n序号\n镇\n任务量\n"
            "1\n长桥镇\n120.5\n2\n长兴镇\n88\n合计\n208.5\n")
    (table,) = _layout(text).tables
    assert table.kind == "allocation" and table.unit == "亩" and len(table.rows) == 2
    record = _extract(text)
    rows = [c for c in record.commitments if c.section[-1] in ("1", "2")]
    assert [[(o.body, o.rule) for o in c.owners] for c in rows] == [
        [("长桥镇", "table.place")], [("长兴镇", "table.place")]]


DUTIES = """云杉区建筑垃圾管理实施意见
一、工作目标
全面规范建筑垃圾管理。
二、职责分工
（一）区市容局
1.负责建筑垃圾运输企业的监管。
2.会同区交通委规划消纳场所。
（二）区城管执法局
1.依法查处违法倾倒行为。
2.配合区市容局开展联合执法。
（三）各街道办事处
负责辖区内装修垃圾的管理。
"""


def test_duty_list_items_are_headed_by_their_bodies():
    layout = _layout(DUTIES)
    assert "duty_list" in layout.genres
    assert [(d.body, d.rule) for d in layout.duties] == [
        ("区市容局", "duty.heading"), ("区城管执法局", "duty.heading"), ("各街道办事处", "duty.heading")]


def test_the_heading_body_acts_in_its_duties_and_prose_roles_turn_on_it():
    record = _extract(DUTIES)
    by_text = {c.text.split("\n")[-1]: [(o.body, o.role, o.rule) for o in c.owners] for c in record.commitments}
    assert by_text["1.负责建筑垃圾运输企业的监管。"] == [("区市容局", "lead", "duty.heading")]
    assert by_text["2.会同区交通委规划消纳场所。"] == [
        ("区交通委", "cooperate", "verb.join"), ("区市容局", "lead", "verb.join+duty.heading")]
    assert by_text["2.配合区市容局开展联合执法。"] == [
        ("区市容局", "lead", "verb.help"), ("区城管执法局", "cooperate", "verb.help+duty.heading")]
    assert by_text["负责辖区内装修垃圾的管理。"] == [("各街道办事处", "lead", "duty.heading")]


REPORT = """长桥镇2024年上半年工作总结和下半年工作安排
一、上半年工作总结
（一）城镇建设
长桥路改造工程已完成，滨河绿道建设正在推进。
二、下半年工作安排
（一）城镇建设
启动长桥公园建设。
"""


def test_report_halves_report_and_plan():
    layout = _layout(REPORT)
    assert "progress_report" in layout.genres and layout.reported
    record = _extract(REPORT)
    done, planned = record.commitments
    assert done.status == "completed" and planned.status == "planned"


FIVE_YEAR = """云杉区消防事业发展“十五五”规划
一、“十四五”发展回顾
建成消防站3座，完成老旧小区消防改造120个。
二、“十五五”发展目标
到2030年新建消防站2座。
"""


def test_a_five_year_plans_review_is_reported_work():
    layout = _layout(FIVE_YEAR)
    assert "five_year_plan" in layout.genres and len(layout.reported) == 1
    review, target = _extract(FIVE_YEAR).commitments
    assert review.status == "completed" and target.status == "planned"
