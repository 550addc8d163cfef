"""Exports of the stored graph, for people and for other tools.

==========  ======  ==========================================================================
format      -o      what
==========  ======  ==========================================================================
xlsx        file    the 台账 (ledger): one row per commitment, for a person (``ledger.py``)
graphml     file    the whole graph for Gephi, yEd or networkx (``graphfiles.py``)
json        file    ``{"nodes": […], "edges": […]}`` with every property (``graphfiles.py``)
csv         folder  neo4j-admin import files, plus import.sh and a LOAD CSV import.cypher
                    (``admin_csv.py``)
cypher      file    a Cypher script that recreates the graph in Neo4j (``script.py``)
==========  ======  ==========================================================================

JSON is read and written a page at a time (``stream.py``), the ledger a page of the named query
``ledger`` at a time; every other format is written from one :class:`~pledgegraph.export.read.Snapshot`, read
with the same Cypher from either store; every file is written by :mod:`pledgegraph.outputs`
(atomic, never through a link or onto a device, a read-only file refused).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pledgegraph.graph.store import Store
from pledgegraph.outputs import OutputError, check_target, write_file, write_folder

if TYPE_CHECKING:
    from pledgegraph.export.read import Snapshot

__all__ = ["FORMATS", "Exported", "ExportError", "export_graph"]

ExportError = OutputError  # what an export raises: one error class for every output written

FORMATS = ("xlsx", "graphml", "json", "csv", "cypher")


@dataclass(frozen=True)
class Exported:
    path: Path
    format: str
    summary: str  # what was written, for a person: "145 commitments", "612 nodes, 1498 edges"
    warnings: tuple[str, ...] = ()


def _graph_summary(snapshot: Snapshot) -> str:
    return f"{len(snapshot.nodes)} nodes, {len(snapshot.edges)} edges"


def _xlsx(store: Store, path: Path, source: str, now: datetime) -> Exported:
    from pledgegraph.export.ledger import ledger_rows, write_xlsx

    ledger = ledger_rows(store)
    write_file(path, lambda scratch: write_xlsx(ledger, scratch, source, now))
    return Exported(path, "xlsx", f"{len(ledger.rows)} commitments", ledger.warnings)


def _graphml(snapshot: Snapshot, path: Path, source: str) -> list[str]:
    from pledgegraph.export.graphfiles import write_graphml
    from pledgegraph.export.xmltext import replaced_note

    replaced: list[int] = []
    write_file(path, lambda scratch: replaced.append(write_graphml(snapshot, scratch)))
    return replaced_note(replaced[0])


def _json(snapshot: Snapshot, path: Path, source: str) -> list[str]:
    from pledgegraph.export.graphfiles import write_json

    write_file(path, lambda scratch: write_json(snapshot, scratch))
    return []


def _json_stream(store: Store, path: Path) -> Exported | None:
    """The JSON export read and written page by page (the same bytes as from a snapshot); None
    when the store orders ids otherwise than Python, so only a snapshot gives those bytes."""
    from pledgegraph.export.stream import OutOfOrder, write_json_stream

    counts: list[tuple[int, int]] = []
    try:
        write_file(path, lambda scratch: counts.append(write_json_stream(store, scratch)))
    except OutOfOrder:
        return None
    nodes, edges = counts[0]
    return Exported(path, "json", f"{nodes} nodes, {edges} edges")


def _csv(snapshot: Snapshot, path: Path, source: str) -> list[str]:
    from pledgegraph.export.admin_csv import is_export_file, write_csv_folder

    # Its name goes into import.cypher's file URLs ("-o ." has none); abspath, not resolve():
    # a link at the path must be refused, not followed to the folder it names.
    folder = Path(os.path.abspath(path))
    warnings: list[str] = []
    write_folder(folder, lambda scratch: warnings.extend(write_csv_folder(snapshot, scratch, folder.name)),
                 owned=is_export_file)
    return warnings


def _cypher(snapshot: Snapshot, path: Path, source: str) -> list[str]:
    from pledgegraph.export.script import write_script

    write_file(path, lambda scratch: write_script(snapshot, scratch, source))
    return []


# The formats written from a snapshot of the whole graph; each returns its warnings.
_FROM_SNAPSHOT: dict[str, Callable[[Snapshot, Path, str], list[str]]] = {
    "graphml": _graphml, "json": _json, "csv": _csv, "cypher": _cypher,
}


def export_graph(store: Store, fmt: str, path: Path, now: datetime | None = None) -> Exported:
    """Write what ``store`` holds to ``path`` in format ``fmt`` (one of :data:`FORMATS`)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    from pledgegraph.export.read import describe_store, read_snapshot  # networkx: only when exporting

    path, source = Path(path), describe_store(store)
    if fmt != "csv":
        check_target(path)  # before reading the graph: a path that cannot be written fails at once
    if fmt == "xlsx":
        return _xlsx(store, path, source, now or datetime.now().astimezone())
    if fmt == "json":
        streamed = _json_stream(store, path)
        if streamed is not None:
            return streamed
    snapshot = read_snapshot(store)
    warnings = _FROM_SNAPSHOT[fmt](snapshot, path, source)
    return Exported(path, fmt, _graph_summary(snapshot), tuple(warnings))
