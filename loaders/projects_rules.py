"""The judgements behind project finding: where a name starts, whether it names anything, its kind.

No word segmenter is used; a name's left edge is the nearest verb or function word of the
boundary lexicons (``data/project_boundaries.txt``, shared with the bodies stage, and
``data/project_clause_words.txt``), its right edge a name suffix
(``data/project_suffixes.txt``). A candidate then has to name something: a core made of
category words (``data/project_generic.txt``: 重点项目, 住宅小区, 城市更新项目) is a category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from pledgegraph.loaders.lexicon import table, words

__all__ = [
    "MAX_NAME",
    "HARD",
    "STOP",
    "QUANTITY",
    "YEAR",
    "quantity_before",
    "min_core",
    "suffix_pattern",
    "suffix_kind",
    "word_set",
    "ends_with_word",
    "left_edge",
    "strip_marker",
    "category_end",
    "generic_core",
    "plausible",
    "is_body",
    "kind_of",
]

MAX_NAME = 18
HARD = "hard boundaries"
SOFT = "project_soft_boundaries"
STOP = frozenset(",，。;；:：、!！?？\n\t 《》\"“”")
_MEASURES = "个|处|家|条|所|幅|座|栋|幢|项|张|台|批|片|平方米|平米|公顷|亩|米|公里|户"
QUANTITY = r"[\d一二三四五六七八九十两百千万.]+(?:万|亿)?(?:" + _MEASURES + ")"

# A name character: CJK ideographs (U+4E00–U+9FFF) or one of these.
_NAME_OTHER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789·-—()")
_MEASURE_BEFORE = re.compile(QUANTITY + "$")
# The characters a QUANTITY can end with: before any other, _MEASURE_BEFORE cannot match.
_MEASURE_LAST = frozenset(measure[-1] for measure in _MEASURES.split("|"))
_COMPARATIVE = re.compile(r"以上|以下|以内|左右")
YEAR = re.compile(r"(?:19|20)\d\d年|\d{4}-\d{4}")  # a year or span of years in a name
# An outline marker or inline enumerator glued to a name: "(一)…", "6.…", "二是…".
_MARKER = re.compile(r"(?:\([一二三四五六七八九十\d]{1,3}\)|\d{1,2}\.|[一二三四五六七八九十]是)+")
_CLASS = re.compile(r"(?<![分人门种归])类")  # 科技类产业论坛: a class of things, not one
_NUMBERED = re.compile(r"[一二三四五六七八九十两][大类项]")
_LEVEL = re.compile(r"(?:区|市|县|镇|街镇|村|居村|国家|省)级")
_RENOVATION = re.compile(r"改造|修缮|更新|提升|维修|整治|旧改")
_CAMPAIGN_BEFORE = re.compile(r"(?:创建|争创|创成|巩固)$")
_EVENT_END = re.compile(r"(?:[节赛展]|大会|展会|博览会|交流会|推介会|音乐会|嘉年华)$")
_EVENT_BEFORE = re.compile(r"(?:举办|办好|承办)$")
_PLATFORM_END = re.compile(r"(?:平台|系统|小程序|云|网|办|APP|App)$")
_JURISDICTION = re.compile(r"[区市县](?!域)")


@cache
def suffix_pattern() -> re.Pattern[str]:
    """Any name suffix, longest first (so 示范街区 wins over 街区)."""
    return re.compile("|".join(re.escape(s) for s in sorted(_suffix_table()[0], key=len, reverse=True)))


@cache
def _suffix_table() -> tuple[dict[str, str], int, dict[str, int]]:
    rows = table("project_suffixes")
    kinds = {row[0]: row[1] for row in rows}
    return kinds, max(map(len, kinds)), {row[0]: int(row[2]) for row in rows if len(row) > 2}


def _lengths_by_last(words: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths of the words ending in it, longest first: only those can
    end at a given position, so most positions cost one dict lookup instead of a try per length."""
    sizes: dict[str, set[int]] = {}
    for word in words:
        sizes.setdefault(word[-1], set()).add(len(word))
    return {ch: tuple(sorted(found, reverse=True)) for ch, found in sizes.items()}


@cache
def _suffix_sizes() -> dict[str, tuple[int, ...]]:
    return _lengths_by_last(_suffix_table()[0])


def suffix_kind(name: str) -> tuple[str, str] | None:
    """The (suffix, kind) that ``name`` ends with, if any (the longest)."""
    rows = _suffix_table()[0]
    for size in _suffix_sizes().get(name[-1:], ()):
        kind = size <= len(name) and rows.get(name[-size:])
        if kind:
            return name[-size:], kind
    return None


