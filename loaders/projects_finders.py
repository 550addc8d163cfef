"""Finders for project mentions: quotation marks, name suffixes, enumerations, road sections.

Each finder returns candidate :class:`ProjectMention` records in analysed-text offsets;
:func:`pledgegraph.loaders.projects.find_projects` merges them (a longer, earlier find wins).
The judgements they share — left edges, categories, kinds — are in :mod:`.projects_rules`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.projects_rules import (
    MAX_NAME,
    QUANTITY,
    YEAR,
    category_end,
    generic_core,
    is_body,
    kind_of,
    left_edge,
    plausible,
    quantity_before,
    strip_marker,
    suffix_kind,
    suffix_pattern,
    word_set,
)
from pledgegraph.loaders.record import ProjectMention

__all__ = ["quote_mentions", "suffix_mentions", "enumerations", "section_mentions"]

_QUOTE = re.compile(r"“([^“”\n]{1,24})”|《([^《》\n]{2,40})》")
_EXTENSION = re.compile(r"[^\W_等和与及的]{1,8}")
_COUNT_AFTER = re.compile(QUANTITY + r"(?![\u4e00-\u9fff])")
_EDITION = re.compile(r"(?:第[\d一二三四五六七八九十百]+|首)届")
_NUMERALS = re.compile(r"[一二三四五六七八九十百]+")
_SHORTHAND = re.compile(r"[一二三四五六七八九十双两][\u4e00-\u9fff]|[一二三四五六七八九十两]个.*")
_DOCUMENT_NOT = re.compile(r"(?:法|条例|纲要|意见|通知|决定|规定|精神|讲话|报告|计划|要点|规划|协议)$")
_DRAFTING_BEFORE = re.compile(r"(?:制定|修订|出台|编制|起草|修编|研究制定|印发)$")
_MECHANISM_END = re.compile(r"(?:长制|责任制|机制|制度|模式|体系)$")
_INSTITUTION_AFTER = re.compile(r"医院|小学|中学|学校|幼儿园|大学|组")  # …中心组: a study group
_SERVICE = re.compile(r"[\u4e00-\u9fff]{0,2}服务(?![\u4e00-\u9fff])")
_SLOGAN_PUNCT = re.compile(r"[,，、;；]")
_CLOSER = re.compile("等")
_TAIL = re.compile(r"[^,，。;；\n]{0,10}")
_CLAUSE_PUNCT = frozenset(",，。;；\n")
_ITEM = re.compile(r"[^、和]+")
_SECTION = re.compile(r"([\u4e00-\u9fff\d]{2,12}?)(\([^()]{2,16}[—\-~至][^()]{2,16}\))")
_TRAILING_PAREN = re.compile(r"\([^()]{1,6}\)")
# Works named by what is done to them end in an action; the object must still be a place.
_ACTION = re.compile(r"平整修复|修复美化|修复|美化|亮化|整治|改造|提升|修缮|建设|治理|微更新|更新|布置|贯通")
_ACTION_END = re.compile(f"(?:{_ACTION.pattern})+$")
_RENOVATION_AFTER = re.compile(r"改造|修缮|更新|旧改|征收")
_PLACE_AFTER = re.compile(r"[内外](?![容资贸商])|周边|沿线|附近")  # 园区外, not 外资
_FIGURE_OR_LEVEL = re.compile(r"[\d.]+|[市区县镇]")
_PLACE_CHAR = re.compile(r"[路街巷弄号河浜湾港桥站村宅园区场馆楼厕地苑段]")


def _mention(text: str, start: int, end: int, name: str | None = None) -> ProjectMention:
    name = text[start:end] if name is None else name
    return ProjectMention(name, kind_of(name, text[max(0, start - 4):start], text[end:end + 4]), start, end)


# --- quotation marks --------------------------------------------------------------------


def _extension_end(text: str, end: int) -> int:
    """End of a name suffix right after a quote (“X”示范区, “X”数据共享管理平台), else ``end``."""
    run = _EXTENSION.match(text, end)
    if not run:
        return end
    hits = list(suffix_pattern().finditer(run.group()))
    between = run.group()[:hits[-1].start()] if hits else ""
    if not hits or (len(between) > 4 and category_end(between, hits[-1].group())):
        return end  # “金党徽”在职党员服务项目: the quote, then a longer category
    return end + hits[-1].end()


@cache
def _not_after() -> tuple[str, ...]:
    return tuple(word_set("project_not_after"))


def _quote_rejected(text: str, match: re.Match, inner: str) -> bool:
    """A quote that names a policy, regime, slogan, document or a mere modifier."""
    after = text[match.end():match.end() + 5]
    if inner in word_set("project_exclusions") or _NUMERALS.fullmatch(inner) or _SHORTHAND.fullmatch(inner):
        return True  # a national policy, a plan period ("八五"), a numbered shorthand ("四防")
    if after.startswith(_not_after()):
        return True
    drafted = bool(_DRAFTING_BEFORE.search(text[max(0, match.start() - 6):match.start()]))
    if YEAR.search(inner) and not drafted:
        return True  # 《2023年…安排》: the plan itself or a dated instruction
    if match.group(2):
        return not drafted and bool(_DOCUMENT_NOT.search(inner))  # a law it implements
    if _MECHANISM_END.search(inner) or _SLOGAN_PUNCT.search(inner) or "+" in inner:
        return True
    if inner.endswith(tuple(word_set("project_method_ends"))):
        return True  # “清单管理”, “一站式”: a method or a manner
    found = suffix_kind(inner)
    return bool(found) and generic_core(inner[: len(inner) - len(found[0])], found[0])  # “口袋公园”


def quote_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _QUOTE.finditer(text):
        inner = (match.group(1) or match.group(2)).strip()
        if len(inner) < 2:
            continue
        end = _extension_end(text, match.end()) if match.group(1) else match.end()
        service = _SERVICE.match(text, match.end()) if match.group(1) else None
        if end > match.end():  # “X”suffix names a project whatever X is
            out.append(_mention(text, match.start(), end))
        elif service and inner not in word_set("project_exclusions"):  # “三段式”课后服务
            out.append(_mention(text, match.start(), service.end()))
        elif not _quote_rejected(text, match, inner):
            mention = _mention(text, match.start() + 1, match.end() - 1)
            out.append(mention if match.group(1) else replace(mention, kind="plan_study"))
    return out


# --- name suffixes ----------------------------------------------------------------------


def _suffix_candidates(text: str, match: re.Match) -> list[ProjectMention]:
    suffix = match.group()
    start, name_end = left_edge(text, match.start())
    start = strip_marker(text, start, name_end)
    edition = _EDITION.match(text, start, match.start())
    start = edition.end() if edition else start  # 第三届X节: the edition is no part of it
    if start > 0 and text[start - 1] in "”等":
        return []  # “X”suffix is the quote's; 等X项目 is a category after a list
    if suffix == "中心" and _INSTITUTION_AFTER.match(text, match.end()):
        return []
    if suffix in ("小学", "中学", "学校") and (text[match.start() - 1:match.start()] in ("中", "小")
                                            or text[match.end():match.end() + 1] == "生"):
        return []  # 中小学, 小学生: the school level, not a school
    end = match.end()
    paren = _TRAILING_PAREN.match(text, end)
    end = paren.end() if paren else end
    if _COUNT_AFTER.match(text, end):
        return []  # 亿元项目5个: counted things are a category
    if _PLACE_AFTER.match(text, match.end()) or _body_after().match(text, match.end()):
        return []  # 园区外 / 园区专委会: a place referred to, or part of a body's name
    name = text[start:match.end()]
    if quantity_before(text, start, 8) and not kind_of(name) == "campaign":
        return []  # 新建1处市民健身驿站: one of a kind, not a name
    if not plausible(name, text[start:name_end], suffix):
        return []
    joint = max(text.rfind(j, start, name_end) for j in "和与及")  # the last conjunction, or -1
    second = _split_coordinated(text, start, name_end, joint)
    if second is None:
        if joint > start and generic_core(text[joint + 1:name_end], suffix):
            return []  # 高校科研成果和双创项目: the last of the pair is a category
        return [_mention(text, start, end)]
    return [_mention(text, start, second - 1), _mention(text, second, end)]


def _split_coordinated(text: str, start: int, name_end: int, joint: int) -> int | None:
    """Where the second name starts in "高氏住宅和王敬铭住宅保护修缮工程" (both share 住宅);
    ``joint`` is the last 和/与/及 in ``[start, name_end)``."""
    if joint - start < 3 or name_end - joint < 4:
        return None
    head = text[name_end - 2:name_end]
    return joint + 1 if text.endswith(head, start, joint) else None


def suffix_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in suffix_pattern().finditer(text):
        out.extend(_suffix_candidates(text, match))
    return out


# --- enumerations and sections ----------------------------------------------------------


@cache
def _body_after() -> re.Pattern[str]:
    """Body endings that can follow a suffix inside a body's name (X园区管委会, X项目部)."""
    ends = {w for w in word_set("project_body_suffixes") if len(w) > 1} | {"管委会", "专委会", "工委", "项目部"}
    return re.compile("|".join(sorted(map(re.escape, ends), key=len, reverse=True)))


