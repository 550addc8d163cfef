"""Finders for project mentions: quotation marks and name suffixes.

Each finder returns candidate :class:`ProjectMention` records in analysed-text offsets;
:func:`pledgegraph.loaders.projects.find_projects` merges them (a longer, earlier find wins).
The judgements they share — left edges, categories, kinds — are in :mod:`.projects_rules`,
the words in :mod:`.projects_lexicon`; lists and road sections are in :mod:`.projects_lists`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from pledgegraph.loaders.projects_lexicon import (
    alternation,
    chars,
    ending_pattern,
    family_of,
    family_rule,
    family_stops,
    grammar,
    one_of,
    place_cues,
    quantity,
    suffix_context,
    word_set,
    year_pattern,
)
from pledgegraph.loaders.projects_rules import (
    category_end,
    generic_core,
    kind_of,
    left_edge,
    plausible,
    quantity_before,
    strip_marker,
    suffix_kind,
    suffix_pattern,
)
from pledgegraph.loaders.record import ProjectMention

__all__ = ["quote_mentions", "suffix_mentions", "mention", "body_after"]

_QUOTE = re.compile(r"“([^“”\n]{1,24})”|《([^《》\n]{2,40})》")
_SLOGAN_PUNCT = re.compile(r"[,，、;；]")
_TRAILING_PAREN = re.compile(r"\([^()]{1,6}\)")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    numeral = chars("numeral")
    function = chars("closer", "conjunction", "particle")
    return {
        # the run after a quote that may hold its suffix (“X”示范区): name characters only
        "extension": re.compile(rf"[^\W_{function}]{{1,8}}"),
        "count_after": re.compile(quantity() + r"(?![\u4e00-\u9fff])"),
        "edition": re.compile(rf"(?:{one_of('ordinal')}[\d{numeral}{chars('hundred')}]+|{one_of('first')})"
                              rf"[{chars('edition')}]"),
        "numerals": re.compile(rf"[{numeral}{chars('hundred')}]+"),
        "shorthand": re.compile(rf"[{numeral}{chars('two', 'pair')}][\u4e00-\u9fff]"
                                rf"|[{numeral}{chars('two')}]{one_of('piece')}.*"),
        "drafting_before": re.compile(f"{alternation(word_set('project_drafting_verbs'))}$"),
        "service": re.compile(rf"[\u4e00-\u9fff]{{0,2}}{alternation(grammar('service'))}(?![\u4e00-\u9fff])"),
        "place_after": re.compile(f"(?!{alternation(place_cues('after_not'))})"
                                  f"{alternation(place_cues('after'))}"),
    }


def mention(text: str, start: int, end: int, rule: str) -> ProjectMention:
    """A mention of ``text[start:end]`` found by ``rule``, its kind read from the words around."""
    name = text[start:end]
    return ProjectMention(name, kind_of(name, text[max(0, start - 4):start], text[end:end + 4]), start, end, rule)


# --- quotation marks --------------------------------------------------------------------


def _extension_end(text: str, end: int) -> int:
    """End of a name suffix right after a quote (“X”示范区, “X”数据共享管理平台), else ``end``."""
    run = _patterns()["extension"].match(text, end)
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


def _drafted(text: str, start: int) -> bool:
    """Whether a drafting verb governs the title opening at ``start``: just before it, or before
    the run of titles it closes (制定《A》《B》, 修订《A》、《B》)."""
    while True:
        if _patterns()["drafting_before"].search(text[max(0, start - 6):start]):
            return True
        before = start - (start > 0 and text[start - 1] == "、")
        if before == 0 or text[before - 1] != "》":
            return False
        start = text.rfind("《", 0, before - 1)
        if start < 0:
            return False


def _quote_rejected(text: str, match: re.Match, inner: str) -> bool:
    """A quote that names a policy, regime, slogan, document or a mere modifier."""
    after = text[match.end():match.end() + 5]
    patterns = _patterns()
    if inner in word_set("project_exclusions") or patterns["numerals"].fullmatch(inner) \
            or patterns["shorthand"].fullmatch(inner):
        return True  # a national policy, a plan period ("八五"), a numbered shorthand ("四防")
    if after.startswith(_not_after()):
        return True
    drafted = _drafted(text, match.start())
    if year_pattern().search(inner) and not drafted:
        return True  # 《2023年…安排》: the plan itself or a dated instruction
    if match.group(2):
        return not drafted and bool(ending_pattern("project_document_ends").search(inner))  # a law
    if _SLOGAN_PUNCT.search(inner) or "+" in inner:
        return True
    if inner.endswith(tuple(word_set("project_method_ends"))):
        return True  # “河段长制”, “清单管理”, “一站式”: a regime, a method or a manner
    found = suffix_kind(inner)
    return bool(found) and generic_core(inner[: len(inner) - len(found[0])], found[0])  # “口袋公园”


def quote_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in _QUOTE.finditer(text):
        inner = (match.group(1) or match.group(2)).strip()
        if len(inner) < 2:
            continue
        end = _extension_end(text, match.end()) if match.group(1) else match.end()
        service = _patterns()["service"].match(text, match.end()) if match.group(1) else None
        if end > match.end():  # “X”suffix names a project whatever X is
            out.append(mention(text, match.start(), end, "quote.suffix"))
        elif service and inner not in word_set("project_exclusions"):  # “三段式”课后服务
            out.append(mention(text, match.start(), service.end(), "quote.service"))
        elif not _quote_rejected(text, match, inner):
            if match.group(1):
                out.append(mention(text, match.start() + 1, match.end() - 1, "quote"))
            else:
                out.append(replace(mention(text, match.start() + 1, match.end() - 1, "quote.document"),
                                   kind="plan_study"))
    return out


# --- name suffixes ----------------------------------------------------------------------


@cache
def body_after() -> re.Pattern[str]:
    """Body endings that can follow a suffix inside a body's name (X园区管委会, X项目部)."""
    return re.compile(alternation(w for w in word_set("project_body_suffixes") if len(w) > 1))


