"""Responsibility written in a task's text: every place where the text gives a body a role.

Three forms, each a finder that returns :class:`RoleMention` spans tagged with their rule:

* **labelled lists** ``（牵头单位：A；配合单位：B、C）``, ``责任单位：A、B`` (``list.label``) — a
  list on a line of its own is a merged table cell: it also covers the tasks above it;
* **bracketed lists** ``（A、B牵头负责，各区政府组织落实）``, ``(A牵头,B配合实施)`` (``list.verb``)
  and bare ``（A、B、C）`` closing a sentence (``list.bare``: the first leads);
* **prose** around a body the body finder found: ``由X负责`` (``verb.by``), ``X牵头``
  (``verb.lead``), ``配合X`` / ``协助X`` (``verb.help``: X leads, the one helping cooperates),
  ``会同X`` / ``联合X`` (``verb.join``: X cooperates), X opening a clause with an action
  (``verb.subject``) and X opening it with a helping verb (``X配合``, ``A、B协助``:
  ``verb.helps``, X cooperates with whoever leads). ``partner`` is the role these rules leave to the task's implicit actor
  (the issuer, or the body heading a duty list) — see loaders/decide/owners.py.

The words are data (``data/role_words.txt``, ``data/role_verbs.txt``); vocabulary never
lives here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pledgegraph.loaders.find.bodies import looks_like_body, split_body_list
from pledgegraph.loaders.find.subjects import clause_starts, past_aside
from pledgegraph.loaders.lexicon import alternation, column, table, words
from pledgegraph.loaders.record import BodyMention
from pledgegraph.loaders.spans import CLAUSE_MARKS, SENTENCE_MARKS, around

__all__ = ["RoleMention", "find_roles", "list_roles"]

# A subject is followed by its action, not by a word that makes it part of a noun phrase.
# The function words (data/function_words.txt): conjunctions, 与/会同 (B takes part with A),
# 联合/共同 (A leads, the others take part), and what no acting subject is followed by.
_PUNCTUATION_AFTER_SUBJECT = frozenset("、,，\n()（）")


def _function(role: str) -> tuple[str, ...]:
    return column("function_words", role)


@cache
def _not_verb_after_subject() -> frozenset[str]:
    return frozenset(_function("not_after_subject")) | _PUNCTUATION_AFTER_SUBJECT
_BRACKET = re.compile(r"[(（【\[](?P<inner>[^()（）【】\[\]]{2,200})[)）】\]]")
_AFTER_BRACKET = re.compile(r"\s*(?:[。;；,，]|$|\n)")


@dataclass(frozen=True)
class RoleMention:
    """``body`` has ``role`` for what lies in ``[start, end)`` (analysed offsets).

    ``partner`` is the role left to the task's implicit actor in that stretch (None: the
    rule leaves it out); ``standalone`` marks a list on a line of its own."""

    body: str
    role: str  # lead | cooperate
    rule: str
    start: int
    end: int
    evidence: str
    partner: str | None = None
    standalone: bool = False
    at: int = -1  # where the body is named (analysed offset; -1: not in the text, as a table cell)


@cache
def _words(kind: str) -> tuple[tuple[str, str], ...]:
    rows = [(word, role) for word, where, role in table("role_words") if where == kind]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def _verbs() -> dict[str, str]:
    return dict(table("role_verbs"))


@cache
def _clause_words(kind: str) -> tuple[str, ...]:
    return tuple(sorted((word for word, what in table("role_clause_words") if what == kind), key=len, reverse=True))


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = "|".join(re.escape(word) for word, _ in _words("label"))
    copulas = alternation(_function("copula"))
    # The items run to the end of the clause or to the next label (责任单位：A，配合单位：B).
    return re.compile(rf"(?P<label>{labels})\s*(?:[:：]|{copulas})\s*(?P<items>(?:(?![,，]\s*(?:{labels})\s*(?:[:：]|{copulas}))[^;；)）\]】\n。])+)")


def _assign(items: list[str], how: str) -> list[tuple[str, str]]:
    if how == "lead_each":
        return [(item, "lead") for item in items]
    if how == "first_leads":
        return [(item, "lead" if index == 0 else "cooperate") for index, item in enumerate(items)]
    return [(item, "cooperate") for item in items]


def _bodies_of(text: str) -> list[str]:
    items = split_body_list(text)
    return items if items and all(looks_like_body(item) for item in items) else []


def _labelled(text: str, offset: int) -> list[RoleMention]:
    out: list[RoleMention] = []
    previous_end = 0
    label_roles = dict(_words("label"))
    for match in _label_pattern().finditer(text):
        items = split_body_list(match.group("items"))
        if not items:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        standalone = not text[line_start:match.start()].strip(" (（【[")
        # A list governs the task text before it, back to the previous list; the lead and
        # cooperating lists of one bracket share that stretch.
        scope_start = previous_end
        close = text.find("）", match.end(), match.end() + 2)
        close = close if close >= 0 else text.find(")", match.end(), match.end() + 2)
        scope_end = (close + 1) if close >= 0 else match.end()
        for body, role in _assign(items, label_roles[match.group("label")]):
            out.append(RoleMention(body, role, "list.label", offset + scope_start, offset + scope_end,
                                   match.group().strip(), None, standalone))
        if not text.startswith(("；", ";"), match.end()):
            previous_end = scope_end
    return out


@cache
def _verb_pattern() -> re.Pattern[str]:
    verbs = "|".join(re.escape(word) for word, _ in _words("verb"))
    modifiers = "|".join(re.escape(w) for w in sorted(words("role_modifiers"), key=len, reverse=True))
    return re.compile(rf"(?P<modifier>{modifiers})?(?P<verb>{verbs})(?=$|[;；,，、。])")


def _verb_segments(inner: str) -> list[tuple[str, str]] | None:
    """(body, role) of a bracket like A、B牵头负责，C组织落实 — each role verb closes the list of
    bodies written since the one before it (lists may be split by 、 or ，). None when the
    bracket is no such list. Without a leading verb the list is a plain one: the first body
    leads, as a 责任单位 list (（A、B、C组织落实）)."""
    how = dict(_words("verb"))
    out: list[tuple[str, str]] = []
    cursor = 0
    for verb in _verb_pattern().finditer(inner):
        bodies = _bodies_of(inner[cursor:verb.start()].strip(" ;；,，、"))
        if not bodies:
            return None
        role = how[verb.group("verb")]
        if role == "lead_unless_led":
            led = any(r == "lead" for _, r in out) or (verb.group("modifier") or "").startswith(_function("according"))
            role = "cooperate" if led else "lead_each"
        out += _assign(bodies, role)
        cursor = verb.end()
    rest = inner[cursor:].strip(" ;；,，、。")
    if not out or (rest and not _bodies_of(rest)):
        return None
    if rest:  # trailing bodies without a verb share the last role given
        out += [(body, out[-1][1]) for body in _bodies_of(rest)]
    if not any(role == "lead" for _, role in out):
        out = [(body, "lead" if index == 0 else "cooperate") for index, (body, _) in enumerate(out)]
    return out


def _bracketed(text: str, offset: int) -> list[RoleMention]:
    out: list[RoleMention] = []
    previous_end = 0
    labels = tuple(word for word, _ in _words("label"))
    for match in _BRACKET.finditer(text):
        inner = match.group("inner").strip()
        if any(label in inner for label in labels):
            continue  # a labelled list: _labelled reads it
        if not _AFTER_BRACKET.match(text, match.end()):
            continue  # a bracket inside a sentence is an aside (简称, 含, a document number)
        roles = _verb_segments(inner)
        rule = "list.verb"
        if roles is None:
            bodies = _bodies_of(inner)
            before = text[match.start() - 1:match.start()] if match.start() else "\n"
            # A single name in brackets right after a name is an alias (建设管理委（交通委）).
            if not bodies or (len(bodies) == 1 and before not in "。;；\n"):
                continue
            roles, rule = _assign(bodies, "first_leads"), "list.bare"
        line_start = text.rfind("\n", 0, match.start()) + 1
        standalone = not text[line_start:match.start()].strip()
        for body, role in roles:
            out.append(RoleMention(body, role, rule, offset + previous_end, offset + match.end(), match.group(),
                                   None, standalone))
        previous_end = match.end()
    return out


def _subjects_from(text: str, index: int, bodies: Sequence[BodyMention],
                   offset: int) -> tuple[list[BodyMention], list[BodyMention]]:
    """The body at ``bodies[index]`` and the ones joined to it: (acting together, acting
    with them). A、B及C开展… — all three act; A与B签订…, A、B与C联合… — those after 与
    (or all but the first, before a joint verb) take part with the first."""
    group, partners = [bodies[index]], []
    cursor = index
    while cursor + 1 < len(bodies):
        gap = text[bodies[cursor].end - offset:bodies[cursor + 1].start - offset]
        if gap in _function("conjunction"):
            (partners if partners else group).append(bodies[cursor + 1])
        elif gap in _function("with"):
            partners.append(bodies[cursor + 1])
        else:
            break
        cursor += 1
    after = text[bodies[cursor].end - offset:bodies[cursor].end - offset + 2]
    if after.startswith(_function("joint")) and len(group) > 1 and not partners:
        group, partners = group[:1], group[1:]
    return group, partners


def _sets_time_only(text: str, start: int, clause_end: int, body_starts: set[int]) -> bool:
    """"区财政局下发资金后，由管理办核实": a clause that only sets the time of the next one, which
    names its own actor. ("各村在确定时序时，应遵循…": the next clause has none — 各村 acts.)"""
    if not text[start:clause_end].endswith(_clause_words("time")):
        return False
    following = clause_end + 1
    return text.startswith(_function("agent"), following) or following in body_starts


def _past_list_close(text: str, at: int) -> int:
    """Past a list's closing 等 and the noun after it (A、B等部门共同…): where the verb starts."""
    close = next((w for w in _function("list_close") if text.startswith(w, at)), None)
    if close is None:
        return at
    at += len(close)
    noun = max((w for w in _function("list_noun") if text.startswith(w, at)), key=len, default="")
    return at + len(noun)


