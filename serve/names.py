"""How the server names a node, and its own queries: the small pieces every view shares.

A node id starts with its label, a plan is called by its issuer, year and title, a theme by
its Chinese name; the panels (:mod:`.panels`), the canvas (:mod:`.canvas`), search and the
source view all say them the same way, and read the store through ``serve/cypher/``.
"""

from __future__ import annotations

from typing import Any

from pledgegraph.errors import QueryError
from pledgegraph.graph.model import Label, label_of_id
from pledgegraph.graph.store import Store
from pledgegraph.loaders.lexicon import table
from pledgegraph.queries.library import read_queries, run_query

__all__ = ["NoEntity", "label_of", "plan_display", "theme_names", "serve_query", "display_name"]


class NoEntity(QueryError):
    """No node has that id."""


def serve_query(store: Store, name: str, **params: Any) -> list[dict[str, Any]]:
    """The rows of the server's own query ``serve/cypher/<name>.cypher``."""
    return run_query(store, read_queries("pledgegraph.serve")[name], params).records()


def theme_names() -> dict[str, str]:
    """Theme code → its Chinese name (``loaders/data/theme_names.txt``)."""
    return {row[0]: row[1] for row in table("theme_names") if len(row) > 1}


def label_of(node_id: str) -> Label:
    """The label a node id names (:func:`~pledgegraph.graph.model.label_of_id`), or :class:`NoEntity`."""
    label = label_of_id(node_id)
    if label is None:
        raise NoEntity(f"no node with id {node_id!r}")
    return label


def plan_display(issuer: str | None, year: int | None, title: str | None, document: str | None) -> str:
    """A plan as people name it — issuer · year · title — the file name only when none is known.

    >>> plan_display("青岚街道办事处", 2024, "工作计划", "a.txt"), plan_display(None, None, None, "a.txt")
    ('青岚街道办事处 · 2024 · 工作计划', 'a.txt')
    """
    parts = [str(part) for part in (issuer, year, title) if part not in (None, "")]
    return " · ".join(parts) or str(document or "")


def display_name(label: Label, props: dict[str, Any]) -> str:
    """What the page calls a node of ``label`` with properties ``props``."""
    if label == Label.PLAN:
        return plan_display(props.get("issuer"), props.get("year"), props.get("title"), props.get("doc"))
    if label == Label.THEME:
        return theme_names().get(props.get("name") or "", props.get("name") or "")
    return str(props.get("name") or props.get("id"))
