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

from pledgegraph.errors import QueryError
from pledgegraph.graph.cypher import node_by_id
from pledgegraph.graph.model import Label
from pledgegraph.graph.store import Store
from pledgegraph.loaders.lexicon import table
from pledgegraph.queries.library import read_queries, run_all, run_query
from pledgegraph.viz.subgraph import read_neighbourhood

__all__ = ["NoEntity", "label_of", "entity_panel", "plan_display", "theme_names", "serve_query", "neighbourhood"]


class NoEntity(QueryError):
    """No node has that id."""


def serve_query(store: Store, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of the server's own query ``serve/cypher/<name>.cypher``."""
    return run_query(store, read_queries("pledgegraph.serve")[name], params).records()


def theme_names() -> dict[str, str]:
    """Theme code → its Chinese name (``loaders/data/theme_names.txt``)."""
    return {row[0]: row[1] for row in table("theme_names") if len(row) > 1}


def label_of(node_id: str) -> Label:
    """The label a node id names: every id starts with its label, lower-cased (``body:…``)."""
    prefix = node_id.partition(":")[0]
    for label in Label:
        if label.lower() == prefix:
            return label
    raise NoEntity(f"no node with id {node_id!r}")


def plan_display(issuer: str | None, year: int | None, title: str | None, document: str | None) -> str:
    """A plan as people name it — issuer · year · title — the file name only when none is known.

    >>> plan_display("青岚街道办事处", 2024, "工作计划", "a.txt"), plan_display(None, None, None, "a.txt")
    ('青岚街道办事处 · 2024 · 工作计划', 'a.txt')
    """
    parts = [str(part) for part in (issuer, year, title) if part not in (None, "")]
    return " · ".join(parts) or str(document or "")


def _node(store: Store, node_id: str) -> tuple[Label, dict[str, Any]]:
    label = label_of(node_id)
    rows = store.query(node_by_id(label), {"id": node_id}).records()
    if not rows:
        raise NoEntity(f"no node with id {node_id!r}")
    return label, rows[0]


def _display(label: Label, props: dict[str, Any]) -> str:
    if label == Label.PLAN:
        return plan_display(props.get("issuer"), props.get("year"), props.get("title"), props.get("doc"))
    if label == Label.THEME:
        return theme_names().get(props.get("name") or "", props.get("name") or "")
    return str(props.get("name") or props.get("id"))


def _project(store: Store, node_id: str) -> dict[str, Any]:
    return {"owners": serve_query(store, "project_owners", project=node_id),
            "timeline": run_all(store, "timeline", {"project": node_id}).records(),
            "mentions": serve_query(store, "project_mentions", project=node_id)}


def _body(store: Store, node_id: str) -> dict[str, Any]:
    work = serve_query(store, "body_work", body=node_id)
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


def _theme(store: Store, node_id: str) -> dict[str, Any]:
    plans: dict[str, dict[str, Any]] = {}
    for row in serve_query(store, "theme_by_plan", theme=node_id):
        plan = plans.setdefault(row["plan_id"], {
            "id": row["plan_id"], "document": row["document"],
            "name": plan_display(row["issuer"], row["year"], row["title"], row["document"]), "commitments": {}})
        item = plan["commitments"].setdefault(row["id"], {key: row[key] for key in
                                                          ("id", "name", "deadline", "status", "span_start")} | {"leads": []})
        if row["lead_id"]:
            item["leads"].append({"id": row["lead_id"], "name": row["lead"]})
    return {"plans": [{**plan, "commitments": list(plan["commitments"].values())} for plan in plans.values()]}


_PANELS = {Label.PROJECT: _project, Label.BODY: _body, Label.PLAN: _plan, Label.THEME: _theme}


def neighbourhood(store: Store, node_id: str, max_nodes: int = 300) -> dict[str, Any]:
    """The node and its neighbours, with edges between them; the edges several documents draw
    between the same two nodes with the same type and role merged into one, carrying the count
    and every document's evidence. A hub beyond ``max_nodes`` keeps its nearest-named
    neighbours and says how many it left out."""
    label = label_of(node_id)
    graph = read_neighbourhood(store, node_id, label, 1)
    if node_id not in graph:
        raise NoEntity(f"no node with id {node_id!r}")
    others = sorted((n for n in graph if n != node_id), key=lambda n: (graph.nodes[n]["label"], n))
    kept = {node_id, *others[: max_nodes - 1]}
    nodes = [{"id": n, "label": attrs["label"], "name": _display(Label(attrs["label"]), {**attrs, "id": n})}
             for n, attrs in graph.nodes(data=True) if n in kept]
    merged: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    for source, target, attrs in graph.edges(data=True):
        if source not in kept or target not in kept:
            continue
        key = (source, target, attrs["type"], attrs.get("role") or "")
        edge = merged.setdefault(key, {"from": source, "to": target, "type": attrs["type"], "role": key[3],
                                       "count": 0, "evidence": []})
        edge["count"] += 1
        edge["evidence"].append({key: attrs.get(key) for key in ("doc", "rule", "status", "evidence", "span_start",
                                                                  "span_end")})
    for edge in merged.values():
        edge["evidence"].sort(key=lambda e: (str(e["doc"]), e["span_start"] or 0))
    return {"id": node_id, "nodes": sorted(nodes, key=lambda n: n["id"]),
            "edges": sorted(merged.values(), key=lambda e: (e["from"], e["to"], e["type"], e["role"])),
            "total": graph.number_of_nodes(), "shown": len(kept)}


def entity_panel(store: Store, node_id: str) -> dict[str, Any]:
    """Everything the panel shows for the node ``node_id`` (raises :class:`NoEntity`)."""
    label, props = _node(store, node_id)
    panel = {"id": node_id, "label": str(label), "name": _display(label, props), "props": props}
    build = _PANELS.get(label)
    if build is not None:
        panel.update(build(store, node_id))
    panel["links"] = _links(neighbourhood(store, node_id), node_id)
    return panel


def _links(hood: dict[str, Any], node_id: str) -> list[dict[str, Any]]:
    """Every edge at the node as a row: its type and role, which way it points, the node at the other end."""
    names = {n["id"]: n for n in hood["nodes"]}
    rows = []
    for edge in hood["edges"]:
        if node_id not in (edge["from"], edge["to"]):
            continue  # an edge between two neighbours
        out = edge["from"] == node_id
        other = names[edge["to"] if out else edge["from"]]
        rows.append({"type": edge["type"], "role": edge["role"], "direction": "out" if out else "in",
                     "id": other["id"], "label": other["label"], "name": other["name"], "count": edge["count"],
                     "evidence": edge["evidence"]})
    return rows
