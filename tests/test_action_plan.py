"""Action plans: explicit responsibility lists, lists shared by several tasks, flattened tables."""

from __future__ import annotations

import pytest
from pledgegraph.loaders.extract import extract_file

PLAN = """云杉区2024年优化营商环境行动计划
一、提升政务服务效能
1.深化“一网通办”改革,年底前实现100项高频事项全程网办。(牵头单位:区政务服务办;配合单位:区大数据中心、各街道)
2.推进“云杉企服”平台建设。(责任单位:区发展改革委、区商务委)
二、优化市场环境
3.开展涉企收费专项检查。
4.建立企业诉求快速响应机制。
责任单位:区市场监管局、区司法局
三、重点项目清单
序号\t项目\t牵头单位\t配合单位
5\t滨江科创园二期\t区科委\t区建设管理委、区规划资源局
6\t云杉人才公寓\t区房管局\t区人才办
"""


@pytest.fixture(scope="module")
def record(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "action.txt"
    path.write_text(PLAN, encoding="utf-8")
    return extract_file(path)


def _owners(record, number: str):
    (commitment,) = [c for c in record.commitments if c.section[-1].startswith(number)]
    return [(o.body, o.role) for o in commitment.owners]


def test_type_and_issuer(record):
    assert record.doc_type == "action_plan"
    assert record.issuer.district == "云杉区"


def test_lead_and_cooperate_lists(record):
    assert _owners(record, "1.") == [("区政务服务办", "lead"), ("区大数据中心", "cooperate"), ("各街道", "cooperate")]
    assert _owners(record, "2.") == [("区发展改革委", "lead"), ("区商务委", "cooperate")]


def test_a_list_on_its_own_line_covers_the_tasks_above_it(record):
    expected = [("区市场监管局", "lead"), ("区司法局", "cooperate")]
    assert _owners(record, "3.") == expected
    assert _owners(record, "4.") == expected


def test_flattened_table_rows_take_their_owner_columns(record):
    assert _owners(record, "5") == [("区科委", "lead"), ("区建设管理委", "cooperate"), ("区规划资源局", "cooperate")]
    assert _owners(record, "6") == [("区房管局", "lead"), ("区人才办", "cooperate")]


def test_listed_units_are_bodies_and_the_title_is_no_project(record):
    names = {b.name for b in record.bodies}
    assert {"区政务服务办", "区市场监管局", "区建设管理委", "区规划资源局", "区房管局"} <= names
    assert all("行动计划" not in p.name for p in record.projects)
    assert {"一网通办", "云杉企服"} <= {p.name for p in record.projects}
