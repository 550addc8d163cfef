"""Normalisation: furniture cut, widths folded, broken lines joined, spans kept."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.normalize import normalize


def _squeeze(text: str) -> str:
    """The comparison rule: widths folded, white space and invisible characters removed."""
    out = []
    for ch in text:
        if 0xFF01 <= ord(ch) <= 0xFF5E:
            ch = chr(ord(ch) - 0xFEE0)
        if not ch.isspace() and ch.isprintable() and ch not in "\u200b\u200c\u200d\u2060\ufeff\u00ad":
            out.append(ch)
    return "".join(out)


def _assert_every_span_maps_back(original: str) -> None:
    result = normalize(original)
    for start in range(len(result.text) + 1):
        for end in range(start, len(result.text) + 1):
            a, b = result.to_original(start, end)
            assert 0 <= a <= b <= len(original)
            assert _squeeze(original[a:b]) == _squeeze(result.text[start:end]), (start, end)


def test_full_width_forms_fold_one_for_one():
    original = "新增就业岗位１２００个，增长５％（预期）；完成率：１００％。"
    result = normalize(original)
    assert result.text == "新增就业岗位1200个,增长5%(预期);完成率:100%。"
    start = result.text.index("1200")
    assert original[slice(*result.to_original(start, start + 4))] == "１２００"


def test_cjk_punctuation_stays_and_ideographic_space_separates_latin_words():
    result = normalize("建设“一网通办”、《规划》。Ｆｉｎｔｅｃｈ\u3000Ｐａｒｋ\u3000落成")
    assert result.text == "建设“一网通办”、《规划》。Fintech Park落成"


@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u202e", "\x07"])
def test_zero_width_and_format_characters_vanish(invisible):
    original = f"推进{invisible}滨河{invisible}步道建设。"
    result = normalize(original)
    assert result.text == "推进滨河步道建设。"
    assert result.to_original(2, 4) == (3, 5)  # 滨河
    assert result.to_original(2, 6) == (3, 8)  # 滨河步道, across the dropped character


def test_spaces_vanish_beside_chinese_and_runs_inside_a_line_become_cell_borders():
    original = "　　推进 滨河 步道建设。\n序号\t项目\t牵头单位\n5  滨江科创园二期  区科委\n"
    assert normalize(original).text == "推进滨河步道建设。\n序号\t项目\t牵头单位\n5\t滨江科创园二期\t区科委"


def test_leading_metadata_and_trailing_feedback_block_are_cut():
    original = (
        "索引号: 000-1/2024-01 发布机构:\n发文日期: 2024年01月04日 主题分类: 计划\n关键词:\n\n某街道2024年工作计划\n\n"
        "发布时间:2024-01-04 浏览次数: 【字体:\n\n一、稳中求进\n1.新建公园1处。\n\n留言咨询\n纠错\n1.错误类:*\n-\n您的姓名:*\n"
    )
    result = normalize(original)
    assert result.text.splitlines() == ["某街道2024年工作计划", "一、稳中求进", "1.新建公园1处。"]
    assert original[result.body_start:].startswith("某街道2024年工作计划")
    assert original[:result.body_end].endswith("1.新建公园1处。")


def test_furniture_is_judged_by_shape_and_signatures_stay():
    original = (
        "首页 > 政务公开 > 计划总结\n来源: 区府办 作者: 综合科\n2024-01-05\n"
        "某区2024年重点工作安排\n一、发展经济\n1.推进招商。\n某区人民政府\n2024年1月5日 |\n"
    )
    result = normalize(original)
    assert result.text.splitlines() == ["某区2024年重点工作安排", "一、发展经济", "1.推进招商。", "某区人民政府", "2024年1月5日"]
    assert original[result.body_end - 1] == "日"  # the stray "|" after the body is cut


def test_addressee_and_issuing_lines_of_a_notice_are_kept():
    original = "区政府各委、办、局,各街道办事处、某镇政府:\n现将《安排》印发给你们。\n某区人民政府\n2024年2月1日\n2024年重点工作安排\n一、发展经济\n"
    result = normalize(original)
    assert result.text.splitlines()[0] == "区政府各委、办、局,各街道办事处、某镇政府:"
    assert len(result.text.splitlines()) == 6


def test_marker_alone_on_its_line_joins_its_heading():
    assert normalize("一、\n稳中求进,推动经济发展\n坚持稳字当头。").text == "一、稳中求进,推动经济发展\n坚持稳字当头。"
    assert normalize("(一)\n\n做大增量\n1.\n推进招商。").text == "(一)做大增量\n1.推进招商。"


WRAPPED = (
    "某街道2024年工作计划\n一、\n稳中求进\n(一)做大增量\n着力发展在线经济。\n围绕龙头企业,挖掘上下游产业链\n企业\n"
    ",探索建设虚拟园区。\n搭建\n商企\n服务平台。\n发挥管委会\n作用,\n定期召开恳谈会,交流企业需求,促进合作共赢。\n"
    "持续\n完善\n党建引领下的营商体系。\n牵头单位:街道经发办\n完成时限:2024年底\n"
)


def test_hard_wrapped_document_is_rejoined_but_headings_and_fields_stay():
    assert normalize(WRAPPED).text.splitlines() == [
        "某街道2024年工作计划",
        "一、稳中求进",
        "(一)做大增量",
        "着力发展在线经济。",
        "围绕龙头企业,挖掘上下游产业链企业,探索建设虚拟园区。",
        "搭建商企服务平台。",
        "发挥管委会作用,定期召开恳谈会,交流企业需求,促进合作共赢。",
        "持续完善党建引领下的营商体系。",
        "牵头单位:街道经发办",
        "完成时限:2024年底",
    ]


def test_wrapped_document_keeps_an_unnumbered_heading_and_a_lead_apart():
    original = (
        "某街道2024年工作计划\n一、发展经济\n推进\n城市\n更新。\n工作目标\n全年新增就业岗位1000个,城镇登记失业人数控制在指标内。\n"
        "全面落实营商环境方案,持续优化企业服务体系建设\n搭建商企服务平台。\n发挥管委会作用,定期召开恳谈会,交流需求。\n"
        "深化\n街校\n联动。\n"
    )
    lines = normalize(original).text.splitlines()
    assert "工作目标" in lines
    assert "搭建商企服务平台。" in lines
    assert "推进城市更新。" in lines and "深化街校联动。" in lines


def _wrap(paragraph: str, columns: int) -> list[str]:
    """Break a paragraph at a fixed display width, as text extracted from a PDF is."""
    rows, row = [], ""
    for ch in paragraph:
        if len((row + ch).encode("gb18030")) > columns:
            rows.append(row)
            row = ""
        row += ch
    return [*rows, row]


def test_text_wrapped_at_a_fixed_width_is_rejoined_even_after_a_full_stop():
    paragraphs = [
        "某区2024年重点工作安排",
        "一、着力推动经济高质量发展,全力稳增长",
        "1.推进招商引资。依托政策优势,加大招商力度,全年新增注册企业100家。完成固定资产投资增长6%。",
        "2.优化营商环境。推广“一网通办”,为企业提供全程帮办服务。定期召开政企恳谈会,交流企业需求。",
        "二、着力保障和改善民生",
        "3.新增养老床位50张,建设社区长者食堂2家,完成老旧小区改造10万平方米。",
        "牵头单位:区民政局",
    ]
    wrapped = [row for paragraph in paragraphs for row in _wrap(paragraph, 33)]
    assert "招商力度,全年新增注册企业100家。" in wrapped  # a row ending in a full stop mid-paragraph
    assert normalize("\n".join(wrapped)).text.splitlines() == paragraphs


def test_wrapped_text_without_an_outline_is_rejoined_after_its_title():
    original = "某街道工作计划\n持续\n完善\n党建引领下的营商体系。\n搭建\n商企\n服务平台。\n发挥管委会\n作用,定期召开恳谈会。\n"
    assert normalize(original).text.splitlines() == [
        "某街道工作计划", "持续完善党建引领下的营商体系。", "搭建商企服务平台。", "发挥管委会作用,定期召开恳谈会。"]


def test_well_formed_lines_are_not_joined():
    original = "某街道2024年工作计划\n(一)做大增量\n1.推进招商。\n2.优化服务\n工作目标\n新增岗位100个。\n"
    assert normalize(original).text.splitlines() == [
        "某街道2024年工作计划", "(一)做大增量", "1.推进招商。", "2.优化服务", "工作目标", "新增岗位100个。"]


def test_continuation_punctuation_joins_even_in_a_well_formed_document():
    original = "1.推进滨河步道、\n口袋公园建设\n,完成年度目标。\n2.优化服务。\n"
    assert normalize(original).text == "1.推进滨河步道、口袋公园建设,完成年度目标。\n2.优化服务。"


def test_document_on_one_line_is_broken_at_its_spaces_and_markers():
    body = "经济指标回升向好。完成财政收入5亿元。组织“人人乐业 职引未来”招聘活动。" * 20
    original = (f"一、上半年工作总结 今年是开局之年。 (一)坚持统筹兼顾,经济稳中有进 {body}(二)坚持聚焦重点 "
                "一是推进道路建设。二是推进公园建设。二、下半年工作部署 (一)聚焦提质增能 一是稳步提升经济效能。 |")
    lines = normalize(original).text.splitlines()
    assert lines[:3] == ["一、上半年工作总结", "今年是开局之年。", "(一)坚持统筹兼顾,经济稳中有进"]
    assert lines[3].startswith("经济指标回升向好。") and "“人人乐业职引未来”" in lines[3]  # quotes hold together
    assert lines[4:] == ["(二)坚持聚焦重点", "一是推进道路建设。二是推进公园建设。", "二、下半年工作部署",
                         "(一)聚焦提质增能", "一是稳步提升经济效能。"]


def test_line_breaks_of_every_kind_and_blank_runs_collapse():
    original = "标题\r一、发展\r\n\r\n\r\n1.推进招商。\u2028(二)民生\f2.养老。\n \u3000\n"
    assert normalize(original).text == "标题\n一、发展\n1.推进招商。\n(二)民生\n2.养老。"


def test_origin_has_a_sentinel_and_breaks_map_to_the_next_line():
    original = "标题\n\n  一、发展\n"
    result = normalize(original)
    assert result.text == "标题\n一、发展"
    assert list(result.origin) == [0, 1, 6, 6, 7, 8, 9, 10]
    assert result.to_original(0, 3) == (0, 2)  # a span ending in a break stops before it
    assert result.to_original(2, 3) == (6, 6)  # a break alone is an empty span
    assert result.to_original(3, 3) == (6, 6)
    assert result.to_original(5, 99) == (8, 10)


def test_empty_and_furniture_only_texts():
    assert normalize("").text == ""
    assert list(normalize("").origin) == [0]
    assert normalize(" \n\u200b\n").text == ""


@pytest.mark.parametrize(
    "original",
    [
        "标题\n（一）　推进\n滨河\u200b步道，\n建设。\n\n1.新增１２个\n",
        WRAPPED,
        "一、总结 今年是开局之年。 (一)坚持统筹 " + "经济向好。“人人 乐业”活动。" * 60 + " (二)聚焦 推进。",
        "序号\t项目\n5  滨江科创园\t区科委\r\n",
    ],
    ids=["mixed", "wrapped", "flat", "table"],
)
def test_every_analysed_span_maps_back_to_the_same_text(original):
    if len(original) > 400:
        result = normalize(original)
        for start in range(0, len(result.text), 37):
            for end in range(start, len(result.text) + 1, 11):
                a, b = result.to_original(start, end)
                assert _squeeze(original[a:b]) == _squeeze(result.text[start:end])
    else:
        _assert_every_span_maps_back(original)
