"""Read queries on an embedded store in a child process that is killed when it runs too long.

LadybugDB checks its query timeout (and ``Connection.interrupt``) between steps of a query's
pipeline, so a statement whose one step is long — ``UNWIND range(1, 300000000)`` builds the
whole list first — ran 34 s past a 0.5 s limit. A console open to anyone who can reach the
page needs a limit that holds for every statement the guard admits, and only the operating
system gives one: the query runs in a child that has the file open read-only (LadybugDB lets
several processes read one file), and the child is killed at the limit. The next query gets a
new child; its start-up (about a second: Python, the engine, opening the file) is not counted
against the query's time.
"""

from __future__ import annotations

import multiprocessing
import threading
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.store import Result, TooLong

__all__ = ["Watchdog"]

START_SECONDS = 60
"""How long a new child may take to open the store before it counts as failed."""


def _child(path: str, conn: Connection) -> None:
    """The child's loop: open the store read-only, then answer one request at a time."""
    from pledgegraph.graph.embedded import EmbeddedStore

    try:
        store = EmbeddedStore(Path(path), read_only=True)
    except StoreError as error:
        conn.send(("error", ("StoreError", str(error))))
        return
    conn.send(("ready", None))
    while True:
        try:
            cypher, params, max_rows = conn.recv()
        except EOFError:
            break  # the parent closed its end: the server stopped
        try:
            result = store._run(cypher, params, False, max_rows)
            conn.send(("rows", (result.columns, result.rows)))
        except (QueryError, StoreError) as error:
            conn.send(("error", (type(error).__name__, str(error))))
    store.close()


class Watchdog:
    """One child process at a time answering reads on the store at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        # spawn, not fork: the parent holds an open engine with threads of its own.
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        process = context.Process(target=_child, args=(str(self.path), theirs), daemon=True,
                                  name="pledgegraph-query")
        process.start()
        theirs.close()
        self._process, self._conn = process, ours
        if not ours.poll(START_SECONDS):
            self._stop()
            raise StoreError(f"{self.path}: the query process did not start within {START_SECONDS} s")
        try:
            kind, value = ours.recv()
        except EOFError:
            self._stop()
            raise StoreError(f"{self.path}: the query process stopped while opening the store") from None
        if kind == "error":
            self._stop()
            raise StoreError(value[1])
        return ours

    def query(self, cypher: str, params: dict[str, Any], seconds: float, max_rows: int) -> Result:
        """The rows of ``cypher`` (at most ``max_rows`` + 1), or :class:`TooLong` at ``seconds``."""
        with self._lock:
            conn = self._conn if self._conn is not None and self._alive() else self._start()
            conn.send((cypher, params, max_rows))
            if not conn.poll(seconds):
                self._stop()
                raise TooLong(seconds)
            try:
                kind, value = conn.recv()
            except EOFError:
                code = self._process.exitcode if self._process is not None else None
                self._stop()
                raise StoreError(f"{self.path}: the query process stopped (exit status {code}) "
                                 "while running the query") from None
        if kind == "error":
            name, message = value
            raise (StoreError if name == "StoreError" else QueryError)(message)
        columns, rows = value
        return Result(columns, rows)

    def _alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _stop(self) -> None:
        """Kill the child (a query cannot be asked nicely to stop) and forget it."""
        if self._process is not None:
            self._process.kill()
            self._process.join(timeout=10)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None

    def close(self) -> None:
        with self._lock:
            self._stop()