def min_core(suffix: str) -> int:
    """The shortest core that can name something before ``suffix``."""
    return _suffix_table()[2].get(suffix, 2)


@cache
def word_set(name: str) -> frozenset[str]:
    """A word list, or ``HARD``: the boundary words that always end a name."""
    if name == HARD:
        return ((word_set("project_boundaries") | word_set("project_clause_words"))
                - word_set(SOFT))
    return frozenset(w for line in words(name) for w in line.split())


@cache
def _max_len(name: str) -> int:
    return max(len(w) for w in word_set(name))


@cache
def _sizes_by_last(name: str) -> dict[str, tuple[int, ...]]:
    return _lengths_by_last(word_set(name))


@cache
def _first_chars(name: str) -> frozenset[str]:
    return frozenset(word[0] for word in word_set(name))


def _longest_ending(text: str, end: int, sizes: dict[str, tuple[int, ...]], found: frozenset[str]) -> int:
    """:func:`ends_with_word` for ``0 < end <= len(text)``, its lexicon looked up by the caller
    (a left-edge scan asks at every character)."""
    for size in sizes.get(text[end - 1], ()):
        if size <= end and text[end - size:end] in found:
            return size
    return 0


def ends_with_word(text: str, end: int, vocabulary: str) -> int:
    """Length of the longest word of ``vocabulary`` ending at ``end`` (0 if none)."""
    found = word_set(vocabulary)
    if 0 < end <= len(text):
        return _longest_ending(text, end, _sizes_by_last(vocabulary), found)
    for size in range(min(_max_len(vocabulary), end), 0, -1):
        if text[end - size:end] in found:
            return size
    return 0


def _starts_with_word(text: str, start: int, vocabulary: str) -> int:
    if text[start:start + 1] not in _first_chars(vocabulary):
        return 0  # no word starts with this character (or the text ends here)
    found = word_set(vocabulary)
    for size in range(_max_len(vocabulary), 1, -1):
        if text[start:start + size] in found:
            return size
    return 0


@cache
def _glued(first: str) -> tuple[str, ...]:
    return tuple(w for w in word_set("project_glued") if w[0] == first)


def _opens_clause(text: str, position: int) -> bool:
    """Whether a word starting at ``position`` opens a clause (a soft verb then ends a name):
    after punctuation, a boundary word, or another name's suffix."""
    if position > 1 and text[position - 1] in "和及与":
        position -= 1  # 新增和改造X: two verbs joined
    return (position == 0 or text[position - 1] in STOP
            or bool(ends_with_word(text, position, HARD))
            or suffix_kind(text[max(0, position - 6):position]) is not None)  # X项目|建设 Y中心


def quantity_before(text: str, end: int, reach: int) -> bool:
    """Whether a QUANTITY ("5个", "3处") ends at ``end`` (or just before a line break there),
    within ``reach`` characters before it: ``$`` also matches before a final newline."""
    window = text[max(0, end - reach):end]
    last = window[-2:-1] if window.endswith("\n") else window[-1:]
    return last in _MEASURE_LAST and bool(_MEASURE_BEFORE.search(window))


def left_edge(text: str, core_end: int, item: bool = False) -> tuple[int, int]:
    """``(start, name_end)`` of a name whose suffix starts at ``core_end``.

    ``name_end`` is where the modifiers before the suffix begin (X敬老院 | 新建 | 工程); the
    scan stops at punctuation, a quantity ("5个"), 等, or a boundary word. A *soft* boundary
    (培育, 改造 …) stops it only where it opens a clause (深入建设|融合教育实验区) and is
    not part of the suffix phrase (实施产业园区提质增效计划). Inside an enumeration item
    (``item``) one-character function words are name text (X贯通改造及景观提升): the item's
    own edges are the list's punctuation.
    """
    position = core_end
    while (size := ends_with_word(text, position, "project_modifiers")) and core_end - position < 8:
        position -= size
    name_end = position
    limit = max(0, core_end - MAX_NAME)
    head = True  # still among the verbs right before the suffix (X提质增效计划)
    # The lexicons fetched once for the scan; most characters end no boundary word, so a set
    # test skips the lookups (same answers as ends_with_word).
    hard, hard_last = word_set(HARD), _sizes_by_last(HARD)
    soft_words, soft_last = word_set(SOFT), _sizes_by_last(SOFT)
    while position > limit:
        ch = text[position - 1]
        if ch in STOP or ch == "等" or not ("\u4e00" <= ch <= "\u9fff" or ch in _NAME_OTHER):
            break
        if ch in _MEASURE_LAST and quantity_before(text, position, 6):  # ch is no "\n": a STOP
            break
        size = _longest_ending(text, position, hard_last, hard) if ch in hard_last else 0
        glued = size == 1 and any(text.startswith(w, position - 1) for w in _glued(text[position - 1]))
        if size and not glued and not (item and size == 1):
            break
        soft = _longest_ending(text, position, soft_last, soft_words) if ch in soft_last else 0
        if soft and not head and _opens_clause(text, position - soft):
            break
        head = head and bool(soft)
        position -= soft or 1
    while position < name_end and text[position] in "和及与的)":
        position += 1
    while (size := _starts_with_word(text, position, HARD)) and position + size < name_end:
        position += size  # a verb left at the front when the scan ran to a stop
    return position, name_end


