"""Organs named without a proper name (区委, 人大, 妇联, 党工委 — ``data/body_organs.txt``), with
the jurisdiction written before them (区总工会, 街道团工委). Not the organ: one inside another
word (小区委托), in a meeting's name (十二届市委二次全会) or a member's title (人大代表)."""

from __future__ import annotations

from functools import cache

from pledgegraph.loaders.find.bodies.grammar import acts, ends_with_boundary, joins_next
from pledgegraph.loaders.find.bodies.vocab import grammar, lex
from pledgegraph.loaders.record import BodyMention

__all__ = ["organ_mentions"]

_PUNCTUATION_BEFORE = frozenset(",，。;；:：(（“\n ")


@cache
def _allowed_before() -> frozenset[str]:
    return _PUNCTUATION_BEFORE | frozenset(grammar("before_organ"))


@cache
def _prefixes() -> tuple[str, ...]:
    return (*grammar("subdistrict_words"), *grammar("clause_levels"))


def _organ_prefix(text: str, start: int) -> int:
    """区总工会, 街道团工委: an administrative prefix written before an organ is part of its name."""
    for prefix in _prefixes():
        begin = start - len(prefix)
        if begin >= 0 and text.startswith(prefix, begin) and (
                begin == 0 or text[begin - 1] in _allowed_before() or ends_with_boundary(text, begin)):
            return begin
    return start


def organ_mentions(text: str) -> list[BodyMention]:
    organs = lex().organs
    allowed = _allowed_before()
    out: list[BodyMention] = []
    for match in lex().organ_re.finditer(text):
        start, end = match.span()
        before = text[start - 1:start] if start else ""
        follows_organ = bool(out) and out[-1].end == start  # 党中央国务院, 市委市政府
        if (before and "\u4e00" <= before <= "\u9fff" and before not in allowed
                and not follows_organ and not ends_with_boundary(text, start)
                and _organ_prefix(text, start) == start):
            continue  # 小区委托: "区委" inside another word
        kind = organs[match.group()]
        if not acts(text, start, end, kind) or joins_next(text, end):
            continue
        start = _organ_prefix(text, start)
        out.append(BodyMention(text[start:end], kind, start, end, "organ"))
    return out
