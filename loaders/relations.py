"""Dependencies and support between projects (and bodies), from the phrases plans use.

* "…A…,为B奠定基础"      → B depends_on A (A is what B needs first)
* "依托A打造B" / "B…依托A" → B depends_on A
* "结合A推进B" / "助力A" / "服务A" → B supports A
* "配合A推进…"            → the issuer cooperates with body A, or project B cooperates with project A

Only names the projects and bodies stages found take part: a relation to an unnamed thing is
no use in a graph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.lexicon import alternation, column
from pledgegraph.loaders.record import BodyMention, ProjectMention
from pledgegraph.loaders.spans import SENTENCE_MARKS, around, within

__all__ = ["RelationMention", "find_relations"]

_ANCHORED = ("depends_on", "supports", "cooperates")  # the kinds stated by a verb before its object


def _words(kind: str) -> str:
    return alternation(column("relation_words", kind))


@cache
def _foundation_pattern() -> re.Pattern[str]:
    return re.compile(f"{_words('foundation_purpose')}(?P<inner>[^,，。;；]{{2,40}}?){_words('foundation_verb')}"
                      f"[^,，。;；]{{0,6}}{_words('foundation_object')}")


@cache
def _anchors() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(_words(kind)), kind) for kind in _ANCHORED)


@cache
def _trigger() -> re.Pattern[str]:
    """A word every relation needs: the foundation frame's purpose word, or an anchor verb."""
    return re.compile("|".join([_words("foundation_purpose")] + [_words(kind) for kind in _ANCHORED]))


@dataclass(frozen=True)
class RelationMention:
    type: str  # depends_on | supports | cooperates
    source: str
    target: str
    start: int
    end: int


def _trigger_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The sentences (spans between sentence marks) that hold a trigger word, in order.

    Only they can state a relation, and most sentences hold none: the sentence is found
    around each trigger rather than every sentence being cut and searched. A trigger hidden by
    an overlapping one lies in the same sentence, as none contains a mark."""
    end = -1
    for trigger in _trigger().finditer(text):
        if trigger.start() >= end:
            start, end = around(text, trigger.start(), trigger.start(), SENTENCE_MARKS)
            yield start, end


def _first_at(mentions: Sequence[ProjectMention | BodyMention], position: int, gap: int = 2):
    for mention in mentions:
        if position <= mention.start <= position + gap:
            return mention
    return None


def _inside(mentions, start: int, end: int):
    return [m for m in mentions if start <= m.start and m.end <= end]


def _foundation(text, start, end, projects) -> list[RelationMention]:
    out = []
    for match in _foundation_pattern().finditer(text, start, end):
        needs = _inside(projects, match.start("inner"), match.end("inner"))
        given = [p for p in _inside(projects, start, match.start()) if p.name not in {n.name for n in needs}]
        for later in needs:
            for earlier in given:
                out.append(RelationMention("depends_on", later.name, earlier.name, start, end))
    return out


def _anchored(text, start, end, projects, bodies, issuer) -> list[RelationMention]:
    """Relations anchored on a verb followed directly by the thing relied on or helped."""
    out = []
    inside = projects
    for pattern, kind in _anchors():
        for match in pattern.finditer(text, start, end):
            anchor = _first_at(inside, match.end())
            if anchor is None:
                body = _first_at(bodies, match.end(), gap=0) if kind == "cooperates" else None
                if body is not None and body.name != issuer:
                    out.append(RelationMention("cooperates", issuer, body.name, start, end))
                continue
            after = [p for p in inside if p.start >= anchor.end and p.name != anchor.name]
            before = [p for p in inside if p.end <= match.start() and p.name != anchor.name]
            partner = after[0] if after else (before[-1] if before else None)
            if partner is not None:
                out.append(RelationMention(kind, partner.name, anchor.name, start, end))
    return out


def find_relations(
    text: str, projects: Sequence[ProjectMention], bodies: Sequence[BodyMention], issuer: str
) -> list[RelationMention]:
    """Relations stated inside single sentences of ``text`` (mention offsets index ``text``)."""
    projects = sorted(projects, key=lambda m: m.start)
    bodies = sorted(bodies, key=lambda m: m.start)
    project_starts = [m.start for m in projects]
    body_starts = [m.start for m in bodies]
    found: dict[tuple[str, str, str], RelationMention] = {}
    for start, end in _trigger_sentences(text):
        here = within(projects, project_starts, start, end)
        bodies_here = within(bodies, body_starts, start, end)
        if not here and not bodies_here:
            continue
        for relation in _foundation(text, start, end, here) + _anchored(
            text, start, end, here, bodies_here, issuer
        ):
            found.setdefault((relation.type, relation.source, relation.target), relation)
    return list(found.values())
