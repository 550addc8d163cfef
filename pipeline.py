"""Loading plans into a store: discover files, extract, build, write — one document at a time.

Each document is one transaction, so an interrupted or failing load never leaves half a
document; a document whose bytes are unchanged since it was loaded is skipped, so re-running
an interrupted batch finishes the rest. A broken file is reported and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pledgegraph.errors import PledgeGraphError
from pledgegraph.graph.model import GraphDoc
from pledgegraph.graph.network import dependency_cycles
from pledgegraph.graph.store import Store
from pledgegraph.loaders.build import build_graph
from pledgegraph.loaders.extract import extract_document
from pledgegraph.loaders.read import READERS, read_document

__all__ = ["LoadReport", "discover", "load_paths"]


@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    cycles: list[list[str]] = field(default_factory=list)


def discover(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, and plan files under directories named (recursively), in a stable order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
        else:
            found.append(path)
    return list(dict.fromkeys(found))


def load_paths(store: Store, paths: Iterable[str | Path], force: bool = False,
               progress: Callable[[Path], None] | None = None) -> LoadReport:
    """Load every plan under ``paths`` into ``store``; see the module docstring for guarantees."""
    report = LoadReport()
    held = store.documents()
    graphs: list[GraphDoc] = []
    for path in discover(paths):
        try:
            document = read_document(path)
            if not force and held.get(document.name) == document.sha256:
                report.unchanged.append(document.name)
                continue
            graph = build_graph(extract_document(document))
            store.write(graph, new=document.name not in held)
        except PledgeGraphError as error:
            report.failed.append((str(path), str(error)))
        else:
            report.loaded.append(document.name)
            graphs.append(graph)
        finally:
            if progress is not None:
                progress(path)
    if report.loaded:
        store.cleanup()
    report.cycles = dependency_cycles(graphs)
    return report
