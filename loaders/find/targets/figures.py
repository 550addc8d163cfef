"""Figures and their units: where a plan writes a quantity, and which figures are no quantity.

A figure only counts when a unit follows it ("475张", "5.26亿元", "3500余户"); a magnitude alone
is a unit ("服务3.5万"); a bracketed second unit joins the first ("4360套(间)"). What remains
is told apart by its context, never by a list of known phrases:

* dates, durations and ordinals: a unit followed by 年/月/日/号/期/届 … (data/target_not_after),
  a figure after 第, a figure joined to another by "-" (2023-2025年, 36-38号, 7-15地块);
* names and addresses: a figure glued to ASCII letters or digits (54A, 12345热线, 6.0版), a
  project phase ("2期工程"), anything inside “…” or 《…》 (“15分钟生活圈”, “十四五”);
* Chinese numerals only quantify after a verb or outside a word ("开设三个轮训班"); inside a
  fixed term (中央八项规定, 四责协同, 一张蓝图) they are part of the name. A bare 一 is an article
  ("形成一套机制") except as the object of a verb creating a facility ("新建一处驿站").
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.targets.compare import comparator_ending, compound, strip_link
from pledgegraph.loaders.find.targets.vocabulary import (
    alternation,
    comparators,
    guarded,
    multipliers,
    numeral_chars,
    numeral_values,
    role_words,
    units,
)

__all__ = ["figure_pattern", "cn_value", "excluded", "value_and_unit", "unit_span", "durations", "CJK"]

CJK = re.compile(r"[\u4e00-\u9fff]")
_BEFORE_NAME = ("-", "—", "~", ".", "/", "+")  # 36-38号, 6.0, 1/2: parts of a name, a range end, a version


@cache
def durations(role: str = "duration") -> tuple[str, ...]:
    """Units of time of ``role`` (data/target_durations.txt): duration, year, period."""
    return role_words("target_durations", role)


@cache
def figure_pattern() -> re.Pattern[str]:
    """A figure (Arabic, with thousands commas, or Chinese; or a range of two), its magnitude,
    its unit and a denominator ("元/平方米", "万元/亩/年", "万元/每份")."""
    unit = alternation([*units(), *durations()])
    denominator = alternation([*units(), *durations(), *durations("period")])
    every, alone = multipliers()
    inside = alternation(word for word, _ in comparators("inside"))
    lone = "|".join(f"(?<={re.escape(m)})|(?<={re.escape(m)}(?:{inside}))" for m in alone)
    first, rest = numeral_chars("first"), numeral_chars("all")
    to = alternation(["-", "—", "–", "~", *role_words("target_count_words", "range")])
    per = alternation(role_words("target_count_words", "per"))
    number = r"\d{1,3}(?:,\d{3})+(?![\d.])|\d+(?:\.\d+)?"
    # The lookahead changes no match (every one starts with a digit or a numeral) but lets the
    # scan skip the other characters quickly instead of trying the whole pattern at each.
    return re.compile(
        rf"(?=[\d{first}])"
        rf"(?:(?P<num>{number})(?: ?(?P<to>{to}) ?(?P<high>{number}))? ?"
        rf"|(?P<cn>[{first}][{rest}]*))"
        rf"(?P<about>{inside})?(?P<mult>{alternation(every)})?(?P<about2>{inside})?"
        # a magnitude alone is a unit too ("服务人次达3.5万"), tried only when no unit follows
        rf"(?P<unit>{unit}|{lone})"
        # a second unit in brackets belongs to the first: "4360套(间)", "5家(个)"
        rf"(?P<alt>\((?:{unit})\))?"
        rf"(?P<per>(?:/(?:{per})?{alternation(every)}?(?:{denominator}))+)?"
    )


def cn_value(token: str) -> int:
    """'三' → 3, '十二' → 12, '二十' → 20, '一百二十' → 120, '两千' → 2000."""
    values = numeral_values()
    total, digit = 0, 0
    for ch in token:
        value, kind = values[ch]
        if kind == "power":
            total += (digit or 1) * value
            digit = 0
        else:
            digit = value
    return total + digit


@cache
def _not_after() -> re.Pattern[str]:
    between = alternation(role_words("target_not_after", "between"))
    return re.compile(rf"(?:{between})?(?:{guarded('target_not_after', 'after')})")


@cache
def _after_word(role: str) -> re.Pattern[str]:
    return re.compile(alternation(role_words("target_count_words", role)))


@cache
def _verb_before(role: str) -> re.Pattern[str]:
    return re.compile(rf"{alternation(role_words('target_count_words', role))}$")


def _inside_marks(text: str, position: int) -> bool:
    """Inside “…” or 《…》 on the same paragraph: part of a name or slogan."""
    line_start = text.rfind("\n", 0, position) + 1
    return (text.count("“", line_start, position) > text.count("”", line_start, position)
            or text.count("《", line_start, position) > text.count("》", line_start, position))


def excluded(text: str, match: re.Match[str]) -> bool:
    """Is the figure ``match`` found a date, an ordinal, part of a name or of a fixed term?"""
    start, end = match.start(), match.end()
    lead = start - 1 if text[start - 1:start] == " " else start  # "第 5 个" as a PDF spaces it
    before = text[lead - 1:lead] if lead else ""
    if match.group("cn"):
        if _cn_fixed_term(text, match, before):
            return True
    elif before in _BEFORE_NAME or before.isascii() and before.isalnum():
        return True
    if before in role_words("target_count_words", "ordinal") or (
            before in role_words("target_count_words", "rank")
            and match.group("unit") in role_words("target_count_words", "rank-unit")):
        return True  # ordinals and ranks: 第五次, 全市前3名
    if before in role_words("target_count_words", "per") and match.group("unit") not in (
            *durations(), *durations("period")):
        return True  # 每400户配备1名: the base of a rate, not a target (每三年 is a period)
    if match.group("unit") in durations("year") and re.fullmatch(r"\d{4}", match.group("num") or ""):
        return True  # 不晚于2025年: a calendar year
    if before == "," and start >= 2 and text[start - 2].isdigit():
        return True  # the tail of a figure written with a thousands comma the pattern did not take
    num_end = match.end(next(name for name in ("high", "num", "cn") if match.group(name) is not None))
    if text[num_end:num_end + 1] in ("-", "—", ".") and text[num_end + 1:num_end + 2].isdigit():
        return True  # 2023-2025年, 18-01
    if text[end:end + 1].isascii() and text[end:end + 1].isalpha():
        return True  # a unit glued to Latin letters is part of a code or a term
    if _not_after().match(text, end):
        return True
    if _is_phase(text, match):
        return True
    return _inside_marks(text, start)


def _is_phase(text: str, match: re.Match[str]) -> bool:
    """二期主体结构, 2期工程: a phase; "举办三期培训班" counts sessions."""
    session_units = role_words("target_count_words", "session-unit")
    if match.group("unit") not in session_units:
        return False
    end = match.end()
    return bool(_after_word("phase").match(text, end) or match.group("cn") and not _after_word("session").match(
        text, end))


def _cn_fixed_term(text: str, match: re.Match[str], before: str) -> bool:
    """Is a Chinese numeral part of a term (一张蓝图, 中央八项规定, 三位一体) rather than a count?"""
    start, end = match.start(), match.end()
    if not match.group("unit"):
        return True  # 十万火急: a bare magnitude behind a Chinese numeral is an idiom
    bounded = _bounded(text, start)  # 不超过二年, 至少一名: a comparator makes any numeral a count
    unit = match.group("unit")
    if cn_value(match.group("cn")) == 1 and len(match.group("cn")) == 1:
        if unit in role_words("target_count_words", "one-article"):
            return True  # 突破一批关键技术: an article whatever stands before it
        facility = unit in role_words("target_count_words", "one-measure") and _verb_before("one-verb").search(
            text, max(0, start - 2), start)
        return not bounded and not facility
    if CJK.match(before) and not bounded and not _verb_before("count-verb").search(text[max(0, start - 3):start]):
        return True  # 中央八项规定, 四责协同: numerals inside a fixed term
    return text[end:end + 1] in numeral_values()  # 三位一体, 两个一百年: a numeral slogan, not a count


def _float(number: str) -> float:
    return float(number.replace(",", ""))


def _bounded(text: str, start: int) -> bool:
    before = strip_link(text[max(0, start - 6):start])
    return comparator_ending(before) is not None and not compound(before)


def value_and_unit(match: re.Match[str]) -> tuple[float, str, float | None]:
    """The figure's value, its unit as written (magnitude, bracketed unit and denominator
    included) and, for a range, its lower end (the value being the upper)."""
    unit = "".join(match.group(name) or "" for name in ("mult", "unit", "alt", "per"))
    if match.group("cn"):
        return float(cn_value(match.group("cn"))), unit, None
    if match.group("high"):
        low, high = _float(match.group("num")), _float(match.group("high"))
        if low < high:
            return high, unit, low
    return _float(match.group("num")), unit, None


def unit_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the unit is written (from its magnitude on)."""
    first = next(name for name in ("mult", "about2", "unit") if match.group(name) is not None)
    return match.start(first), match.end()
