"""One plan in, one extraction record out: the composition of the loader stages.

read → normalise → segment → find mentions (bodies, projects, targets) once over the whole
analysed text → per task: scopes of responsibility, deadline, status → resolve mentions into
records whose spans point into the original text. Every stage is a pure function of what the
earlier ones produced; nothing here reaches back.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from pledgegraph.loaders.bodies import body_kind, find_bodies
from pledgegraph.loaders.dates import find_deadline
from pledgegraph.loaders.issuer import doc_type, find_title, plan_year, resolve_issuer
from pledgegraph.loaders.normalize import NormalizedText, normalize
from pledgegraph.loaders.owners import Scope, commitment_owners, find_scopes, owners_at
from pledgegraph.loaders.projects import find_projects, group_projects
from pledgegraph.loaders.read import Document, read_document
from pledgegraph.loaders.record import (
    ISSUER_BODY_KIND,
    Body,
    BodyMention,
    Commitment,
    Extraction,
    Issuer,
    Owner,
    Project,
    ProjectMention,
    Relation,
    Target,
    TargetMention,
    Theme,
)
from pledgegraph.loaders.relations import find_relations
from pledgegraph.loaders.segment import Section, leaves, section_path, segment
from pledgegraph.loaders.spans import clause, sentence
from pledgegraph.loaders.status import clause_status, is_report_section
from pledgegraph.loaders.targets import find_targets
from pledgegraph.loaders.themes import classify_theme

__all__ = ["extract_file", "extract_document"]

_STATUS_ORDER = {"planned": 0, "in_progress": 1, "completed": 2}
# Headings that split a report into "what we did" and "what we will do" rather than into themes.
_HALF_WORDS = ("工作总结", "工作部署", "工作安排", "工作打算", "工作思路", "工作回顾")


def extract_file(path: str | Path) -> Extraction:
    """Read and extract one plan file (see :func:`extract_document`)."""
    return extract_document(read_document(path))


@dataclass(frozen=True)
class _Context:
    """What every task of one document shares."""

    normalized: NormalizedText
    issuer: Issuer
    year: int | None
    doc_type: str
    bodies: tuple[BodyMention, ...]
    body_starts: tuple[int, ...]
    projects: tuple[ProjectMention, ...]
    project_starts: tuple[int, ...]
    targets: tuple[TargetMention, ...]
    target_starts: tuple[int, ...]
    target_records: tuple[Target, ...]  # one per target mention, in the same order


def _sorted(mentions: Sequence) -> tuple[tuple, tuple[int, ...]]:
    ordered = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
    return ordered, tuple(m.start for m in ordered)


def _within(mentions: tuple, starts: tuple[int, ...], start: int, end: int) -> list:
    return [m for m in mentions[bisect_left(starts, start):bisect_left(starts, end)] if m.end <= end]


def _targets_within(ctx: _Context, start: int, end: int) -> list[Target]:
    """The target records of the target mentions inside ``[start, end)``."""
    first, stop = bisect_left(ctx.target_starts, start), bisect_left(ctx.target_starts, end)
    return [ctx.target_records[i] for i in range(first, stop) if ctx.targets[i].end <= end]


def _stable_id(document: Document, text: str, ordinal: int) -> str:
    digest = hashlib.sha1(f"{document.name}\x1f{ordinal}\x1f{text}".encode()).hexdigest()
    return digest[:16]


def _theme_sections(root: Section) -> list[Section]:
    """Top-level sections, or one level down where the top level is a report's two halves."""
    top = list(root.children)
    if top and all(s.children and any(w in s.heading for w in _HALF_WORDS) for s in top):
        return [child for s in top for child in s.children]
    return top


def _themes(root: Section, ctx: _Context) -> tuple[list[Theme], dict[int, str]]:
    """Themes of the top-level sections, and a map from section start to its theme."""
    text = ctx.normalized.text
    themes, by_start = [], {}
    for section in _theme_sections(root):
        theme = classify_theme(section.heading, text[section.body_start:section.end])
        themes.append(Theme(section.heading, theme, ctx.normalized.to_original(section.start, section.end)))
        by_start[section.start] = theme
    return themes, by_start


def _theme_of(leaf: Section, theme_starts: list[int], themes_by_start: dict[int, str]) -> str | None:
    index = bisect_left(theme_starts, leaf.start + 1) - 1
    return themes_by_start[theme_starts[index]] if index >= 0 else None