def _inside_longer_word(text: str, suffix: str, start: int, end: int) -> bool:
    """中心医院, 中心组, 中小学, 小学生: the suffix is part of a longer word."""
    after, before = suffix_context().get(suffix, ((), ()))
    return text.startswith(after, end) or text.endswith(before, 0, start)


def _brand_start(text: str, start: int) -> int | None:
    """Where the quote closing just before ``start`` opens (“X”|Y音乐节), if it does nearby."""
    if not start or text[start - 1] != "”":
        return None
    opened = text.rfind("“", max(0, start - 26), start - 1)
    return opened if opened >= 0 and "”" not in text[opened:start - 1] else None


def _suffix_candidates(text: str, match: re.Match) -> list[ProjectMention]:
    suffix = match.group()
    start, name_end = left_edge(text, match.start())
    family = suffix in family_of()
    rule = family_rule(family_of()[suffix]) if family else "suffix"
    for stop in family_stops(family_of()[suffix]) if family else ():
        start = max([start] + [text.rfind(w, start, name_end) + len(w) for w in grammar(stop)])
    start = strip_marker(text, start, name_end)
    edition = _patterns()["edition"].match(text, start, match.start())
    start = edition.end() if edition else start  # 第三届X节: the edition is no part of it
    opened = _brand_start(text, start) if family else None
    if start > 0 and (text[start - 1] == "”" or text[start - 1] in grammar("closer")) \
            and not (family and (opened is not None or text[start - 1] != "”")):
        return []  # “X”suffix is the quote's; 等X项目 is a category after a list
    if _inside_longer_word(text, suffix, match.start(), match.end()):
        return []
    end = match.end()
    paren = _TRAILING_PAREN.match(text, end)
    end = paren.end() if paren else end
    if _patterns()["count_after"].match(text, end):
        return []  # 亿元项目5个: counted things are a category
    if _patterns()["place_after"].match(text, match.end()) or body_after().match(text, match.end()):
        return []  # 园区外 / 园区专委会: a place referred to, or part of a body's name
    name = text[start:match.end()]
    if quantity_before(text, start, 8) and not kind_of(name) == "campaign":
        return []  # 新建1处市民健身驿站: one of a kind, not a name
    if not plausible(name, text[start:name_end], suffix):
        return []
    if opened is not None:  # “X”浦江草地音乐节: the brand and the event are one name
        return [mention(text, opened, end, "quote.family")]
    joint = max(text.rfind(j, start, name_end) for j in grammar("conjunction"))  # the last, or -1
    second = _split_coordinated(text, start, name_end, joint)
    if second is None:
        if joint > start and generic_core(text[joint + 1:name_end], suffix):
            return []  # 高校科研成果和双创项目: the last of the pair is a category
        return [mention(text, start, end, rule)]
    return [mention(text, start, second - 1, "suffix.coordinated"), mention(text, second, end, "suffix.coordinated")]


def _split_coordinated(text: str, start: int, name_end: int, joint: int) -> int | None:
    """Where the second name starts in "高氏住宅和王敬铭住宅保护修缮工程" (both share 住宅);
    ``joint`` is the last conjunction in ``[start, name_end)``."""
    if joint - start < 3 or name_end - joint < 4:
        return None
    head = text[name_end - 2:name_end]
    return joint + 1 if text.endswith(head, start, joint) else None


def suffix_mentions(text: str) -> list[ProjectMention]:
    out = []
    for match in suffix_pattern().finditer(text):
        out.extend(_suffix_candidates(text, match))
    return out
