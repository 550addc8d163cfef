"""The embedded store: LadybugDB in a local file, no server.

LadybugDB allows one read-write Database object per path in a process, so databases are cached
by path and mode, and every store opened on the same path and mode shares it (each with its own
connection). A read-only store opens the file with LadybugDB's ``read_only=True``: the engine
refuses every write, the file is never created, and it opens while another process holds the
file for writing (a ``load`` under way), seeing what was committed when it opened.
"""

from __future__ import annotations

import glob
import hashlib
import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import ladybug
from pledgegraph.errors import QueryError, StoreError
from pledgegraph.graph.bulkplan import Staged, bulk_plan, shared_ids, stage_document
from pledgegraph.graph.cypher import Statement, count_nodes, ladybug_schema, schema_columns
from pledgegraph.graph.cypher_staged import held_nodes, load_edges, load_nodes
from pledgegraph.graph.guard import check_query
from pledgegraph.graph.model import DOC_OWNED, NODE_PROPERTIES, GraphDoc, Label
from pledgegraph.graph.staging import write_records
from pledgegraph.graph.store import NoRoom, NoStore, Result, Store, TooLong

__all__ = ["EmbeddedStore"]

# One Database per path per process, shared by the stores open on it and released with the
# last of them: each Database reserves address space, so a cache that never shrinks would run
# out after a few dozen paths.
_DATABASES: dict[tuple[str, bool], tuple[ladybug.Database, int]] = {}
# Shared nodes the bulk writes into one file know in full, per label (file → label → id → the
# later properties on it): where a table was empty at the first bulk write into the file, the
# nodes it holds are the ones bulk writes appended since, with what they left on them, so a
# batch need not ask the store (asking was ~5 s of a 10,000-plan load). Kept per file, not per
# store object, so a write by any store on the file forgets it (EmbeddedStore._forget); no other
# process writes a file this one has open. Dropped with the file's Database.
_KNOWN: dict[str, dict[Label, dict[str, dict[str, Any]]]] = {}
# A plan graph is small; 64 GiB of addressable database is far beyond any city's plans and
# keeps the reservation modest (the default is 8 TiB per database).
MAX_DB_SIZE = 1 << 36
# Each checkpoint rewrites, for every node group that gained edges, that group's whole
# adjacency (with the edges' properties): the shared nodes (bodies, themes, projects) sit in a
# few groups and gain edges in every batch, so a checkpoint costs in proportion to all the edges
# they hold so far (measured: 2,000 edges from random bodies of a 10,000-plan store 0.8 s, the
# same 2,000 from 5 bodies 0.16 s) and checkpointing every 16 MiB of log (the default) made a
# large load quadratic. A long log costs too: commits grow with it (0.13 s a 20,000-row batch
# at 10 MB of log, 0.3 s at 500 MB) and the engine holds it in memory. Why commits grow (py-spy
# --native): until a checkpoint, an edge committed to a node that already has uncheckpointed
# edges from an earlier commit is added to that node's in-memory row list, which the engine
# sorts whole for every such edge (CSRNodeGroup::updateCSRIndex), so a hot node — a theme, a
# body many plans name — costs in proportion to the square of its edges since the last
# checkpoint (5 bodies gaining 1,000 edges each a commit: 0.07 s → 1.07 s over 30 commits; the
# same edges spread over 27,000 bodies: 0.025 → 0.04 s). At 10,000 plans,
# 512 MiB checkpoints three times (20 s in all, against 29–33 s for six at 256 MiB; commits
# 42 s against 32 s): 155 s and 1.57 GB peak RSS against 158–160 s and 1.36 GB; 1 GiB took
# 1.99 GB (bench/RESULTS.md runs 7 and 11). Loads also checkpoint at the end
# (:meth:`EmbeddedStore.flush`); the log is durable, replayed on open.
CHECKPOINT_THRESHOLD = 1 << 29
# Room a write needs. A full disk in the middle of a write aborts the whole process inside
# LadybugDB, and one in the middle of a checkpoint leaves the store needing recovery, so the
# only safe full disk is one met before writing. The log grows by about WAL_BYTES_PER_ROW per
# node or edge (the highest rate seen in this process is used; 400–600 measured on real
# plans, so it starts above); a checkpoint folding the log into the main file writes a shadow
# copy, the main pages and a checkpoint log, measured at up to 3× the log's size.
WAL_BYTES_PER_ROW = 1024
CHECKPOINT_FACTOR = 3
ROOM_RESERVE = 8 << 20