def _paragraph_sections(text: str) -> list[Section]:
    """A plan without outline numbering: each paragraph is a task."""
    sections, cursor = [], 0
    for paragraph in text.split("\n"):
        line = paragraph.strip()
        heading_like = len(line) <= 40 and not any(mark in line for mark in "。,，;；")
        if len(line) >= 8 and not heading_like:  # titles and headings are no tasks
            heading = line.split("。", 1)[0][:60]
            sections.append(Section("", "paragraph", 1, heading, cursor, cursor + len(paragraph), cursor, ()))
        cursor += len(paragraph) + 1
    return sections


def _task_sections(root: Section, text: str) -> list[Section]:
    tasks = [leaf for leaf in leaves(root) if leaf is not root]
    return tasks or _paragraph_sections(text)


def _task_path(root: Section, leaf: Section) -> tuple[str, ...]:
    return section_path(root, leaf) if leaf.style != "paragraph" else (leaf.heading,)


def _task_scopes(tasks: list[Section], paths: list[tuple[str, ...]], ctx: _Context) -> list[list[Scope]]:
    """Responsibility scopes per task; a list on a line of its own also covers the sibling
    tasks before it that name no owners (a table cell merged over several rows)."""
    scopes = []
    for leaf in tasks:
        bodies = _within(ctx.bodies, ctx.body_starts, leaf.start, leaf.end)
        scopes.append(find_scopes(ctx.normalized.text[leaf.start:leaf.end], leaf.start, bodies, ctx.issuer.name))
    parents = [path[:-1] if leaf.style != "paragraph" else () for leaf, path in zip(tasks, paths, strict=True)]
    carried: Scope | None = None
    for index in range(len(tasks) - 1, -1, -1):
        explicit = [s for s in scopes[index] if s.issuer_role is None]
        if explicit:
            carried = explicit[-1] if explicit[-1].standalone else None
            carried_parent = parents[index]
        elif carried is not None and parents[index] == carried_parent:
            scopes[index] = [replace(carried, start=tasks[index].start, end=tasks[index].end)]
        else:
            carried = None
    return scopes


def _commitments(document: Document, root: Section, ctx: _Context, theme_map: dict[int, str]):
    """Commitments, plus per project-mention owners and status (keyed by mention)."""
    text = ctx.normalized.text
    theme_starts = sorted(theme_map)
    commitments: list[Commitment] = []
    mention_owners: dict[ProjectMention, list[Owner]] = {}
    mention_status: dict[ProjectMention, str] = {}
    tasks = _task_sections(root, ctx.normalized.text)
    paths = [_task_path(root, leaf) for leaf in tasks]  # the scopes need them too: found once
    scopes_by_task = _task_scopes(tasks, paths, ctx)
    for ordinal, leaf in enumerate(tasks):
        start, end = leaf.start, leaf.end
        while end > start and text[end - 1].isspace():
            end -= 1
        task_text = text[start:end]
        if not task_text.strip():
            continue
        path = paths[ordinal]
        reporting = is_report_section(ctx.doc_type, path)
        scopes = scopes_by_task[ordinal]
        owners = commitment_owners(scopes, ctx.issuer.name, task_text[:80])
        projects = _within(ctx.projects, ctx.project_starts, start, end)
        for mention in projects:
            evidence = text[slice(*sentence(text, mention.start, mention.end))].strip()
            mention_owners[mention] = owners_at(mention.start, scopes, ctx.issuer.name, evidence)
            mention_status[mention] = clause_status(text[slice(*clause(text, mention.start, mention.end))],
                                                    reporting)
        targets = _targets_within(ctx, start, end)
        heading_sentence = task_text.split("。", 1)[0]
        commitments.append(Commitment(
            id=_stable_id(document, task_text, ordinal),
            text=task_text,
            span=ctx.normalized.to_original(start, end),
            section=path,
            theme=_theme_of(leaf, theme_starts, theme_map),
            owners=tuple(owners),
            projects=tuple(dict.fromkeys(m.name for m in projects)),
            deadline=find_deadline(task_text, ctx.year),
            status=clause_status(heading_sentence, reporting),
            targets=tuple(targets),
        ))
    return commitments, mention_owners, mention_status


def _target(mention: TargetMention, normalized: NormalizedText) -> Target:
    return Target(mention.metric, mention.value, mention.unit, mention.comparator, mention.evidence,
                  normalized.to_original(mention.start, mention.end))


def _roles(owners: list[Owner]) -> list[tuple[str, str]]:
    return [(o.body, o.role) for o in owners]


def _merge_owners(owner_lists: list[list[Owner]]) -> tuple[Owner, ...]:
    merged: dict[str, Owner] = {}
    for owners in owner_lists:
        for owner in owners:
            current = merged.get(owner.body)
            if current is None or (current.role == "cooperate" and owner.role == "lead"):
                merged[owner.body] = owner
    return tuple(merged.values())


