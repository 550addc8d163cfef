"""The graph as a Cypher script that recreates it in an empty Neo4j 5 database.

``cypher-shell -f graph.cypher`` (or :func:`split_statements` and a driver) runs it: the
uniqueness constraints first, then ``UNWIND [<literal rows>] AS row CREATE …`` in batches,
nodes before the edges that join them. Every value is a literal, so the script needs no
parameters and no files; strings are escaped for Cypher (quote, backslash, line breaks and
other control characters), so no literal ever holds a raw line break and a statement ends
exactly where a line ends with ``;``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from pledgegraph.export.read import Snapshot
from pledgegraph.graph.cypher import neo4j_schema
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label

__all__ = ["cypher_literal", "script_statements", "split_statements", "write_script"]

BATCH = 200  # rows per UNWIND: a few hundred kB of text at most for the longest tasks
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def _string(text: str) -> str:
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif ord(char) < 0x20 or char in "\x7f\u2028\u2029":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "'" + "".join(out) + "'"


def _float(value: float) -> str:
    if math.isnan(value):
        return "toFloat('NaN')"
    if math.isinf(value):
        return "toFloat('Infinity')" if value > 0 else "toFloat('-Infinity')"
    text = repr(value)
    if "e" in text:  # Cypher writes 1E20, not 1e+20
        mantissa, exponent = text.split("e")
        text = f"{mantissa}E{int(exponent)}"
    return text


def _key(name: str) -> str:
    return name if _PLAIN_KEY.fullmatch(name) else "`" + name.replace("`", "``") + "`"


def cypher_literal(value: Any) -> str:
    r"""``value`` (None, bool, int, float, str, or a list or map of them) as a Cypher literal.

    >>> cypher_literal({"name": "O'Brien\n", "n": 2.0, "tags": [None, 1]})
    "{name: 'O\\'Brien\\n', n: 2.0, tags: [null, 1]}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _batches(rows: list[str]) -> list[list[str]]:
    return [rows[i:i + BATCH] for i in range(0, len(rows), BATCH)]


def _unwind(rows: list[str], body: str) -> str:
    return "UNWIND [\n  " + ",\n  ".join(rows) + f"\n] AS row\n{body}"


def _fields(names: list[str], offset: int = 0) -> str:
    return ", ".join(f"{name}: row[{index}]" for index, name in enumerate(names, start=offset))


def script_statements(snapshot: Snapshot) -> list[str]:
    """The statements, in order; labels and types come from the schema, values are literals.

    A row is a list, not a map: Neo4j parses a list of values about three times faster than
    the same values as maps, and a null element simply leaves its property unset."""
    statements = list(neo4j_schema())
    for label, props in NODE_PROPERTIES.items():
        rows = [cypher_literal([node.id, *(node.props[p] for p in props)]) for node in snapshot.nodes_of(label)]
        body = f"CREATE (n:{label} {{{_fields(['id', *props])}}})"
        statements += [_unwind(batch, body) for batch in _batches(rows)]
    grouped: dict[tuple[EdgeType, Label, Label], list[str]] = defaultdict(list)
    for edge in snapshot.edges:
        row = [edge.source.id, edge.target.id, *(edge.props[p] for p in EDGE_PROPERTIES)]
        grouped[(edge.type, edge.source.label, edge.target.label)].append(cypher_literal(row))
    for (edge_type, source, target), rows in grouped.items():
        body = (f"MATCH (a:{source} {{id: row[0]}}) MATCH (b:{target} {{id: row[1]}})\n"
                f"CREATE (a)-[:{edge_type} {{{_fields(list(EDGE_PROPERTIES), 2)}}}]->(b)")
        statements += [_unwind(batch, body) for batch in _batches(rows)]
    return statements


def split_statements(script: str) -> list[str]:
    """The statements of a script written here (or an ``import.cypher``), without the ``;``
    and without comment-only lines."""
    statements = []
    for chunk in script.split(";\n"):
        # split("\n"), not splitlines(): a literal may hold U+0085 or U+2028, never a "\n"
        lines = [line for line in chunk.split("\n") if not line.lstrip().startswith("//")]
        text = "\n".join(lines).strip()
        if text:
            statements.append(text)
    return statements


def write_script(snapshot: Snapshot, path: Path, source: str) -> None:
    source = " ".join(source.split())  # a comment must stay on its line
    header = (f"// pledgegraph graph export from {source}: {len(snapshot.nodes)} nodes, {len(snapshot.edges)} edges.\n"
              "// Recreates the graph in an EMPTY Neo4j 5 database: cypher-shell -f THIS_FILE\n")
    text = header + "".join(statement + ";\n" for statement in script_statements(snapshot))
    path.write_text(text, encoding="utf-8", newline="")
