"""What the entity panel shows for a node: the answer to the question each kind of node invites.

A project → who owns it (lead / cooperate, per document, with the evidence and the rule that
decided it) and how it went across documents; a body → what it leads and cooperates on (its
own work and what a collective it belongs to was given), who shares its work, its collectives
and members, the plans it issued; a plan → its commitments in the order of its text with
their owners, targets, deadlines and what an audit would flag; a theme → its commitments plan
by plan. Every other node shows its properties and links. Every row carries the id of what it
names, so the page can move there, and the document and span of its evidence where it has one.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pledgegraph.graph.cypher import node_by_id
from pledgegraph.graph.model import EDGE_ENDPOINTS, EdgeType, Label
from pledgegraph.graph.store import Store
from pledgegraph.queries.library import run_all
from pledgegraph.serve.canvas import links, neighbourhood
from pledgegraph.serve.names import NoEntity, display_name, label_of, plan_display, serve_query, theme_names

__all__ = ["NoEntity", "label_of", "entity_panel", "plan_display", "theme_names", "serve_query", "neighbourhood"]


def _node(store: Store, node_id: str) -> tuple[Label, dict[str, Any]]:
    label = label_of(node_id)
    rows = store.query(node_by_id(label), {"id": node_id}).records()
    if not rows:
        raise NoEntity(f"no node with id {node_id!r}")
    return label, rows[0]


def _project(store: Store, node_id: str) -> dict[str, Any]:
    return {"owners": serve_query(store, "project_owners", project=node_id),
            "timeline": run_all(store, "timeline", {"project": node_id}).records(),
            "mentions": serve_query(store, "project_mentions", project=node_id)}


def _work_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A body's work in reading order: its own before a collective's, leads before
    cooperation, then kind, year, document and place in it (unknowns last)."""
    rows = sorted(rows, key=lambda r: (r["kind"], r["year"] is None, r["year"] or 0, r["document"] or "",
                                       r["span_start"] is None, r["span_start"] or 0, r["id"]))
    rows.sort(key=lambda r: r["role"] or "", reverse=True)  # stable: lead before cooperate
    return sorted(rows, key=lambda r: r["via"] or "")


def _body(store: Store, node_id: str) -> dict[str, Any]:
    work = _work_order(serve_query(store, "body_work", body=node_id))
    memberships = sorted(serve_query(store, "body_memberships", body=node_id),
                         key=lambda row: (row["relation"], row["name"] or "", row["id"]))
    return {"leads": [row for row in work if row["role"] == "lead"],
            "cooperates": [row for row in work if row["role"] != "lead"],
            "partners": serve_query(store, "body_partners", body=node_id),
            "collectives": [row for row in memberships if row["relation"] == "collective"],
            "members": [row for row in memberships if row["relation"] == "member"],
            "plans": serve_query(store, "body_plans", body=node_id)}


