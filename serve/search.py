"""Search across projects, bodies, plans, themes and commitments, best hits first.

A hit contains the text (in a name, an alias, a plan's title or issuer, a commitment's text);
it ranks by how it matches — the whole name, then its start, then inside the name, then only
in another field — then by kind (the things people look up by name first), then by length,
so the shortest name holding the text wins. When nothing contains the text, the closest
names come back as ``suggestions`` ("did you mean"), never as hits: a typo must not quietly
become another project. Projects, commitments and the names come from the in-memory
:mod:`.search_index` when it is built and current, else from the queries — the same rows.
"""

from __future__ import annotations

import difflib
from typing import Any

from pledgegraph.graph.store import Store
from pledgegraph.serve.names import plan_display, serve_query, theme_names
from pledgegraph.serve.search_index import KIND_RANK, Snapshot, first_names

__all__ = ["search", "MAX_HITS"]

MAX_HITS = 40


def _quality(text: str, name: str, elsewhere: bool) -> int:
    if name == text:
        return 0
    if name.startswith(text):
        return 1
    if text in name:
        return 2
    return 3 if elsewhere else 4


def _hit(label: str, node_id: str, name: str, detail: str, text: str, *fields: str | None) -> dict[str, Any]:
    name = name or node_id
    quality = _quality(text, name, any(field and text in field for field in fields))
    return {"id": node_id, "label": label, "name": name, "detail": detail or "",
            "rank": (quality, KIND_RANK[label], len(name), name, node_id)}


def _rows(store: Store, snapshot: Snapshot | None, query: str, text: str) -> list[dict[str, Any]]:
    rows = snapshot.rows(query, text) if snapshot is not None else None
    return serve_query(store, query, text=text) if rows is None else rows


def _hits(store: Store, text: str, snapshot: Snapshot | None) -> list[dict[str, Any]]:
    hits = [_hit("Project", r["id"], r["name"], r["detail"], text, r["aliases"])
            for r in _rows(store, snapshot, "search_projects", text)]
    hits += [_hit("Body", r["id"], r["name"], r["detail"], text) for r in serve_query(store, "search_bodies", text=text)]
    hits += [_hit("Plan", r["id"], plan_display(r["issuer"], r["year"], r["title"], r["document"]), r["document"], text,
                  r["title"], r["issuer"], r["document"]) for r in serve_query(store, "search_plans", text=text)]
    names = theme_names()
    for row in serve_query(store, "themes"):
        shown = names.get(row["name"], row["name"])
        if text in shown or text in (row["name"] or ""):
            hits.append(_hit("Theme", row["id"], shown, row["name"], text, row["name"]))
    hits += [_hit("Commitment", r["id"], r["name"], plan_display(r["issuer"], r["year"], r["title"], None), text,
                  r["text"]) for r in _rows(store, snapshot, "search_commitments", text)]
    return hits


def _suggestions(store: Store, text: str, snapshot: Snapshot | None) -> list[dict[str, Any]]:
    named = dict(snapshot.names) if snapshot is not None else first_names(serve_query(store, "names"))
    names = theme_names()
    for row in serve_query(store, "themes"):
        named.setdefault(names.get(row["name"], row["name"]), ("Theme", row["id"]))
    close = difflib.get_close_matches(text, sorted(named), n=5, cutoff=0.5)
    return [{"id": named[name][1], "label": named[name][0], "name": name} for name in close]


def search(store: Store, text: str, snapshot: Snapshot | None = None) -> dict[str, Any]:
    """``{"query", "hits", "total", "suggestions"}`` for ``text`` (stripped; empty finds nothing),
    from ``snapshot`` where it holds the rows (:meth:`~.search_index.SearchIndex.current`)."""
    text = text.strip()
    if not text:
        return {"query": text, "hits": [], "total": 0, "suggestions": []}
    hits = sorted(_hits(store, text, snapshot), key=lambda hit: hit["rank"])
    for hit in hits:
        del hit["rank"]
    return {"query": text, "hits": hits[:MAX_HITS], "total": len(hits),
            "suggestions": [] if hits else _suggestions(store, text, snapshot)}
