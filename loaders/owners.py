"""Who is responsible for what inside one task: lead and cooperating bodies, with scope.

A plan's issuer leads everything it does not give to someone else. Other bodies take the
lead through explicit responsibility lists ("（牵头单位：A；配合单位：B、C）", "责任单位：A、B" —
the first listed leads), through "由A负责/牵头", "配合A推进…" (A leads, the issuer helps), or by
being the subject of a clause ("妇联坚持…"); "联合A / 会同A / 与A合作" make A a cooperator.
Each rule has a *scope* — the stretch of text whose projects and targets it governs — so two
clauses of one task can have different owners.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pledgegraph.loaders.bodies import body_kind, split_body_list
from pledgegraph.loaders.record import BodyMention, Owner
from pledgegraph.loaders.spans import CLAUSE_MARKS, SENTENCE_MARKS, around

__all__ = ["Scope", "find_scopes", "owners_at", "commitment_owners"]

_LEAD_WORDS = ("牵头单位", "牵头部门", "责任单位", "责任部门", "主责单位", "主责部门", "负责单位", "实施单位",
               "主体责任单位")
_COOP_WORDS = ("配合单位", "配合部门", "协同单位", "协办单位", "支撑单位", "参与单位", "协作单位")
_LEAD_LIST = f"(?:{'|'.join(_LEAD_WORDS)})"
_COOP_LIST = f"(?:{'|'.join(_COOP_WORDS)})"
# Every list keyword ends in one of these; most tasks hold none, so no list.
_LIST_END = re.compile("|".join(sorted({word[-2:] for word in _LEAD_WORDS + _COOP_WORDS})))
_LIST_BODY = r"[^;；)）\]】\n。]+"
# A list keyword is required: an all-optional pattern would match empty at every character.
_EXPLICIT = re.compile(
    rf"[(（【\[]?\s*(?:{_LEAD_LIST}\s*[:：]\s*(?P<lead>{_LIST_BODY})"
    rf"(?:[;；,，]?\s*{_COOP_LIST}\s*[:：]\s*(?P<coop>{_LIST_BODY}))?"
    rf"|{_COOP_LIST}\s*[:：]\s*(?P<coop_only>{_LIST_BODY}))\s*[)）\]】]?"
)
# Verbs after which a named body is the one the issuer helps (it leads, the issuer cooperates).
_HELP_VERBS = ("配合", "协助", "协调配合", "支持配合")
_JOIN_VERBS = ("联合", "会同", "协同", "携手")
_WITH_VERBS = ("合作", "共同", "联合", "携手", "协作", "联动")
_IN_CHARGE = re.compile(r"(?:具体)?(?:负责|牵头|组织实施)")
_LEADS = re.compile(r"牵头(?!单位)")
_HELP_PROJECT = re.compile(r"(?:配合|助力|协助|支持)(?=[^,，。;；]{2})")
# A subject body is followed by its action, not by a noun-forming word.
_NOT_VERB_AFTER_SUBJECT = set("的和与及、,，工等在之")


@dataclass(frozen=True)
class Scope:
    """Owners of everything mentioned in ``[start, end)`` (analysed offsets).

    ``issuer_role`` is the issuer's role inside the scope, or ``None`` where an explicit list
    names the responsible bodies and so leaves the issuer out.
    """

    start: int
    end: int
    lead: tuple[str, ...]
    cooperate: tuple[str, ...]
    issuer_role: str | None
    evidence: str
    standalone: bool = False  # an explicit list on a line of its own (a merged table cell)


def _explicit_scopes(text: str, offset: int) -> list[Scope]:
    scopes, previous_end = [], 0
    if not _LIST_END.search(text):
        return scopes
    for match in _EXPLICIT.finditer(text):
        lead_items = split_body_list(match.group("lead") or "")
        coop_items = split_body_list(match.group("coop") or match.group("coop_only") or "")
        if not lead_items and not coop_items:
            continue
        lead = tuple(lead_items[:1])
        cooperate = tuple(lead_items[1:]) + tuple(coop_items)
        if not lead and cooperate:
            lead, cooperate = cooperate[:1], cooperate[1:]
        # A list governs the task text before it, back to the previous list.
        keyword_at = match.start() + len(match.group()) - len(match.group().lstrip("\n\t (（【["))
        line_start = text.rfind("\n", 0, keyword_at) + 1
        standalone = not text[line_start:keyword_at].strip(" (（【[")
        scopes.append(Scope(offset + previous_end, offset + match.end(), lead, cooperate, None,
                            match.group().strip(), standalone))
        previous_end = match.end()
    return scopes


def _body_after(position: int, bodies: Sequence[BodyMention], gap: int = 1) -> BodyMention | None:
    for body in bodies:
        if position <= body.start <= position + gap:
            return body
    return None


def _verb_scopes(text: str, offset: int, bodies: Sequence[BodyMention], issuer: str) -> list[Scope]:
    scopes = []
    for body in bodies:
        if body.name == issuer:
            continue
        body_start, body_end = body.start - offset, body.end - offset  # into ``text``
        before, after = text[max(0, body_start - 4):body_start], text[body_end:body_end + 4]
        start, end = around(text, body_start, body_start, SENTENCE_MARKS)
        evidence = text[start:end]
        if before.endswith("由") and _IN_CHARGE.match(after):
            scopes.append(Scope(offset + start, offset + end, (body.name,), (), "cooperate", evidence))
        elif _LEADS.match(after):
            scopes.append(Scope(offset + start, offset + end, (body.name,), (), "cooperate", evidence))
        elif before.endswith(_HELP_VERBS):
            scopes.append(Scope(offset + start, offset + end, (body.name,), (), "cooperate", evidence))
        elif before.endswith(_JOIN_VERBS) or (before.endswith("与") and after.startswith(_WITH_VERBS)):
            scopes.append(Scope(offset + start, offset + end, (), (body.name,), "lead", evidence))
        elif body_start == start and after[:1] and after[0] not in _NOT_VERB_AFTER_SUBJECT:
            scopes.append(Scope(offset + start, offset + end, (body.name,), (), "cooperate", evidence))
    return scopes


def _help_project_scopes(text: str, offset: int) -> list[Scope]:
    """"配合/助力 + a project" (no body named): the issuer only cooperates on that clause."""
    scopes = []
    for match in _HELP_PROJECT.finditer(text):
        following = text[match.end():match.end() + 1]
        if following in "区市县街镇各":  # a body follows; handled by the verb scopes
            continue
        start = match.start()
        _, end = around(text, match.end(), match.end(), CLAUSE_MARKS)
        scopes.append(Scope(offset + start, offset + end, (), (), "cooperate", text[start:end]))
    return scopes


def _all_bodies(cell: str) -> list[str]:
    items = split_body_list(cell)
    return items if items and all(body_kind(item) != "other" for item in items) else []


def _table_scopes(text: str, offset: int) -> list[Scope]:
    """A table row flattened onto one line: its last cells name the lead and cooperating bodies."""
    scopes, cursor = [], 0
    if "\t" not in text:
        return scopes  # no line with cells
    for line in text.split("\n"):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) >= 3 and (last := _all_bodies(cells[-1])):
            before_last = _all_bodies(cells[-2]) if len(cells) >= 4 else []
            leads = before_last or last
            cooperate = tuple(leads[1:]) + (tuple(last) if before_last else ())
            scopes.append(Scope(offset + cursor, offset + cursor + len(line), (leads[0],), cooperate, None,
                                "\t".join(cells[-2:] if before_last else cells[-1:])))
        cursor += len(line) + 1
    return scopes


def find_scopes(text: str, offset: int, bodies: Sequence[BodyMention], issuer: str) -> list[Scope]:
    """Every responsibility scope in one task's text (``offset`` = the task's analysed start)."""
    return (_explicit_scopes(text, offset) + _table_scopes(text, offset)
            + _verb_scopes(text, offset, bodies, issuer) + _help_project_scopes(text, offset))


def _scope_owners(scope: Scope, issuer: str) -> list[Owner]:
    owners = [Owner(name, "lead", scope.evidence) for name in scope.lead]
    owners += [Owner(name, "cooperate", scope.evidence) for name in scope.cooperate]
    if scope.issuer_role and issuer not in scope.lead + scope.cooperate:
        role = "lead" if scope.issuer_role == "lead" and not scope.lead else "cooperate"
        owners.append(Owner(issuer, role, scope.evidence))
    return owners


def owners_at(position: int, scopes: Sequence[Scope], issuer: str, default_evidence: str = "") -> list[Owner]:
    """Owners of a thing mentioned at ``position``: the narrowest scope covering it wins."""
    covering = [s for s in scopes if s.start <= position < s.end]
    if not covering:
        return [Owner(issuer, "lead", default_evidence)]
    narrowest = min(covering, key=lambda s: s.end - s.start)
    return _scope_owners(narrowest, issuer)


def commitment_owners(scopes: Sequence[Scope], issuer: str, evidence: str = "") -> list[Owner]:
    """Owners of a whole task: explicit lists if any, else every scope's bodies plus the issuer."""
    explicit = [s for s in scopes if s.issuer_role is None]
    chosen = explicit or list(scopes)
    owners: dict[tuple[str, str], Owner] = {}
    for scope in chosen:
        for owner in _scope_owners(scope, issuer):
            owners.setdefault((owner.body, owner.role), owner)
    if not explicit and not any(o.role == "lead" for o in owners.values()):
        owners[(issuer, "lead")] = Owner(issuer, "lead", evidence)
    if not owners:
        owners[(issuer, "lead")] = Owner(issuer, "lead", evidence)
    # One role per body: lead beats cooperate.
    leads = {o.body for o in owners.values() if o.role == "lead"}
    return [o for o in owners.values() if o.role == "lead" or o.body not in leads]
