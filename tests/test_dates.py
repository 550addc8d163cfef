"""Deadlines become ISO dates in the plan year."""

import pytest
from pledgegraph.loaders.dates import find_deadline


@pytest.mark.parametrize(
    ("text", "deadline"),
    [
        ("年底前完成改造", "2024-12-31"),
        ("年内实现竣工", "2024-12-31"),
        ("三季度启动建设", "2024-09-30"),
        ("第一季度末前完成", "2024-03-31"),
        ("6月底前建成", "2024-06-30"),
        ("十月底前完成验收", "2024-10-31"),
        ("2月份前完成", "2024-02-29"),
        ("上半年完成签约", "2024-06-30"),
        ("2025年3月底前全面建成", "2025-03-31"),
        ("6月底前完成方案,年底前建成", "2024-06-30"),
        ("1-6月完成财政总收入5亿元", None),
        ("持续推进", None),
    ],
)
def test_deadlines(text, deadline):
    assert find_deadline(text, 2024) == deadline


def test_no_plan_year_no_relative_deadline():
    assert find_deadline("年底前完成", None) is None
