"""Files to graphs (read → extract → build), in worker processes when a load is big.

Extraction is pure Python and CPU-bound while writing mostly waits on the store, so on a
load of many files, workers prepare the next documents while the loader writes the last
ones. Results come back in file order whatever the timing, so a load's outcome never depends
on it, and at most ``WINDOW`` prepared documents wait in memory.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pledgegraph.discovery import Found
from pledgegraph.errors import PledgeGraphError
from pledgegraph.graph.model import GraphDoc
from pledgegraph.loaders.aliases import BodyAliases
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.read import read_document

__all__ = ["Prepared", "prepare", "prepared", "default_jobs"]

# About one write batch of documents: enough for the workers to stay ahead of the writer.
WINDOW = 64
# Below this many files, starting worker processes costs more than it saves.
MIN_FILES_FOR_WORKERS = 24


@dataclass(frozen=True)
class Prepared:
    """One file, ready to write: its graph, or why there is none (unchanged, or an error)."""

    path: Path
    name: str | None = None
    sha256: str | None = None
    graph: GraphDoc | None = None
    error: str | None = None
    staged: Any = None  # the store's staging of the graph (Store.stage), when asked for


def prepare(path: Path, doc: str, held_sha256: str | None, force: bool, aliases: BodyAliases | None,
            stage: Callable[[GraphDoc], Any] | None = None) -> Prepared:
    """Read ``path`` as document ``doc``; unless its bytes hash to ``held_sha256`` (and not ``force``), extract and
    build its graph, and ``stage`` it for the store when given. Errors come back as values, so one bad file
    never stops the others."""
    try:
        document = read_document(path, doc)
        if not force and held_sha256 == document.sha256:
            return Prepared(path, document.name, document.sha256)
        graph = build_graph(extract_document(document), aliases)
        # A held document is replaced by the row path, which takes nothing staged.
        staged = stage(graph) if stage is not None and held_sha256 is None else None
        return Prepared(path, document.name, document.sha256, graph, staged=staged)
    except PledgeGraphError as error:
        return Prepared(path, error=str(error))


def default_jobs() -> int:
    """Worker processes for a big load: one per core, at most four; none on one core. Since the
    bulk path the writer mostly waits, so it no longer needs a core of its own: on two cores,
    1,000 plans loaded in 47 s with two workers against 55 s with one (2026-12-04, quiet
    machine; before the bulk path one worker had won, 51 s against 60 s)."""
    cores = os.cpu_count() or 1
    return min(4, cores) if cores > 1 else 0


def _die_with_the_loader() -> None:
    """Ask Linux to end this worker when the loader process ends, however it ends: a load
    killed with SIGKILL must not leave workers behind. Elsewhere workers end when their job
    queue closes."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() == 1:  # the loader died before the request took hold
            os._exit(1)


_PR_SET_PDEATHSIG = 1


def prepared(files: Sequence[Found], held: Mapping[str, str], force: bool, aliases: BodyAliases | None,
             jobs: int, stage: Callable[[GraphDoc], Any] | None = None) -> Iterator[Prepared]:
    """:func:`prepare` each file, in order, in ``jobs`` worker processes (0: in this one);
    ``held`` is the document → sha256 the store holds; ``stage`` is run on each new graph in
    the workers (in this process, the writer does it when it writes)."""
    if jobs < 1 or len(files) < MIN_FILES_FOR_WORKERS:
        for file in files:
            yield prepare(file.path, file.doc, held.get(file.doc), force, aliases)
        return
    # spawn, not fork: the loader holds a database connection and its threads, which a child
    # must not inherit; not forkserver: its workers are not the loader's children, so they
    # would outlive a killed loader.
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_die_with_the_loader)
    try:
        pending: deque[Future[Prepared]] = deque()
        for file in files:
            pending.append(pool.submit(prepare, file.path, file.doc, held.get(file.doc), force, aliases, stage))
            if len(pending) >= WINDOW:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
