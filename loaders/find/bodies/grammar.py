"""The organ-name grammar: jurisdiction prefix + core + organ suffix, and where a name starts.

A Chinese organ is named outside-in: its jurisdiction (市, 区, 街道, 静安区, 奉贤县 …), a core
saying what it does (发展和改革, 规划资源, 城市运行管理), and a suffix saying what kind of organ
it is (委员会, 局, 办, 中心, 所, 公司 — ``data/body_suffixes.txt``). Short suffixes (局, 委, 办)
end ordinary words too (格局, 举办), so they count only after a jurisdiction. The name's left
edge is found by scanning back from the suffix over name characters until a clause mark, a
boundary verb (推进, 配合, 由 — ``data/body_boundaries.txt``) or an earlier organ.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.aliases import shipped_aliases
from pledgegraph.loaders.chars import NUMERALS
from pledgegraph.loaders.find.bodies.vocab import grammar, lex
from pledgegraph.loaders.jurisdiction import gazetteer
from pledgegraph.loaders.lexicon import column
from pledgegraph.loaders.record import BodyMention

__all__ = [
    "MAX_NAME", "admin_prefix", "place_prefix", "is_stop", "ends_with_boundary", "joins_next", "acts",
    "is_category", "left_edge", "admin_start", "predicate_chars", "inner_prefix", "is_cjk", "jurisdiction_led", "registry_start",
]

MAX_NAME = 16
_CJK = re.compile(r"[\u4e00-\u9fff]")
# A name character: CJK ideographs (U+4E00–U+9FFF) or one of these.
_NAME_OTHER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz·”“()")
_MARKER_BEFORE = re.compile(rf"(?:^|\n)\s*\([{NUMERALS}\d]{{1,3}}\)$")
_PUNCTUATION_STOPS = frozenset(",，。;；:：、!！?？\n\t \"《》")


def is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _chars(key: str) -> str:
    return "".join(grammar(key))


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(grammar(key), key=len, reverse=True))


@cache
def _level() -> str:
    """One jurisdiction level character not part of a common word (区 but not 区域)."""
    return rf"[{_chars('level_chars')}](?![{_chars('level_not_after')}])"


@cache
def admin_prefix() -> re.Pattern[str]:
    """A name opening with its jurisdiction: 区发改委, 街道城运中心, 静安区卫健委, 国家发展改革委 —
    but not 社区/小区/园区…, which are no jurisdictions."""
    words = "|".join(rf"{re.escape(w)}(?![{_chars('level_word_not_after')}])" for w in grammar("level_words"))
    return re.compile(rf"^(?:{_level()}|{words}|"
                      rf"[\u4e00-\u9fff]{{2,4}}?(?<![{_chars('level_not_before')}]){_level()})")


@cache
def place_prefix() -> re.Pattern[str]:
    """A place-name prefix ending in an area level (协调区, 静安区): a district only when the
    gazetteer knows it."""
    return re.compile(rf"[\u4e00-\u9fff]{{2,4}}?(?<![{_chars('level_not_before')}])"
                      rf"[{_chars('area_chars')}](?![{_chars('level_not_after')}])")


@cache
def _stops() -> frozenset[str]:
    return _PUNCTUATION_STOPS | frozenset(_chars("stops"))


def is_stop(ch: str) -> bool:
    return ch in _stops()


@cache
def jurisdiction_led() -> re.Pattern[str]:
    """A name opening with a bare level (区城运中心, 镇城运中心, 街道城运中心): an agency, not a
    facility — a centre named after its place (静安区X中心) is usually being built."""
    words = "|".join(re.escape(w) for w in grammar("subdistrict_words"))
    return re.compile(rf"(?:[{_chars('agency_levels')}](?![{_chars('level_not_after')}])|{words})")


@cache
def _boundary_ends() -> frozenset[str]:
    return frozenset(word[-1] for word in lex().boundaries)


def ends_with_boundary(text: str, end: int) -> bool:
    """Whether a boundary word (推进, 配合, 由 …) ends at ``end``."""
    if 0 < end <= len(text) and text[end - 1] not in _boundary_ends():
        return False  # asked at every character of a scan; most end no boundary word
    boundaries = lex().boundaries
    return any(text[end - size:end] in boundaries for size in (1, 2, 3, 4) if size <= end)


def joins_next(text: str, end: int) -> bool:
    """委托, 办理, 人大代表: the character after the name makes it part of another word."""
    return end < len(text) and text[end] in lex().not_after.get(text[end - 1], "")


_ACTOR_KINDS = frozenset({"district_gov", "subdistrict_gov", "town_gov", "department", "party_org",
                          "people_congress"})


@cache
def _meeting_after() -> re.Pattern[str]:
    return re.compile(rf"^(?:[{NUMERALS}]+次)?(?:{_words('meeting_after')})")


@cache
def _object_after() -> re.Pattern[str]:
    return re.compile(rf"(?:{_words('object_after')})(?:{_words('object_after_tail')})?(?:[,。;:、)\n{_chars('stops')}]|$)")


def acts(text: str, start: int, end: int, kind: str) -> bool:
    """False where the name is part of a meeting's name (十二届市委二次全会, 市第十二次党代会),
    only locates a place (大学路) or is the object being built (医联体建设)."""
    marks = _chars("term_marks")
    if any(ch in marks for ch in text[max(0, start - 1):start + 1]) or _meeting_after().match(text[end:end + 8]):
        return False
    if kind in _ACTOR_KINDS:
        return True  # 县人民政府城关街道: a government is never a place's name
    return text[end:end + 1] not in grammar("place_after") and not _object_after().match(text, end)


def is_category(core: str) -> bool:
    """民办中小学, 名师工作室, 各类公司: a category of organisation, not a named one."""
    if (prefix := admin_prefix().match(core)) and prefix.end() < len(core):
        core = core[prefix.end():]  # 区有关X局, 市各类X公司: the category follows the jurisdiction
    generic = lex().generic
    if core in generic or core.endswith(grammar("category_endings")):
        return True
    return core.startswith(tuple(generic)) and any(
        core.startswith(word) and len(core) - len(word) <= 1 for word in generic)


def left_edge(text: str, end: int, organ_ends: dict[int, BodyMention]) -> int:
    """Where a name ending at ``end`` starts: scanning back over name characters to a stop,
    a boundary word, an earlier organ, or the opening quote of a quoted name."""
    position = end
    boundary_ends = _boundary_ends()  # tested first: most characters end no boundary word
    nouns = _chars("noun_after_verb")
    while position > max(0, end - MAX_NAME):
        ch = text[position - 1]
        if ch == "”":
            opening = text.rfind("“", 0, position)
            if opening >= 0 and position - opening <= 14:
                return opening  # “石榴籽”志愿服务团队: the quoted name belongs to the body
        if is_stop(ch) or ch in grammar("name_breaks") or not ("\u4e00" <= ch <= "\u9fff" or ch in _NAME_OTHER):
            break
        if ch == "(" and ")" not in text[position:end]:
            break  # (上海市X局代章), (区X委牵头): a bracket the name does not close is no part of it
        if ch == ")" and _MARKER_BEFORE.search(text, max(0, position - 6), position):
            break  # (二)区建管委: an outline marker heads the line, not the name
        if position in organ_ends and position < end:
            break
        if (ch in boundary_ends and ends_with_boundary(text, position)
                and not (position < end and text[position] in nouns)):
            break
        position -= 1
    return position


@cache
def _registry_names() -> tuple[re.Pattern[str], int]:
    """Every name of the body registry, reversed (so the longest ending at a position matches
    first), and the longest one's length."""
    registry = shipped_aliases().canonical
    names = set(registry) | set(registry.values())
    return re.compile("|".join(re.escape(n[::-1]) for n in sorted(names, key=len, reverse=True))), max(map(len, names))