def _acquire(path: Path, read_only: bool) -> ladybug.Database:
    key = (str(path.resolve()), read_only)
    if key in _DATABASES:
        database, users = _DATABASES[key]
        _DATABASES[key] = (database, users + 1)
        return database
    if read_only and not path.exists():
        raise NoStore(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        database = _open(key[0], read_only, strict=True)
    except (RuntimeError, ValueError) as error:  # a torn log has raised both
        message = " ".join(str(error).split())
        if not Path(key[0] + ".wal").exists():
            raise StoreError(f"{path}: cannot open the LadybugDB database{' read-only' if read_only else ''} "
                             f"({message})") from None
        # The log ends in a transaction that was being written when the process died (a
        # full disk, a kill): replay every committed transaction before it, as LadybugDB's
        # recovery does when told not to give up on the torn tail. Read-only, in memory only.
        try:
            database = _open(key[0], read_only, strict=False)
        except (RuntimeError, ValueError) as again:
            raise StoreError(f"{path}: cannot open the LadybugDB database, even recovering its log "
                             f"({' '.join(str(again).split())})") from None
        RECOVERED.add(key[0])
    _DATABASES[key] = (database, 1)
    return database


# Paths whose log was cut short and replayed up to the tear, so callers can say so.
RECOVERED: set[str] = set()


def _open(path: str, read_only: bool, strict: bool) -> ladybug.Database:
    return ladybug.Database(path, max_db_size=MAX_DB_SIZE, read_only=read_only,
                            checkpoint_threshold=CHECKPOINT_THRESHOLD, throw_on_wal_replay_failure=strict)


def _release(path: Path, read_only: bool) -> None:
    key = (str(path.resolve()), read_only)
    database, users = _DATABASES[key]
    if users > 1:
        _DATABASES[key] = (database, users - 1)
    else:
        del _DATABASES[key]
        if not read_only:
            _KNOWN.pop(key[0], None)
        database.close()


_INTERNAL = frozenset({"_id", "_src", "_dst", "_ID", "_SRC", "_DST"})


def _plain(value: Any) -> Any:
    """Nodes and relationships as dicts of their properties and ``_label`` (a node's label, a
    relationship's type, as the Neo4j store gives them); internal ids dropped. LadybugDB spells
    a relationship's keys in capitals (``_LABEL``, ``_SRC``) and a node's in lower case."""
    if isinstance(value, dict):
        return {("_label" if k == "_LABEL" else k): _plain(v) for k, v in value.items() if k not in _INTERNAL}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# How table_info spells a type the DDL writes differently.
_REPORTED_TYPE = {"BOOLEAN": "BOOL"}


class EmbeddedStore(Store):
    """LadybugDB in a file. A batch of documents it does not hold yet takes the bulk path
    (staged CSV files read by ``LOAD FROM … CREATE``, graph/bulkplan.py) unless ``bulk`` is
    False; any other write, and a bulk write the engine refuses, goes row by row
    (``UNWIND $rows … CREATE``, graph/cypher.py)."""

    name = "ladybug"

    @property
    def frozen(self) -> bool:
        """A read-only LadybugDB database reads the file as it was when opened: a load by another
        process meanwhile (which LadybugDB does not refuse) changes nothing it reads — measured,
        and tests/test_search_index.py keeps checking it."""
        return self.read_only

    def __init__(self, path: Path, read_only: bool = False, bulk: bool = True) -> None:
        self.path = path
        self.read_only = read_only
        self.bulk = bulk
        self.copied = 0  # rows the bulk path appended since opening: how much of a load took it
        self._connection = ladybug.Connection(_acquire(path, read_only))
        self._closed = False
        self._watchdog: Any = None  # the child process query_within runs in, started on first use
        self._wal_rate = WAL_BYTES_PER_ROW
        self._key = str(path.resolve())  # the key of what bulk writes know of this file (_KNOWN)
        self.notice = (f"{path}: its log was cut short (a crash or a full disk during a write); every "
                       "transaction committed before that was recovered, the one in flight was lost"
                       if str(path.resolve()) in RECOVERED else None)
        if not read_only:
            for statement in ladybug_schema():
                self._connection.execute(statement)
            _sweep_staging(path)
        self._check_schema()

    def _check_schema(self) -> None:
        """Refuse a database made by another version of the schema: its tables exist (so the
        CREATE … IF NOT EXISTS above kept them) but lack columns every query now reads."""
        result = self._connection.execute("CALL show_tables() RETURN name")
        tables = set()
        while result.has_next():
            tables.add(result.get_next()[0])
        absent = [table for table in schema_columns() if table not in tables]  # read-only: nothing created them
        if absent:
            self.close()
            if str(Label.PLAN) in tables:  # a store of an older schema, before these tables were added
                raise StoreError(f"{self.path}: made by an older version of pledgegraph (it has no "
                                 f"{', '.join(absent)} table); open it once for writing to add "
                                 f"(pledgegraph load PLANS --db {self.path})")
            raise StoreError(f"{self.path}: not a pledgegraph store (it has no {absent[0]} table)")
        for table, wanted in schema_columns().items():
            result = self._connection.execute(f"CALL table_info('{table}') RETURN name, type")
            held = {}
            while result.has_next():
                name, kind = result.get_next()
                held[name] = kind
            missing = [f"{name} {kind}" for name, kind in wanted.items()
                       if held.get(name) != _REPORTED_TYPE.get(kind, kind)]
            if missing:
                self.close()
                raise StoreError(f"{self.path}: made by another version of pledgegraph ({table} lacks "
                                 f"{', '.join(missing)}); load your plans into a new database file")

    def _execute_plan(self, statements: list[Statement]) -> None:
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

    def make_room(self, rows: int) -> None:
        if self.read_only:
            return
        batch = rows * self._wal_rate
        wal = self._wal_bytes()
        if wal and _free(self.path) < _room(batch, wal) and _free(self.path) >= _room(0, wal):
            self.flush()  # fold the log into the main file while there is room to do it
            wal = self._wal_bytes()
        free = _free(self.path)
        if free < (need := _room(batch, wal)):
            raise NoRoom(f"{self.path}: not enough disk space for the next write ({free >> 20} MB free, about "
                         f"{need >> 20} MB needed); free some space and run the load again: what "
                         "was loaded is stored and is skipped")

    def _wal_bytes(self) -> int:
        try:
            return self.path.with_name(self.path.name + ".wal").stat().st_size
        except OSError:
            return 0

    def execute_plan(self, statements: list[Statement]) -> None:
        self._forget()
        wal = self._wal_bytes()
        self._execute_plan(statements)
        rows = sum(len(params.get("rows", ())) for _, params in statements)
        if rows and (grown := self._wal_bytes() - wal) > 0:
            self._wal_rate = max(self._wal_rate, grown // rows + 1)

    @property
    def stage(self) -> Callable[[GraphDoc], Staged] | None:
        """The bulk path's staging of a new document (bulkplan.stage_document), which a
        loader's workers may do for the writer."""
        return stage_document if self.bulk and not self.read_only else None

    def write_batch(self, graphs: list[GraphDoc], held: set[str] | frozenset[str],
                    staged: Sequence[Any] = ()) -> None:
        if not self.bulk or self.read_only or not graphs or {g.doc for g in graphs} & set(held):
            return super().write_batch(graphs, held)
        try:
            self._write_bulk(graphs, staged)
        except (StoreError, RuntimeError, ValueError, OSError):
            # The bulk path refused a row the row path may take (or could not stage): the batch was
            # rolled back whole, so it is written again row by row, raising if that fails too.
            super().write_batch(graphs, held)

    def _write_bulk(self, graphs: list[GraphDoc], staged: Sequence[Staged | None] = ()) -> None:
        """Write new documents in one transaction: shared nodes the store holds on the MERGE
        path, everything else appended from staged CSV files (graph/bulkplan.py). The
        appends are logged writes of the same transaction, so a failure or a kill leaves none
        of the batch (and, unlike ``COPY``, committing them checkpoints nothing)."""
        holding = {label: self._held_now(label, ids) for label, ids in shared_ids(graphs).items()}
        plan = bulk_plan(graphs, holding, staged)
        wal = self._wal_bytes()
        # Staged in the temp folder, not beside the store: the store's disk keeps its room for
        # the log and the checkpoint (make_room); a full temp disk falls back to the row path.
        with tempfile.TemporaryDirectory(prefix=_staging_prefix(self.path)) as folder:
            loads: list[Statement] = []
            for number, table in enumerate(plan.tables):
                csv = Path(folder) / f"{number:02d}.csv"
                write_records(csv, table.columns, table.records)
                loads.append((load_nodes(table.label, str(csv)) if table.edge_type is None else
                              load_edges(table.edge_type, table.label, table.target, str(csv)), {}))
            self._execute_plan(plan.before + loads)
        known = _KNOWN.get(self._key, {})
        for label, left in plan.leaves.items():
            if label in known:
                known[label].update(left)
        self.copied += sum(table.count for table in plan.tables)
        if plan.rows and (grown := self._wal_bytes() - wal) > 0:
            self._wal_rate = max(self._wal_rate, grown // plan.rows + 1)

    def _held_now(self, label: Label, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The nodes of ``label`` among ``ids`` the store holds (id → later properties), from
        what this store knows in full where it can, else asked."""
        if self._key not in _KNOWN:
            _KNOWN[self._key] = {shared: {} for shared in NODE_PROPERTIES if shared not in DOC_OWNED
                                 and self._count(shared) == 0}
        known = _KNOWN[self._key].get(label)
        if known is None:
            return self._held(label, ids)
        return {node_id: known[node_id] for node_id in ids if node_id in known}

    def _count(self, label: Label) -> int:
        result = self._connection.execute(count_nodes(label))
        return int(result.get_next()[0])

    def _forget(self) -> None:
        """A write off the bulk path (by any store on this file): what bulk writes knew may be
        stale, so from now on every batch asks."""
        _KNOWN[self._key] = {}

    def _held(self, label: Label, ids: list[str]) -> dict[str, dict[str, Any]]:
        """The nodes of ``label`` among ``ids`` the store holds: id → its later properties."""
        result = self._connection.execute(held_nodes(label), {"ids": ids})
        names = result.get_column_names()[1:]
        held = {}
        while result.has_next():
            node_id, *values = result.get_next()
            held[node_id] = dict(zip(names, values, strict=True))
        return held

    def flush(self) -> None:
        if self.read_only:
            return  # a CHECKPOINT on a read-only database leaves it needing recovery
        try:
            self._connection.execute("CHECKPOINT")
        except RuntimeError as error:
            raise StoreError(f"{self.path}: checkpoint failed: {error}") from None

    def _run(self, cypher: str, params: dict[str, Any], write: bool, max_rows: int | None = None) -> Result:
        if write:
            self._forget()
        try:
            result = self._connection.execute(cypher, params)
            if isinstance(result, list):  # several statements: the guard admits one
                raise QueryError("one statement per call")
            columns = result.get_column_names()
            rows = []
            while result.has_next() and (max_rows is None or len(rows) <= max_rows):
                rows.append([_plain(v) for v in result.get_next()])
        except RuntimeError as error:
            raise QueryError(" ".join(str(error).split())) from None
        except UnicodeDecodeError as error:
            raise StoreError(f"{self.path}: the database is damaged: a stored text is not UTF-8 ({error.reason}); "
                             "restore it from a copy or load the plans into a new file") from None
        return Result(columns, rows)

    def query_within(self, cypher: str, params: dict[str, Any], seconds: float, max_rows: int) -> Result:
        """In a child process that is killed at ``seconds``: LadybugDB's own query timeout is
        checked between pipeline steps, so one long expression (``UNWIND range(1, 3e8)``) ran
        34 s past a 0.5 s limit here. A store open for writing holds the file, so no second
        process can open it: there the engine's own timeout is all there is."""
        check_query(cypher, False)
        if not self.read_only:
            self._connection.set_query_timeout(int(seconds * 1000))
            try:
                return self._run(cypher, params, False, max_rows)
            except QueryError as error:
                if "Interrupted" in str(error):
                    raise TooLong(seconds) from None
                raise
            finally:
                self._connection.set_query_timeout(0)
        if self._watchdog is None:
            from pledgegraph.graph.watchdog import Watchdog

            self._watchdog = Watchdog(self.path)
        return self._watchdog.query(cypher, params, seconds, max_rows)

    def close(self) -> None:
        if self._watchdog is not None:
            self._watchdog.close()
            self._watchdog = None
        if not self._closed:
            self._connection.close()
            _release(self.path, self.read_only)
            self._closed = True


def _room(batch: int, wal: int) -> int:
    """Bytes free needed to write ``batch`` bytes of log onto a log of ``wal`` bytes and still
    checkpoint the whole log afterwards."""
    return batch + CHECKPOINT_FACTOR * (wal + batch) + ROOM_RESERVE


def _free(path: Path) -> int:
    """Bytes free on the disk that holds ``path``."""
    return shutil.disk_usage(path.parent if path.parent.exists() else Path.cwd()).free


def _staging_prefix(path: Path) -> str:
    """The temp folder prefix of one store's staged files (its resolved path, hashed)."""
    return f"pledgegraph-stage-{hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]}-"


def _sweep_staging(path: Path) -> None:
    """Delete CSV files a killed bulk write into this store left behind: their transaction
    never committed, so they hold nothing the store needs (one writer opens a store at a time)."""
    for stale in Path(tempfile.gettempdir()).glob(glob.escape(_staging_prefix(path)) + "*"):
        shutil.rmtree(stale, ignore_errors=True)
