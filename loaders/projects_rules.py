"""The judgements behind project finding: where a name starts, whether it names anything, its kind.

No word segmenter is used; a name's left edge is the nearest verb or function word of the
boundary lexicons (``data/project_boundaries.txt``, shared with the bodies stage, and
``data/project_clause_words.txt``), its right edge a name suffix
(``data/project_suffixes.txt``). A candidate then has to name something: a core made of
category words (``data/project_generic.txt``: 重点项目, 住宅小区, 城市更新项目) is a category.
Every word these rules use comes from :mod:`.projects_lexicon`.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.projects_lexicon import (
    HARD,
    SOFT,
    STOP,
    alternation,
    chars,
    cues,
    ends_with_word,
    grammar,
    longest_ending,
    min_core,
    one_of,
    place_cues,
    quantity,
    sizes_by_last,
    starts_with_word,
    suffix_kind,
    suffix_pattern,
    uses_before,
    word_set,
    year_pattern,
)

__all__ = [
    "MAX_NAME",
    "quantity_before",
    "left_edge",
    "strip_marker",
    "category_end",
    "generic_core",
    "plausible",
    "is_body",
    "kind_of",
    "suffix_pattern",
    "suffix_kind",
    "word_set",
]

MAX_NAME = 18
# A name character: CJK ideographs (U+4E00–U+9FFF) or one of these.
_NAME_OTHER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789·-—()")


def _is_name_char(ch: str) -> bool:
    return 0x4E00 <= ord(ch) <= 0x9FFF or ch in _NAME_OTHER


@cache
def _measure_before() -> re.Pattern[str]:
    return re.compile(quantity() + "$")


@cache
def _measure_last() -> frozenset[str]:
    """The characters a quantity can end with: before any other, a quantity cannot end."""
    return frozenset(measure[-1] for measure in word_set("project_measures"))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """The patterns of the rules below, built from the grammar's roles and the kind cues."""
    numeral = chars("numeral")
    return {
        "comparative": re.compile(alternation(grammar("comparative"))),
        # an outline marker or inline enumerator glued to a name: "(一)…", "6.…", "二是…"
        "marker": re.compile(rf"(?:\([{numeral}\d]{{1,3}}\)|\d{{1,2}}\.|[{numeral}]{one_of('enumerator')})+"),
        "class": re.compile(rf"(?<![{chars('class_not_after')}]){one_of('class')}"),
        "numbered": re.compile(rf"[{numeral}{chars('two')}][{chars('count_kind')}]"),
        "level": re.compile(rf"{alternation(grammar('level_place'))}{one_of('level')}"),
        "renovation": re.compile(alternation(cues("renovation", "inside"))),
        "renovation_after": re.compile(alternation(cues("renovation", "after"))),
        "campaign_before": re.compile(f"{alternation(cues('campaign', 'before'))}$"),
        "event_end": re.compile(f"{alternation(cues('event', 'end'))}$"),
        "event_before": re.compile(f"{alternation(cues('event', 'before'))}$"),
        "platform_end": re.compile(f"{alternation(cues('platform', 'end'))}$"),
        "jurisdiction": re.compile(rf"[{chars('jurisdiction')}](?![{chars('jurisdiction_not_before')}])"),
    }


@cache
def _glued(first: str) -> tuple[str, ...]:
    return tuple(w for w in word_set("project_glued") if w[0] == first)


def _opens_clause(text: str, position: int) -> bool:
    """Whether a word starting at ``position`` opens a clause (a soft verb then ends a name):
    after punctuation, a boundary word, or another name's suffix."""
    if position > 1 and text[position - 1] in grammar("conjunction"):
        position -= 1  # 新增和改造X: two verbs joined
    return (position == 0 or text[position - 1] in STOP
            or bool(ends_with_word(text, position, HARD))
            or suffix_kind(text[max(0, position - 6):position]) is not None)  # X项目|建设 Y中心


def quantity_before(text: str, end: int, reach: int) -> bool:
    """Whether a quantity ("5个", "3处") ends at ``end`` (or just before a line break there),
    within ``reach`` characters before it: ``$`` also matches before a final newline."""
    window = text[max(0, end - reach):end]
    last = window[-2:-1] if window.endswith("\n") else window[-1:]
    return last in _measure_last() and bool(_measure_before().search(window))


