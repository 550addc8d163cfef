"""What a figure counts: the noun phrase after its unit, else the one before the figure.

"新建3个日间照料中心" counts 日间照料中心; "全年新增养老床位475张" counts 养老床位 once the words
opening the clause that name no metric (time frames, verbs of effort, scope) are stripped;
"居民参与率达常住人口10%" measures the rate before the linking verb; a bare change ("同比增长
17%") measures the figure named before it. The words are data/target_metric_words.txt.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.targets.compare import comparator_ending, compound
from pledgegraph.loaders.find.targets.vocabulary import alternation, guarded, numeral_chars, role_words

__all__ = ["metric_of", "distributed", "is_change", "starts_change", "tidy", "lead_words", "from_word_before"]

_WORDS = "target_metric_words"
_AFTER_METRIC = re.compile(r"[\u4e00-\u9fff“”()A-Za-z]{2,16}")
_PARENTHESES = re.compile(r"\([^()]*\)")


def _alt(role: str) -> str:
    return alternation(role_words(_WORDS, role))


@cache
def lead_words() -> re.Pattern[str]:
    """Words that open a clause and name no metric: list numbers (一是, 1., (一), 一、), dates
    (2026年底前, 3月底, 一季度) and the lead words."""
    cn = numeral_chars("first")
    return re.compile(
        rf"^(?:[{cn}](?:{_alt('enumerator')})|\d{{1,2}}[.、](?!\d)|\([{cn}\d]{{1,3}}\)|[{cn}]{{1,3}}、"
        rf"|(?:\d+(?:-\d+)?|[{cn}]{{1,2}})(?:{_alt('dated')})|{guarded(_WORDS, 'lead')})+")


@cache
def _trail_words() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('trail')})+$")


@cache
def _not_metric() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('not-metric')})")


@cache
def _change() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('change-base')})?(?:{_alt('change')})")


@cache
def _list_item() -> re.Pattern[str]:
    """Where one listed item ends: 、 and the conjunctions, but not inside 参与, 及时, 和谐."""
    return re.compile(rf"、|{guarded(_WORDS, 'joiner')}")


@cache
def _linked() -> re.Pattern[str]:
    ends = "".join(re.escape(ch) for ch in role_words(_WORDS, "quantity-end"))
    return re.compile(rf"(.+?[{ends}])(?:{_alt('linking')})")


@cache
def _shared_tail() -> re.Pattern[str]:
    return re.compile(rf"(?:{_alt('shared-tail')})+$")


@cache
def _rate_pair() -> tuple[re.Pattern[str], tuple[str, ...]]:
    rate, joiners = _alt("rate"), role_words(_WORDS, "joiner")
    pattern = re.compile(rf"([\u4e00-\u9fff]{{2,10}}(?:{rate})){alternation(joiners)}([\u4e00-\u9fff]{{2,10}}(?:{rate}))$")
    # The pair backtracks at every position; without a rate ending and a joiner side by side
    # it cannot match at all, so that is tested first.
    return pattern, tuple(r + j for r in role_words(_WORDS, "rate") for j in joiners)


def starts_change(text: str, position: int) -> bool:
    """Does a change ("增加到", "同比下降") start at ``position``?"""
    return _change().match(text, position) is not None


def from_word_before(text: str, start: int) -> bool:
    """Does a from-word (从, 由) stand right before ``start``?"""
    return text[max(0, start - 1):start] in role_words(_WORDS, "from")


def _before_from(before: str) -> str:
    """``before`` cut at a from-word that a figure follows ("公园数量从438座增加到" → 公园数量)."""
    for word in role_words(_WORDS, "from"):
        at = before.rfind(word)
        if at >= 0 and (at + len(word) == len(before) or before[at + len(word):at + len(word) + 1].isdigit()):
            return before[:at]
    return before


def is_change(metric: str) -> bool:
    """Is ``metric`` a bare change (同比增长) that measures the figure named before it?"""
    return _change().fullmatch(metric) is not None


def tidy(phrase: str) -> str:
    """Drop quotation marks a clause boundary left unpaired ('美丽家园”示范点')."""
    if phrase.count("“") != phrase.count("”"):
        phrase = phrase.replace("“", "").replace("”", "")
    return phrase.strip("()")


def _strip_links(text: str) -> str:
    links = "".join(role_words(_WORDS, "link-char"))
    return text.rstrip(links)


def metric_of(text: str, clause_start: int, start: int, stop: int, clause_end: int, after_unit: bool = True) -> str:
    """What the figure at ``[start, stop)`` counts, within its clause: the phrase after the unit
    (unless ``after_unit`` is false: a period's clause goes on with the action repeated, "每三年
    调整一次"), else the phrase before it. A bracket after the unit is a remark ("(暂定)")."""
    attributive = "".join(role_words(_WORDS, "attributive"))
    rest = text[stop:clause_end].lstrip(attributive)
    after = _AFTER_METRIC.match(rest) if after_unit and not rest.startswith("(") else None
    if after and not _not_metric().match(after.group()):
        return tidy(_list_item().split(after.group())[0])  # "三个重点轮训班和“双月讲堂”"
    before = _PARENTHESES.sub("", text[clause_start:start])  # "(宜居、宜学)设施点" is one item
    before = before[before.rfind(":") + 1:]  # "按标准收取:管护费4.7万元": what the colon introduces
    before = _before_from(before)
    last = _list_item().split(before)[-1]
    if not last and before.endswith("、"):
        return ""  # "…80个、25条": the figure right after a list mark names nothing itself
    item = lead_words().sub("", last) or last
    linked = _linked().match(item)
    if linked:
        return tidy(linked.group(1))
    for candidate in (item, _strip_links(item)):
        word = (comparator_ending(candidate) or ("", ""))[0]
        if word and not compound(candidate):
            item = candidate[: -len(word)]
            break
    item = _trail_words().sub("", _strip_links(item).removesuffix(_per_word(item)))
    return tidy(item or lead_words().sub("", before))


def _per_word(item: str) -> str:
    return next((word for word in role_words("target_count_words", "per") if item.endswith(word)), "\0")


def distributed(text: str, clause_start: int, start: int) -> list[str]:
    """Metrics a single figure applies to: "开工、竣工各100万平方米", "X率和Y率不低于70%"."""
    before = text[clause_start:start]
    each = role_words(_WORDS, "distributive")
    if before.endswith(each):
        cut = next(len(word) for word in each if before.endswith(word))
        items = [lead_words().sub("", item) for item in _list_item().split(before[:-cut])]
        return [item for item in items if item]
    head = _shared_tail().sub("", before)
    pattern, cues = _rate_pair()
    pair = pattern.search(head) if any(cue in head for cue in cues) else None
    return [pair.group(1), pair.group(2)] if pair else []
