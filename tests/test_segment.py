"""Segmentation: outline styles, nesting by first use, restarts, run-through numbering, inline items."""

from __future__ import annotations

from pledgegraph.loaders.segment import leaves, section_path, segment


def _tree(section, depth=0):
    out = []
    for child in section.children:
        out.append((depth, child.style, child.heading))
        out += _tree(child, depth + 1)
    return out


def test_nesting_and_restarting_numbers():
    text = "标题\n(一)发展经济\n1.招商。\n2.服务。\n(二)改善民生\n1.养老。\n"
    root = segment(text)
    assert _tree(root) == [
        (0, "cn_paren", "(一)发展经济"), (1, "num_dot", "1.招商"), (1, "num_dot", "2.服务"),
        (0, "cn_paren", "(二)改善民生"), (1, "num_dot", "1.养老"),
    ]
    assert [text[leaf.start:leaf.end].strip() for leaf in leaves(root)] == ["1.招商。", "2.服务。", "1.养老。"]


def test_numbers_running_through_sections():
    text = "一、经济\n1.甲。\n2.乙。\n二、民生\n3.丙。\n4.丁。\n"
    root = segment(text)
    assert [len(s.children) for s in root.children] == [2, 2]
    assert section_path(root, leaves(root)[2]) == ("二、民生", "3.丙")


def test_all_marker_styles_nest_in_order_of_first_use():
    text = "一、总体\n(一)分项\n1.条目\n(1)细目。\n①要点。\n②要点。\n(2)细目。\n"
    styles = [style for _, style, _ in _tree(segment(text))]
    assert styles == ["cn_dun", "cn_paren", "num_dot", "num_paren", "circled", "circled", "num_paren"]


def test_implausible_numbers_and_amounts_are_not_markers():
    text = "一、经济\n2023年完成任务。\n1.5亿元投入使用。\n3.跳号不是标题。\n"
    root = segment(text)
    assert len(root.children) == 1 and root.children[0].children == ()


def test_inline_items_become_tasks():
    text = "一、治理\n(一)社区治理\n着力三件事:一是完善网格,二是建强队伍,三是用好平台。\n"
    root = segment(text)
    assert [leaf.heading for leaf in leaves(root)] == ["一是完善网格,", "二是建强队伍,", "三是用好平台"]


def test_lead_sentence_sections():
    text = "一、经济\n(一)招商\n着力发展在线经济。\n围绕龙头企业,挖掘引入产业链企业,探索建设虚拟园区。\n搭建服务平台。\n定期召开政企恳谈会,交流需求,促进合作。\n"
    root = segment(text)
    assert [leaf.heading for leaf in leaves(root)] == ["着力发展在线经济。", "搭建服务平台。"]


def test_heading_and_task_text_on_one_line():
    root = segment("(一)经济\n1.聚焦招商。依托政策优势,加大招商力度。\n")
    leaf = leaves(root)[0]
    assert leaf.heading == "1.聚焦招商"
    assert leaf.body_start == leaf.start


def test_no_outline_gives_no_leaves():
    assert leaves(segment("只有一段话,没有编号。")) == []
