"""Who owns a task: every candidate role, settled by one documented priority.

Candidates come from the layout and the role finder (loaders/find/roles.py), each tagged
with the rule that found it. For one task the first source present decides, in this order:

1. ``table.*`` — the owner columns of its table row (a row says exactly who owns it);
2. ``list.*`` — responsibility lists written with the task (（责任单位：…）, （A牵头，B配合）,
   a bare （A、B））, every list of the task together;
3. ``verb.*`` — roles the prose gives (由X负责, X牵头, 配合X, 会同X, X as the subject);
4. the task's implicit actor — the body heading its duty item (``duty.heading``) or else
   the issuer (``default.issuer``) — leads whatever nobody else is said to lead.

A prose rule that names a partner (配合X: X leads, the helper cooperates; 会同X: X
cooperates with the one acting) gives the partner role to the clause's own subject when it
has one, else to the implicit actor. A body keeps one role: lead beats cooperate. Every
owner carries the rule that decided it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from pledgegraph.loaders.find.roles import RoleMention
from pledgegraph.loaders.record import Owner

__all__ = ["PRIORITY", "decide_owners", "owners_at"]

PRIORITY = ("table", "list", "verb")


def _family(rule: str) -> str:
    return rule.split(".", 1)[0]


def _prose_owners(mentions: Sequence[RoleMention], actor: Owner) -> list[Owner]:
    owners = [Owner(m.body, m.role, m.evidence, m.rule) for m in mentions]
    for mention in mentions:
        if mention.partner is None:
            continue
        subjects = [m for m in mentions if m.rule == "verb.subject" and m.start == mention.start]
        if subjects:
            if mention.partner == "cooperate":
                owners += [Owner(s.body, "cooperate", s.evidence, mention.rule) for s in subjects]
        else:
            owners.append(Owner(actor.body, mention.partner, mention.evidence, f"{mention.rule}+{actor.rule}"))
    return owners


def _one_role_each(owners: list[Owner]) -> list[Owner]:
    """First mention order kept; a body that leads anywhere is no cooperator as well."""
    leads = {o.body for o in owners if o.role == "lead"}
    seen: dict[tuple[str, str], Owner] = {}
    for owner in owners:
        if owner.role == "cooperate" and owner.body in leads:
            continue
        seen.setdefault((owner.body, owner.role), owner)
    return list(seen.values())


def _as_actor(mentions: Sequence[RoleMention], actor: Owner) -> list[RoleMention]:
    """A body named by the tail of the actor's name (领导小组 under 街道垃圾分类工作领导小组,
    街道办事处 in a plan of 头桥街道办事处) is the actor, written short."""
    out = []
    for mention in mentions:
        if mention.body != actor.body and len(mention.body) >= 2 and actor.body.endswith(mention.body):
            mention = replace(mention, body=actor.body)
        out.append(mention)
    return out


def decide_owners(mentions: Sequence[RoleMention], actor: Owner) -> list[Owner]:
    """The owners of one task from its candidate ``mentions``; ``actor`` is its implicit
    actor (the duty heading's body or the issuer, as a lead Owner with its rule)."""
    mentions = _as_actor(mentions, actor)
    for family in PRIORITY:
        chosen = [m for m in mentions if _family(m.rule) == family]
        if not chosen:
            continue
        if family != "verb":
            return _one_role_each([Owner(m.body, m.role, m.evidence, m.rule) for m in chosen])
        owners = _prose_owners(chosen, actor)
        if not any(o.role == "lead" for o in owners):
            owners.insert(0, actor)
        return _one_role_each(owners)
    return [actor]


def owners_at(position: int, mentions: Sequence[RoleMention], actor: Owner) -> list[Owner]:
    """Owners of a thing mentioned at ``position``: the narrowest stretch of candidates
    covering it, decided as a task of its own."""
    covering = [m for m in mentions if m.start <= position < m.end]
    if not covering:
        return [actor]
    width = min(m.end - m.start for m in covering)
    narrowest = [m for m in covering if m.end - m.start == width]
    return decide_owners(narrowest, actor)
