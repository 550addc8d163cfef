"""Property tests: no stage crashes on arbitrary plan-like text, and every span maps back."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.normalize import normalize
from pledgegraph.loaders.read import Document
from pledgegraph.loaders.segment import leaves, section_path, segment

_MARKERS = ["一、", "二、", "三、", "十一、", "(一)", "（二）", "(三)", "1.", "2.", "3、", "１．", "(1)", "（2）",
            "①", "②", "一是", "二是", "三是", "第一", "同志们,"]
_PUNCTUATION = ["。", ",", "，", "、", ";", "；", ":", "：", "“", "”", "《", "》", "(", ")", "（", "）", "-", "%",
                "!", "|", "*", ">"]
_SPACING = ["\n", "\n", "\n\n", "\r\n", "\r", " ", "  ", "\u3000", "\t", "\u200b", "\ufeff", "\u2060", "\x07"]
_WORDS = ["推进", "建设", "工程", "项目", "街道", "区政府", "牵头单位:", "配合单位:", "区发改委", "等", "个",
          "年底前", "新增", "不少于", "以上", "约", "万平方米", "亿元", "2024年", "3.5", "12", "１２", "三",
          "养老床位", "张", "小区", "公园", "“一网通办”", "由", "负责", "配合", "依托", "为", "奠定基础",
          "着力发展在线经济。", "Fintech Park"]
_PIECES = st.one_of(st.sampled_from(_MARKERS + _PUNCTUATION + _SPACING + _WORDS),
                    st.text(alphabet="街道镇区推进建设改造完成计划服务中心一二三", max_size=4))
_TEXT = st.lists(_PIECES, max_size=80).map("".join)
# Long single lines with spaces and markers: the flattened-document path.
_FLAT = st.lists(st.sampled_from([" ", " (一)", " (二)", "。二、", "一、", "推进建设工作。", "“人人 乐业”", "新增12个,",
                                  "Fintech Park", "\u3000", "\u200b"]), min_size=200, max_size=400).map("".join)
_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _squeeze(text: str) -> str:
    """The mapping rule: widths folded, white space, zero-width and control characters removed."""
    out = []
    for ch in text:
        if 0xFF01 <= ord(ch) <= 0xFF5E:
            ch = chr(ord(ch) - 0xFEE0)
        if ch.isprintable() and not ch.isspace():
            out.append(ch)
    return "".join(out)


def _assert_maps_back(original: str, result, start: int, end: int) -> None:
    a, b = result.to_original(start, end)
    assert 0 <= a <= b <= len(original)
    assert _squeeze(original[a:b]) == _squeeze(result.text[start:end])


def _assert_well_formed(section, text: str) -> None:
    previous_end = section.body_start if section.style != "root" else 0
    for child in section.children:
        assert section.start <= child.start < child.end <= section.end
        assert child.start >= previous_end and child.level == section.level + 1
        assert child.start <= child.body_start <= child.end
        assert text[child.start:child.end].strip() and child.heading
        previous_end = child.end
        _assert_well_formed(child, text)


@_SETTINGS
@given(_TEXT)
def test_leaf_spans_map_back_to_the_same_text(original):
    result = normalize(original)
    assert len(result.origin) == len(result.text) + 1
    assert list(result.origin) == sorted(result.origin)
    root = segment(result.text)
    _assert_well_formed(root, result.text)
    for leaf in leaves(root):
        _assert_maps_back(original, result, leaf.start, leaf.end)
        assert len(section_path(root, leaf)) == leaf.level


@_SETTINGS
@given(_TEXT, st.data())
def test_any_analysed_span_maps_back(original, data):
    result = normalize(original)
    start = data.draw(st.integers(0, len(result.text)))
    end = data.draw(st.integers(start, len(result.text)))
    _assert_maps_back(original, result, start, end)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_FLAT, st.data())
def test_flattened_documents_segment_and_map_back(original, data):
    result = normalize(original)
    root = segment(result.text)
    _assert_well_formed(root, result.text)
    for leaf in leaves(root):
        _assert_maps_back(original, result, leaf.start, leaf.end)
    start = data.draw(st.integers(0, len(result.text)))
    _assert_maps_back(original, result, start, data.draw(st.integers(start, len(result.text))))


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
