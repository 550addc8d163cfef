"""The Neo4j 5 store, through the official driver.

Credentials come only from the environment (NEO4J_USERNAME / NEO4J_PASSWORD) and never appear
in messages: errors name the server by its host and port alone. Only Bolt URIs are accepted
(``bolt://``, ``neo4j://`` and their ``+s`` / ``+ssc`` forms); anything else is refused before
the driver sees it. Reads run in read transactions, which the server refuses to write in; a
store opened read-only also leaves the schema constraints alone.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit

from neo4j import READ_ACCESS, WRITE_ACCESS, GraphDatabase, unit_of_work
from neo4j.exceptions import DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.cypher import Statement, neo4j_schema
from pledgegraph.graph.guard import check_query
from pledgegraph.graph.store import Result, Store, TooLong

__all__ = ["Neo4jStore"]


SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_EXPECTED = "expected bolt://host:7687 or neo4j://host:7687"


def _where(uri: str) -> str:
    """``scheme://host:port`` of a Bolt URI, or a one-line StoreError saying what is wrong with it
    (without repeating the URI, which may hold a password)."""
    try:
        parts = urlsplit(uri)
        port = parts.port
    except ValueError as error:
        reason = "bad port" if "port" in str(error).lower() else "malformed address"
        raise StoreError(f"not a Neo4j URI: {reason} ({_EXPECTED})") from None
    if parts.scheme not in SCHEMES:
        scheme = f"scheme {parts.scheme!r}" if parts.scheme and "://" in uri else "no scheme"
        raise StoreError(f"not a Neo4j URI: {scheme} ({_EXPECTED})")
    if not parts.hostname:
        raise StoreError(f"not a Neo4j URI: no host ({_EXPECTED})")
    return f"{parts.scheme}://{parts.hostname}:{port or 7687}"


def _split_credentials(uri: str) -> tuple[str, tuple[str, str] | None]:
    """bolt://user:pw@host:7687 → (bolt://host:7687, (user, pw)): the driver never sees them."""
    parts = urlsplit(uri)
    if parts.username is None:
        return uri, None
    netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
    bare = urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    return bare, (unquote(parts.username), unquote(parts.password or ""))


def _plain(value: Any) -> Any:
    if isinstance(value, Node):
        return {**dict(value.items()), "_label": next(iter(value.labels), "")}
    if isinstance(value, Relationship):
        return {**dict(value.items()), "_label": value.type}
    if isinstance(value, Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class Neo4jStore(Store):
    """Writes go row by row (``UNWIND $rows``), one transaction per batch of documents, one
    batch at a time. Neo4j's ingestion guidance: send thousands of rows per UNWIND statement
    (each statement costs a round trip and a plan lookup; 10–20k rows is its usual start),
    and serialise transactions that write relationships, since each one locks both its ends —
    concurrent batches sharing bodies and projects would wait on each other or deadlock and be
    retried. What runs in parallel is extraction (pipeline.py's worker processes), while the
    store writes. For a very large first load, ``pledgegraph export`` writes the CSV files
    ``neo4j-admin database import`` takes (README, "Neo4j")."""

    name = "neo4j"
    statement_rows = 10_000

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, read_only: bool = False) -> None:
        self.where = _where(uri)
        self.read_only = read_only
        uri, from_uri = _split_credentials(uri)
        auth = (user, password or "") if user else from_uri
        try:
            # Server notifications are advice for people writing Cypher ("relationship type TRACKS
            # does not exist" in a graph without lineage yet); logged, they read like failures.
            self._driver = GraphDatabase.driver(uri, auth=auth, notifications_min_severity="OFF")
            self._driver.verify_connectivity()
        except (DriverError, Neo4jError, ValueError, OSError, ImportError) as error:
            # Only the error's type: driver messages can quote the URI or the user name.
            raise StoreError(f"cannot reach Neo4j at {self.where}: {type(error).__name__}") from None
        self._database = database or None
        if not read_only:
            self.execute_plan([(statement, {}) for statement in neo4j_schema()], schema=True)

    def execute_plan(self, statements: list[Statement], schema: bool = False) -> None:
        def work(tx: Any) -> None:
            for cypher, params in statements:
                tx.run(cypher, params).consume()

        try:
            with self._driver.session(database=self._database) as session:
                if schema:  # schema changes cannot share a transaction with data writes
                    for cypher, params in statements:
                        session.run(cypher, params).consume()
                else:  # a read-only store writes in a read transaction, which the server refuses
                    (session.execute_read if self.read_only else session.execute_write)(work)
        except Neo4jError as error:
            raise StoreError(f"Neo4j at {self.where}: write rolled back: {error.message}") from None

    def _run(self, cypher: str, params: dict[str, Any], write: bool, max_rows: int | None = None,
             seconds: float | None = None) -> Result:
        @unit_of_work(timeout=seconds)
        def work(tx: Any) -> tuple[list[str], list[list[Any]]]:
            result = tx.run(cypher, params)
            rows = []
            for record in result:
                rows.append([_plain(v) for v in record.values()])
                if max_rows is not None and len(rows) > max_rows:
                    break  # the transaction ends here and the server drops the rest
            return list(result.keys()), rows

        mode = WRITE_ACCESS if write else READ_ACCESS
        try:
            with self._driver.session(database=self._database, default_access_mode=mode) as session:
                # A read transaction: the server itself refuses to write in it.
                columns, rows = (session.execute_write if write else session.execute_read)(work)
        except Neo4jError as error:
            if seconds is not None and "TransactionTimedOut" in (error.code or ""):
                raise TooLong(seconds) from None
            raise QueryError(" ".join((error.message or str(error)).split())) from None
        except DriverError as error:
            raise StoreError(f"Neo4j at {self.where}: {type(error).__name__}") from None
        return Result(columns, rows)

    def query_within(self, cypher: str, params: dict[str, Any], seconds: float, max_rows: int) -> Result:
        """The server stops the read transaction at ``seconds`` (its transaction timeout)."""
        check_query(cypher, False)
        return self._run(cypher, params, False, max_rows, seconds)

    def close(self) -> None:
        self._driver.close()

    def flush(self) -> None:
        """Nothing to do: the server checkpoints on its own schedule, committed is durable."""
