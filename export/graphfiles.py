"""The whole graph as GraphML (for Gephi, yEd, networkx) and as JSON (for scripts).

GraphML is written by networkx with what Gephi needs: a value on every attribute it lists (an
absent property is left out, never written as None), only strings and numbers (no lists or
maps), the node's kind in ``label`` and the edge's in ``type``, and an id unique over all edges
(Gephi merges edges that share one). XML 1.0 cannot carry control characters other than tab,
newline and carriage return, nor U+FFFE / U+FFFF; they become U+FFFD (``xmltext.py``) and the
export says how many it replaced.

JSON keeps every property, absent ones as null, in the snapshot's stable order: the same graph
always gives the same bytes.
"""

from __future__ import annotations

import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from lxml import etree
from networkx.readwrite.graphml import GraphMLWriterLxml
from pledgegraph.export.read import Snapshot
from pledgegraph.export.xmltext import xml_clean

__all__ = ["to_networkx", "write_graphml", "graph_json", "write_json"]


def _present(props: dict[str, Any], clean: Callable[[Any], Any]) -> dict[str, Any]:
    return {name: clean(value) for name, value in props.items() if value is not None}


class _GephiKeyIds(GraphMLWriterLxml):
    """networkx's GraphML writer, with key ids ``node_name``, ``edge_doc`` … instead of ``d0``,
    ``d1`` …: Gephi reads a key with id ``d3`` as yEd's node label and ``d7`` as its edge label,
    whatever its name, and nodes and edges share attribute names, so ids must name the scope.
    (lxml, not ElementTree: it keeps a carriage return in a value as ``&#13;``.)"""

    def get_key(self, name: str, attr_type: str, scope: str, default: Any) -> str:
        if (name, attr_type, scope) not in self.keys:
            key_id = f"{scope}_{name}"
            self.keys[(name, attr_type, scope)] = key_id
            self.xml.insert(0, self.myElement("key", **{"id": key_id, "for": scope, "attr.name": name,
                                                        "attr.type": attr_type}))
        return self.keys[(name, attr_type, scope)]


def to_networkx(snapshot: Snapshot, clean: Callable[[Any], Any] = lambda value: value) -> nx.MultiDiGraph:
    """Nodes keyed by id with ``label`` and their properties; edges keyed ``e0``, ``e1`` … in
    snapshot order. ``clean`` is applied to every id and value."""
    graph = nx.MultiDiGraph()
    for node in snapshot.nodes:
        graph.add_node(clean(node.id), label=str(node.label), **_present(node.props, clean))
    for index, edge in enumerate(snapshot.edges):
        graph.add_edge(clean(edge.source.id), clean(edge.target.id), key=f"e{index}", type=str(edge.type),
                       **_present(edge.props, clean))
    return graph


def write_graphml(snapshot: Snapshot, path: Path) -> int:
    """Write ``snapshot`` as GraphML; returns how many characters XML could not hold."""
    replaced = 0

    def xml_safe(value: Any) -> Any:
        nonlocal replaced
        if not isinstance(value, str):
            return value
        clean, count = xml_clean(value)
        replaced += count
        return clean

    try:
        _GephiKeyIds(str(path), graph=to_networkx(snapshot, xml_safe), encoding="utf-8", prettyprint=True).dump()
    except etree.SerialisationError as error:  # lxml's word for a failed write: "IO_ENOSPC", …
        code = getattr(errno, str(error).removeprefix("IO_"), errno.EIO)
        raise OSError(code, os.strerror(code)) from error
    return replaced


def graph_json(snapshot: Snapshot) -> dict[str, list[dict[str, Any]]]:
    """``{"nodes": [{id, label, …}], "edges": [{type, source, target, …}]}``."""
    return {
        "nodes": [{"id": node.id, "label": str(node.label), **node.props} for node in snapshot.nodes],
        "edges": [{"type": str(edge.type), "source": edge.source.id, "target": edge.target.id, **edge.props}
                  for edge in snapshot.edges],
    }


def write_json(snapshot: Snapshot, path: Path) -> None:
    text = json.dumps(graph_json(snapshot), ensure_ascii=False, indent=1)
    path.write_text(text + "\n", encoding="utf-8")
