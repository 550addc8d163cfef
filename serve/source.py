"""A loaded document's text, for the source view: read again from where ``load`` read it.

The store keeps each plan's path (``Plan.source``) and the sha256 of its bytes, not its text.
The file is read with the same reader ``load`` used, so the spans every node and edge carries
index this text; it is shown only when its bytes still hash to what was loaded — a file that
changed or moved since is "not available", with the reason, never a text whose spans point
elsewhere. Only paths the store names are read, looked up by document id; a request never
names a path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pledgegraph.errors import PledgeGraphError, QueryError
from pledgegraph.graph.store import Store
from pledgegraph.loaders.read import read_document
from pledgegraph.serve.names import plan_display, serve_query

__all__ = ["SourceUnavailable", "document_source"]


class SourceUnavailable(QueryError):
    """The document is known but its text cannot be shown (moved, changed, unreadable)."""


def _span(value: int | None, length: int) -> int | None:
    return None if value is None else max(0, min(int(value), length))


def document_source(store: Store, doc: str, start: int | None = None, end: int | None = None) -> dict[str, Any]:
    """``{"document", "name", "text", "start", "end"}``: the text of ``doc`` and the span
    (clamped to the text). Raises :class:`QueryError` for a document the store does not hold,
    :class:`SourceUnavailable` when its file cannot be shown."""
    rows = serve_query(store, "plan_by_doc", doc=doc)
    if not rows:
        raise QueryError(f"no document {doc!r} in the store")
    plan = rows[0]
    name = plan_display(plan["issuer"], plan["year"], plan["title"], plan["document"])
    path = Path(plan["source"] or "")
    if not plan["source"] or not path.is_file():
        raise SourceUnavailable(f"the text of {doc} is not available: {plan['source'] or 'no path'} "
                                "is not here (the store keeps the path it was loaded from, not the text)")
    try:
        document = read_document(path, doc)
    except PledgeGraphError as error:
        raise SourceUnavailable(f"the text of {doc} is not available: {error}") from None
    if plan["sha256"] and document.sha256 != plan["sha256"]:
        raise SourceUnavailable(f"the text of {doc} is not available: {path} changed since it was loaded "
                                "(load it again to see it)")
    length = len(document.text)
    start, end = _span(start, length), _span(end, length)
    if start is not None and end is not None and end < start:
        start, end = end, start
    return {"document": doc, "plan_id": plan["id"], "name": name, "text": document.text, "start": start, "end": end}
