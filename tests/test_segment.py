"""Segmentation: outline styles, nesting by first use, restarts, run-through numbering,
lead sentences, inline items, epilogues, false markers."""

from __future__ import annotations

from pledgegraph.loaders.segment import leaves, section_path, segment


def _tree(section, depth=0):
    out = []
    for child in section.children:
        out.append((depth, child.style, child.heading))
        out += _tree(child, depth + 1)
    return out


def _texts(text, root):
    return [text[leaf.start:leaf.end] for leaf in leaves(root)]


def test_document_starting_at_cn_paren_restarts_numbers_under_each_section():
    text = "标题\n(一)发展经济\n1.招商。\n2.服务。\n(二)改善民生\n1.养老。\n"
    root = segment(text)
    assert _tree(root) == [
        (0, "cn_paren", "(一)发展经济"), (1, "num_dot", "1.招商"), (1, "num_dot", "2.服务"),
        (0, "cn_paren", "(二)改善民生"), (1, "num_dot", "1.养老"),
    ]
    assert _texts(text, root) == ["1.招商。", "2.服务。", "1.养老。"]
    assert (root.start, root.end, root.level, root.style) == (0, len(text), 0, "root")
    assert text[root.body_start:root.children[0].start] == "标题\n"  # the preamble


def test_numbers_running_through_sections():
    text = "一、经济\n1.甲。\n2.乙。\n二、民生\n3.丙。\n4.丁。\n"
    root = segment(text)
    assert [len(s.children) for s in root.children] == [2, 2]
    assert section_path(root, leaves(root)[2]) == ("二、民生", "3.丙")
    assert [leaf.level for leaf in leaves(root)] == [2, 2, 2, 2]


def test_all_marker_styles_nest_in_order_of_first_use():
    text = "一、总体\n(一)分项\n1.条目\n(1)细目。\n①要点。\n②要点。\n(2)细目。\n2、条目二\n(二)分项二\n"
    root = segment(text)
    assert _tree(root) == [
        (0, "cn_dun", "一、总体"), (1, "cn_paren", "(一)分项"), (2, "num_dot", "1.条目"),
        (3, "num_paren", "(1)细目"), (4, "circled", "①要点"), (4, "circled", "②要点"), (3, "num_paren", "(2)细目"),
        (2, "num_dot", "2、条目二"), (1, "cn_paren", "(二)分项二"),
    ]
    assert [s.marker for s in leaves(root)] == ["①", "②", "(2)", "2、", "(二)"]


def test_an_unusual_order_is_kept_as_first_met():
    text = "1.经济\n(1)招商。\n(2)服务。\n2.民生\n(1)养老。\n"
    root = segment(text)
    assert [(s.heading, len(s.children)) for s in root.children] == [("1.经济", 2), ("2.民生", 1)]


def test_a_numbered_list_in_the_preamble_does_not_swallow_the_outline():
    text = "某区通知\n1.请各单位认真落实。\n2.请按时报送。\n一、发展经济\n1.推进招商。\n二、改善民生\n1.新增床位。\n"
    root = segment(text)
    assert [s.heading for s in root.children] == ["1.请各单位认真落实", "2.请按时报送", "一、发展经济", "二、改善民生"]
    assert section_path(root, leaves(root)[-1]) == ("二、改善民生", "1.新增床位")


def test_implausible_numbers_amounts_and_bare_markers_are_not_sections():
    text = "一、经济\n2023年完成任务。\n1.5亿元投入使用。\n3.跳号不是标题。\n(一期)工程开工。\n(一)\n10%的企业受益。\n"
    root = segment(text)
    assert len(root.children) == 1 and root.children[0].children == ()
    assert root.children[0].end == len(text) - 1


def test_heading_line_and_heading_sentence():
    text = "(一)经济\n1.聚焦招商。依托政策优势,加大招商力度。\n2.优化服务\n定期走访企业。\n"
    first, second = leaves(segment(text))
    assert (first.heading, text[first.body_start:first.end]) == ("1.聚焦招商", "依托政策优势,加大招商力度。")
    assert (second.heading, text[second.body_start:second.end]) == ("2.优化服务", "定期走访企业。")
    assert text[second.start:second.end] == "2.优化服务\n定期走访企业。"  # a heading owns its paragraph