def registry_start(text: str, end: int) -> int | None:
    """Where the longest registry name ending at ``end`` starts (None: none ends there)."""
    pattern, longest = _registry_names()
    found = pattern.match(text[max(0, end - longest):end][::-1])
    return end - len(found.group()) if found else None


@cache
def predicate_chars() -> frozenset[str]:
    """Characters that open a clause's predicate (要, 应, 将 …): no name runs across one."""
    return frozenset(column("function_words", "not_in_name"))


def admin_start(text: str, start: int, end: int) -> int:
    """区建设管理委, 区营商环境建设工作领导小组: 建设 looked like a verb, but an administrative
    prefix before it at a clause start, within a name's length, shows the name goes on."""
    reach = max(0, MAX_NAME - (end - start))
    position = start
    organ_last = _chars("organ_last")
    predicate = predicate_chars()
    while position > max(0, start - reach) and is_cjk(text[position - 1]) and not is_stop(text[position - 1]):
        position -= 1
        if text[position] in predicate:
            return start  # 各区要相应成立…专班: 区要 is a subject and its modal, not a prefix
        at_clause_start = position == 0 or is_stop(text[position - 1]) or ends_with_boundary(text, position)
        if text[position - 1 if position else 0] in organ_last and position < start - 1:
            return start  # 区数据局建设…中心: the prefix belongs to the earlier body
        if text[position] in grammar("clause_levels") and at_clause_start:
            return position
    return start


def inner_prefix(text: str, start: int, end: int) -> int:
    """协调区税务局: "协调区" is no district, so the name starts at its own 区; 上海市奉贤区X局
    opens with a city the gazetteer knows, so it starts there."""
    if text[start] in _chars("level_chars") or text.startswith(tuple(grammar("subdistrict_words")), start):
        return start  # 区绿化市容局: already a jurisdiction's body
    match = place_prefix().match(text, start, end)
    if match and match.group() not in gazetteer():
        known = next((cut for cut in range(1, len(match.group()) - 1) if match.group()[cut:] in gazetteer()), None)
        return start + (known if known is not None else len(match.group()) - 1)  # 请上海市: 上海市
    return start