@cache
def _categories() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    rows = {row[0]: row[1:] for row in table("project_categories")}
    return re.compile("|".join(re.escape(w) for w in sorted(rows, key=len, reverse=True))), rows


def _item_mention(text: str, start: int, end: int, kind: str, after: str) -> ProjectMention | None:
    """One item of a list of projects; ``kind`` is the list's, ``after`` the text after 等."""
    item_start, _ = left_edge(text, end, item=True)
    item_start = strip_marker(text, max(item_start, start), end)
    name = text[item_start:end].strip("“”")
    if text[item_start:item_start + 1] == "“":
        item_start += 1
    action = _ACTION_END.search(name)
    if action and action.start() > 0:
        rest = name[:action.start()]
        if not _PLACE_CHAR.search(rest) and not suffix_kind(rest):
            return None  # 户外招牌改造: works with no place named
        if not _ACTION.search(rest):
            name = rest  # 人民街绿地改造 → 人民街绿地 (a compound works name stays whole)
    found = suffix_kind(name)
    if found and name == found[0]:
        return None  # 高校、园区、企业等载体: kinds of places
    shortest = 2 if found else 3  # 为老、文体、交通等设施: attributes, not names
    if not shortest <= len(name) <= MAX_NAME or _FIGURE_OR_LEVEL.fullmatch(name) or is_body(name) \
            or YEAR.search(name):
        return None
    if found:
        kind = kind_of(name, after=after)
    elif kind == "construction" and _RENOVATION_AFTER.search(after):
        kind = "renovation"  # 蕃瓜弄、共和新路802弄等项目 … 改造
    return ProjectMention(name, kind, item_start, item_start + len(name))


