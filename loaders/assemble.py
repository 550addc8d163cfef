"""Mentions and decisions assembled into the records of the extraction (record.py), their
spans mapped back to the original text.

Per task: the owners decided from its candidates (decide/owners.py), its projects with the
owners of the stretch that names them, its targets, deadline and status. Then the document's
projects (mentions grouped by name), bodies (every body named, every owner, the issuer and
co-issuers) and relations.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from pledgegraph.loaders.dates import find_deadline
from pledgegraph.loaders.decide.owners import owners_at
from pledgegraph.loaders.decide.status import task_status
from pledgegraph.loaders.find.bodies import body_kind
from pledgegraph.loaders.find.roles import RoleMention
from pledgegraph.loaders.find.targets.restated import first_statements
from pledgegraph.loaders.normalize import NormalizedText
from pledgegraph.loaders.projects import group_projects
from pledgegraph.loaders.record import (
    Body,
    BodyMention,
    Commitment,
    Issuer,
    Owner,
    Project,
    ProjectMention,
    Relation,
    Target,
    TargetMention,
)
from pledgegraph.loaders.relations import find_relations
from pledgegraph.loaders.spans import clause, sentence, within
from pledgegraph.loaders.tasks import Task

__all__ = ["Mentions", "TaskDecision", "commitments", "projects", "bodies", "relations", "targets_of"]

_STATUS_ORDER = {"planned": 0, "in_progress": 1, "completed": 2}


@dataclass(frozen=True)
class Mentions:
    """What the finders found in the analysed text, sorted by start."""

    normalized: NormalizedText
    bodies: tuple[BodyMention, ...]  # every body, clause subjects included: who may act
    projects: tuple[ProjectMention, ...]
    targets: tuple[TargetMention, ...]
    named: tuple[BodyMention, ...] = ()  # the organs the body finder names: the bodies listed
    original: str = ""  # the loaded text, which the analysed text folded (units are quoted from it)

    def within(self, kind: str, start: int, end: int) -> list:
        found = getattr(self, kind)
        return within(found, [m.start for m in found], start, end)


@dataclass(frozen=True)
class TaskDecision:
    """One task with what was decided of it."""

    task: Task
    roles: tuple[RoleMention, ...]
    actor: Owner
    owners: tuple[Owner, ...]
    reporting: bool
    theme: str | None


def _printed_unit(mention: TargetMention, normalized: NormalizedText, original: str) -> str:
    """The unit as the document prints it: folding is one character for one, so the original
    of the unit's span is the same unit in its printed width ("％", not "%")."""
    if mention.unit_span is None or not original:
        return mention.unit
    start, end = normalized.to_original(*mention.unit_span)
    printed = original[start:end]
    return printed if len(printed) == len(mention.unit) else mention.unit


def target_record(mention: TargetMention, normalized: NormalizedText, original: str = "",
                  reported: bool = False) -> Target:
    return Target(mention.metric, mention.value, _printed_unit(mention, normalized, original), mention.comparator,
                  mention.evidence, normalized.to_original(mention.start, mention.end), mention.low,
                  reported or mention.reported, mention.rule)


def targets_of(found: Mentions, decisions: Sequence[TaskDecision] = (),
               reported: Sequence[tuple[int, int]] = ()) -> tuple[Target, ...]:
    """The document's targets, each stated once (find/targets/restated.py). A target inside a
    task that reports past work, or inside a stretch the layout marks as reporting
    (``reported``, original spans: a review), is reported."""
    tasks = sorted((d.task.start, d.task.end) for d in decisions if d.reporting)
    starts = [start for start, _ in tasks]

    def in_report(mention: TargetMention) -> bool:
        at = bisect_left(starts, mention.start + 1) - 1
        if at >= 0 and mention.end <= tasks[at][1]:
            return True
        start = found.normalized.to_original(mention.start, mention.end)[0]
        return any(left <= start < right for left, right in reported)

    return tuple(target_record(t, found.normalized, found.original, in_report(t))
                 for t in first_statements(found.targets))


def _stable_id(doc: str, text: str, ordinal: int) -> str:
    return hashlib.sha1(f"{doc}\x1f{ordinal}\x1f{text}".encode()).hexdigest()[:16]


def commitments(doc: str, decisions: Sequence[TaskDecision], found: Mentions, year: int | None):
    """Commitments, plus per project mention its owners and status."""
    text = found.normalized.text
    out: list[Commitment] = []
    mention_owners: dict[ProjectMention, list[Owner]] = {}
    mention_status: dict[ProjectMention, str] = {}
    for ordinal, decision in enumerate(decisions):
        task = decision.task
        task_text = text[task.start:task.end]
        projects = found.within("projects", task.start, task.end)
        for mention in projects:
            evidence = text[slice(*sentence(text, mention.start, mention.end))].strip()
            owners = owners_at(mention.start, decision.roles, decision.actor)
            mention_owners[mention] = [o if o.evidence else Owner(o.body, o.role, evidence, o.rule) for o in owners]
            mention_status[mention] = task_status(text[slice(*clause(text, mention.start, mention.end))],
                                                  decision.reporting)
        deadline_text = task_text
        if task.row is not None and (cell := task.row.cell("deadline")):
            deadline_text = cell.text + "\n" + task_text
        out.append(Commitment(
            id=_stable_id(doc, task_text, ordinal),
            text=task_text,
            span=found.normalized.to_original(task.start, task.end),
            section=task.section,
            theme=decision.theme,
            owners=decision.owners,
            projects=tuple(dict.fromkeys(m.name for m in projects)),
            deadline=find_deadline(deadline_text, year),
            status=task_status(task_text.split("。", 1)[0], decision.reporting),
            targets=tuple(target_record(t, found.normalized, found.original, decision.reporting)
                          for t in found.within("targets", task.start, task.end)),
            reported=decision.reporting,
        ))
    return out, mention_owners, mention_status


