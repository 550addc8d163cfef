"""Bodies an explicit list names: the items of a responsibility list (牵头单位：A、B；配合单位：C),
and a government's departments named as one collective (区政府各委、办、局)."""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.collective import collective_heads
from pledgegraph.loaders.find.bodies.kinds import body_kind
from pledgegraph.loaders.find.bodies.vocab import grammar, lex
from pledgegraph.loaders.record import BodyMention

__all__ = ["list_mentions", "department_collectives", "split_body_list"]


@cache
def _split() -> re.Pattern[str]:
    joints = "".join(grammar("list_joint_after"))
    words = "|".join(re.escape(w) for w in grammar("stops"))
    return re.compile(rf"[、,，;；/\s]+|(?<=[{joints}])(?:{words}|\()")


@cache
def _trim() -> re.Pattern[str]:
    tails = "|".join(re.escape(w) for w in sorted(grammar("list_item_tails"), key=len, reverse=True))
    heads = "|".join(re.escape(w) for w in sorted(grammar("list_item_heads"), key=len, reverse=True))
    return re.compile(rf"(?:{tails})$|^(?:{heads})")


def split_body_list(text: str) -> list[str]:
    """The bodies of an explicit list: "区发改委、区商务委,各街镇等" → [区发改委, 区商务委, 各街镇]."""
    items = []
    for raw in _split().split(text):
        item = _trim().sub("", raw.strip().strip("()（）"))
        if item.count("(") != item.count(")"):
            item = item.strip("()")
        if len(item) >= 2 and item not in items:
            items.append(item)
    return items


def list_mentions(text: str) -> list[BodyMention]:
    out = []
    for match in lex().list_re.finditer(text):
        cursor = match.start("items")
        for item in split_body_list(match.group("items")):
            position = text.find(item, cursor, match.end())
            if position >= 0:
                out.append(BodyMention(item, body_kind(item), position, position + len(item), "list.head"))
                cursor = position + len(item)
    return out


@cache
def _departments() -> re.Pattern[str]:
    """区政府各委、办、局, 区政府有关委、办、局: a level and its government, a collective's heads,
    then the words of ``department_collective`` with 、 between them."""
    government, first, *rest = grammar("department_collective")
    heads = "|".join(re.escape(h) for h in collective_heads())
    tail = "".join(rf"、?{re.escape(word)}" for word in rest)
    return re.compile(rf"[{''.join(grammar('area_chars'))}]{re.escape(government)}(?:{heads})+"
                      rf"{re.escape(first)}{tail}")


def department_collectives(text: str) -> list[BodyMention]:
    return [BodyMention(m.group(), "department", m.start(), m.end(), "collective.departments")
            for m in _departments().finditer(text)]