def _list_items(text: str, closer: int) -> list[tuple[int, int]]:
    """The 、-separated items before 等 at ``closer``, back to the clause start (≤24 chars each)."""
    items: list[tuple[int, int]] = []
    end = position = closer
    while position > 0 and text[position - 1] not in _CLAUSE_PUNCT and closer - position < 400:
        position -= 1
        if text[position] == "、" or position == 0 or text[position - 1] in _CLAUSE_PUNCT:
            start = position + (text[position] == "、")
            if end - start < 2:
                break
            items.append((max(start, end - 24), end))
            if end - start > 24:
                break
            end = position
    return items[::-1]


def enumerations(text: str) -> tuple[list[ProjectMention], list[tuple[int, int]]]:
    """Items of lists closed by 等 + a category noun; and the spans of lists of places."""
    pattern, roles = _categories()
    out, places = [], []
    for closer in _CLOSER.finditer(text):
        tail = _TAIL.match(text, closer.end())
        category = pattern.search(tail.group())
        items = _list_items(text, closer.start()) if category else []
        if not items:
            continue
        role, *kind = roles[category.group()]
        if role == "place":
            places.append((items[0][0], closer.start()))
        if role != "strong":
            continue
        after = text[closer.end():closer.end() + 15]
        for first, last in items:
            for item in _ITEM.finditer(text, first, last):
                mention = _item_mention(text, item.start(), item.end(), (kind or ["program"])[0], after)
                if mention:
                    out.append(mention)
    return out, places


def _section_matches(text: str) -> list[re.Match[str]]:
    """What ``_SECTION.finditer(text)`` finds, tried only just before each "(".

    The name before the bracket is the run of CJK characters and digits that ends at it, so a
    match starts at most 12 characters before a "(" and uses that "(": trying those starts in
    order, bracket by bracket, finds the same leftmost matches without a scan of every position.
    """
    out: list[re.Match[str]] = []
    end, bracket = 0, text.find("(")
    while bracket >= 0:
        for start in range(max(end, bracket - 12), bracket - 1):
            match = _SECTION.match(text, start)
            if match:
                out.append(match)
                end = match.end()
                break
        bracket = text.find("(", max(end, bracket + 1))
    return out


def section_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _section_matches(text):
        start, _ = left_edge(text, match.end(1))
        name = text[start:match.end(1)]
        if len(name) >= 2 and name.endswith(("路", "街", "河", "道", "桥", "段", "线")):
            out.append(ProjectMention(text[start:match.end()], "construction", start, match.end()))
    return out
