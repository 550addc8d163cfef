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

from pledgegraph.loaders.find.bodies.enumerations import enumeration_mentions, line_mentions
from pledgegraph.loaders.find.bodies.kinds import body_kind
from pledgegraph.loaders.find.bodies.lists import department_collectives, list_mentions, split_body_list
from pledgegraph.loaders.find.bodies.names import looks_like_body
from pledgegraph.loaders.find.bodies.organs import organ_mentions
from pledgegraph.loaders.find.bodies.places import subdistrict_mentions
from pledgegraph.loaders.find.bodies.suffixes import suffix_mentions
from pledgegraph.loaders.find.overlap import settle
from pledgegraph.loaders.record import BodyMention

__all__ = ["find_bodies", "body_kind", "split_body_list", "looks_like_body"]


def find_bodies(text: str) -> list[BodyMention]:
    """Every organisation mentioned in ``text``, in order; overlaps settled once (settle)."""
    organs = organ_mentions(text)
    found = settle(department_collectives(text), list_mentions(text), suffix_mentions(text, organs), organs,
                   subdistrict_mentions(text))
    lines = line_mentions(text)
    return settle(found, lines, enumeration_mentions(text, settle(found, lines)))