def _merge_owners(owner_lists: list[list[Owner]]) -> tuple[Owner, ...]:
    merged: dict[str, Owner] = {}
    for owners in owner_lists:
        for owner in owners:
            current = merged.get(owner.body)
            if current is None or (current.role == "cooperate" and owner.role == "lead"):
                merged[owner.body] = owner
    return tuple(merged.values())


def _with_issuer(owners: list[Owner], issuer: str) -> list[Owner]:
    """A project that another body leads in the issuer's own prose is still the issuer's
    work: it cooperates (团工委开展… in a 街道's plan). Formal assignments (lists, tables) are
    the issuer delegating, and stay as written."""
    if any(o.body == issuer for o in owners) or not any(o.rule.startswith("verb.") for o in owners):
        return owners
    return [*owners, Owner(issuer, "cooperate", owners[0].evidence, "project.issuer")]


def projects(found: Mentions, mention_owners, mention_status, issuer: Issuer) -> tuple[list[Project], dict[str, str]]:
    text = found.normalized.text
    out, canonical = [], {}
    default_owner = [Owner(issuer.name, "lead", "", "default.issuer")]
    for group in group_projects(list(found.projects)):
        first = group.mentions[0]
        owner_lists = [_with_issuer(mention_owners.get(m, default_owner), issuer.name) for m in group.mentions]
        # A mention that names its owners outweighs mentions that only imply the issuer.
        explicit = [owners for owners in owner_lists if [(o.body, o.role) for o in owners] != [(issuer.name, "lead")]]
        statuses = [mention_status.get(m, "planned") for m in group.mentions]
        left, right = clause(text, first.start, first.end)
        out.append(Project(
            name=group.name, aliases=group.aliases, kind=group.kind,
            status=max(statuses, key=_STATUS_ORDER.__getitem__),
            owners=_merge_owners(explicit or owner_lists),
            evidence=text[left:right].strip(),
            span=found.normalized.to_original(first.start, first.end),
            rule=first.rule,
        ))
        for mention in group.mentions:
            canonical[mention.name] = group.name
    return out, canonical


def bodies(found: Mentions, issuer: Issuer, issuer_kind: str, decisions: Sequence[TaskDecision]) -> list[Body]:
    """Every body named, every owner decided, the issuer and its co-issuers (once each)."""
    text = found.normalized.text
    out: dict[str, Body] = {}
    for mention in found.named:
        # The issuer written with its city prefix ("上海市X区人民政府") is still the issuer.
        name = issuer.name if mention.name != issuer.name and issuer.name.endswith(mention.name) and \
            len(mention.name) * 2 > len(issuer.name) else mention.name
        if name not in out:
            left, right = clause(text, mention.start, mention.end)
            kind = issuer_kind if name == issuer.name else mention.kind
            out[name] = Body(name, kind, text[left:right].strip(),
                             found.normalized.to_original(mention.start, mention.end), mention.rule)
    for decision in decisions:
        for owner in decision.owners:
            if owner.body not in out:
                task = decision.task
                at = text.find(owner.body, task.start, task.end)
                span = (at, at + len(owner.body)) if at >= 0 else (task.start, task.start)
                out[owner.body] = Body(owner.body, body_kind(owner.body), owner.evidence or text[task.start:task.end][:80],
                                       found.normalized.to_original(*span), f"owner.{owner.rule}")
    envelope = [(issuer.name, "issuer"), *((name, "co_issuer") for name in issuer.co_issuers),
                *([(issuer.drafted_by, "drafter")] if issuer.drafted_by else [])]
    for name, rule in envelope:
        if name not in out:
            out[name] = Body(name, issuer_kind if name == issuer.name else body_kind(name), name, (0, 0), rule)
    return list(out.values())


def relations(found: Mentions, issuer: Issuer, canonical: dict[str, str]) -> list[Relation]:
    text = found.normalized.text
    out = []
    for relation in find_relations(text, found.projects, found.bodies, issuer.name):
        source = canonical.get(relation.source, relation.source)
        target = canonical.get(relation.target, relation.target)
        if source != target:
            out.append(Relation(relation.type, source, target, text[relation.start:relation.end].strip(),
                                found.normalized.to_original(relation.start, relation.end)))
    return out
