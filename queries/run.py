"""Questions by name: find the project or body a user means, then run a named query for it.

Names are matched loosely — the text may be part of a name or an alias ("银都路越江隧道" finds
"银都路越江隧道新建工程"). When nothing contains it, :class:`NotFound` offers the closest names
("did you mean …") but never answers for one of them: a typo must not quietly become another
project. When several different things match, :class:`Ambiguous` lists them instead of guessing.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from pledgegraph.errors import QueryError
from pledgegraph.graph.store import Result, Store
from pledgegraph.loaders.record import STATUSES
from pledgegraph.queries.library import run_all

__all__ = ["Match", "Ambiguous", "NotFound", "find", "owners", "deps", "portfolio", "status", "progress_line"]

_LABEL = {"project": "Project", "body": "Body"}


@dataclass(frozen=True)
class Match:
    kind: str
    name: str
    id: str


class NotFound(QueryError):
    """No project or body goes by that name; ``suggestions`` holds the closest names, if any."""

    def __init__(self, text: str, kind: str, suggestions: list[Match]) -> None:
        hint = f"; did you mean: {', '.join(m.name for m in suggestions)}" if suggestions else ""
        super().__init__(f"no {kind} named like {text!r}{hint}")
        self.suggestions = suggestions


class Ambiguous(QueryError):
    """Several different projects or bodies go by that name."""

    def __init__(self, text: str, candidates: list[Match]) -> None:
        super().__init__(f"{text!r} matches {len(candidates)} {candidates[0].kind}s; be more specific")
        self.candidates = candidates


def _closest(store: Store, text: str, kind: str) -> list[Match]:
    """Up to five names like ``text``, closest first (one per name)."""
    rows = store.query(f"MATCH (n:{_LABEL[kind]}) RETURN n.name AS name, n.id AS id").rows
    ids = {name: node_id for name, node_id in sorted(rows, key=lambda row: row[1])}
    names = difflib.get_close_matches(text, sorted(ids), n=5, cutoff=0.5)
    return [Match(kind, name, ids[name]) for name in names]


def find(store: Store, text: str, kind: str) -> Match:
    """The one project or body ``text`` names; raises NotFound or Ambiguous."""
    rows = run_all(store, "search", {"text": text}).rows
    matches = [Match(k, name, node_id) for k, name, node_id in rows if k == kind]
    exact = [m for m in matches if m.name == text]
    if len(exact) == 1 or len(matches) == 1:
        return (exact or matches)[0]
    if not matches:
        raise NotFound(text, kind, _closest(store, text, kind))
    raise Ambiguous(text, sorted(matches, key=lambda m: (len(m.name), m.name)))


def owners(store: Store, name: str) -> Result:
    """Owners of the project ``name`` (lead and cooperating bodies, evidence, document)."""
    return run_all(store, "owners", {"project": find(store, name, "project").id})


def deps(store: Store, name: str) -> Result:
    """What the project ``name`` depends on, transitively."""
    return run_all(store, "dependency_chain", {"project": find(store, name, "project").id})


def portfolio(store: Store, name: str) -> Result:
    """The projects and tasks the body ``name`` leads or cooperates on: its own, and those given to a
    collective it is a member of (``via`` names the collective)."""
    return run_all(store, "portfolio", {"body": find(store, name, "body").id})


def status(store: Store, name: str) -> Result:
    """What each document says of the project ``name``, earliest first (see timeline.cypher)."""
    return run_all(store, "timeline", {"project": find(store, name, "project").id})


_ADVANCE = {state: rank for rank, state in enumerate(STATUSES)}  # planned < in_progress < completed


def progress_line(timeline: Result) -> str:
    """One line from a timeline: each document's furthest status, in order of the documents,
    e.g. ``planned (work_plan 000.txt) → completed (midyear_report 001.txt)``."""
    furthest: dict[str, tuple[str, str]] = {}
    for row in timeline.records():
        held = furthest.get(row["document"])
        if held is None or _ADVANCE.get(row["status"], -1) > _ADVANCE.get(held[0], -1):
            furthest[row["document"]] = (row["status"] or "unknown", row["doc_type"] or "document")
    return " → ".join(f"{state} ({doc_type} {doc})" for doc, (state, doc_type) in furthest.items())