def strip_marker(text: str, start: int, end: int) -> int:
    """``start`` moved past an outline marker or enumerator that opens the name."""
    marker = _MARKER.match(text, start, end)
    return marker.end() if marker else start


@cache
def _generic() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """word → its entries: (where, the suffixes it is generic before; empty: before any)."""
    out: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
    for row in table("project_generic"):
        entry = (row[1], frozenset(row[2].split()) if len(row) > 2 else frozenset())
        out[row[0]] = out.get(row[0], ()) + (entry,)
    return out


def _generic_word(word: str, suffix: str, where: str) -> bool:
    return any((kind == where or where == "any") and (not only or suffix in only)
               for kind, only in _generic().get(word, ()))


def _made_of_generic_words(core: str, suffix: str) -> bool:
    """Whether ``core`` splits entirely into generic words (社区+自治, 综合+责任)."""
    generic = _generic()
    reach = [True] + [False] * len(core)
    for end in range(1, len(core) + 1):
        reach[end] = any(reach[start] and core[start:end] in generic
                         and _generic_word(core[start:end], suffix, "any")
                         for start in range(max(0, end - 4), end))
    return reach[-1]


def category_end(core: str, suffix: str) -> bool:
    """Whether ``core`` ends in a category word before ``suffix`` (在职党员服务|项目, 常态化专项|行动)."""
    return any(_generic_word(core[-size:], suffix, "end") for size in range(1, min(4, len(core)) + 1))


@lru_cache(maxsize=8192)  # a pure judgement asked again for every mention of a name
def generic_core(core: str, suffix: str = "") -> bool:
    """Whether a name core is a category (重点, 城市更新, 老旧住宅, 科技类 …), not a proper name."""
    bare = _LEVEL.sub("", core)
    bare = bare[1:] if bare[:1] in "区市县" and len(bare) > 2 else bare  # 区重大工程: still a category
    if not bare or bare.isdigit() or _CLASS.search(bare) or _made_of_generic_words(bare, suffix):
        return True
    return (category_end(bare, suffix)
            or any(_generic_word(bare[:size], suffix, "start") for size in range(1, min(4, len(bare)) + 1)))


def is_body(name: str) -> bool:
    return name.endswith(tuple(word_set("project_body_suffixes")))


@lru_cache(maxsize=8192)  # pure, and a plan names the same candidates again and again
def plausible(name: str, core: str, suffix: str) -> bool:
    """Whether ``name`` (core + modifiers + suffix) names one undertaking, not a category."""
    core = core.strip("“”()")
    if len(core) < min_core(suffix) or generic_core(core, suffix):
        return False
    if YEAR.search(name) or is_body(name) or name.startswith("第") or _COMPARATIVE.search(name):
        return False
    if _NUMBERED.search(core):
        return False  # 网络三大平台, 六大领域: a count of kinds
    if suffix == "中心" and _JURISDICTION.match(name):
        return False  # 区城运中心, 区疾控中心: an agency of the district, a body
    if name.count("(") != name.count(")") or name.count("“") != name.count("”"):
        return False
    return not core.endswith(("的", "和", "及", "与", "等"))


@lru_cache(maxsize=8192)  # pure; the same name in the same words recurs
def kind_of(name: str, before: str = "", after: str = "") -> str:
    """The kind from the suffix, refined by the verbs around (创建 → campaign, 改造 → renovation)."""
    bare = name.rstrip(")").split("(")[0]
    found = suffix_kind(bare)
    kind = found[1] if found else ""
    if _CAMPAIGN_BEFORE.search(before) or after.startswith("创建"):
        return "campaign"
    if kind in ("construction", "") and (_RENOVATION.search(bare) or _RENOVATION.match(after)):
        return "renovation"
    if kind:
        return kind
    if _EVENT_BEFORE.search(before) or _EVENT_END.search(bare):
        return "event"
    if _PLATFORM_END.search(bare):
        return "platform"
    return "program"
