"""Named queries: one ``cypher/<name>.cypher`` file each, the same text on both stores.

A file starts with ``// description`` and ``// params: a, b`` (``b=7`` gives ``b`` a default,
typed like a command-line value, so a caller may leave it out). Queries whose text cannot
order its rows portably (a UNION) are sorted here, so both stores give identical answers. So
are the lists of a query that declares ``// lists: sorted``: ``collect()`` keeps no portable
order, and neither store has a list sort the other understands.

Paging: a query that declares ``limit=… , offset=…`` returns one page (see :func:`run_query`):
its text orders its driving rows totally (ties broken by id) and pages them with ``SKIP
$offset LIMIT $limit`` before it aggregates, so the first page costs what a page costs, not
what the whole graph costs. It is sent ``limit + 1`` to learn cheaply whether more rows exist
(:class:`Page`). A UNION query is paged here, after its sort.

A file may page in two statements, split by a line ``// rows: …``: the first orders and pages
the driving ids (its first column), the second gets them as ``$page`` and gathers each one's
rows (``UNWIND $page AS id MATCH (c {id: id}) …``). LadybugDB plans the gathering as lookups
by primary key only when the ids arrive as a parameter; inside one statement it joins whole
tables, and the first page of the ledger cost 100+ ms instead of a few. :func:`iter_pages` and
:func:`run_all` read every page, for callers that need every row (an audit, an export).
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from pledgegraph.errors import QueryError
from pledgegraph.graph.store import Result, Store
from pledgegraph.queries.params import typed_value

__all__ = ["NamedQuery", "Page", "MAX_LIMIT", "named_queries", "read_queries", "run_named", "run_query",
           "iter_pages", "run_all"]

MAX_LIMIT = 10_000
"""The most rows one page may ask for: a bigger answer is read page by page (:func:`iter_pages`)."""
ALL_PAGE = 5_000
"""Rows per page when every row is wanted. Each page orders the driving rows anew (SKIP), so
few big pages read everything fastest: at N = 1,000 the ledger took 21 s in pages of 250,
6.5 s in pages of 4,000 (one query for all of it: 9.5 s, same busy machine)."""


@dataclass(frozen=True)
class Page(Result):
    """One page of a paged query: its rows, where it starts, the limit asked and whether rows
    follow it (the store was asked for one row more than the limit)."""

    offset: int = 0
    limit: int = 0
    more: bool = False

    @property
    def next_offset(self) -> int:
        return self.offset + len(self.rows)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: tuple[str, ...]  # the parameters a caller must give
    text: str
    # The parameters a caller may leave out, with their defaults (``limit``, ``offset``).
    defaults: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def pages(self) -> bool:
        return "limit" in self.defaults and "offset" in self.defaults

    @property
    def pages_in_cypher(self) -> bool:
        return self.pages and "$limit" in self.text

    @property
    def statements(self) -> tuple[str, ...]:
        """The file's statements: one, or the page and the rows of a two-step query."""
        lines = self.text.splitlines()
        split = next((i for i, line in enumerate(lines) if line.startswith("// rows:")), None)
        if split is None:
            return (self.text,)
        return "\n".join(lines[:split]), "\n".join(lines[split:])

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
    declared = [p.strip() for p in params_line.removeprefix("// params:").split(",") if p.strip()]
    params = tuple(p for p in declared if "=" not in p)
    defaults = {key.strip(): typed_value(value.strip())
                for key, sep, value in (p.partition("=") for p in declared) if sep}
    return NamedQuery(name, description, params, text, defaults)


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
    """Run the named query ``name`` with ``params`` (those without a default required); a paged
    query answers with a :class:`Page`."""
    query = named_queries().get(name)
    if query is None:
        close = difflib.get_close_matches(name, list(named_queries()), n=3, cutoff=0.6)
        hint = f"did you mean: {', '.join(close)}" if close else f"named queries: {', '.join(named_queries())}"
        raise QueryError(f"no named query {name!r}; {hint}")
    return run_query(store, query, params)


def run_query(store: Store, query: NamedQuery, params: dict[str, Any] | None = None) -> Result:
    """Run ``query`` with ``params`` (those without a default required), its rows in the
    portable order its file asks for; a paged query answers with one :class:`Page`."""
    name = query.name
    params = {**query.defaults, **(params or {})}
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"query {name!r} needs parameter(s): {', '.join(missing)}")
    sent = {p: params[p] for p in (*query.params, *query.defaults)}
    limit = offset = 0
    if query.pages:
        limit, offset = _count(name, "limit", params["limit"], MAX_LIMIT), _count(name, "offset", params["offset"])
        if query.pages_in_cypher:
            sent["limit"] = limit + 1  # one row more than asked says whether more exist
        else:
            del sent["limit"], sent["offset"]
    statements, more = query.statements, None
    if len(statements) == 1:
        result = store.query(statements[0], sent)
    else:  # the page of ids (one more than asked, when paged), then their rows
        ids = [row[0] for row in store.query(statements[0], sent).rows]
        if query.pages:
            ids, more = ids[:limit], len(ids) > limit
        result = store.query(statements[1], {**{k: v for k, v in sent.items() if k not in ("limit", "offset")},
                                             "page": ids})
    if query.sorts_lists:
        result = Result(result.columns, [[_sorted(v) for v in row] for row in result.rows])
    if query.sorts_in_python:
        result = Result(result.columns, sorted(result.rows, key=lambda row: [str(v) for v in row]))
    if not query.pages:
        return result
    if more is not None:
        return Page(result.columns, result.rows, offset=offset, limit=limit, more=more)
    rows = result.rows if query.pages_in_cypher else result.rows[offset:offset + limit + 1]
    return Page(result.columns, rows[:limit], offset=offset, limit=limit, more=len(rows) > limit)


def _count(name: str, key: str, value: Any, most: int | None = None) -> int:
    """A page parameter as an int, refused when it is not a whole number in range."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or (most is not None and value > most):
        bound = f"0 to {most:,}" if most is not None else "0 or more"
        raise QueryError(f"query {name!r}: {key} must be a whole number, {bound} (got {value!r})")
    return value


def iter_pages(store: Store, name: str, params: dict[str, Any] | None = None,
               size: int | None = None) -> Iterator[Page]:
    """Every page of the paged named query ``name``, first to last, ``size`` rows each: what
    the whole answer holds, without asking a store for all of it at once."""
    size, offset = size or ALL_PAGE, 0
    while True:
        page = run_named(store, name, {**(params or {}), "limit": size, "offset": offset})
        yield page
        if not isinstance(page, Page) or not page.more:
            return
        offset = page.next_offset


def run_all(store: Store, name: str, params: dict[str, Any] | None = None) -> Result:
    """Every row of the named query ``name``, read page by page when it pages."""
    query = named_queries().get(name)
    if query is None or not query.pages:
        return run_named(store, name, params)
    pages = list(iter_pages(store, name, params))
    return Result(pages[0].columns, [row for page in pages for row in page.rows])


def _sorted(value: Any) -> Any:
    """A list in a fixed order (strings by code point, maps by their JSON); other values as is."""
    if not isinstance(value, list):
        return value
    return sorted(value, key=lambda v: v if isinstance(v, str) else json.dumps(v, sort_keys=True, ensure_ascii=False))
