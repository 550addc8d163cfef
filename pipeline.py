"""Loading plans into a store: discover files, extract, build, write.

Documents are written in batches, each batch one transaction, so an interrupted or failing
load never leaves half a document (a killed load loses at most the batch in flight). A
document whose bytes are unchanged since it was loaded is skipped, so re-running an
interrupted load finishes the rest. A broken file is reported and the load goes on; a batch
the store refuses is retried one document at a time, so only the guilty document fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pledgegraph.discovery import Discovery
from pledgegraph.discovery import discover as find_files
from pledgegraph.errors import StoreError
from pledgegraph.graph.lineage import link_lineage
from pledgegraph.graph.members import link_members
from pledgegraph.graph.model import EdgeType, GraphDoc
from pledgegraph.graph.network import dependency_cycles
from pledgegraph.graph.store import NoRoom, Store
from pledgegraph.loaders.aliases import BodyAliases
from pledgegraph.loaders.collective import admits, collective
from pledgegraph.loaders.read import READERS
from pledgegraph.loaders.resolve import canonical_body_name, governed_place
from pledgegraph.prepare import prepared

__all__ = ["BATCH_ROWS", "LoadReport", "discover", "load_paths", "remove_document", "link_graph_members"]


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)
    links: int = 0  # TRACKS links (re)made between documents of the same body
    other_files: int = 0  # files under the folders loaded that are not plans (by suffix)
    stopped: str | None = None  # why the load stopped before the end (the disk is full)
    left: int = 0  # documents not loaded because it stopped
    members: int = 0  # MEMBER_OF links the graph (not the gazetteer) knows, when they changed


def discover(paths: Iterable[str | Path]) -> Discovery:
    """The plan files under ``paths`` and their document ids (see :mod:`pledgegraph.discovery`)."""
    return find_files(paths, READERS)


# Nodes + edges per write transaction: large enough that per-statement and per-commit costs
# vanish (a plan is a few hundred rows), small enough that a killed load loses little.
BATCH_ROWS = 20_000


def load_paths(store: Store, paths: Iterable[str | Path], force: bool = False,
               progress: Callable[[Path], None] | None = None, batch_rows: int = BATCH_ROWS,
               aliases: BodyAliases | None = None, jobs: int = 0, found: Discovery | None = None) -> LoadReport:
    """Load every plan under ``paths`` into ``store``; see the module docstring for guarantees.
    A batch is written once it holds ``batch_rows`` nodes and edges; ``aliases`` is the body
    registry (default: the shipped one); with ``jobs`` ≥ 1, that many worker processes
    extract while the store writes (:func:`pledgegraph.prepare.default_jobs` suggests a number;
    the calling script must then guard its top level with ``if __name__ == "__main__"``);
    ``found`` is the discovery of ``paths`` when the caller made it already.
    Paths that give no document (missing, unreadable, a clash of ids) are reported as failed."""
    report = LoadReport()
    found = found if found is not None else discover(paths)
    report.failed += found.problems
    report.other_files = found.other_files
    batch = _Batch(store, store.documents(), report)
    items = prepared(found.files, dict(batch.held), force, aliases, jobs, store.stage)
    seen = 0  # files taken from ``items`` so far
    try:
        store.make_room(0)  # a disk already full stops the load before any work
        for item in items:
            seen += 1
            if item.error is not None:
                report.failed.append((str(item.path), item.error))
            elif item.graph is None:
                report.unchanged.append(item.name)
            else:
                batch.add(item.path, item.sha256, item.graph, item.staged)
            if progress is not None:
                progress(item.path)
            if batch.rows >= batch_rows:
                batch.flush()
        batch.flush()
    except NoRoom as error:
        # Stop before the disk fills: a full disk inside a write would abort the process.
        # Everything flushed before is committed; re-running the load skips it.
        report.stopped, report.left = str(error), len(batch.pending) + len(found.files) - seen
        return report
    finally:
        items.close()  # stops the worker processes at once
    if report.loaded:
        store.cleanup()
    # Also after a load that wrote nothing: it finishes the linking a killed load left undone.
    report.links = link_lineage(store)
    report.members = link_graph_members(store, aliases)
    if report.loaded or report.links or report.members:
        store.flush()
    report.cycles = dependency_cycles(batch.dependencies)
    return report


def link_graph_members(store: Store, aliases: BodyAliases | None = None) -> int:
    """Link collectives to the members only the graph knows (graph/members.py); the links
    written, 0 when none changed."""
    def place_admitted(name: str, place: str) -> bool:
        found = collective(canonical_body_name(name, aliases))
        return found is not None and admits(found, place)

    return link_members(store, place_admitted, governed_place)


def remove_document(store: Store, doc: str, aliases: BodyAliases | None = None) -> bool:
    """Remove what ``doc`` contributed (False when the store does not hold it), and the
    memberships the graph knew only through it."""
    removed = store.remove(doc)
    if removed:
        link_graph_members(store, aliases)
    return removed


class _Batch:
    """Built documents waiting to be written together."""

    def __init__(self, store: Store, held: dict[str, str], report: LoadReport) -> None:
        self.store, self.held, self.report = store, held, report
        self.pending: list[tuple[Path, str, GraphDoc, Any]] = []
        self.rows = 0
        # Only DEPENDS_ON edges are kept for the cycle check, not whole graphs, so memory
        # does not grow with the load.
        self.dependencies: list[GraphDoc] = []

    def add(self, path: Path, sha256: str, graph: GraphDoc, staged: Any = None) -> None:
        self.pending.append((path, sha256, graph, staged))
        self.rows += len(graph.nodes) + len(graph.edges)

    def flush(self) -> None:
        pending = self.pending
        if not pending:
            return
        self.store.make_room(self.rows)  # NoRoom leaves the batch pending, unwritten
        pending, self.pending, self.rows = self.pending, [], 0
        try:
            self.store.write_batch([graph for _, _, graph, _ in pending], set(self.held),
                                   [staged for *_, staged in pending])
            written = pending
        except StoreError as error:
            if len(pending) == 1:
                self.report.failed.append((str(pending[0][0]), str(error)))
                return
            written = [item for item in pending if self._write_alone(*item)]
        for _, sha256, graph, _ in written:
            self.held[graph.doc] = sha256
            self.report.loaded.append(graph.doc)
            self.dependencies.append(GraphDoc(graph.doc, (), tuple(
                edge for edge in graph.edges if edge.type == EdgeType.DEPENDS_ON)))

    def _write_alone(self, path: Path, sha256: str, graph: GraphDoc, staged: Any) -> bool:
        try:
            self.store.write_batch([graph], set(self.held), [staged])
        except StoreError as error:
            self.report.failed.append((str(path), str(error)))
            return False
        return True
