"""Status from verbs: reports say completed / in progress, plans say planned unless under way."""

import pytest
from pledgegraph.loaders.decide.status import is_reporting
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.status import clause_status


@pytest.mark.parametrize(
    ("clause", "reporting", "status"),
    [
        ("新建1处市民健身驿站", False, "planned"),
        ("持续推进老旧小区修缮工程", False, "in_progress"),
        ("完成社区食堂建设", False, "in_progress"),
        ("社区食堂建成开业", True, "completed"),
        ("图书馆分馆正式开馆", True, "completed"),
        ("推进滨河步道建设", True, "in_progress"),
    ],
)
def test_clause_status(clause, reporting, status):
    assert clause_status(clause, reporting) == status


def test_report_sections():
    report, plan = Layout((), kind="midyear_report"), Layout((), kind="work_plan")
    assert is_reporting(report, 0, ("一、上半年工作总结", "(一)经济运行稳中有进"))
    assert not is_reporting(report, 0, ("二、下半年工作部署", "(一)稳增长"))
    assert not is_reporting(plan, 0, ("一、稳中求进",))
    assert is_reporting(Layout((), kind="gov_report"), 0, ())
    assert is_reporting(Layout((), kind="five_year_plan", reported=((0, 50),)), 10, ("一、回顾",))