def _projects(ctx: _Context, mention_owners, mention_status) -> tuple[list[Project], dict[str, str]]:
    text = ctx.normalized.text
    projects, canonical = [], {}
    default_owner = [Owner(ctx.issuer.name, "lead")]
    for group in group_projects(list(ctx.projects)):
        first = group.mentions[0]
        owner_lists = [mention_owners.get(m, default_owner) for m in group.mentions]
        # A mention that names its owners outweighs mentions that only imply the issuer.
        explicit = [owners for owners in owner_lists if _roles(owners) != _roles(default_owner)]
        owners = _merge_owners(explicit or owner_lists)
        statuses = [mention_status.get(m, "planned") for m in group.mentions]
        left, right = clause(text, first.start, first.end)
        projects.append(Project(
            name=group.name,
            aliases=group.aliases,
            kind=group.kind,
            status=max(statuses, key=_STATUS_ORDER.__getitem__),
            owners=owners,
            evidence=text[left:right].strip(),
            span=ctx.normalized.to_original(first.start, first.end),
        ))
        for mention in group.mentions:
            canonical[mention.name] = group.name
    return projects, canonical


def _bodies(ctx: _Context) -> list[Body]:
    text = ctx.normalized.text
    issuer = ctx.issuer.name
    found: dict[str, Body] = {}
    for mention in ctx.bodies:
        # The issuer written with its city prefix ("上海市X区人民政府") is still the issuer.
        name = issuer if mention.name != issuer and mention.name.endswith(issuer) else mention.name
        if name in found:
            continue
        left, right = clause(text, mention.start, mention.end)
        kind = ISSUER_BODY_KIND.get(ctx.issuer.level, mention.kind) if name == issuer else mention.kind
        found[name] = Body(name, kind, text[left:right].strip(),
                           ctx.normalized.to_original(mention.start, mention.end))
    if issuer not in found:
        found[issuer] = Body(issuer, ISSUER_BODY_KIND.get(ctx.issuer.level, body_kind(issuer)), "", (0, 0))
    return list(found.values())


def _relations(ctx: _Context, canonical: dict[str, str]) -> list[Relation]:
    text = ctx.normalized.text
    out = []
    for relation in find_relations(text, ctx.projects, ctx.bodies, ctx.issuer.name):
        source = canonical.get(relation.source, relation.source)
        target = canonical.get(relation.target, relation.target)
        if source != target:
            out.append(Relation(relation.type, source, target, text[relation.start:relation.end].strip(),
                                ctx.normalized.to_original(relation.start, relation.end)))
    return out


def extract_document(document: Document) -> Extraction:
    """Turn one read plan into its extraction record (SCHEMA.md's shape)."""
    normalized = normalize(document.text)
    text = normalized.text
    root = segment(text)
    title_found = find_title(text)
    title = title_found[0] if title_found else None
    bodies, body_starts = _sorted(find_bodies(text))
    title_span = (title_found[1], title_found[1] + len(title_found[0])) if title_found else (0, 0)
    # The title names the plan itself ("…行动计划"), not an undertaking in it.
    projects, project_starts = _sorted(
        [m for m in find_projects(text) if not title_span[0] <= m.start < title_span[1]])
    targets, target_starts = _sorted(find_targets(text))
    issuer = resolve_issuer(text, title)
    ctx = _Context(normalized, issuer, plan_year(text, title), doc_type(text, title),
                   bodies, body_starts, projects, project_starts, targets, target_starts,
                   tuple(_target(t, normalized) for t in targets))
    themes, theme_map = _themes(root, ctx)
    commitments, mention_owners, mention_status = _commitments(document, root, ctx, theme_map)
    project_records, canonical = _projects(ctx, mention_owners, mention_status)
    warnings = []
    if issuer.ambiguous:
        warnings.append(f"issuer {issuer.name} matches places in several provinces; chose {issuer.province}")
    if issuer.district is None:
        warnings.append(f"issuer {issuer.name} not found in the gazetteer")
    if not root.children:
        warnings.append("no outline numbering found; paragraphs taken as tasks")
    return Extraction(
        doc=document.name,
        issuer=issuer,
        year=ctx.year,
        doc_type=ctx.doc_type,
        themes=tuple(themes),
        commitments=tuple(commitments),
        projects=tuple(project_records),
        bodies=tuple(_bodies(ctx)),
        targets=ctx.target_records,
        relations=tuple(_relations(ctx, canonical)),
        source=document.path,
        sha256=document.sha256,
        warnings=tuple(warnings),
    )