def left_edge(text: str, core_end: int, item: bool = False) -> tuple[int, int]:
    """``(start, name_end)`` of a name whose suffix starts at ``core_end``.

    ``name_end`` is where the modifiers before the suffix begin (X敬老院 | 新建 | 工程); the
    scan stops at punctuation, a quantity ("5个"), the list closer, or a boundary word. A
    *soft* boundary (培育, 改造 …) stops it only where it opens a clause (深入建设|融合教育实验区)
    and is not part of the suffix phrase (实施产业园区提质增效计划). Inside an enumeration item
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
    hard, hard_last = word_set(HARD), sizes_by_last(HARD)
    soft_words, soft_last = word_set(SOFT), sizes_by_last(SOFT)
    closer, measure_last, conjunctions = grammar("closer"), _measure_last(), grammar("conjunction")
    while position > limit:
        ch = text[position - 1]
        if ch in STOP or ch in closer or not _is_name_char(ch):
            break
        if ch in measure_last and quantity_before(text, position, 6):  # ch is no "\n": a STOP
            break
        if ch == ")" and _annotated_name_before(text, position):
            break
        if ch in conjunctions and suffix_kind(text[max(0, position - 7):position - 1]) is not None:
            break  # X文化节和|Y马拉松赛: the name before the conjunction is complete
        size = longest_ending(text, position, hard_last, hard) if ch in hard_last else 0
        glued = size == 1 and any(text.startswith(w, position - 1) for w in _glued(text[position - 1]))
        if size and not glued and not (item and size == 1):
            break
        soft = longest_ending(text, position, soft_last, soft_words) if ch in soft_last else 0
        if soft and not head and _opens_clause(text, position - soft):
            break
        head = head and bool(soft)
        position -= soft or 1
    leading = (*grammar("conjunction"), *grammar("particle"), ")")
    while position < name_end and text[position] in leading:
        position += 1
    while (size := starts_with_word(text, position, HARD)) and position + size < name_end:
        position += size  # a verb left at the front when the scan ran to a stop
    return position, name_end


def _annotated_name_before(text: str, close: int) -> bool:
    """Whether the bracket closing at ``close`` annotates a name of its own (X生活圈(Y)|Z服务区)."""
    opened = text.rfind("(", max(0, close - 12), close)
    return opened > 0 and suffix_kind(text[max(0, opened - 8):opened]) is not None


def strip_marker(text: str, start: int, end: int) -> int:
    """``start`` moved past an outline marker or enumerator that opens the name."""
    marker = _patterns()["marker"].match(text, start, end)
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


def _strip_uses(core: str, uses: frozenset[str]) -> str:
    """``core`` less the use words that end it (芦恒路|社区长者, 锦颐|中医特色)."""
    while size := next((n for n in range(min(4, len(core)), 0, -1) if core[-n:] in uses), 0):
        core = core[:-size]
    return core


@lru_cache(maxsize=8192)  # a pure judgement asked again for every mention of a name
def generic_core(core: str, suffix: str = "") -> bool:
    """Whether a name core is a category (重点, 城市更新, 老旧住宅, 科技类 …), not a proper name."""
    bare = _patterns()["level"].sub("", core)
    uses = uses_before(suffix)
    if uses:  # a family's name: what is left before the words for whom it serves must name it
        bare = _strip_uses(bare, uses)
        if len(bare) < 2:
            return True  # 社区长者|食堂, 敬老|助餐点: a kind of facility
    if bare[:1] in grammar("jurisdiction") and len(bare) > 2:
        bare = bare[1:]  # 区重大工程: still a category
    if not bare or bare.isdigit() or _patterns()["class"].search(bare) or _made_of_generic_words(bare, suffix):
        return True
    return (category_end(bare, suffix)
            or any(_generic_word(bare[:size], suffix, "start") for size in range(1, min(4, len(bare)) + 1)))


def _places_named(core: str) -> bool:
    """Whether ``core`` ends as a road's or a waterway's name does (X河, X路): it names the works on it."""
    return core[-1] in place_cues("way") and not generic_core(core)


def is_body(name: str) -> bool:
    """A name ending like an organisation, unless a longer project suffix ends it
    (X卫生分中心 is a facility, X分中心 a body; 双拥模范街道 is a title)."""
    if not name.endswith(_body_endings()):
        return False
    ending = max(len(w) for w in _body_endings() if name.endswith(w))
    found = suffix_kind(name)
    return not found or len(found[0]) < ending


@cache
def _body_endings() -> tuple[str, ...]:
    return tuple(word_set("project_body_suffixes"))


@lru_cache(maxsize=8192)  # pure, and a plan names the same candidates again and again
def plausible(name: str, core: str, suffix: str) -> bool:
    """Whether ``name`` (core + modifiers + suffix) names one undertaking, not a category."""
    core = core.strip("“”()")
    patterns = _patterns()
    if len(core) < min_core(suffix) and not (len(core) >= 2 and _places_named(core)):
        return False  # 实事工程: a category; X河工程: a place's works
    if generic_core(core, suffix):
        return False
    if year_pattern().search(name) or is_body(name) or name.startswith(grammar("ordinal")) \
            or patterns["comparative"].search(name):
        return False
    if patterns["numbered"].search(core):
        return False  # 网络三大平台, 六大领域: a count of kinds
    if suffix in word_set("project_agency_suffixes") and patterns["jurisdiction"].match(name):
        return False  # 区城运中心, 区疾控中心: an agency of the district, a body
    if name.count("(") != name.count(")") or name.count("“") != name.count("”"):
        return False
    return not core.endswith(grammar("dangling"))


@lru_cache(maxsize=8192)  # pure; the same name in the same words recurs
def kind_of(name: str, before: str = "", after: str = "") -> str:
    """The kind from the suffix, refined by the words around (创建 → campaign, 改造 → renovation)."""
    bare = name.rstrip(")").split("(")[0]
    found = suffix_kind(bare)
    kind = found[1] if found else ""
    patterns = _patterns()
    if patterns["campaign_before"].search(before) or after.startswith(cues("campaign", "after")):
        return "campaign"
    if kind in ("construction", "") and (patterns["renovation"].search(bare)
                                        or patterns["renovation_after"].match(after)):
        return "renovation"
    if kind:
        return kind
    if patterns["event_before"].search(before) or patterns["event_end"].search(bare):
        return "event"
    if patterns["platform_end"].search(bare):
        return "platform"
    return "program"
