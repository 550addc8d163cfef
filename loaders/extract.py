"""One plan in, one extraction record out: the composition of the loader stages.

read → layout (genres: envelope, tables, duty items, reported stretches) → normalise (table
cells and envelope lines kept apart) → segment the prose → find bodies, projects, targets →
tasks (outline leaves and table rows) → decide: issuer, each task's owners and status →
assemble records whose spans point into the original text. Every stage is a pure function
of what the earlier ones produced; nothing reaches back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from pledgegraph.loaders import assemble
from pledgegraph.loaders.decide.issuer import decide_issuer
from pledgegraph.loaders.decide.owners import decide_owners
from pledgegraph.loaders.decide.split import split_by_actor
from pledgegraph.loaders.decide.status import is_reporting
from pledgegraph.loaders.find.bodies import body_kind, find_bodies
from pledgegraph.loaders.find.overlap import settle
from pledgegraph.loaders.find.roles import RoleMention, find_roles
from pledgegraph.loaders.find.subjects import find_subjects
from pledgegraph.loaders.find.table_roles import row_roles
from pledgegraph.loaders.find.targets import document_targets
from pledgegraph.loaders.genres import read_layout
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.normalize import NormalizedText, normalize
from pledgegraph.loaders.projects import find_projects
from pledgegraph.loaders.read import Document, read_document
from pledgegraph.loaders.record import ISSUER_BODY_KIND, Extraction, Issuer, Owner, Theme
from pledgegraph.loaders.segment import Section
from pledgegraph.loaders.tasks import Task, read_tasks
from pledgegraph.loaders.themes import classify_theme

__all__ = ["extract_file", "extract_document"]

_DOC_TYPES = {"task_division": "action_plan", "five_year_plan": "work_plan"}


def extract_file(path: str | Path) -> Extraction:
    """Read and extract one plan file (see :func:`extract_document`)."""
    return extract_document(read_document(path))


def _kept_lines(layout: Layout) -> frozenset[int]:
    """Original offsets of lines line repair must leave as they are: every line of the
    envelope and of each table, and the line after each such stretch."""
    kept: set[int] = set()
    starts = [block.start for block in layout.blocks]
    for start, end in layout.excluded():
        inside = [s for s in starts if start <= s < end]
        kept.update(inside)
        after = next((s for s in starts if s >= end), None)
        if after is not None:
            kept.add(after)
    if layout.title_span:
        kept.update(s for s in starts if layout.title_span[0] <= s <= layout.title_span[1])
    return frozenset(kept)


def _theme_sections(root: Section) -> list[Section]:
    top = list(root.children)
    if top and all(s.children and any(w in s.heading for w in words("report_halves")) for s in top):
        return [child for s in top for child in s.children]
    return top


def _themes(root: Section, normalized: NormalizedText) -> list[Theme]:
    text = normalized.text
    return [Theme(s.heading, classify_theme(s.heading, text[s.body_start:s.end]),
                  normalized.to_original(s.start, s.end)) for s in _theme_sections(root)]


def _task_theme(task: Task, themes: list[Theme], normalized: NormalizedText) -> str | None:
    if task.row is not None:
        return classify_theme(task.row.section or task.table.title or "", normalized.text[task.start:task.end])
    start = normalized.to_original(task.start, task.end)[0]
    covering = [t for t in themes if t.span[0] <= start < t.span[1]]
    return covering[-1].theme if covering else None


def _carry_standalone(tasks: list[Task], roles: list[list[RoleMention]]) -> None:
    """A responsibility list on a line of its own covers the sibling tasks before it that
    name no owners (a table cell merged over several rows)."""
    carried: list[RoleMention] | None = None
    parent: tuple[str, ...] = ()
    for index in range(len(tasks) - 1, -1, -1):
        listed = [r for r in roles[index] if r.rule.startswith("list.")]
        here = tasks[index].section[:-1] if tasks[index].source == "outline" else ()
        if listed:
            carried = listed if all(r.standalone for r in listed) else None
            parent = here
        elif carried and here == parent and tasks[index].source == "outline":
            roles[index] = [replace(r, start=tasks[index].start, end=tasks[index].end) for r in carried]
        else:
            carried = None


def _names_actor(actor: str, issuer: Issuer) -> Callable[[str], bool]:
    """Names that denote a task's implicit actor: its own name or the tail of it (街道办事处),
    and for the issuer the words a plan uses of itself (街道, 本镇)."""
    selves = words("self_references")

    def is_actor(name: str) -> bool:
        return actor.endswith(name) or (actor == issuer.name and name in selves)

    return is_actor


def _split(tasks: list[Task], roles: list[list[RoleMention]], text: str, layout: Layout,
           normalized: NormalizedText, issuer: Issuer):
    """Tasks cut where their clauses pass from one acting body to another (decide/split.py)."""
    out_tasks, out_roles = [], []
    for task, task_roles in zip(tasks, roles, strict=True):
        actor = _actor(layout, normalized.to_original(task.start, task.end)[0], task)
        is_actor = _names_actor(actor.body if actor else issuer.name, issuer)
        pieces = (split_by_actor(text, task.start, task.end, task_roles, is_actor) if task.row is None
                  else [(task.start, task.end)])
        for left, right in pieces:
            out_tasks.append(replace(task, start=left, end=right) if len(pieces) > 1 else task)
            out_roles.append([r for r in task_roles if left <= r.at < right or (r.at < 0 and len(pieces) == 1)]
                             if len(pieces) > 1 else task_roles)
    return out_tasks, out_roles


def _year(layout: Layout, text: str) -> int | None:
    """The year the document was issued (its envelope's date), else its title's, else the
    commonest year in the text (a plan compares itself with earlier years)."""
    import re

    if layout.envelope and layout.envelope.date:
        return int(layout.envelope.date[:4])
    if layout.title and (found := re.search(r"(20\d\d)\s*年", layout.title)):
        return int(found.group(1))
    years = Counter(int(y) for y in re.findall(r"(20\d\d)\s*年", text))
    return max(years, key=lambda year: (years[year], year)) if years else None


def _actor(layout: Layout, original_start: int, task: Task) -> Owner | None:
    """The body heading the duty item a task lies in (the innermost), which acts in it."""
    if task.row is not None:
        return None
    covering = [d for d in layout.duties if d.start <= original_start < d.end]
    if not covering:
        return None
    item = min(covering, key=lambda d: d.end - d.start)
    return Owner(item.body, "lead", "", item.rule)


def _issuer_kind(issuer: Issuer) -> str:
    return ISSUER_BODY_KIND.get(issuer.level, body_kind(issuer.name)) if issuer.level != "department" else "department"


def extract_document(document: Document) -> Extraction:
    """Turn one read plan into its extraction record (SCHEMA.md's shape, plus additions)."""
    layout = read_layout(document.text)
    normalized = normalize(document.text, _kept_lines(layout))
    text = normalized.text
    root, tasks = read_tasks(layout, normalized)
    title_span = normalized.to_analysed(*layout.title_span) if layout.title_span else (0, 0)
    named = find_bodies(text)
    found = assemble.Mentions(
        normalized,
        tuple(settle(named, find_subjects(text, named))),
        # The title names the plan itself ("…行动计划"), not an undertaking in it.
        tuple(sorted((m for m in find_projects(text) if not title_span[0] <= m.start < title_span[1]),
                     key=lambda m: (m.start, m.end))),
        tuple(document_targets(normalized, layout.tables)),
        tuple(named),
        document.text,
    )
    issuer = decide_issuer(layout, text)
    themes = _themes(root, normalized)
    roles = [row_roles(task, found) if task.row is not None else
             find_roles(text[task.start:task.end], task.start, found.within("bodies", task.start, task.end))
             for task in tasks]
    _carry_standalone(tasks, roles)
    tasks, roles = _split(tasks, roles, text, layout, normalized, issuer)
    issuer_actor = Owner(issuer.name, "lead", "", "default.issuer")
    decisions = []
    for task, task_roles in zip(tasks, roles, strict=True):
        original_start = normalized.to_original(task.start, task.end)[0]
        actor = _actor(layout, original_start, task) or issuer_actor
        decisions.append(assemble.TaskDecision(
            task, tuple(task_roles), actor, tuple(decide_owners(task_roles, actor)),
            is_reporting(layout, original_start, task.section), _task_theme(task, themes, normalized)))
    year = _year(layout, text)
    commitments, mention_owners, mention_status = assemble.commitments(document.name, decisions, found, year)
    project_records, canonical = assemble.projects(found, mention_owners, mention_status, issuer)
    warnings = []
    if issuer.ambiguous:
        warnings.append(f"issuer {issuer.name} matches places in several provinces; chose {issuer.province}")
    if issuer.district is None and issuer.level not in ("city", "province"):
        warnings.append(f"issuer {issuer.name} not found in the gazetteer")
    if not root.children and not layout.tables:
        warnings.append("no outline numbering found; paragraphs taken as tasks")
    return Extraction(
        doc=document.name,
        issuer=issuer,
        year=year,
        doc_type=_DOC_TYPES.get(layout.kind, layout.kind),
        themes=tuple(themes),
        commitments=tuple(commitments),
        projects=tuple(project_records),
        bodies=tuple(assemble.bodies(found, issuer, _issuer_kind(issuer), decisions)),
        targets=assemble.targets_of(found, decisions, layout.reported),
        relations=tuple(assemble.relations(found, issuer, canonical)),
        source=document.path,
        sha256=document.sha256,
        warnings=tuple(warnings),
        genre=layout.genres,
        title=layout.title,
        issued=layout.envelope.date if layout.envelope else None,
    )
