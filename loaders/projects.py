"""Named, concrete undertakings: works, programmes, platforms, events, titles pursued.

Without a word segmenter, names are found from the signals plans themselves give:

* quotation marks — “一网通办”, 《…》 — minus mechanisms (a quote followed by 机制/制度/模式 …),
  slogans (long, comma-separated) and national policies (``data/project_exclusions.txt``);
  a quote followed by a name suffix is extended (“X”示范区);
* a name suffix (工程, 项目, 地块, 小区, 试点, 平台 … ``data/project_suffixes.txt``) whose
  left edge is the nearest verb or function word (``data/project_boundaries.txt``);
* an enumeration closed by 等 and a category noun ("A、B等12个项目"): every item is a project,
  with or without a suffix; a road given with its section ("X路(A路—B路)").

Mentions of one project are then grouped (:func:`group_projects`) under one canonical name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.lexicon import table, words
from pledgegraph.loaders.record import ProjectMention

__all__ = ["find_projects", "group_projects", "ProjectGroup"]

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·\-—()]")
_STOP = set(",，。;；:：、!！?？\n\t 《》\"")
_MAX_NAME = 18
_QUOTE = re.compile(r"“([^“”\n]{1,24})”|《([^《》\n]{2,40})》")
_QUANTITY = r"[\d一二三四五六七八九十两百千万.]+(?:万|亿)?(?:个|处|家|条|所|幅|座|栋|幢|项|张|台|批|平方米|平米|公顷|亩|米|公里|户)"
_MEASURE_BEFORE = re.compile(_QUANTITY + "$")
_COMPARATIVE = re.compile(r"以上|以下|以内|左右")
_EDITION = re.compile(r"(?:第[\d一二三四五六七八九十百]+|首)届")
_YEAR = re.compile(r"(?:19|20)\d\d年|\d{4}-\d{4}")
# Short "X项目 / X工程" are category phrases (重大项目, 民生项目); named works say more.
_CATEGORY_SUFFIXES = {"项目": 5, "工程": 4, "行动": 3, "计划": 3, "平台": 3, "中心": 2}
_SECTION = re.compile(r"([\u4e00-\u9fff\d]{2,12}?)(\([^()]{2,16}[—\-~至][^()]{2,16}\))")
_ENUM = re.compile(r"((?:[^,，。;；、\n]{2,24}、)+[^,，。;；、\n]{2,24}?)等(?P<tail>[^,，。;；\n]{0,10})")
_DOCUMENT_NOT = re.compile(r"(?:法|条例|纲要|意见|通知|决定|规定|精神|讲话|报告|计划|要点|规划)$")
_DRAFTING_BEFORE = re.compile(r"(?:制定|修订|出台|编制|起草|修编|研究制定|印发)$")
_MECHANISM_END = re.compile(r"(?:长制|责任制|机制|制度|模式|体系)$")
# 中心 inside an institution's name (X区中心医院) ends nothing.
_INSTITUTION_AFTER = re.compile(r"医院|小学|中学|学校|幼儿园|大学")
_ENUMERATOR = re.compile(r"[一二三四五六七八九十]是")  # used with match(text, pos)
_SLOGAN_PUNCT = re.compile(r"[,，、;；]")
_GENERIC_CORE = {"服务", "数据", "信息", "管理", "工作", "综合", "公共", "社区", "重点", "重大", "相关", "各类",
                 "建设", "发展", "产业", "该", "这些", "有关", "政府投资", "市区", "市、区", "一批", "新",
                 "示范", "市级", "年度工作", "口袋", "情况", "老旧", "既有", "低效", "各级", "区级", "特色", "品牌", "优质", "龙头", "专业", "新建", "该类"}


@dataclass(frozen=True)
class ProjectGroup:
    name: str
    aliases: tuple[str, ...]
    kind: str
    mentions: tuple[ProjectMention, ...]


@cache
def _suffixes() -> tuple[tuple[str, str], ...]:
    rows = [(suffix, kind) for suffix, kind in table("project_suffixes")]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _suffix_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s, _ in _suffixes()))


@cache
def _word_set(name: str) -> frozenset[str]:
    return frozenset(w for line in words(name) for w in line.split())


@cache
def _max_len(name: str) -> int:
    return max(len(w) for w in _word_set(name))


def _kind_of(name: str) -> str:
    bare = name.rstrip(")").split("(")[0]
    for suffix, kind in _suffixes():
        if bare.endswith(suffix):
            if kind == "construction" and re.search(r"改造|修缮|更新|提升|维修|整治", bare):
                return "renovation"
            return kind
    if re.search(r"[节赛会展]$", bare):
        return "event"
    return "program"


def _ends_with_word(text: str, end: int, vocabulary: str) -> int:
    """Length of the longest word of ``vocabulary`` ending at ``end`` (0 if none)."""
    found = _word_set(vocabulary)
    for size in range(min(_max_len(vocabulary), end), 0, -1):
        if text[end - size:end] in found:
            return size
    return 0


def _clause_initial(text: str, position: int) -> bool:
    """True when ``position`` starts a clause (after punctuation, or after another verb)."""
    return position == 0 or text[position - 1] in _STOP or bool(_ends_with_word(text, position, "project_boundaries"))


def _left_edge(text: str, core_end: int, min_core: int = 2) -> int:
    """Where a name ending at ``core_end`` starts: after the nearest boundary word or stop.

    Punctuation, a quantity ("5个") and 等 always end the scan. A verb from the boundary
    lexicon does too, unless it would leave fewer than ``min_core`` characters *and* sits
    inside the name rather than at a clause start (实施亿元楼培育计划: 培育 is part of it).
    """
    position = core_end
    while (size := _ends_with_word(text, position, "project_modifiers")) and core_end - position < 8:
        position -= size
    name_end = position
    limit = max(0, core_end - _MAX_NAME)
    while position > limit:
        ch = text[position - 1]
        if ch in _STOP or ch == "等" or not _NAME_CHAR.match(ch):
            break
        if _MEASURE_BEFORE.search(text[max(0, position - 6):position]):
            break
        size = _ends_with_word(text, position, "project_boundaries")
        if size and (name_end - position >= min_core or _clause_initial(text, position - size)):
            break
        position -= 1
    while position < name_end and text[position] in "和及与的)":
        position += 1
    return position


def _is_body(name: str) -> bool:
    return any(name.endswith(w) for w in _word_set("project_body_suffixes"))


def _plausible(name: str, suffix: str) -> bool:
    core = name[: len(name) - len(suffix)] if suffix and name.endswith(suffix) else name
    core = core.strip("“”()")
    bare_core = core[1:] if core[:1] in "区市县" else core  # 区重大工程项目: still a category
    if (len(core) < max(2, _CATEGORY_SUFFIXES.get(suffix, 2)) or core in _GENERIC_CORE or core.isdigit()
            or bare_core in _GENERIC_CORE or bare_core.startswith(("重大", "重点"))):
        return False
    if _YEAR.search(name) or _is_body(name) or name.startswith("第") or _COMPARATIVE.search(name):
        return False
    if suffix == "中心" and re.match(r"[区市县](?!域)", name):
        return False  # 区城运中心, 区疾控中心: an agency of the district, a body
    if name.count("(") != name.count(")") or name.count("“") != name.count("”"):
        return False
    return not any(core.endswith(w) for w in ("的", "和", "及", "与", "等"))


def _trailing_paren(text: str, end: int) -> int:
    match = re.compile(r"\([^()]{1,6}\)").match(text, end)
    return match.end() if match else end


def _suffix_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _suffix_pattern().finditer(text):
        start = _left_edge(text, match.start(), _CATEGORY_SUFFIXES.get(match.group(), 2))
        edition = _EDITION.match(text, start, match.start())
        if edition:
            start = edition.end()  # 第三届X节: the edition is not part of the name
        if start > 0 and text[start - 1] == "”":
            continue  # “X”suffix: the quotation already names it
        if match.group() == "中心" and _INSTITUTION_AFTER.match(text, match.end()):
            continue
        if _ENUMERATOR.match(text, start):
            start += 2  # 二是X项目: the inline enumerator is no part of the name
        if text[max(0, match.start() - 1):match.start()] == "为" or text[start:match.start()].endswith("为"):
            continue  # 以X为中心 / 以X为试点: an idiom, not a name
        if ")" in text[start:match.start()] and "(" not in text[start:match.start()]:
            start = text.index(")", start) + 1  # an outline marker "(一)" before the name
        end = _trailing_paren(text, match.end())
        name = text[start:end]
        counted = _MEASURE_BEFORE.search(text[max(0, start - 8):start])
        if not counted and _plausible(text[start:match.end()], match.group()):
            out.append(ProjectMention(name, _kind_of(name), start, end))
    return out


def _quote_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _QUOTE.finditer(text):
        inner = match.group(1) or match.group(2)
        after = text[match.end():match.end() + 5]
        if inner in _word_set("project_exclusions") or any(after.startswith(w) for w in _word_set("project_not_after")):
            continue
        drafted = bool(_DRAFTING_BEFORE.search(text[max(0, match.start() - 6):match.start()]))
        if match.group(2) and not drafted and _DOCUMENT_NOT.search(inner):
            continue  # a law or an instruction the plan implements, not an undertaking of its own
        if match.group(1) and _MECHANISM_END.search(inner):
            continue  # “街长制”: a regime every locality runs
        if _SLOGAN_PUNCT.search(inner) or "+" in inner or (_YEAR.search(inner) and not drafted):
            continue
        extension = _suffix_pattern().match(text, match.end())
        if extension is None:
            run = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]{1,8}").match(text, match.end())
            if run:
                hits = [m for m in _suffix_pattern().finditer(run.group()) if m.end() <= len(run.group())]
                extension = hits[-1] if hits and hits[-1].end() <= 6 else None
                end = match.end() + extension.end() if extension else match.end()
            else:
                end = match.end()
        else:
            end = extension.end()
        name = text[match.start():end] if end > match.end() else inner
        start, stop = (match.start(), end) if end > match.end() else (match.start() + 1, match.end() - 1)
        if len(inner.strip()) >= 2:
            out.append(ProjectMention(name, _kind_of(name), start, stop))
    return out


def _item_name(item: str) -> tuple[str, int]:
    """An enumeration item without the verb before it; returns (name, offset in item)."""
    start = _left_edge(item, len(item))
    if _ENUMERATOR.match(item, start):
        start += 2
    return item[start:], start


@cache
def _category_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(_word_set("project_categories"), key=len, reverse=True)))


def _enumeration_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _ENUM.finditer(text):
        if not _category_pattern().search(match.group("tail")):
            continue
        cursor = match.start(1)
        for item in match.group(1).split("、"):
            name, offset = _item_name(item)
            name = name.strip("“”")
            if 2 <= len(name) <= _MAX_NAME and not re.fullmatch(r"[\d.]+|[市区县镇]", name) \
                    and not _is_body(name) and not _YEAR.search(name):
                start = cursor + offset + (1 if item[offset:offset + 1] == "“" else 0)
                out.append(ProjectMention(name, _kind_of(name), start, start + len(name)))
            cursor += len(item) + 1
    return out


def _section_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _SECTION.finditer(text):
        start = _left_edge(text, match.end(1))
        name = text[start:match.end(1)]
        if len(name) >= 2 and name.endswith(("路", "街", "河", "道", "桥", "段", "线")):
            out.append(ProjectMention(text[start:match.end()], "construction", start, match.end()))
    return out


def find_projects(text: str) -> list[ProjectMention]:
    """Every project mention in ``text``, in order; overlapping finds keep the best one."""
    found = _quote_mentions(text) + _section_mentions(text) + _enumeration_mentions(text) + _suffix_mentions(text)
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[ProjectMention] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue  # inside a longer, earlier find
        kept.append(mention)
    return kept


def _key(name: str) -> str:
    """Grouping key: a quoted core when the name is “X”+suffix (“X”线上平台 is X)."""
    quoted = re.match(r"“([^”]+)”", name)
    if quoted:
        return quoted.group(1)
    return re.sub(r"[“”《》\"\s]", "", name)


def _same_project(short: str, long: str) -> bool:
    """Whether ``long`` is ``short`` plus a section, a parenthesis or a generic suffix."""
    if short == long:
        return True
    if not long.startswith(short) or len(short) < 2:
        return False
    extra = long[len(short):]
    return extra.startswith("(") or extra in {"项目", "工程", "建设", "建设工程", "新建工程", "工作"} or (
        len(short) >= 3 and _kind_of(long) in {"platform", "program"} and len(extra) <= 6
    )


def group_projects(mentions: list[ProjectMention]) -> list[ProjectGroup]:
    """Mentions of the same project (aliases within one document) grouped under one name."""
    groups: list[list[ProjectMention]] = []
    keys: list[list[str]] = []
    # Aliases share their opening characters, so only groups with the same first two are compared.
    by_head: dict[str, list[int]] = {}
    for mention in mentions:
        key = _key(mention.name)
        for index in by_head.get(key[:2], ()):
            if any(_same_project(*sorted((key, k), key=len)) for k in keys[index]):
                groups[index].append(mention)
                keys[index].append(key)
                break
        else:
            groups.append([mention])
            keys.append([key])
            by_head.setdefault(key[:2], []).append(len(groups) - 1)
    out = []
    for group in groups:
        names = list(dict.fromkeys(m.name for m in group))
        names += [_key(n) for n in names if n.startswith("“") and _key(n) not in names]
        canonical = min(names, key=lambda n: (len(_key(n)), len(n), n))
        aliases = tuple(n for n in names if n != canonical)
        out.append(ProjectGroup(canonical, aliases, _kind_of(max(names, key=len)), tuple(group)))
    return out
