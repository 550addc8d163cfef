"""Long lists of the entity panel, one page at a time: a plan's commitments, a body's work, a
theme's commitments.

A district's plan can hold hundreds of tasks, and a district government leads thousands over
the years: the panel shows the first ``limit`` of each long list (from ``offset``) and says how
many it left out, so the page stays light and the explorer can ask for more
(``/api/entity/<id>?limit=&offset=``). Kept apart from :mod:`pledgegraph.serve.panels`, which
decides what a panel holds; this only cuts it.
"""

from __future__ import annotations

from typing import Any

from pledgegraph.errors import QueryError

__all__ = ["PANEL_LIMIT", "MAX_PANEL_LIMIT", "LONG_LISTS", "page_lists", "panel_page"]

PANEL_LIMIT = 200
"""Rows of each long list a panel shows unless asked for another page size."""
MAX_PANEL_LIMIT = 5000
LONG_LISTS = ("commitments", "leads", "cooperates")
"""The lists that grow with the corpus (a theme's commitments, cut across its plans, are read a
page at a time: serve/panels.py)."""


def panel_page(limit: int | None, offset: int | None) -> tuple[int, int]:
    """The page a request asks for, the defaults filled; a bad one is refused."""
    limit = PANEL_LIMIT if limit is None else limit
    offset = 0 if offset is None else offset
    if not 0 <= limit <= MAX_PANEL_LIMIT:
        raise QueryError(f"limit must be 0 to {MAX_PANEL_LIMIT:,} (got {limit})")
    if offset < 0:
        raise QueryError(f"offset must be 0 or more (got {offset})")
    return limit, offset


def page_lists(panel: dict[str, Any], limit: int = PANEL_LIMIT, offset: int = 0) -> dict[str, Any]:
    """``panel`` with each long list cut to rows ``offset`` … ``offset + limit``; ``page`` says
    what was asked and ``more`` (list → ``{"left", "offset"}``) what each cut list left out
    after the page and where the next page starts."""
    more: dict[str, dict[str, int]] = {}
    for key in LONG_LISTS:
        rows = panel.get(key)
        if isinstance(rows, list):
            panel[key] = rows[offset:offset + limit]
            _note(more, key, len(rows), offset, limit)
    if panel.get("label") == "Theme":  # cut when it was read (serve/panels.py): only the count is left
        _note(more, "commitments", panel.pop("commitment_count", 0), offset, limit)
    return {**panel, "page": {"limit": limit, "offset": offset}, "more": more}


def _note(more: dict[str, dict[str, int]], key: str, total: int, offset: int, limit: int) -> None:
    if total > offset + limit:
        more[key] = {"left": total - offset - limit, "offset": offset + limit}
