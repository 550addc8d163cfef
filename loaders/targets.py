"""Quantified promises: a value with its literal unit and a comparator.

"全年新增养老床位475张" → 475 张 =, "3500余户" → 3500 户 >=, "增长5%左右" → 5 % ~,
"控制在380人以内" → 380 人 <=. The unit is kept as written (万平米 stays 万平米) so a reader
can find it in the text. Numbers that only look like targets are skipped by their context:
ordinals (第五次), years and dates (2023年, 1-6月), numbers inside names and addresses (4号,
36-38号, 12345热线), and anything inside quotation marks (“15分钟生活圈”).
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.outline import cn_number
from pledgegraph.loaders.record import TargetMention

__all__ = ["find_targets"]

_CN_DIGITS = "零一二两三四五六七八九十百千"
_CN_MEASURES = "个家处条所项座名张台户幢栋场"
_MULTIPLIER = r"(?:千万|百万|十万|万|亿|千|百)?"
_CLAUSE_MARKS = "。;；!！?？\n,，"
_NOT_AFTER = re.compile(r"^(?:年|月|日|号|弄|期|届|版|号线|季度|周年|分钟|小时|大|方面|类|批次|条线|类型|个方面)")
# Chinese numerals quantify only after a verb ("开设三个轮训班"), not inside a term.
_CN_VERB_BEFORE = re.compile(r"(?:开设|建立|新建|建设|打造|创建|完成|开展|设立|组建|培育|举办|实施|推进|形成|新增|引进|增加|达到|达|建成|改造|培训|组织|设置|选树|评选|涉及|惠及|覆盖|共|等)$")
_BARE_FIGURE = re.compile(r"(?:不少于|不低于|超过|达到|约)?(?<![\dA-Za-z.])(\d+(?:\.\d+)?)(?=[,，。;；\n]|$)")
_LIST_ITEM = re.compile(r"[、和及与]")
_RATE_PAIR = re.compile(r"([\u4e00-\u9fff]{2,10}率)和([\u4e00-\u9fff]{2,10}率)$")
_VERB_PREFIX = re.compile(r"^(?:全年|年内|力争|确保|实现|完成|新增|累计|全区|共|达到|达|为|其中|同比|新建|建设|开展|推进|实施|组织|培训)+")


@cache
def _number_pattern() -> re.Pattern[str]:
    units = sorted(words("target_units"), key=len, reverse=True)
    unit = "|".join(re.escape(u) for u in units)
    return re.compile(
        rf"(?P<num>\d+(?:\.\d+)?)(?P<about>余|多)?(?P<unit>{_MULTIPLIER}(?:{unit}))"
        rf"|(?P<cn>[两三四五六七八九十][十百千]?[一二三四五六七八九]?)(?P<cnunit>[{_CN_MEASURES}])"
    )


@cache
def _comparators() -> tuple[tuple[str, str, str], ...]:
    rows = [(word, comparator, where) for word, comparator, where in table("target_comparators")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


def _inside_quotes(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    return text.count("“", line_start, position) > text.count("”", line_start, position)


def _excluded(text: str, start: int, end: int, chinese: bool) -> bool:
    before = text[max(0, start - 1):start]
    if chinese and "\u4e00" <= before <= "\u9fff" and not _CN_VERB_BEFORE.search(text[max(0, start - 3):start]):
        return True  # 中央八项规定, 一网通办: numerals inside a fixed term
    if before in ("第", "-", "—", "~", ".", "/") or before.isascii() and before.isalnum():
        return True
    after = text[end:end + 3]
    if after[:1] in ("-", "—", ".") and after[1:2].isdigit():
        return True
    return bool(_NOT_AFTER.match(text[end:end + 4])) or _inside_quotes(text, start)


def _comparator(text: str, start: int, end: int, about: str | None) -> tuple[str, int]:
    """The comparator and where the whole expression ends (after 以上/以内/左右)."""
    after = text[end:end + 3]
    for word, comparator, where in _comparators():
        if where == "after" and after.startswith(word):
            return comparator, end + len(word)
    if about:
        return ">=", end
    # A comparator before the figure touches it ("不少于20台", "约为3万"): "约谈2家" is no "about".
    before = re.sub(r"[为达在到]$", "", text[max(0, start - 6):start])
    for word, comparator, where in _comparators():
        if where == "before" and before.endswith(word):
            return comparator, end
    return "=", end


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in _CLAUSE_MARKS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in _CLAUSE_MARKS:
        right += 1
    return left, right


def _metric(text: str, clause_start: int, start: int, end: int, clause_end: int) -> str:
    """What is counted: the noun phrase after the unit, else the one before the number."""
    after = re.match(r"[\u4e00-\u9fff“”()A-Za-z]{2,16}", text[end:clause_end].lstrip("的"))
    if after and not re.match(r"(?:以上|以内|左右|以下|同比|增长|实现|完成)", after.group()):
        return after.group().strip("“”")
    before = text[clause_start:start]
    before = re.split(r"[、和及与]", before)[-1]
    before = _VERB_PREFIX.sub("", before)
    for word, _, where in _comparators():
        if where == "before" and before.endswith(word):
            before = before[: -len(word)]
    return before.strip("“”") or text[start:end]


def _value(match: re.Match[str]) -> tuple[float, str]:
    if match.group("num"):
        return float(match.group("num")), match.group("unit")
    return float(cn_number(match.group("cn").replace("两", "二"))), match.group("cnunit")


def _distributed(text: str, clause_start: int, start: int) -> list[str]:
    """Metrics a single figure applies to: "开工、竣工各100万平方米", "X率和Y率不低于70%"."""
    before = text[clause_start:start]
    if before.endswith("各"):
        items = [re.sub(r"^(?:全年|完成|实现)+", "", item) for item in _LIST_ITEM.split(before[:-1])]
        return [item for item in items if item]
    head = re.sub(r"(?:不低于|不少于|达到|均达|均|达)+$", "", before)
    pair = _RATE_PAIR.search(head)
    return [pair.group(1), pair.group(2)] if pair else []


def _inherited(text: str, previous: TargetMention | None, position: int) -> TargetMention | None:
    """"竣工不少于20台,开工不少于25": a bare figure right after a target takes its unit."""
    if previous is None or position - previous.end > 16:
        return None
    match = _BARE_FIGURE.search(text, position)
    if not match or match.start() - previous.end > 12 or "\n" in text[previous.end:match.start()]:
        return None
    clause_start, clause_end = _clause(text, match.start(), match.end())
    comparator = ">=" if re.search(r"不少于|不低于|超过", match.group()) else previous.comparator
    metric = re.sub(r"(?:不少于|不低于|超过|达到|约)$", "", text[clause_start:match.start(1)]) or previous.metric
    return TargetMention(metric, float(match.group(1)), previous.unit, comparator, match.start(1), match.end(),
                         text[clause_start:clause_end])


def find_targets(text: str) -> list[TargetMention]:
    """Every quantified target in ``text``, in order, offsets into ``text``."""
    found: list[TargetMention] = []
    for match in _number_pattern().finditer(text):
        start, end = match.start(), match.end()
        if _excluded(text, start, end, chinese=match.group("cn") is not None):
            continue
        value, unit = _value(match)
        comparator, stop = _comparator(text, start, end, match.group("about"))
        clause_start, clause_end = _clause(text, start, stop)
        evidence = text[clause_start:clause_end]
        metrics = _distributed(text, clause_start, start) or [_metric(text, clause_start, start, stop, clause_end)]
        for metric in metrics:
            found.append(TargetMention(metric, value, unit, comparator, start, stop, evidence))
        inherited = _inherited(text, found[-1], stop)
        if inherited is not None and not any(t.start == inherited.start for t in found):
            found.append(inherited)
    return found
