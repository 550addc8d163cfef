"""Commitment quality: which promises say who, how much, by when and what — and which don't.

A commitment is accountable when it has
  * an **owner**: a lead body. The issuer counts when it does the work itself (a 街道's own
    plan); a district government's plan assigns work, so a task only it "owns" names no one;
  * a measurable **target** (a number with a unit);
  * a **deadline** written in the text;
  * a named **deliverable**: a project it concerns (a named work, programme, title, document).
The checks are read from the graph by the named query ``audit``, the same on both stores.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from pledgegraph.graph.store import Store
from pledgegraph.queries.library import iter_pages
from pledgegraph.queries.run import find

__all__ = ["CHECKS", "Audit", "audit"]

CHECKS = ("owner", "target", "deadline", "deliverable")
NO_LEAD = "(no lead)"


@dataclass(frozen=True)
class Audit:
    """Audited commitments (each with the checks it misses) and the counts per body and theme."""

    commitments: list[dict[str, Any]]
    by_body: list[dict[str, Any]] = field(default_factory=list)
    by_theme: list[dict[str, Any]] = field(default_factory=list)

    @property
    def flagged(self) -> list[dict[str, Any]]:
        return [c for c in self.commitments if c["missing"]]

    def totals(self) -> dict[str, int]:
        missing = Counter(check for c in self.commitments for check in c["missing"])
        return {"commitments": len(self.commitments), "flagged": len(self.flagged),
                **{f"no_{check}": missing[check] for check in CHECKS}}


def _counts(commitments: list[dict[str, Any]], keys_of) -> list[dict[str, Any]]:
    """Per key: commitments, and how many miss each check; most flagged first."""
    table: dict[str, Counter] = defaultdict(Counter)
    for commitment in commitments:
        for key in keys_of(commitment):
            table[key]["commitments"] += 1
            table[key].update(f"no_{check}" for check in commitment["missing"])
    rows = [{"name": key, "commitments": c["commitments"], **{f"no_{k}": c[f"no_{k}"] for k in CHECKS}}
            for key, c in table.items()]
    return sorted(rows, key=lambda r: (-sum(r[f"no_{k}"] for k in CHECKS), r["name"]))


def audit(store: Store, body: str | None = None, theme: str | None = None) -> Audit:
    """Audit every commitment, or those ``body`` leads and/or under ``theme``."""
    rows = [row for page in iter_pages(store, "audit") for row in page.records()]
    if body is not None:
        wanted = find(store, body, "body").id
        rows = [r for r in rows if wanted in r["lead_ids"]]
    if theme is not None:
        rows = [r for r in rows if r["theme"] == theme]
    commitments = [{
        "document": r["document"], "commitment": r["commitment"], "theme": r["theme"] or "",
        "leads": r["leads"] or [NO_LEAD], "task": r["task"], "id": r["id"],
        "missing": [check for check in CHECKS if not r[f"has_{check}"]],
    } for r in rows]
    return Audit(commitments,
                 by_body=_counts(commitments, lambda c: c["leads"]),
                 by_theme=_counts(commitments, lambda c: [c["theme"] or "(no theme)"]))
