"""Named queries: one ``cypher/<name>.cypher`` file each, the same text on both stores.

A file starts with ``// description`` and ``// params: a, b``. Queries whose text cannot
order its rows portably (a UNION) are sorted here, so both stores give identical answers. So
are the lists of a query that declares ``// lists: sorted``: ``collect()`` keeps no portable
order, and neither store has a list sort the other understands.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from pledgegraph.errors import QueryError
from pledgegraph.graph.store import Result, Store

__all__ = ["NamedQuery", "named_queries", "read_queries", "run_named", "run_query"]


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]
    text: str

    @property
    def sorts_in_python(self) -> bool:
        return "UNION" in self.text.upper() and "ORDER BY" not in self.text.upper()

    @property
    def sorts_lists(self) -> bool:
        return "// lists: sorted" in self.text.splitlines()


def _parse(name: str, text: str) -> NamedQuery:
    lines = text.splitlines()
    description = lines[0].removeprefix("//").strip()
    params_line = next((line for line in lines if line.startswith("// params:")), "// params:")
    params = tuple(p.strip() for p in params_line.removeprefix("// params:").split(",") if p.strip())
    return NamedQuery(name, description, params, text)


@cache
def read_queries(package: str) -> dict[str, NamedQuery]:
    """The queries in ``package``'s ``cypher/`` folder, by name (the web server keeps its panel
    queries in a folder of its own, read the same way)."""
    folder = resources.files(package).joinpath("cypher")
    return {
        entry.name.removesuffix(".cypher"): _parse(entry.name.removesuffix(".cypher"), entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".cypher")
    }


def named_queries() -> dict[str, NamedQuery]:
    """Every named query shipped with the package, by name."""
    return read_queries("pledgegraph.queries")


def run_named(store: Store, name: str, params: dict[str, Any] | None = None) -> Result:
    """Run the named query ``name`` with ``params`` (all its declared parameters required)."""
    query = named_queries().get(name)
    if query is None:
        close = difflib.get_close_matches(name, list(named_queries()), n=3, cutoff=0.6)
        hint = f"did you mean: {', '.join(close)}" if close else f"named queries: {', '.join(named_queries())}"
        raise QueryError(f"no named query {name!r}; {hint}")
    return run_query(store, query, params)


def run_query(store: Store, query: NamedQuery, params: dict[str, Any] | None = None) -> Result:
    """Run ``query`` with ``params`` (all its declared parameters required), its rows in the
    portable order its file asks for."""
    name = query.name
    params = params or {}
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"query {name!r} needs parameter(s): {', '.join(missing)}")
    result = store.query(query.text, {p: params[p] for p in query.params})
    if query.sorts_lists:
        result = Result(result.columns, [[_sorted(v) for v in row] for row in result.rows])
    if query.sorts_in_python:
        return Result(result.columns, sorted(result.rows, key=lambda row: [str(v) for v in row]))
    return result


def _sorted(value: Any) -> Any:
    """A list in a fixed order (strings by code point, maps by their JSON); other values as is."""
    if not isinstance(value, list):
        return value
    return sorted(value, key=lambda v: v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False))
