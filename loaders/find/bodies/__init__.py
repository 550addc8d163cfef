"""Organisations named in a plan: governments, party organs, departments, companies …

Each finder tags candidate spans with the rule that found it — ``organ`` (区委, 人大, 妇联:
organs named without a proper name), ``suffix`` (jurisdiction + core + organ suffix: 区发改委,
静安区生态环境局, 镇财政所 — grammar.py), ``place.subdistrict`` (a subdistrict the gazetteer
knows), ``list.head`` (the items of 牵头单位：A、B), ``collective.departments`` (区政府各委、办、局)
— and one overlap policy settles them (find/overlap.py: the longest, then the finder listed
first). Not bodies although they look alike: an organ in a meeting's name (十二届市委二次全会) or
a member's title (人大代表), a school being built or a service centre (projects), a category
(民办中小学, 名师工作室), a road named after one (大学路).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from pledgegraph.loaders.find.bodies.enumerations import enumeration_mentions, line_mentions
from pledgegraph.loaders.find.bodies.kinds import body_kind
from pledgegraph.loaders.find.bodies.lists import department_collectives, list_mentions, split_body_list
from pledgegraph.loaders.find.bodies.names import looks_like_body
from pledgegraph.loaders.find.bodies.organs import organ_mentions
from pledgegraph.loaders.find.bodies.places import subdistrict_mentions
from pledgegraph.loaders.find.bodies.suffixes import suffix_mentions
from pledgegraph.loaders.find.bodies.vocab import grammar
from pledgegraph.loaders.find.overlap import settle
from pledgegraph.loaders.record import BodyMention

__all__ = ["find_bodies", "body_kind", "split_body_list", "looks_like_body"]


_TITLE_MARKS = re.compile("[《》\n]")


def _titles(text: str) -> list[tuple[int, int]]:
    """The spans of quoted document titles 《…》 (outermost, nested quotes inside)."""
    spans, depth, opened = [], 0, 0
    for mark in _TITLE_MARKS.finditer(text):  # only the marks, not every character
        at, ch = mark.start(), mark.group()
        if ch == "《":
            opened, depth = (at if depth == 0 else opened), depth + 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, at + 1))
        elif ch == "\n":
            depth = 0
    return spans


def _cited(text: str, mentions: list[BodyMention]) -> set[int]:
    """Mentions that only cite a document: named inside its title (《国务院关于…的通知》) or as
    its author right before it (市政府《…》) — not parties of this plan."""
    titles = _titles(text)
    starts = [start for start, _ in titles]
    out = set()
    for index, mention in enumerate(mentions):
        at = bisect_right(starts, mention.start) - 1
        if (at >= 0 and mention.end <= titles[at][1]) or text.startswith("《", mention.end):
            out.add(index)
    return out


def _joined(text: str, mentions: list[BodyMention]) -> list[BodyMention]:
    """上海市奉贤区人民政府 + 头桥街道办事处: a government written before a place below it and
    that place's organ names that organ, in one."""
    out: list[BodyMention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if (before is not None and before.end == mention.start and before.name.endswith(grammar("between_places"))
                and mention.kind in ("subdistrict_gov", "town_gov")):
            out[-1] = BodyMention(text[before.start:mention.end], mention.kind, before.start, mention.end,
                                  "suffix.joined")
            continue
        out.append(mention)
    return out


def find_bodies(text: str) -> list[BodyMention]:
    """Every organisation mentioned in ``text``, in order; overlaps settled once (settle)."""
    organs = organ_mentions(text)
    found = settle(department_collectives(text), list_mentions(text), suffix_mentions(text, organs), organs,
                   subdistrict_mentions(text))
    lines = line_mentions(text)
    found = _joined(text, settle(found, lines, enumeration_mentions(text, settle(found, lines))))
    cited = _cited(text, found)
    return [mention for index, mention in enumerate(found) if index not in cited]
