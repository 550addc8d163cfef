"""Body identity across plans: a subdistrict's or town's government is its place however it is
written, and a collective belongs to the issuer's jurisdiction."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.record import Issuer
from pledgegraph.loaders.resolve import body_key, issuer_path

DISTRICT = Issuer("杭州市西湖区人民政府", "district", "西湖区", "杭州市", "浙江省")
BUREAU = Issuer("杭州市西湖区住房和城乡建设局", "department", "西湖区", "杭州市", "浙江省")
TOWN = Issuer("杭州市西湖区三墩镇人民政府", "town", "西湖区", "杭州市", "浙江省")
OFFICE = Issuer("杭州市西湖区人民政府翠苑街道办事处", "subdistrict", "西湖区", "杭州市", "浙江省")


@pytest.mark.parametrize("name", ["三墩镇", "三墩镇政府", "三墩镇人民政府", "西湖区三墩镇人民政府", "杭州市西湖区三墩镇"])
@pytest.mark.parametrize("issuer", [DISTRICT, BUREAU], ids=["district", "bureau"])
def test_a_town_named_in_any_form_is_the_town_issuing_its_own_plan(name, issuer):
    assert body_key(name, issuer) == body_key(TOWN.name, TOWN) == "body:杭州市|西湖区/三墩镇|政府"


def test_a_subdistrict_office_written_after_its_district_government_is_the_subdistrict():
    assert body_key(OFFICE.name, OFFICE) == body_key("翠苑街道", DISTRICT) == "body:杭州市|西湖区/翠苑街道|政府"
    assert issuer_path(OFFICE) == "杭州市/西湖区/翠苑街道"


def test_relative_names_in_a_town_plan_are_the_towns():
    assert body_key("镇政府", TOWN) == "body:杭州市|西湖区/三墩镇|政府"
    assert body_key("镇党委", TOWN) == "body:杭州市|西湖区/三墩镇|党委"
    assert body_key("党政办", TOWN) == "body:杭州市|西湖区/三墩镇|党政办"


def test_a_towns_own_organs_stay_apart_from_its_government():
    assert body_key("三墩镇社区卫生服务中心", DISTRICT) != body_key("三墩镇", DISTRICT)
    assert body_key("中共三墩镇委员会", DISTRICT) != body_key("三墩镇", DISTRICT)


def test_a_collective_belongs_to_the_issuers_jurisdiction_whichever_body_issued():
    assert body_key("各街镇", DISTRICT) == body_key("各街镇", BUREAU) == "body:杭州市|西湖区|各街镇"
    other = Issuer("杭州市上城区人民政府", "district", "上城区", "杭州市", "浙江省")
    assert body_key("各街镇", other) != body_key("各街镇", DISTRICT)
    # 各街道办事处 is 各街道, 各区人民政府 is 各区政府: the registry's spellings made equal.
    assert body_key("各街道办事处", DISTRICT) == body_key("各街道", DISTRICT)
    city = Issuer("杭州市人民政府", "city", None, "杭州市", "浙江省")
    assert body_key("各区人民政府", city) == body_key("各区政府", city) == "body:杭州市||各区政府"
    assert body_key("各居民区", OFFICE) == "body:杭州市|西湖区/翠苑街道|各居民区"
