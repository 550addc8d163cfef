"""Projects named in lists and by road sections.

* An enumeration closed by the list closer and a category noun ("A、B等12个项目",
  ``data/project_categories.txt``): every item is a project, with or without a suffix, unless
  the noun says the items are places (等文化景观地标) — then no suffix find inside counts.
* A road given with its section ("X路(A路—B路)").
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import table
from pledgegraph.loaders.projects_lexicon import (
    alternation,
    chars,
    cues,
    grammar,
    place_cues,
    word_set,
    year_pattern,
)
from pledgegraph.loaders.projects_rules import (
    MAX_NAME,
    is_body,
    kind_of,
    left_edge,
    strip_marker,
    suffix_kind,
)
from pledgegraph.loaders.record import ProjectMention

__all__ = ["enumerations", "section_mentions", "section_pattern", "section_matches"]

_TAIL = re.compile(r"[^,，。;；\n]{0,10}")
_CLAUSE_PUNCT = frozenset(",，。;；\n")
_FIGURE = re.compile(r"[\d.]+")


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    actions = alternation(word_set("project_works_actions"))
    return {
        "closer": re.compile(alternation(grammar("closer"))),
        "item": re.compile(rf"[^、{chars('item_joiner')}]+"),
        # works named by what is done to them end in an action; the object must still be a place
        "action": re.compile(actions),
        "action_end": re.compile(f"(?:{actions})+$"),
        "renovation_after": re.compile(alternation(cues("renovation", "list_after"))),
        "place_char": re.compile(f"[{''.join(map(re.escape, place_cues('char')))}]"),
    }


@cache
def _categories() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    rows = {row[0]: row[1:] for row in table("project_categories")}
    return re.compile(alternation(rows)), rows


def _item_mention(text: str, start: int, end: int, kind: str, after: str) -> ProjectMention | None:
    """One item of a list of projects; ``kind`` is the list's, ``after`` the text after the closer."""
    patterns = _patterns()
    item_start, _ = left_edge(text, end, item=True)
    item_start = strip_marker(text, max(item_start, start), end)
    name = text[item_start:end].strip("“”")
    if text[item_start:item_start + 1] == "“":
        item_start += 1
    action = patterns["action_end"].search(name)
    if action and action.start() > 0:
        rest = name[:action.start()]
        if not patterns["place_char"].search(rest) and not suffix_kind(rest):
            return None  # 户外招牌改造: works with no place named
        if not patterns["action"].search(rest):
            name = rest  # 人民街绿地改造 → 人民街绿地 (a compound works name stays whole)
    found = suffix_kind(name)
    if found and name == found[0]:
        return None  # 高校、园区、企业等载体: kinds of places
    shortest = 2 if found else 3  # 为老、文体、交通等设施: attributes, not names
    if not shortest <= len(name) <= MAX_NAME or _FIGURE.fullmatch(name) or is_body(name) \
            or year_pattern().search(name):
        return None
    if found:
        kind = kind_of(name, after=after)
    elif kind == "construction" and patterns["renovation_after"].search(after):
        kind = "renovation"  # 蕃瓜弄、共和新路802弄等项目 … 改造
    return ProjectMention(name, kind, item_start, item_start + len(name), "list.item")


def _list_items(text: str, closer: int) -> list[tuple[int, int]]:
    """The 、-separated items before the closer at ``closer``, back to the clause start (≤24 chars each)."""
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
    """Items of lists closed by the closer + a category noun; and the spans of lists of places."""
    pattern, roles = _categories()
    out, places = [], []
    for closer in _patterns()["closer"].finditer(text):
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
            for item in _patterns()["item"].finditer(text, first, last):
                found = _item_mention(text, item.start(), item.end(), (kind or ["program"])[0], after)
                if found:
                    out.append(found)
    return out, places


@cache
def section_pattern() -> re.Pattern[str]:
    """A name and its section in brackets: X路(A路—B路)."""
    marks = chars("range")
    return re.compile(rf"([\u4e00-\u9fff\d]{{2,12}}?)(\([^()]{{2,16}}[{marks}][^()]{{2,16}}\))")


def section_matches(text: str) -> list[re.Match[str]]:
    """What ``section_pattern().finditer(text)`` finds, tried only just before each "(".

    The name before the bracket is the run of CJK characters and digits that ends at it, so a
    match starts at most 12 characters before a "(" and uses that "(": trying those starts in
    order, bracket by bracket, finds the same leftmost matches without a scan of every position.
    """
    out: list[re.Match[str]] = []
    pattern = section_pattern()
    end, bracket = 0, text.find("(")
    while bracket >= 0:
        for start in range(max(end, bracket - 12), bracket - 1):
            match = pattern.match(text, start)
            if match:
                out.append(match)
                end = match.end()
                break
        bracket = text.find("(", max(end, bracket + 1))
    return out


def section_mentions(text: str) -> list[ProjectMention]:
    out = []
    heads = grammar("section_head")
    for match in section_matches(text):
        start, _ = left_edge(text, match.end(1))
        name = text[start:match.end(1)]
        if len(name) >= 2 and name.endswith(heads):
            out.append(ProjectMention(text[start:match.end()], "construction", start, match.end(), "section"))
    return out
