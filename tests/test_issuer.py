"""Issuer, year and document kind: read from the envelope, the title or the text, placed in
the hierarchy through the national gazetteer."""

import pytest
from pledgegraph.loaders.decide.issuer import decide_issuer
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.genres import read_layout
from pledgegraph.loaders.jurisdiction import parse_organ, places_named
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.read import Document


def _issuer(text: str):
    return decide_issuer(read_layout(text), normalize(text).text)


def _record(text: str):
    return extract_document(Document("plan.txt", "plan.txt", text, "utf-8", "0" * 64))


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("某某街道2024年工作计划\n2024年，是……", "某某街道2024年工作计划"),
        ("索引号:\n\n2024年某镇街道规划计划\n正文。", "2024年某镇街道规划计划"),
        ("各委办局:\n现将《2024年区政府重点工作安排》印发给你们,请认真落实。\n某区人民政府\n2024年1月3日\n"
         "2024年区政府重点工作安排\n一、做好工作。\n", "2024年区政府重点工作安排"),
        ("一、上半年工作总结 今年是开局之年,我们坚持……", None),
        ("一、上半年工作总结\n今年是开局之年。\n(一)坚持统筹兼顾", None),
        ("2026年松江区建筑垃圾运输行业\n“清水行动”工作方案\n\n一、目标\n", "2026年松江区建筑垃圾运输行业“清水行动”工作方案"),
    ],
)
def test_title(text, title):
    assert read_layout(text).title == title


def test_subdistrict_from_title_resolves_district_through_gazetteer():
    issuer = _issuer("长寿路街道2024年工作计划\n2024年,街道将落实区委区政府部署。")
    assert (issuer.name, issuer.level, issuer.district, issuer.city, issuer.rule) == (
        "长寿路街道", "subdistrict", "普陀区", "上海市", "title")


def test_signature_names_the_issuer_in_its_fullest_form():
    text = "区政府各委、办、局:\n现将《2024年区政府重点工作安排》印发给你们。\n上海市徐汇区人民政府\n2024年2月1日\n"
    issuer = _issuer(text)
    assert (issuer.name, issuer.level, issuer.district, issuer.rule) == (
        "上海市徐汇区人民政府", "district", "徐汇区", "envelope.signer")


def test_sender_in_the_title_takes_the_fuller_signed_form():
    text = ("徐汇区人民政府办公室关于印发《某工作方案》的通知\n各有关单位：\n现印发给你们。\n上海市徐汇区人民政府办公室\n"
            "2024年2月1日\n某工作方案\n一、做好工作。\n")
    assert _issuer(text).name == "上海市徐汇区人民政府办公室"


def test_office_suffix_is_kept_in_name_but_resolved_as_subdistrict():
    issuer = _issuer("曹家渡街道办事处2024年工作计划\n")
    assert (issuer.name, issuer.level, issuer.district) == ("曹家渡街道办事处", "subdistrict", "静安区")


def test_name_shared_across_provinces_is_settled_by_the_text():
    # A town named 清水镇 exists in ten provinces: mentions of the parent county decide.
    issuer = _issuer("清水镇2024年工作计划\n全面落实酒泉市、肃州区部署,推动肃州区经济发展。")
    assert (issuer.district, issuer.province, issuer.ambiguous) == ("肃州区", "甘肃省", False)


def test_unsettled_name_is_flagged_ambiguous():
    issuer = _issuer("清水镇2024年工作计划\n")
    assert issuer.ambiguous and issuer.level == "town"


def test_a_namesake_elsewhere_is_not_taken_when_the_name_says_where():
    # 头桥街道 in the gazetteer lies in 贵阳; written under 奉贤区 it is a place the gazetteer lacks.
    issuer = _issuer("上海市奉贤区人民政府头桥街道办事处2025年工作计划\n")
    assert (issuer.level, issuer.district, issuer.city) == ("subdistrict", "奉贤区", "上海市")


def test_unknown_issuer_is_kept_and_unresolved():
    issuer = _issuer("虚构乌有街道2024年工作计划\n")
    assert issuer.name == "虚构乌有街道" and issuer.district is None and issuer.level == "subdistrict"


def test_issuer_without_title_is_the_most_mentioned_town():
    issuer = _issuer("一、上半年工作总结 长寿路街道坚持……长寿路街道推进……普陀区部署……长寿路街道完成……")
    assert (issuer.name, issuer.rule) == ("长寿路街道", "text.place")


def test_places_named_counts_longest_names():
    counts = places_named("长寿路街道和普陀区,长寿路街道")
    assert counts["长寿路街道"] == 2 and counts["普陀区"] == 1


def test_place_missing_from_gazetteer_takes_its_district_from_the_text():
    issuer = _issuer("新桥湾街道2024年工作计划\n2024年,云杉区新桥湾街道将……")
    assert (issuer.name, issuer.level, issuer.district) == ("新桥湾街道", "subdistrict", "云杉区")


def test_unknown_district_in_the_name_is_its_district():
    issuer = _issuer("云杉区新桥湾街道2024年工作计划\n")
    assert (issuer.name, issuer.level, issuer.district) == ("云杉区新桥湾街道", "subdistrict", "云杉区")


def test_unknown_district_government_named_above_its_plan():
    issuer = _issuer("上海市云杉区人民政府\n2024年区政府重点工作安排\n一、做好工作。\n")
    assert (issuer.name, issuer.level, issuer.district, issuer.city) == (
        "上海市云杉区人民政府", "district", "云杉区", "上海市")


def test_organ_names_split_into_places_and_organ():
    organ = parse_organ("上海市奉贤区人民政府头桥街道办事处")
    assert (organ.places, organ.organ) == (("上海市", "奉贤区", "头桥街道"), "办事处")
    organ = parse_organ("中共上海市宝山区友谊路街道工作委员会")
    assert organ.party and organ.places[-1] == "友谊路街道" and organ.organ == "工作委员会"
    assert parse_organ("上海市长宁区绿化和市容管理局").places == ("上海市", "长宁区")  # 绿化和市 is no place


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
    assert _record(f"{title}\n一、做好某项工作,推进落实。\n").doc_type == kind


def test_doc_type_of_untitled_midyear_report():
    assert _record("一、上半年工作总结 今年以来……二、下半年工作部署").doc_type == "midyear_report"


def test_year_is_the_issue_date_then_the_title_then_the_commonest_year():
    notice = ("关于印发《某街道2025年工作计划》的通知\n各居委：\n现印发。\n某街道办事处\n2024年12月20日\n"
              "某街道2025年工作计划\n一、做好工作。\n")
    assert _record(notice).year == 2024  # issued in 2024 for 2025
    assert _record("某街道2024年工作计划\n一、做好工作。\n").year == 2024
    assert _record("一、2023年是开局之年。2024年……2024年……").year == 2024
