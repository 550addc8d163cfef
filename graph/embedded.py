"""The embedded store: LadybugDB in a local file, no server.

LadybugDB allows one Database object per path in a process, so databases are cached by path
and every store opened on the same path shares it (each with its own connection).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ladybug
from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.cypher import Statement, ladybug_schema
from pledgegraph.graph.store import Result, Store

__all__ = ["EmbeddedStore"]

_DATABASES: dict[str, ladybug.Database] = {}


def _database(path: Path) -> ladybug.Database:
    key = str(path.resolve())
    if key not in _DATABASES:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            _DATABASES[key] = ladybug.Database(key)
        except RuntimeError as error:
            raise StoreError(f"{path}: cannot open the LadybugDB database ({error})") from None
    return _DATABASES[key]


def _plain(value: Any) -> Any:
    """Nodes and relationships as dicts of their properties (internal ids dropped)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items() if k not in ("_id", "_src", "_dst")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class EmbeddedStore(Store):
    name = "ladybug"

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = ladybug.Connection(_database(path))
        for statement in ladybug_schema():
            self._connection.execute(statement)

    def execute_plan(self, statements: list[Statement]) -> None:
        self._connection.execute("BEGIN TRANSACTION")
        try:
            for cypher, params in statements:
                self._connection.execute(cypher, params)
        except RuntimeError as error:
            try:
                self._connection.execute("ROLLBACK")
            except RuntimeError:
                pass  # LadybugDB already ended the transaction that failed
            raise StoreError(f"{self.path}: write rolled back: {error}") from None
        self._connection.execute("COMMIT")

    def _run(self, cypher: str, params: dict[str, Any], write: bool) -> Result:
        try:
            result = self._connection.execute(cypher, params)
        except RuntimeError as error:
            raise QueryError(str(error).strip()) from None
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append([_plain(v) for v in result.get_next()])
        return Result(columns, rows)

    def close(self) -> None:
        self._connection.close()
