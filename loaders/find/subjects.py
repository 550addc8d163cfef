"""Bodies that open a clause as its subject: the parties plans assign work to in prose
(联席办负责…, 各村及营商办积极开展…, 物业公司作为小区管理责任人…, 由城管部门…).

The body finder (bodies.py) names organs; many owners are collectives, internal units and
regulated parties it leaves out as categories. Here a clause's opening words are taken as a
body when they read as one (bodies.looks_like_body) and an action follows them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import cache

from pledgegraph.loaders.collective import collective_heads
from pledgegraph.loaders.find.bodies import body_kind, looks_like_body
from pledgegraph.loaders.find.bodies.grammar import admin_prefix, joins_next, predicate_chars
from pledgegraph.loaders.find.bodies.names import name_breaks
from pledgegraph.loaders.find.bodies.vocab import lex
from pledgegraph.loaders.jurisdiction import gazetteer
from pledgegraph.loaders.lexicon import column, table, words
from pledgegraph.loaders.outline import match_marker
from pledgegraph.loaders.record import BodyMention

__all__ = ["find_subjects", "clause_starts", "past_aside"]

_CLAUSE_START = re.compile(r"(?:^|(?<=[。;；,，:：\n])|(?<=由))[\u4e00-\u9fff“]")
_LONGEST = 16
_SHORTEST = 2
# After a subject comes its action: not a word that continues a noun phrase.
_PUNCTUATION_NOT_ACTION = frozenset("、,，。;；:：\n()（）")


_PUNCTUATION_NOT_IN_NAME = frozenset("“”\"\n")


@cache
def _not_action() -> frozenset[str]:
    """What follows a name that is no acting subject (A的, A等, A、)."""
    return frozenset(column("function_words", "not_action")) | _PUNCTUATION_NOT_ACTION


@cache
def _joined() -> tuple[str, ...]:
    """What joins two subjects acting together (A及B开展…, A与B共同…): one character."""
    return tuple(w for w in column("function_words", "conjunction") + column("function_words", "with") if len(w) == 1)


@cache
def _breaks() -> re.Pattern[str]:
    """A character no subject holds (a mark, 的, 及, 要 …): no name read from a clause's start
    can reach past the first one, so the scan for its end starts there."""
    return re.compile(f"[{re.escape(''.join(sorted(name_breaks() | _not_in_name())))}]")


@cache
def _heads() -> tuple[str, ...]:
    return collective_heads()


@cache
def _not_in_name() -> frozenset[str]:
    return predicate_chars() | _PUNCTUATION_NOT_IN_NAME


@cache
def _urging() -> re.Pattern[str]:
    verbs = [word for word, kind in table("role_verbs") if kind == "urge"]
    return re.compile("|".join(re.escape(word) for word in sorted(verbs, key=len, reverse=True)))


@cache
def _self_references() -> tuple[str, ...]:
    return tuple(sorted(words("self_references"), key=len, reverse=True))


@cache
def _not_start() -> tuple[str, ...]:
    vocab = set()
    for name in ("project_boundaries", "body_boundaries", "subject_not_start"):
        for line in words(name):
            vocab.update(line.split())
    return tuple(sorted(vocab - set(_heads()), key=len, reverse=True))


@cache
def _role_verbs() -> tuple[str, ...]:
    return tuple(sorted((w for w in words("role_verbs_inline")), key=len, reverse=True))


def _joins_two(name: str) -> bool:
    """吴泾镇会同用地单位, 镇财政所与区局: two bodies and a verb joining them, not one name."""
    for verb in _role_verbs():
        at = name.find(verb, 2)
        rest = name[at + len(verb):] if at > 0 else ""
        if at > 0 and looks_like_body(name[:at]) and (len(verb) == 1 or len(rest) >= 2 and looks_like_body(rest)):
            return True
    return False


def _plausible(name: str) -> bool:
    """A body name a clause can open with: not an action with its object (推进X集团,
    发挥商会), not a phrase holding a modal (我们要…), not two bodies joined by a verb."""
    if not looks_like_body(name) or any(ch in _not_in_name() for ch in name) or _joins_two(name):
        return False
    if name.count("(") != name.count(")"):
        return False  # 物业(环卫): a bracket the name does not close
    return name.startswith(_heads()) or not name.startswith(_not_start())


def past_aside(text: str, at: int) -> int:
    """Past a bracketed aside right after a name (区建设管理委(区交通委)负责…)."""
    if text[at:at + 1] in ("(", "（"):
        close = next((i for i in range(at + 1, min(len(text), at + 14)) if text[i] in ")）"), None)
        if close is not None:
            return close + 1
    return at


def _subject_at(text: str, start: int) -> int | None:
    """End of the longest body name opening ``text`` at ``start`` and followed by an action."""
    longest = min(len(text) - 1, start + _LONGEST)  # a subject has an action after it
    stop = _breaks().search(text, start, longest)
    for end in range(stop.start() if stop else longest, start + _SHORTEST - 1, -1):
        name = text[start:end]
        if not looks_like_body(name) or not _plausible(name):  # the first test alone (cached) drops most
            continue
        # The longest name decides: a shorter one inside it (各街道办 in 各街道办事处) is no subject.
        after = past_aside(text, end)
        if after < len(text) and text[after] not in _not_action():
            return end
        if text[end] in _joined() and _subject_at(text, end + 1) is not None:  # A及B开展…: both act
            return end
        return None
    for word in _self_references():  # 由街道统一招标: the plan naming its own issuer
        end = start + len(word)
        if text.startswith(word, start) and end < len(text) and text[end] not in _not_action():
            return end
    return None


def clause_starts(text: str) -> list[int]:
    """Where clauses of ``text`` begin: after a sentence or clause mark, after 由 and the verbs
    that make their object act (鼓励X开展…; see role_verbs.txt, urge), and after the outline
    marker that opens a line ("1.吴泾镇会同…")."""
    starts = {match.start() for match in _CLAUSE_START.finditer(text)}
    starts.update(match.end() for match in _urging().finditer(text))
    cursor = 0
    for line in text.split("\n"):
        marker = match_marker(line)
        if marker is not None:
            at = line.find(marker.text)
            if at >= 0:
                starts.add(cursor + at + len(marker.text))
        cursor += len(line) + 1
    return sorted(starts)


@cache
def _inner_words() -> tuple[str, ...]:
    """Verbs and function words that, inside a subject and after a body the finder named, show
    the clause went on (区建设管理委根据市交通委…): boundary words of two characters or more,
    not the heads of a collective (区政府相关职能部门)."""
    heads = set(collective_heads())
    return tuple(word for word in lex().boundaries if len(word) >= 2 and word not in heads)


def _admissible_prefix(prefix: str) -> bool:
    """What may stand before a named body inside one subject: a collective's head (各区政府,
    各相关部门) or a place (上海市, 吴泾镇)."""
    for head in collective_heads():
        prefix = prefix.removeprefix(head)
    return not prefix or prefix in gazetteer() or bool(admin_prefix().fullmatch(prefix))


def _swallows(text: str, start: int, end: int, named: Sequence[BodyMention]) -> bool:
    """Whether text[start:end] reads past a body the finder named: a verb before it
    (具体认定以市规资局, 现根据市政府) or after it (区城运中心负责平台), or runs into the next word
    (党工委委员)."""
    if joins_next(text, end):
        return True
    for mention in named:
        if mention.start >= end:
            break
        if mention.end <= start or (mention.start, mention.end) == (start, end):
            continue
        if mention.end == end and mention.start > start and not _admissible_prefix(text[start:mention.start]):
            return True
        if mention.start >= start and mention.end < end and any(w in text[mention.end:end] for w in _inner_words()):
            return True
    return False


def find_subjects(text: str, named: Sequence[BodyMention] = ()) -> list[BodyMention]:
    """Body names opening a clause of ``text``, in order; ``named`` are the bodies the body
    finder found (in order), which a subject must not read past."""
    out: list[BodyMention] = []
    starts = [m.start for m in named]
    for start in clause_starts(text):
        while True:
            end = _subject_at(text, start)
            if end is None:
                break
            name = text[start:end]
            nearby = named[max(0, bisect_left(starts, start - _LONGEST)):bisect_left(starts, end)]
            if _swallows(text, start, end, nearby):
                break
            out.append(BodyMention(name, body_kind(name), start, end, "subject"))
            if end < len(text) and text[end] in _joined():
                start = end + 1
                continue
            break
    return out