def test_long_first_sentences_are_trimmed_to_sixty_characters():
    text = "1." + "推进" * 40 + "。后文。\n"
    assert leaves(segment(text))[0].heading == "1." + "推进" * 29


def test_inline_items_become_tasks():
    text = "一、治理\n(一)社区治理\n着力三件事:一是完善网格,二是建强队伍,三是用好平台。统一是关键。\n(二)其他\n只有一是一项。\n"
    root = segment(text)
    assert [(leaf.style, leaf.marker, leaf.heading) for leaf in leaves(root)] == [
        ("cn_shi", "一是", "一是完善网格"), ("cn_shi", "二是", "二是建强队伍"), ("cn_shi", "三是", "三是用好平台"),
        ("cn_paren", "(二)", "(二)其他"),
    ]
    assert _texts(text, root)[2] == "三是用好平台。统一是关键。"  # the last item runs to its paragraph's end
    assert section_path(root, leaves(root)[1]) == ("一、治理", "(一)社区治理", "二是建强队伍")


def test_inline_items_on_their_own_lines_and_restarting_groups():
    text = "(一)社区治理\n一是完善网格。\n二是建强队伍。\n另有两点:一是加强领导;二是强化保障。\n"
    root = segment(text)
    assert _texts(text, root) == ["一是完善网格。", "二是建强队伍。", "一是加强领导;", "二是强化保障。"]


def test_lead_sentence_lines_become_sections_with_their_paragraphs():
    text = (
        "一、经济\n(一)招商\n抢抓机遇,精准施策,打好招商引资主动仗。\n着力发展在线经济。\n围绕龙头企业,挖掘引入产业链企业,探索建设虚拟园区。\n"
        "擦亮金字招牌,实现人气引流。\n用好金字招牌,持续探索文商旅融合发展,举办文旅消费节。\n(二)服务\n搭建服务平台。\n定期召开政企恳谈会,交流需求。\n"
    )
    root = segment(text)
    assert [(leaf.style, leaf.level, leaf.heading) for leaf in leaves(root)] == [
        ("lead", 3, "着力发展在线经济"), ("lead", 3, "擦亮金字招牌,实现人气引流"), ("cn_paren", 2, "(二)服务"),
    ]
    first = leaves(root)[0]
    assert text[first.start:first.end] == "着力发展在线经济。\n围绕龙头企业,挖掘引入产业链企业,探索建设虚拟园区。"
    assert text[first.body_start:first.end].startswith("围绕")


def test_lead_sentences_opening_paragraphs():
    text = (
        "(一)经济\n经济指标回升向好。1-6月完成财政总收入5.26亿元,同比增长17%,其中区级收入增长明显。\n"
        "营商环境不断优化。探索招商新模式,洽谈走访企业200余次,开展商会活动6场,服务企业发展。\n"
    )
    root = segment(text)
    assert [(leaf.style, leaf.heading) for leaf in leaves(root)] == [("lead", "经济指标回升向好"), ("lead", "营商环境不断优化")]
    assert text[leaves(root)[1].body_start:].startswith("探索招商新模式")


def test_an_address_to_the_audience_closes_the_outline():
    text = "一、经济\n(一)招商\n推进招商。\n同志们,上半年成绩来之不易。\n二、民生\n(一)养老\n新增床位。\n各位代表、同志们,让我们共同努力!\n"
    root = segment(text)
    assert _texts(text, root) == ["(一)招商\n推进招商。", "(一)养老\n新增床位。"]
    assert root.children[0].end == text.index("\n同志们")


def test_no_outline_gives_no_leaves():
    root = segment("只有一段话,没有编号。\n第二段话。")
    assert leaves(root) == [] and root.children == ()
    assert section_path(root, root) == ()
