"""Normalisation: furniture cut, widths folded, broken lines joined, spans kept."""

from __future__ import annotations

import unicodedata

from pledgegraph.loaders.normalize import normalize


def _squeeze(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("\u200b", "")


def test_full_width_forms_fold_one_for_one():
    original = "新增就业岗位１２００个，增长５％（预期）。"
    result = normalize(original)
    assert result.text == "新增就业岗位1200个,增长5%(预期)。"
    start = result.text.index("1200")
    assert original[slice(*result.to_original(start, start + 4))] == "１２００"


def test_zero_width_characters_vanish():
    result = normalize("推进\u200b滨河\u200d步道\ufeff建设。")
    assert result.text == "推进滨河步道建设。"
    assert result.to_original(2, 4) == (3, 5)  # 滨河
    assert result.to_original(2, 6) == (3, 8)  # 滨河步道, across the dropped character


def test_leading_metadata_and_trailing_feedback_block_are_cut():
    original = (
        "索引号: 000-1/2024-01 发布机构:\n发文日期: 2024年01月04日\n\n某街道2024年工作计划\n\n"
        "发布时间:2024-01-04 浏览次数:\n一、稳中求进\n1.新建公园1处。\n\n留言咨询\n纠错\n1.错误类:*\n您的姓名:*\n"
    )
    result = normalize(original)
    assert result.text.splitlines() == ["某街道2024年工作计划", "一、稳中求进", "1.新建公园1处。"]
    assert original[result.body_start:].startswith("某街道")
    assert "留言咨询" not in original[result.body_start:result.body_end]


def test_marker_alone_on_its_line_joins_its_heading():
    assert normalize("一、\n稳中求进,推动经济发展\n坚持稳字当头。").text == "一、稳中求进,推动经济发展\n坚持稳字当头。"


def test_hard_wrapped_document_is_rejoined():
    original = (
        "某街道2024年工作计划\n一、\n稳中求进\n围绕龙头企业,挖掘上下游产业链\n企业\n,探索建设虚拟园区。\n"
        "持续\n完善\n党建引领下的营商体系。\n搭建\n商企\n服务平台。\n发挥管委会\n作用,\n定期召开恳谈会。\n"
    )
    lines = normalize(original).text.splitlines()
    assert "围绕龙头企业,挖掘上下游产业链企业,探索建设虚拟园区。" in lines
    assert "持续完善党建引领下的营商体系。" in lines
    assert "搭建商企服务平台。" in lines
    assert lines[0] == "某街道2024年工作计划"


def test_well_formed_lines_are_not_joined():
    original = "某街道2024年工作计划\n(一)做大增量\n1.推进招商。\n2.优化服务\n"
    assert normalize(original).text.splitlines() == ["某街道2024年工作计划", "(一)做大增量", "1.推进招商。", "2.优化服务"]


def test_document_on_one_line_is_broken_at_its_spaces():
    body = "经济指标回升向好。完成财政收入5亿元。" * 60
    original = f"一、上半年工作总结 今年是开局之年。 (一)坚持统筹兼顾,经济稳中有进 {body} (二)坚持聚焦重点 {body}"
    lines = normalize(original).text.splitlines()
    assert lines[:3] == ["一、上半年工作总结", "今年是开局之年。", "(一)坚持统筹兼顾,经济稳中有进"]
    assert "(二)坚持聚焦重点" in lines


def test_every_analysed_span_maps_back_to_the_same_text():
    original = "标题\n（一）　推进\n滨河\u200b步道，\n建设。\n\n1.新增１２个\n"
    result = normalize(original)
    for start in range(len(result.text)):
        for end in range(start + 1, len(result.text) + 1):
            a, b = result.to_original(start, end)
            assert _squeeze(original[a:b]) == _squeeze(result.text[start:end])
