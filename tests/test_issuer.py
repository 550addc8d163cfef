"""Issuer, year and document type: read from titles and signature lines, placed via the gazetteer."""

import pytest
from pledgegraph.loaders.issuer import doc_type, find_title, places_named, plan_year, resolve_issuer


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("某某街道2024年工作计划\n2024年，是……", "某某街道2024年工作计划"),
        ("索引号\n\n2024年某镇街道规划计划\n正文。", "2024年某镇街道规划计划"),
        ("各委办局:\n现将《2024年区政府重点工作安排》印发给你们,请认真落实。\n2024年区政府重点工作安排\n",
         "2024年区政府重点工作安排"),
        ("一、上半年工作总结 今年是开局之年,我们坚持……", None),
        ("一、上半年工作总结\n今年是开局之年。\n(一)坚持统筹兼顾", None),
    ],
)
def test_find_title(text, title):
    found = find_title(text)
    assert (found[0] if found else None) == title


def test_subdistrict_from_title_resolves_district_through_gazetteer():
    text = "长寿路街道2024年工作计划\n2024年,街道将落实区委区政府部署。"
    issuer = resolve_issuer(text, "长寿路街道2024年工作计划")
    assert (issuer.name, issuer.level, issuer.district, issuer.city) == ("长寿路街道", "subdistrict", "普陀区", "上海市")


def test_signature_line_names_a_district_government_without_city_prefix():
    text = "区政府各委、办、局:\n现将《2024年区政府重点工作安排》印发给你们。\n上海市徐汇区人民政府\n2024年2月1日\n"
    assert find_title(text) is None  # the notice names the plan only inside 《》
    issuer = resolve_issuer(text, None)
    assert (issuer.name, issuer.level, issuer.district) == ("徐汇区人民政府", "district", "徐汇区")


def test_office_suffix_is_kept_in_name_but_resolved_as_subdistrict():
    issuer = resolve_issuer("曹家渡街道办事处2024年工作计划\n", "曹家渡街道办事处2024年工作计划")
    assert (issuer.level, issuer.district) == ("subdistrict", "静安区")


def test_name_shared_across_provinces_is_settled_by_the_text():
    # A town named 清水镇 exists in ten provinces: mentions of the parent county decide.
    text = "清水镇2024年工作计划\n全面落实酒泉市、肃州区部署,推动肃州区经济发展。"
    issuer = resolve_issuer(text, "清水镇2024年工作计划")
    assert (issuer.district, issuer.province, issuer.ambiguous) == ("肃州区", "甘肃省", False)


def test_unsettled_name_is_flagged_ambiguous():
    issuer = resolve_issuer("清水镇2024年工作计划\n", "清水镇2024年工作计划")
    assert issuer.ambiguous and issuer.level == "town"


def test_unknown_issuer_is_kept_and_unresolved():
    issuer = resolve_issuer("虚构乌有街道2024年工作计划\n", "虚构乌有街道2024年工作计划")
    assert issuer.name == "虚构乌有街道" and issuer.district is None and issuer.level == "subdistrict"


def test_issuer_without_title_is_the_most_mentioned_town():
    text = "一、上半年工作总结 长寿路街道坚持……长寿路街道推进……普陀区部署……长寿路街道完成……"
    assert resolve_issuer(text, None).name == "长寿路街道"


def test_places_named_counts_longest_names():
    counts = places_named("长寿路街道和普陀区,长寿路街道")
    assert counts["长寿路街道"] == 2 and counts["普陀区"] == 1


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("某街道2024年工作计划", "work_plan"),
        ("2024年区政府重点工作安排", "key_tasks"),
        ("某区2024年优化营商环境行动计划", "action_plan"),
        ("某区推进城市更新实施方案", "action_plan"),
        ("某街道2024年上半年工作总结", "midyear_report"),
        ("2024年某区政府工作报告", "gov_report"),
    ],
)
def test_doc_type_from_title(title, kind):
    assert doc_type("", title) == kind


def test_doc_type_of_untitled_midyear_report():
    assert doc_type("一、上半年工作总结 今年以来……二、下半年工作部署", None) == "midyear_report"


def test_plan_year_prefers_title_then_commonest_year():
    assert plan_year("", "某街道2024年工作计划") == 2024
    assert plan_year("2023年是开局之年。2024年……2024年……", None) == 2024
    assert plan_year("没有年份", None) is None


def test_place_missing_from_gazetteer_takes_its_district_from_the_text():
    text = "新桥湾街道2024年工作计划\n2024年,云杉区新桥湾街道将……"
    issuer = resolve_issuer(text, "新桥湾街道2024年工作计划")
    assert (issuer.name, issuer.level, issuer.district) == ("新桥湾街道", "subdistrict", "云杉区")


def test_unknown_district_prefix_in_title_is_split_off():
    issuer = resolve_issuer("云杉区新桥湾街道2024年工作计划\n", "云杉区新桥湾街道2024年工作计划")
    assert (issuer.name, issuer.district) == ("新桥湾街道", "云杉区")


def test_unknown_district_government_is_its_own_district():
    text = "上海市云杉区人民政府\n2024年区政府重点工作安排\n"
    issuer = resolve_issuer(text, "2024年区政府重点工作安排")
    assert (issuer.name, issuer.level, issuer.district, issuer.city) == ("云杉区人民政府", "district", "云杉区", "上海市")
