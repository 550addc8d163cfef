"""What the layout and the owner decision put in the graph, on both stores: the Plan's genres,
title and date; co-issuers and the drafter of a forwarded plan as edges; the rule that decided
every owner on its RESPONSIBLE_FOR edge; reported work flagged, on commitments and targets."""

from __future__ import annotations

import pytest
from pledgegraph.pipeline import load_paths

NOTICE = """上海市云杉区人民政府办公室、上海市云杉区财政局关于转发区市容局制订的《云杉区街巷保洁提升工作方案》的通知

区政府各委、办、局，各街道办事处：

区市容局制订的《云杉区街巷保洁提升工作方案》已经区政府同意，现转发给你们，请认真执行。

上海市云杉区人民政府办公室    上海市云杉区财政局
2025年3月6日

云杉区街巷保洁提升工作方案

一、工作回顾
去年已完成背街小巷整治30条。
二、工作任务
（一）提升背街小巷保洁频次。（责任单位：区市容局、各街道）
（二）加强保洁经费保障。由区财政局负责落实。
（三）年内新增3-5条精品街巷。
"""


@pytest.fixture
def loaded(store, tmp_path):
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    report = load_paths(store, [path], jobs=0)
    assert report.loaded == ["notice.txt"] and not report.failed
    return store


def test_plan_node_carries_genre_title_and_issue_date(loaded):
    (row,) = loaded.query("MATCH (p:Plan) RETURN p.genre AS genre, p.title AS title, p.issued AS issued, "
                          "p.year AS year").records()
    assert row == {"genre": "notice+action_plan", "title": "云杉区街巷保洁提升工作方案", "issued": "2025-03-06",
                   "year": 2025}


def test_co_issuers_and_drafter_are_edges(loaded):
    def bodies(kind: str) -> list[str]:
        return [row[0] for row in loaded.query(f"MATCH (b:Body)-[:{kind}]->(p:Plan) RETURN b.name AS body").rows]

    assert bodies("ISSUED") == ["上海市云杉区人民政府办公室"]
    assert bodies("CO_ISSUED") == ["上海市云杉区财政局"] and bodies("DRAFTED") == ["区市容局"]


def test_every_owner_edge_says_which_rule_decided_it(loaded):
    rows = loaded.query("MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(c:Commitment) "
                        "RETURN b.name AS body, r.role AS role, r.rule AS rule ORDER BY body, role").records()
    assert {"body": "区市容局", "role": "lead", "rule": "list.label"} in rows
    assert {"body": "各街道", "role": "cooperate", "rule": "list.label"} in rows
    # 区财政局 in the plan is the co-issuer 上海市云杉区财政局: one body, named in full
    assert {"body": "上海市云杉区财政局", "role": "lead", "rule": "verb.by"} in rows
    assert all(row["rule"] for row in rows)


def test_reported_work_is_flagged(loaded):
    rows = loaded.query("MATCH (c:Commitment) RETURN c.text AS text, c.reported AS reported, c.status AS status").records()
    review = next(r for r in rows if "已完成" in r["text"])
    assert review["reported"] is True and review["status"] == "completed"
    assert all(r["reported"] is False for r in rows if r is not review)


def test_targets_carry_their_range_tense_and_rule(loaded):
    rows = loaded.query("MATCH (c:Commitment)-[:HAS_TARGET]->(t:Target) RETURN t.value AS value, t.low AS low, "
                        "t.unit AS unit, t.comparator AS comparator, t.reported AS reported, t.rule AS rule "
                        "ORDER BY value").records()
    assert rows == [
        {"value": 5.0, "low": 3.0, "unit": "条", "comparator": "<=", "reported": False, "rule": "prose.range"},
        {"value": 30.0, "low": None, "unit": "条", "comparator": "=", "reported": True, "rule": "prose.figure"},
    ]
