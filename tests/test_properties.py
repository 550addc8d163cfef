"""Property tests: no stage crashes on arbitrary plan-like text, and every span maps back."""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.read import Document
from pledgegraph.loaders.segment import leaves, segment

_PIECES = st.sampled_from([
    "一、", "二、", "(一)", "（二）", "1.", "2、", "(1)", "①", "一是", "二是", "\n", "\n\n", " ", "\u3000",
    "。", ",", "，", "、", ";", "：", "“", "”", "《", "》", "(", ")", "\u200b", "\ufeff", "-", "%",
    "推进", "建设", "工程", "项目", "街道", "区政府", "牵头单位:", "配合单位:", "区发改委", "等", "个",
    "年底前", "新增", "不少于", "以上", "约", "万平方米", "亿元", "2024年", "3.5", "12", "１２", "三",
    "养老床位", "张", "小区", "公园", "“一网通办”", "由", "负责", "配合", "依托", "为", "奠定基础",
])
_TEXT = st.lists(st.one_of(_PIECES, st.text(alphabet="街道镇区推进建设改造完成计划服务中心", max_size=4)),
                 max_size=80).map("".join)


def _squeeze(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_analysed_spans_map_back_to_the_same_text(original):
    result = normalize(original)
    assert len(result.origin) == len(result.text) + 1
    for leaf in leaves(segment(result.text)):
        start, end = result.to_original(leaf.start, leaf.end)
        assert 0 <= start <= end <= len(original)
        assert _squeeze(original[start:end]) == _squeeze(result.text[leaf.start:leaf.end])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_extraction_never_crashes_and_spans_stay_inside_the_document(original):
    record = extract_document(Document("x.txt", "x.txt", original, "utf-8", "0" * 64))
    for item in [*record.commitments, *record.targets, *record.projects, *record.bodies, *record.themes]:
        start, end = item.span
        assert 0 <= start <= end <= len(original)
    for target in record.targets:
        start, end = target.span
        assert _squeeze(original[start:end])
