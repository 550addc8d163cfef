"""The store interface both engines implement, and :func:`open_store` to pick one.

Loading semantics live here, once, for both engines: a document is written in one
transaction that first removes what the document contributed before (so re-loading is
idempotent and a changed document replaces its old contributions); removing a document
deletes its edges, the nodes only it owned, and shared nodes no edge uses any more.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.cypher import (
    BATCH,
    Statement,
    count_edges,
    count_nodes,
    orphan_cleanup,
    remove_plan,
    write_batch_plan,
    write_plan,
)
from pledgegraph.graph.guard import check_query
from pledgegraph.graph.model import EdgeType, GraphDoc, Label

__all__ = ["Result", "Store", "NoStore", "NoRoom", "TooLong", "open_store", "DEFAULT_DB"]

DEFAULT_DB = "pledgegraph.db"


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[list[Any]]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


class NoStore(StoreError):
    """A read found no store at the path: nothing was loaded there (and nothing is created)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no store at {path}: nothing has been loaded there "
                         f"(load plans first: pledgegraph load PLANS --db {path})")
        self.path = path


class NoRoom(StoreError):
    """The disk holding the store has too little space left for the next write; nothing of
    that write happened, and everything written before it is stored."""


class TooLong(QueryError):
    """A query ran past its time limit and was stopped; nothing it read is returned."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query ran longer than {seconds:g} s and was stopped; narrow it "
                         "(a WHERE on a property, a LIMIT) or ask for fewer rows")
        self.seconds = seconds


class Store(ABC):
    """A Cypher graph store holding pledgegraph's schema.

    A store opened ``read_only`` is read-only in the engine itself (LadybugDB's read-only mode,
    Neo4j read transactions): it never creates files or schema, and a write fails there even if
    it got past :func:`pledgegraph.graph.guard.check_query`."""

    name: str = "store"
    read_only: bool = False

    @property
    def frozen(self) -> bool:
        """True when nothing another client commits can change what this store reads while it
        is open — what lets a cache of it (serve's search index) skip asking. A server shows
        every commit at once, so by default False."""
        return False

    # Rows per UNWIND statement on the row path (graph/cypher.py).
    statement_rows: int = BATCH

    @abstractmethod
    def execute_plan(self, statements: list[Statement]) -> None:
        """Run ``statements`` in one transaction: all of them or none."""

    @abstractmethod
    def _run(self, cypher: str, params: dict[str, Any], write: bool, max_rows: int | None = None) -> Result:
        """Run one statement and return its rows (values as plain Python data); with
        ``max_rows``, stop reading after that many rows plus one (so callers can tell a cut)."""

    @abstractmethod
    def query_within(self, cypher: str, params: dict[str, Any], seconds: float, max_rows: int) -> Result:
        """A read (guarded as :meth:`query`) stopped after ``seconds`` with :class:`TooLong`,
        reading at most ``max_rows`` + 1 rows: what an open console may run. Each engine stops a
        query its own way, and the stop must hold for any statement the guard admits."""

    @abstractmethod
    def close(self) -> None:
        """Release connections."""

    def write(self, graph: GraphDoc, new: bool = False) -> None:
        """Replace everything ``graph.doc`` contributed with ``graph`` (atomically).

        ``new=True`` promises the store does not hold the document yet (the loader knows),
        which skips the removal step."""
        self.execute_plan(write_plan(graph, replace=not new))

    @property
    def stage(self) -> Callable[[GraphDoc], Any] | None:
        """Work on a new document's graph that :meth:`write_batch` can take ready-made
        (``staged``), so a loader's worker processes do it instead of the writer; a picklable
        function of the graph, or None when this store takes nothing."""
        return None

    def write_batch(self, graphs: list[GraphDoc], held: set[str] | frozenset[str],
                    staged: Sequence[Any] = ()) -> None:
        """Write several documents in one transaction, as if one after another: all or none.
        Documents named in ``held`` first lose what they contributed before. ``staged`` holds
        :attr:`stage` of each graph where it was made (None where not)."""
        self.execute_plan(write_batch_plan(graphs, replace={g.doc for g in graphs} & set(held),
                                           batch=self.statement_rows))

    def make_room(self, rows: int) -> None:
        """Raise :class:`NoRoom` unless the store can take ``rows`` more nodes and edges
        without filling its disk. A server store manages its own disk: nothing to check."""
        return None

    @abstractmethod
    def flush(self) -> None:
        """Fold what was written into the store's main files (once, after a load)."""

    def remove(self, doc: str) -> bool:
        """Remove a document's contributions; False when the store does not hold it."""
        held = self.query("MATCH (p:Plan) WHERE p.doc = $doc RETURN count(p) AS n", {"doc": doc}).rows[0][0]
        self.execute_plan(remove_plan(doc) + orphan_cleanup())
        return bool(held)

    def cleanup(self) -> None:
        """Delete shared nodes that no document uses any more."""
        self.execute_plan(orphan_cleanup())

    def query(self, cypher: str, params: dict[str, Any] | None = None, write: bool = False) -> Result:
        """Run one statement ``cypher`` with ``params``; one that changes the graph needs
        ``write=True`` and a store not opened read-only. Statements that would reach outside
        the graph (files, extensions, schema, administration) are refused either way, before
        they reach the engine (see :mod:`pledgegraph.graph.guard`)."""
        check_query(cypher, write)
        if write and self.read_only:
            raise QueryError("this store was opened read-only; open it for writing to run --write queries")
        return self._run(cypher, params or {}, write)

    def documents(self) -> dict[str, str]:
        """Loaded documents and the sha256 of the bytes they were loaded from."""
        rows = self.query("MATCH (p:Plan) RETURN p.doc AS doc, p.sha256 AS sha256 ORDER BY doc").rows
        return {doc: sha for doc, sha in rows}

    def counts(self) -> dict[str, dict[str, int]]:
        """Node counts per label and edge counts per type."""
        nodes = {str(label): self.query(count_nodes(label)).rows[0][0] for label in Label}
        edges = {str(kind): self.query(count_edges(kind)).rows[0][0] for kind in EdgeType}
        return {"nodes": nodes, "edges": edges}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(db: str | os.PathLike[str] | None = None, neo4j: str | None = None,
               read_only: bool = False) -> Store:
    """The embedded store at ``db`` (default ./pledgegraph.db or $PLEDGEGRAPH_DB), or the
    Neo4j server at ``neo4j`` (or $NEO4J_URI) when one is named.

    ``read_only`` opens it for reading only: an embedded store that does not exist raises
    :class:`NoStore` instead of being created, and nothing (files, schema) is written."""
    if db is not None and neo4j:
        raise StoreError("--db and --neo4j name two different stores; give one of them")
    uri = neo4j or (os.environ.get("NEO4J_URI") if db is None else None)
    if uri:
        from pledgegraph.graph.neo4j import Neo4jStore

        return Neo4jStore(uri, os.environ.get("NEO4J_USERNAME"), os.environ.get("NEO4J_PASSWORD"),
                          os.environ.get("NEO4J_DATABASE"), read_only=read_only)
    from pledgegraph.graph.embedded import EmbeddedStore

    return EmbeddedStore(Path(db or os.environ.get("PLEDGEGRAPH_DB") or DEFAULT_DB), read_only=read_only)
