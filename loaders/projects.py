"""Named, concrete undertakings: works, programmes, platforms, events, titles pursued.

Without a word segmenter, names are found from the signals plans themselves give:

* quotation marks — “一网通办”, 《…》 — minus mechanisms (a quote followed by 机制/制度/模式 …),
  slogans (comma-separated) and national policies (``data/project_exclusions.txt``); a
  quote followed by a name suffix is extended (“X”示范区) and then always counts;
* a name suffix (工程, 项目, 地块, 小区, 试点, 平台 … ``data/project_suffixes.txt``) whose
  left edge is the nearest verb or function word, and the first of two names joined by 和
  that share their head (A住宅和B住宅保护修缮工程);
* the suffix families — facilities, events, titles (``data/project_facilities.txt``,
  ``project_events.txt``, ``project_titles.txt``): a proper part, the words for whom or what
  the thing serves, a tail of the family (X路社区长者食堂, X草地音乐节, 双拥模范街道); without
  the proper part it is a kind of thing, not a project;
* an enumeration closed by 等 and a category noun ("A、B等12个项目"): every item is a project,
  with or without a suffix, unless the noun says the items are places (等文化景观地标);
* a road given with its section ("X路(A路—B路)").

Mentions of one project are then grouped (:func:`group_projects`) under one canonical name.
The finders live in :mod:`.projects_finders` and :mod:`.projects_lists`, the judgements they
share (left edges, categories, kinds) in :mod:`.projects_rules`, every word in
:mod:`.projects_lexicon`. Each mention keeps the ``rule`` of the finder that made it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

from pledgegraph.loaders.find.overlap import settle
from pledgegraph.loaders.projects_finders import quote_mentions, suffix_mentions
from pledgegraph.loaders.projects_lexicon import alternation, chars, grammar, one_of, word_set
from pledgegraph.loaders.projects_lists import enumerations, section_mentions
from pledgegraph.loaders.record import ProjectMention

__all__ = ["find_projects", "group_projects", "ProjectGroup"]

_QUOTED = re.compile(r"“([^”]+)”")
_MARKS = re.compile(r"[“”《》\"\s]")


@cache
def _level_prefix() -> re.Pattern[str]:
    """A level word opening a name (市级X示范村 is X示范村)."""
    return re.compile(f"^{alternation(grammar('level_place'))}{one_of('level')}")


@cache
def _sectioned() -> re.Pattern[str]:
    """A name and a bracketed section (秋实路(春晖路—夏禾路): the road is 秋实路)."""
    return re.compile(rf"([^(]{{2,}})\([^()]*[{chars('range')}]")


@dataclass(frozen=True)
class ProjectGroup:
    name: str
    aliases: tuple[str, ...]
    kind: str
    mentions: tuple[ProjectMention, ...]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    index = bisect_right(spans, (position, len(spans) + 10**9)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def find_projects(text: str) -> list[ProjectMention]:
    """Every project mention in ``text``, in order; overlaps settled once (find/overlap.settle)."""
    items, places = enumerations(text)
    suffixed = [m for m in suffix_mentions(text) if not _inside(places, m.start)]
    return settle(quote_mentions(text), section_mentions(text), items, suffixed)


# --- grouping ---------------------------------------------------------------------------


@lru_cache(maxsize=4096)  # asked again for every comparison and every name of a group
def _key(name: str) -> str:
    """Grouping key: a quoted core when the name is “X”+suffix (“X”线上平台 is X)."""
    quoted = _QUOTED.match(name)
    if quoted:
        return quoted.group(1)
    return _level_prefix().sub("", _MARKS.sub("", name))  # 市级X示范村 is X示范村


def _plain_tail(extra: str) -> bool:
    """What follows a name in a longer one adds nothing: modifiers, then a section or a generic word."""
    while (size := next((len(w) for w in word_set("project_modifiers") if extra.startswith(w)), 0)):
        extra = extra[size:]
    return extra.startswith("(") or not extra or extra in word_set("project_plain_tails")


@lru_cache(maxsize=65536)
def _shorter_forms(key: str) -> frozenset[str]:
    """The shorter keys naming the same project as ``key``: a prefix of two or more characters
    when the rest is a plain tail (X路 / X路(A路—B路), X敬老院 / X敬老院新建工程), and — a typo —
    ``key`` less one character, when the key left has seven or more and the character is not a
    digit or letter (芦恒路北教育园区 / 芦恒路北三教育园区; X路1号地块 and X路11号地块 are two plots).

    Grouping looks these forms up rather than comparing every pair of names."""
    forms = {key[:cut] for cut in range(2, len(key)) if _plain_tail(key[cut:])}
    if len(key) >= 8:
        forms.update(key[:i] + key[i + 1:] for i in range(len(key)) if not key[i].isascii())
    return frozenset(forms)


class _Bucket:
    """The groups whose first key has one head (its first two characters), indexed so the first
    group holding a key that is the same project as a new one is found by lookups: ``first``
    maps each key to the first group holding it, ``under`` each shorter form of a held key to
    the first group holding such a key."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.under: dict[str, int] = {}

    def find(self, key: str) -> int | None:
        found = [self.first.get(key), self.under.get(key)]
        found += [self.first.get(form) for form in _shorter_forms(key)]
        return min((index for index in found if index is not None), default=None)

    def add(self, key: str, index: int) -> None:
        if self.first.get(key, index + 1) <= index:
            return
        self.first[key] = index
        for form in _shorter_forms(key):
            if self.under.get(form, index + 1) > index:
                self.under[form] = index


def group_projects(mentions: list[ProjectMention]) -> list[ProjectGroup]:
    """Mentions of the same project (aliases within one document) grouped under one name.

    Each mention joins the first group (in order of creation) among those with its key's head
    that holds a key it is the same project as, or starts a group; aliases share their opening
    characters, so only groups with the same first two are candidates. The candidates are
    found through each key's shorter forms, so the cost grows with the mentions, not with
    their pairs (a plan of millions of characters has tens of thousands of mentions)."""
    groups: list[list[ProjectMention]] = []
    buckets: dict[str, _Bucket] = {}
    for mention in mentions:
        key = _key(mention.name)
        bucket = buckets.setdefault(key[:2], _Bucket())
        index = bucket.find(key)
        if index is None:
            index = len(groups)
            groups.append([])
        groups[index].append(mention)
        bucket.add(key, index)
    return [_group(group) for group in groups]


def _group(group: list[ProjectMention]) -> ProjectGroup:
    only = group[0]
    if len(group) == 1 and not only.name.startswith("“") and not _sectioned().match(only.name):
        return ProjectGroup(only.name, (), only.kind, (only,))  # most projects: one plain mention
    names = list(dict.fromkeys(m.name for m in group))
    names += [_key(n) for n in names if n.startswith("“") and _key(n) not in names
              and _key(n) not in word_set("project_exclusions")]  # not “十四五” for its 中期评估
    names += [m.group(1) for n in names if (m := _sectioned().match(n)) and m.group(1) not in names]
    canonical = min(names, key=lambda n: (len(_key(n)), len(n), n))
    aliases = tuple(n for n in names if n != canonical)
    kinds = [m.kind for m in group]
    kind = max(dict.fromkeys(kinds), key=kinds.count)  # the kind most mentions agree on
    return ProjectGroup(canonical, aliases, kind, tuple(group))