def _grouped(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_commitment: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_commitment[row.pop("commitment")].append(row)
    return by_commitment


def _plan(store: Store, node_id: str) -> dict[str, Any]:
    owners = _grouped(serve_query(store, "plan_owners", plan=node_id))
    targets = _grouped(serve_query(store, "plan_targets", plan=node_id))
    projects = _grouped(serve_query(store, "plan_projects", plan=node_id))
    commitments = []
    for row in serve_query(store, "plan_commitments", plan=node_id):
        mine = owners.get(row["id"], [])
        row["leads"] = [o for o in mine if o["role"] == "lead"]
        row["cooperating"] = [o for o in mine if o["role"] != "lead"]
        row["targets"] = targets.get(row["id"], [])
        row["projects"] = projects.get(row["id"], [])
        # What `audit` would ask of it (queries/cypher/audit.cypher): an owner, a target, a deadline.
        row["flags"] = [flag for flag, missing in (("no_owner", not row["leads"]), ("no_target", not row["targets"]),
                                                   ("no_deadline", not row["deadline"])) if missing]
        commitments.append(row)
    return {"issuer": serve_query(store, "plan_issuer", plan=node_id), "commitments": commitments}


def _theme_plans(store: Store, node_id: str) -> list[dict[str, Any]]:
    """The theme's plans in reading order — year (none known last), then document — each with
    how many of the theme's commitments it holds."""
    return sorted(serve_query(store, "theme_plans", theme=node_id),
                  key=lambda row: (row["year"] is None, row["year"] or 0, row["id"]))


def _theme(store: Store, node_id: str, limit: int, offset: int) -> dict[str, Any]:
    """The theme's commitments ``offset`` … ``offset + limit``, plan by plan, with their leads.

    The plans are counted and ordered first; only the plans the page falls in are read, a
    year's worth at a time by a range of plan ids (a plan's id is its document's name, so id
    order is document order): 20 ms for a page of a theme with 9,000 commitments, where reading
    and ordering all of them took 200."""
    plans = _theme_plans(store, node_id)
    total = sum(plan["commitments"] for plan in plans)
    page, seen = [], 0
    for plan in plans:
        start, end = max(offset - seen, 0), min(offset + limit - seen, plan["commitments"])
        if start < end:
            page.append((plan, start, end))
        seen += plan["commitments"]
    read: dict[str, dict[str, Any]] = {}
    for year in dict.fromkeys(plan["year"] for plan, _, _ in page):
        ids = [plan["id"] for plan, _, _ in page if plan["year"] == year]
        for row in serve_query(store, "theme_page", theme=node_id, year=-1 if year is None else year,
                               first=ids[0], last=ids[-1]):
            shown = read.setdefault(row["plan_id"], {
                "id": row["plan_id"], "document": row["document"],
                "name": plan_display(row["issuer"], row["year"], row["title"], row["document"]), "commitments": {}})
            item = shown["commitments"].setdefault(row["id"], {key: row[key] for key in (
                "id", "name", "deadline", "status", "span_start")} | {"leads": []})
            if row["lead_id"]:
                item["leads"].append({"id": row["lead_id"], "name": row["lead"]})
    cut = [{**read[plan["id"]], "commitments": list(read[plan["id"]]["commitments"].values())[start:end]}
           for plan, start, end in page if plan["id"] in read]
    return {"plans": cut, "commitment_count": total}


PANEL_LINKS = 100
"""Neighbours whose edges a panel's links table lists at most."""
_LISTED = {Label.THEME: {EdgeType.UNDER_THEME}}
"""The edges a panel lists itself, paged: a theme's commitments by plan (9,000 for one theme at
a thousand plans). Listing them again as links cost more than the rest of the panel."""


def _edge_types(label: Label) -> set[EdgeType]:
    """Every edge type a node of ``label`` can have, either way (the schema's endpoints)."""
    return {edge for edge, ends in EDGE_ENDPOINTS.items() if any(label in pair for pair in ends)}


_NO_LINKS = frozenset(label for label, listed in _LISTED.items() if _edge_types(label) <= listed)
"""The kinds whose panel's own lists hold every edge such a node can have: no links table."""

_PANELS = {Label.PROJECT: _project, Label.BODY: _body, Label.PLAN: _plan}


def entity_panel(store: Store, node_id: str, limit: int, offset: int) -> dict[str, Any]:
    """Everything the panel shows for the node ``node_id`` (raises :class:`NoEntity`); a theme's
    commitments already cut to rows ``offset`` … ``offset + limit`` (the other long lists are cut
    by :func:`~.panel_pages.page_lists`)."""
    label, props = _node(store, node_id)
    panel = {"id": node_id, "label": str(label), "name": display_name(label, props), "props": props}
    if label == Label.THEME:
        panel.update(_theme(store, node_id, limit, offset))
    elif label in _PANELS:
        panel.update(_PANELS[label](store, node_id))
    # The node's own edges, a hub's first PANEL_LINKS neighbours.
    panel["links"] = [] if label in _NO_LINKS else links(neighbourhood(store, node_id, PANEL_LINKS + 1, listing=True),
                                                          node_id)
    return panel
