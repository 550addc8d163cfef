"""The whole graph read a page at a time and written as it is read (the JSON export).

:func:`pledgegraph.export.read.read_snapshot` holds the whole graph twice (a networkx graph and
its sorted copy); at city scale that is most of an export's memory. Here nodes come label by
label and edges type by type in pages of :data:`PAGE` rows, ordered by the store, and each is
written before the next page is read. The bytes are those of the snapshot's writer: the same
order (a group of parallel edges, which the store orders by its own rule for nulls, is put in
the snapshot's order before it is written) and the same JSON layout. A store whose string
order is not Python's (possible for characters beyond the BMP) raises :class:`OutOfOrder`, and
the caller falls back to the snapshot.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from pledgegraph.export.read import _sortable, _typed
from pledgegraph.graph.cypher_reads import page_edges, page_nodes
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType
from pledgegraph.graph.store import Store

__all__ = ["PAGE", "OutOfOrder", "iter_nodes", "iter_edges", "write_json_stream"]

PAGE = 5000


class OutOfOrder(Exception):
    """The store's order of ids differs from Python's: the stream cannot match the snapshot."""


def _pages(store: Store, cypher: str) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        rows = store.query(cypher, {"offset": offset, "limit": PAGE}).records()
        yield from rows
        if len(rows) < PAGE:
            return
        offset += PAGE


def iter_nodes(store: Store) -> Iterator[dict[str, Any]]:
    """Every node as the JSON export writes it (``id``, ``label``, every property typed), in
    the snapshot's order: labels in schema order, ids ascending."""
    for label, kinds in NODE_PROPERTIES.items():
        last = None
        for record in _pages(store, page_nodes(label)):
            if last is not None and not last < record["id"]:
                raise OutOfOrder(f"{label} ids {last!r}, {record['id']!r}")
            last = record["id"]
            yield {"id": record["id"], "label": str(label),
                   **{name: _typed(kind, record.get(name)) for name, kind in kinds.items()}}


def iter_edges(store: Store) -> Iterator[dict[str, Any]]:
    """Every edge as the JSON export writes it (``type``, ``source``, ``target``, every property
    typed), in the snapshot's order: types in schema order, then ends, then properties."""
    for edge_type in EdgeType:
        last = None
        rows = _pages(store, page_edges(edge_type))
        for ends, group in groupby(rows, key=lambda r: (r["source"], r["target"])):
            if last is not None and not last < ends:
                raise OutOfOrder(f"{edge_type} ends {last!r}, {ends!r}")
            last = ends
            edges = [{"type": str(edge_type), "source": ends[0], "target": ends[1],
                      **{name: _typed(kind, r.get(name)) for name, kind in EDGE_PROPERTIES.items()}} for r in group]
            yield from sorted(edges, key=lambda e: [_sortable(e[name]) for name in EDGE_PROPERTIES])


def _write_list(out: IO[str], key: str, items: Iterator[dict[str, Any]], last: bool) -> int:
    """``"key": [ … ]`` laid out as ``json.dumps(…, indent=1)`` lays it out two levels deep."""
    count = 0
    for item in items:
        out.write(f' "{key}": [\n' if not count else ",\n")
        # split("\n"), not splitlines(): a text may hold U+2028, U+0085 … , which JSON leaves as they are
        out.write("\n".join("  " + line for line in json.dumps(item, ensure_ascii=False, indent=1).split("\n")))
        count += 1
    out.write(f' "{key}": []' if not count else "\n ]")
    out.write("\n" if last else ",\n")
    return count


def write_json_stream(store: Store, path: Path) -> tuple[int, int]:
    """Write the graph as :func:`pledgegraph.export.graphfiles.write_json` does, page by page;
    returns how many nodes and edges it wrote."""
    with path.open("w", encoding="utf-8") as out:
        out.write("{\n")
        nodes = _write_list(out, "nodes", iter_nodes(store), last=False)
        edges = _write_list(out, "edges", iter_edges(store), last=True)
        out.write("}\n")
    return nodes, edges
