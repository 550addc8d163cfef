"""Quantified promises: a value with its literal unit and a comparator.

"全年新增养老床位475张" → 475 张 =, "3500余户" → 3500 户 >=, "增长5%左右" → 5 % ~,
"控制在380人以内" → 380 人 <=, "惠及1.3万余人次" → 1.3 万人次 >=. The unit is kept as written
(万平米 stays 万平米) so a reader can find it in the text.

A figure only counts when a unit follows it; what remains is told apart by its context, never
by a list of known phrases:

* dates, durations and ordinals: a unit followed by 年/月/日/号/期/届/版/分钟 …, a figure after
  第, a figure joined to another by "-" (2023-2025年, 36-38号, 7-15地块);
* names and addresses: a figure glued to ASCII letters or digits (54A, 12345热线, 6.0版), a
  project phase ("2期工程"), anything inside “…” or 《…》 (“15分钟生活圈”, “十四五”);
* Chinese numerals only quantify after a verb or outside a word ("开设三个轮训班"); inside a
  fixed term (中央八项规定, 四责协同, 一张蓝图) they are part of the name. A bare 一 is an article
  ("形成一套机制") except as the object of a verb creating a facility ("新建一处驿站").

A magnitude alone is a unit ("服务3.5万" → 3.5 万); a bracketed second unit joins the first
("4360套(间)"). Figures in a list share one value after 各 ("开工、竣工各100万平方米").
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.record import TargetMention
from pledgegraph.loaders.spans import clause

__all__ = ["find_targets", "cn_value"]

_CN_VALUE = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_POWER = {"十": 10, "百": 100, "千": 1000}
_MULTIPLIER = "千万|百万|十万|万|亿|千|百"
_CLAUSE_MARKS = frozenset("。;；!！?？\n,，")
_SENTENCE_BREAK = re.compile(r"[。;；!！?？\n]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# What follows a unit that makes the figure a date, a duration, an ordinal or a kind, not a count
# ("3个月", "3个多小时", "5个方面"); 日间/日常 start nouns ("3个日间照料中心").
_NOT_AFTER = re.compile(r"[多余半]?(?:年|月|日(?![间常])|号|弄|届|版|号线|季度|周年|分钟|小时|方面|类|批次|条线|类型)")
# "2期工程", "3期地块": a phase of a named project is an ordinal.
_PHASE = re.compile(r"(?:工程|项目|地块|道路|用地|改造|建设|[东南西北]段)")
_SESSION = re.compile(r"(?:培训|[班课]|讲座|讲堂|活动|沙龙|论坛|专题)")
# Chinese numerals quantify only after a verb ("开设三个轮训班"), not inside a term.
# A bare 一 is mostly an article ("形成一套机制", "打造一批"); it counts only as the object of a
# verb that creates a concrete facility ("新建一处市民健身驿站" = "新建1处").
_ONE_VERB_BEFORE = re.compile(r"(?:新建|新增|新设|增设|新开|建成|改建|翻建|扩建)$")
_ONE_MEASURES = frozenset("处座所家条个间栋幢张台套")
_CN_VERB_BEFORE = re.compile(
    r"(?:开设|建立|新建|建设|打造|创建|完成|开展|设立|组建|培育|举办|实施|推进|形成|新增|引进|增加|达到|达|"
    r"建成|改造|培训|组织|设置|选树|评选|涉及|惠及|覆盖|共|等|各|为|有|招募|招聘|安排|落实|开放|启动|"
    r"推出|发布|服务|接待|制定|修订|出台|编制|召开|成立|筹建|改建|扩建|翻建|增设|配置|配备|创评|命名|认定|举行)$"
)
# The leading lookahead (a word's or the figure's first character) changes no match; it only
# spares the search trying the whole pattern at every position.
_INHERIT = re.compile(
    r"(?=[不超达约\d])(?P<word>不少于|不低于|不超过|超过|达到|约)?(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?=[,，。;；\n]|$)")
_INHERIT_REACH = 12  # how far after a target a bare figure may sit and still share its unit
# Where one listed item ends: 、 and the conjunctions, but not inside 参与, 及时, 和谐.
_LIST_ITEM = re.compile(r"、|(?<!参)与|及(?!时)|和(?!谐)")
# "居民参与率达常住人口10%": the measured quantity is the rate before the linking verb.
_LINKED = re.compile(r"(.+?[率数量额值比])(?:达到|达|为|提升至|提升到|提高至|提高到|保持在|稳定在|控制在)")
_RATE_HEAD_TAIL = re.compile(r"(?:不低于|不少于|达到|均达|均|达)+$")
_RATE_PAIR = re.compile(r"([\u4e00-\u9fff]{2,10}率)和([\u4e00-\u9fff]{2,10}率)$")
# Words that start a clause but name no metric: time frames, verbs of effort, scope.
_LEAD_WORDS = re.compile(
    r"^(?:[一二三四五六七八九十]是|\d{1,2}[.．、](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{4}年(?:度|底前?|末)?|\d+-\d+月|\d+月(?:底|末|前)?|[一二三四]季度|上半年度?|下半年度?|今年|全年|年内|"
    r"年底前?|力争|确保|实现|完成|新增|累计|全区|全市|全街道|共计|共(?![享同建治创])|达到|达|为|其中|同比|新建|建成|"
    r"建设|开展|推进|实施|组织|将|对|在)+"
)
_TRAIL_WORDS = re.compile(r"(?:严格|力争|确保|努力|稳定|有效|进一步|均|总计|累计|年底前|年内|全年)+$")
_AFTER_METRIC = re.compile(r"[\u4e00-\u9fff“”()A-Za-z]{2,16}")
_NOT_METRIC = re.compile(r"(?:以上|以内|以下|左右|同比|增长|实现|完成|的)")
# A bare change ("同比增长17%") measures the figure named just before it in the sentence.
_CHANGE = re.compile(r"(?:同比|比上年|较上年)?(?:增长|增加|下降|减少|提高|提升|降低|增幅|降幅)")
_PARENTHESES = re.compile(r"\([^()]*\)")


@cache
def _number_pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(words("target_units"), key=len, reverse=True))
    # The lookahead changes no match (every one starts with a digit or a numeral) but lets the
    # scan skip the other characters quickly instead of trying the whole pattern at each.
    return re.compile(
        rf"(?=[\d一二两三四五六七八九十])"
        rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}})+(?![\d.])|\d+(?:\.\d+)?) ?"
        rf"|(?P<cn>[一二两三四五六七八九十][零一二两三四五六七八九十百千]*))"
        rf"(?P<about>余|多)?(?P<mult>{_MULTIPLIER})?(?P<about2>余|多)?"
        # a magnitude alone is a unit too ("服务人次达3.5万"), tried only when no unit follows
        rf"(?P<unit>{units}|(?<=[万亿])|(?<=[万亿][余多]))"
        # a second unit in brackets belongs to the first: "4360套(间)", "5家(个)"
        rf"(?P<alt>\((?:{units})\))?"
    )


@cache
def _comparators(where: str) -> tuple[tuple[str, str], ...]:
    rows = [(word, comparator) for word, comparator, side in table("target_comparators") if side == where]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _comparators_by(where: str, edge: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`_comparators` grouped by their first (``edge`` 0) or last (-1) character, order
    kept: a figure's neighbour character picks the few words worth testing."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for row in _comparators(where):
        grouped.setdefault(row[0][edge], []).append(row)
    return {ch: tuple(rows) for ch, rows in grouped.items()}


def _comparator_at(text: str, position: int, where: str) -> tuple[str, str] | None:
    """The longest ``where`` comparator word starting at ``position``, with its comparator."""
    for word, comparator in _comparators_by(where, 0).get(text[position:position + 1], ()):
        if text.startswith(word, position):
            return word, comparator
    return None


def _comparator_ending(text: str) -> tuple[str, str] | None:
    """The longest "before" comparator word ``text`` ends with, with its comparator."""
    for word, comparator in _comparators_by("before", -1).get(text[-1:], ()):
        if text.endswith(word):
            return word, comparator
    return None


@cache
def _not_comparators() -> tuple[str, ...]:
    return tuple(words("target_not_comparators"))


def cn_value(token: str) -> int:
    """'三' → 3, '十二' → 12, '二十' → 20, '一百二十' → 120, '两千' → 2000."""
    total, digit = 0, 0
    for ch in token:
        if ch in _CN_POWER:
            total += (digit or 1) * _CN_POWER[ch]
            digit = 0
        else:
            digit = _CN_VALUE[ch]
    return total + digit


def _inside_marks(text: str, position: int) -> bool:
    """Inside “…” or 《…》 on the same paragraph: part of a name or slogan."""
    line_start = text.rfind("\n", 0, position) + 1
    return (text.count("“", line_start, position) > text.count("”", line_start, position)
            or text.count("《", line_start, position) > text.count("》", line_start, position))


def _excluded(text: str, match: re.Match[str]) -> bool:
    start, end = match.start(), match.end()
    lead = start - 1 if text[start - 1:start] == " " else start  # "第 5 个" as a PDF spaces it
    before = text[lead - 1:lead] if lead else ""
    if match.group("cn"):
        if _cn_fixed_term(text, match, before):
            return True
    elif before in ("-", "—", "~", ".", "/", "+") or before.isascii() and before.isalnum():
        return True  # 36-38号, 6.0, 54A: parts of a name, a range end or a version
    if before == "第" or before == "前" and match.group("unit") in ("名", "位"):
        return True  # ordinals and ranks: 第五次, 全市前3名
    if before == "," and start >= 2 and text[start - 2].isdigit():
        return True  # the tail of a figure written with a thousands comma the pattern did not take
    num_end = match.end("num") if match.group("num") else match.end("cn")
    if text[num_end:num_end + 1] in ("-", "—", ".") and text[num_end + 1:num_end + 2].isdigit():
        return True  # 2023-2025年, 18-01
    if text[end:end + 1].isascii() and text[end:end + 1].isalpha():
        return True  # a unit glued to Latin letters is part of a code or a term
    if _NOT_AFTER.match(text, end):
        return True
    if match.group("unit") == "期" and (_PHASE.match(text, end) or match.group("cn") and not _SESSION.match(text, end)):
        return True  # 二期主体结构: a phase; "举办三期培训班" counts sessions
    return _inside_marks(text, start)


def _cn_fixed_term(text: str, match: re.Match[str], before: str) -> bool:
    """Is a Chinese numeral part of a term (一张蓝图, 中央八项规定, 三位一体) rather than a count?"""
    start, end = match.start(), match.end()
    if not match.group("unit"):
        return True  # 十万火急: a bare magnitude behind a Chinese numeral is an idiom
    if match.group("cn") == "一":
        return not (match.group("unit") in _ONE_MEASURES and _ONE_VERB_BEFORE.search(text, max(0, start - 2), start))
    if _CJK.match(before) and not _CN_VERB_BEFORE.search(text[max(0, start - 3):start]):
        return True  # 中央八项规定, 四责协同: numerals inside a fixed term
    return text[end:end + 1] in _CN_VALUE  # 三位一体, 两个一百年: a numeral slogan, not a count


def _comparator(text: str, match: re.Match[str], unit: str) -> tuple[str, int]:
    """The comparator and where the whole expression ends (after 以上/以内/左右)."""
    start, end = match.start(), match.end()
    if not text.startswith(_not_comparators(), end) and (found := _comparator_at(text, end, "after")):
        return found[1], end + len(found[0])
    if unit in words("target_time_units") and (found := _comparator_at(text, end, "after-time")):
        return found[1], end + len(found[0])
    if match.group("about") or match.group("about2"):
        return ">=", end
    # A comparator before the figure touches it ("不少于20台", "约为3万"): "签约39台" is no "about".
    before = text[max(0, start - 6):start]
    if before[-1:] in "为达在到" and before[:-1]:
        before = before[:-1]
    found = _comparator_ending(before)
    if found and not _compound(before):
        return found[1], end
    return "=", end


def _compound(before: str) -> bool:
    """Does ``before`` end in a word like 签约/附近 whose last character only looks like a comparator?"""
    return before.endswith(_not_comparators())


def _tidy(phrase: str) -> str:
    """Drop quotation marks a clause boundary left unpaired ('美丽家园”示范点')."""
    if phrase.count("“") != phrase.count("”"):
        phrase = phrase.replace("“", "").replace("”", "")
    return phrase.strip("()")


def _metric(text: str, clause_start: int, start: int, stop: int, clause_end: int) -> str:
    """What is counted: the noun phrase after the unit, else the one before the figure."""
    after = _AFTER_METRIC.match(text[stop:clause_end].lstrip("的"))
    if after and not _NOT_METRIC.match(after.group()):
        return _tidy(_LIST_ITEM.split(after.group())[0])  # "三个重点轮训班和“双月讲堂”"
    before = _PARENTHESES.sub("", text[clause_start:start])  # "(宜居、宜学)设施点" is one item
    last = _LIST_ITEM.split(before)[-1]
    item = _LEAD_WORDS.sub("", last) or last
    linked = _LINKED.match(item)
    if linked:
        return _tidy(linked.group(1))
    for candidate in (item, item.rstrip("为达在到")):
        word = (_comparator_ending(candidate) or ("", ""))[0]
        if word and not _compound(candidate):
            item = candidate[: -len(word)]
            break
    item = _TRAIL_WORDS.sub("", item.rstrip("为达在到"))
    return _tidy(item or _LEAD_WORDS.sub("", before)) or text[start:stop]


def _value(match: re.Match[str]) -> tuple[float, str]:
    unit = (match.group("mult") or "") + match.group("unit") + (match.group("alt") or "")
    if match.group("num"):
        return float(match.group("num").replace(",", "")), unit
    return float(cn_value(match.group("cn"))), unit


def _distributed(text: str, clause_start: int, start: int) -> list[str]:
    """Metrics a single figure applies to: "开工、竣工各100万平方米", "X率和Y率不低于70%"."""
    before = text[clause_start:start]
    if before.endswith("各"):
        items = [_LEAD_WORDS.sub("", item) for item in _LIST_ITEM.split(before[:-1])]
        return [item for item in items if item]
    head = _RATE_HEAD_TAIL.sub("", before)
    # _RATE_PAIR backtracks at every position; without its "率和" it cannot match at all.
    pair = _RATE_PAIR.search(head) if "率和" in head else None
    return [pair.group(1), pair.group(2)] if pair else []


def _inherited(text: str, previous: TargetMention, position: int) -> TargetMention | None:
    """"竣工不少于20台,开工不少于25": a bare figure right after a target takes its unit."""
    match = _INHERIT.search(text, position, min(len(text), position + 2 * _INHERIT_REACH))
    if (not match or match.start() - position > _INHERIT_REACH or "\n" in text[position:match.start()]
            or match.end() < len(text) and text[match.end()] not in _CLAUSE_MARKS):
        return None
    before = text[match.start("num") - 1:match.start("num")]
    if before.isascii() and before.isalnum() or before in ("-", ".", "第"):
        return None
    clause_start, clause_end = clause(text, match.start(), match.end())
    comparator = dict(_comparators("before")).get(match.group("word") or "", previous.comparator)
    metric = _LEAD_WORDS.sub("", text[clause_start:match.start()]) or previous.metric
    return TargetMention(metric, float(match.group("num")), previous.unit, comparator, match.start(), match.end(),
                         text[clause_start:clause_end])


def find_targets(text: str) -> list[TargetMention]:
    """Every quantified target in ``text``, in order, offsets into ``text``.

    >>> [(t.value, t.unit, t.comparator) for t in find_targets("竣工不少于20台,开工不少于25")]
    [(20.0, '台', '>='), (25.0, '台', '>=')]
    """
    found: list[TargetMention] = []
    for match in _number_pattern().finditer(text):
        if _excluded(text, match):
            continue
        value, unit = _value(match)
        start = match.start()
        comparator, stop = _comparator(text, match, unit)
        clause_start, clause_end = clause(text, start, stop)
        evidence = text[clause_start:clause_end]
        metrics = _distributed(text, clause_start, start) or [_metric(text, clause_start, start, stop, clause_end)]
        if found and _CHANGE.fullmatch(metrics[0]) and not _SENTENCE_BREAK.search(text, found[-1].end, start):
            metrics = [found[-1].metric + metrics[0]]  # "财政收入2.75亿元,同比增长74%"
        for metric in metrics:
            found.append(TargetMention(metric, value, unit, comparator, start, stop, evidence))
        inherited = _inherited(text, found[-1], stop)
        if inherited is not None:
            found.append(inherited)
    return found
