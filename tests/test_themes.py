"""Headings map to the canonical themes; the body decides when the heading is rhetorical."""

import pytest
from pledgegraph.loaders.record import THEMES
from pledgegraph.loaders.themes import classify_theme


@pytest.mark.parametrize(
    ("heading", "theme"),
    [
        ("稳中求进,推动经济质效新提升", "economy"),
        ("深入实施乡村振兴战略,壮大农村集体经济", "rural_revitalization"),
        ("聚焦城市更新,提升城市功能品质", "urban_development"),
        ("坚持绿色发展,持续改善生态环境", "ecology_environment"),
        ("深化数字化转型,提升基层治理水平", "governance_digital"),
        ("统筹发展和安全,守牢城市安全底线", "public_safety"),
        ("聚焦民生保障,织密社会保障网", "social_welfare"),
        ("推进教育优质均衡发展", "education"),
        ("建设健康城区,提升医疗卫生服务水平", "health"),
        ("繁荣文化体育事业", "culture_sports"),
        ("坚持党建引领,落实全面从严治党", "party_building"),
        ("加强政府自身建设,建设人民满意的服务型政府", "government_self_building"),
    ],
)
def test_heading_keywords(heading, theme):
    assert classify_theme(heading) == theme


def test_body_decides_rhetorical_heading():
    heading = "坚持“一核两翼”战略,全力打造功能区优势"
    body = "引进企业总部,优化营商环境,扩大招商引资,推动产业集聚和消费升级。"
    assert classify_theme(heading, body) == "economy"


def test_heading_outweighs_body():
    heading = "加强政府自身建设"
    body = "推进治理能力现代化,完善城市治理,提升治理效能。" * 3
    assert classify_theme(heading, body) == "government_self_building"


def test_always_returns_a_canonical_theme():
    assert classify_theme("其他") in THEMES