def _leads_later(text: str, start: int, end: int, body_starts: set[int], verbs: dict[str, str]) -> bool:
    """Whether the subject of a helping verb also takes a part on: a lead verb (负责, 牵头)
    follows in its sentence before any other body is named."""
    for at in range(start, end):
        if at in body_starts:
            return False
        if any(text.startswith(word, at) for word, kind in verbs.items() if kind == "lead"):
            return True
    return False


def _prose(text: str, offset: int, bodies: Sequence[BodyMention]) -> list[RoleMention]:
    out: list[RoleMention] = []
    verbs = _verbs()
    by_length = sorted(verbs, key=len, reverse=True)
    skip_until = -1
    starts = set(clause_starts(text))
    body_starts = {b.start - offset for b in bodies}
    for index, body in enumerate(bodies):
        start, end = body.start - offset, body.end - offset
        if start < skip_until:
            continue
        before, after = text[max(0, start - 4):start], text[end:end + 6]
        sent_start, sent_end = around(text, start, start, SENTENCE_MARKS)
        clause_start, _ = around(text, start, start, CLAUSE_MARKS)
        scope = (offset + sent_start, offset + sent_end, text[sent_start:sent_end])

        def mention(name: str, role: str, rule: str, partner: str | None = None,
                    scope: tuple[int, int, str] = scope, at: int = body.start) -> RoleMention:
            return RoleMention(name, role, rule, scope[0], scope[1], scope[2], partner, at=at)

        prefix = next((w for w in by_length if before.endswith(w)), None)
        suffix = next((w for w in by_length if after.startswith(w) and verbs[w] == "lead"), None)
        kind = verbs.get(prefix) if prefix else None
        clause_end = next((i for i in range(end, len(text)) if text[i] in CLAUSE_MARKS), len(text))
        if kind == "by":  # 由X…: X is the agent, unless X is only part of something (由A、B组成)
            if not after.startswith(_clause_words("part")):
                out.append(mention(body.name, "lead", "verb.by"))
        elif suffix == "牵头" and not after.startswith("牵头单位"):
            out.append(mention(body.name, "lead", "verb.lead"))
        elif kind == "help":
            out.append(mention(body.name, "lead", "verb.help", partner="cooperate"))
        elif kind == "join":
            out.append(mention(body.name, "cooperate", "verb.join", partner="lead"))
        elif kind == "urge":  # 鼓励各村及营商办开展…: every body urged acts
            group, _ = _subjects_from(text, index, bodies, offset)
            out += [mention(member.name, "lead", "verb.urge", at=member.start) for member in group]
            skip_until = group[-1].end - offset
        elif (start in starts or start == clause_start) and not _sets_time_only(text, start, clause_end, body_starts):
            group, partners = _subjects_from(text, index, bodies, offset)
            last = (partners or group)[-1]
            tail_at = _past_list_close(text, past_aside(text, last.end - offset))
            tail = text[tail_at:tail_at + 1]
            led = any(m.role == "lead" and m.start == scope[0] for m in out)
            joint = next((w for w in _function("joint") if text.startswith(w, tail_at)), None)
            if led and joint is not None and tail_at + len(joint) not in body_starts:
                # "A牵头，B、C等部门共同推进": A leads; those joining in take part.
                out += [mention(member.name, "cooperate", "verb.joins", at=member.start) for member in group + partners]
                skip_until = last.end - offset
                continue
            helps = next((w for w in by_length if verbs[w] == "help" and text.startswith(w, tail_at)), None)
            if helps is not None and _leads_later(text, tail_at + len(helps), sent_end, body_starts, verbs):
                helps = None  # "X配合做好A，负责做好B": X also owns a part, so X acts
            if helps is not None:  # "A牵头，B、C配合": the ones who help cooperate, whoever leads
                out += [mention(member.name, "cooperate", "verb.helps", at=member.start) for member in group + partners]
                skip_until = last.end - offset
            elif tail and tail not in _not_verb_after_subject():
                out += [mention(member.name, "lead", "verb.subject", at=member.start) for member in group]
                out += [mention(member.name, "cooperate", "verb.with", at=member.start) for member in partners]
                skip_until = last.end - offset
    return out


def find_roles(text: str, offset: int, bodies: Sequence[BodyMention]) -> list[RoleMention]:
    """Every role the task text ``text`` (starting at analysed ``offset``) gives a body;
    ``bodies`` are the body mentions inside it."""
    return _labelled(text, offset) + _bracketed(text, offset) + _prose(text, offset, bodies)


def list_roles(text: str, how: str = "first_leads") -> list[tuple[str, str]]:
    """(body, role) of an owner cell or list: role words inside it decide (A牵头，B配合),
    else ``how`` does (lead_each, first_leads, cooperate)."""
    text = text.strip().strip("()（）")
    roles = _verb_segments(text)
    if roles is not None:
        return roles
    items = [item for item in split_body_list(text) if looks_like_body(item)]
    return _assign(items, how)

