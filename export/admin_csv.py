"""The graph as CSV files in neo4j-admin's import layout, with the two ways to load them.

One ``nodes_<Label>.csv`` per label (``id:ID,<prop>:<type>…,:LABEL``) and one ``rels_<TYPE>.csv``
per edge type (``:START_ID,:END_ID,:TYPE,<prop>:<type>…``); ids are unique over all labels, so
one ID space serves. Beside them: ``import.sh`` (``neo4j-admin database import full``, the fast
way into an empty database), ``import.cypher`` (LOAD CSV, for a running server whose import
directory the folder is copied into) and a README.

Quoting follows RFC 4180 and neo4j-admin 5's default: every string is quoted, an inner quote is
doubled, a backslash is an ordinary character, newlines stay inside quotes. An empty unquoted
field is an absent property, ``""`` an empty string. Neo4j's LOAD CSV reads a backslash as an
escape unless ``dbms.import.csv.legacy_quote_escaping=false``; :func:`write_csv_folder` warns
when a value holds one.

These files are for Neo4j, not for a spreadsheet, so a value starting with ``=``, ``+``, ``-`` or
``@`` is written as it is: the ``'`` that makes such a cell inert in a spreadsheet (as
``query --format csv`` adds) would be imported into the graph as part of the value, and every
exact target's comparator is ``=``. The README in the folder says so; the xlsx ledger is the
format for people (its cells are always text).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pledgegraph.export.read import Snapshot
from pledgegraph.graph.cypher import neo4j_schema
from pledgegraph.graph.model import EDGE_ENDPOINTS, EDGE_PROPERTIES, NODE_PROPERTIES, EdgeType, Label

__all__ = ["node_file", "rel_file", "is_export_file", "load_csv_statements", "write_csv_folder"]

_ADMIN_TYPES = {"STRING": "string", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean"}
_CONVERT = {"long": "toInteger({})", "double": "toFloat({})", "boolean": "toBoolean({})", "string": "{}"}
_BATCH = 1000  # rows per transaction in import.cypher
FIXED_FILES = ("import.sh", "import.cypher", "README.txt")


def node_file(label: Label) -> str:
    return f"nodes_{label}.csv"


def rel_file(edge_type: EdgeType) -> str:
    return f"rels_{edge_type}.csv"


def is_export_file(name: str) -> bool:
    """True for the names a CSV export writes (so a later export may replace the folder)."""
    return name in FIXED_FILES or (name.endswith(".csv") and name.startswith(("nodes_", "rels_")))


def _field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        return repr(value) if math.isfinite(value) else ("Infinity" if value > 0 else "-Infinity")
    return '"' + str(value).replace('"', '""') + '"'


def _line(values: list[Any]) -> str:
    return ",".join(_field(v) for v in values) + "\n"


def _node_header(label: Label) -> list[str]:
    props = [f"{name}:{_ADMIN_TYPES.get(kind, 'string')}" for name, kind in NODE_PROPERTIES[label].items()]
    return ["id:ID", *props, ":LABEL"]


def _rel_header() -> list[str]:
    props = [f"{name}:{_ADMIN_TYPES.get(kind, 'string')}" for name, kind in EDGE_PROPERTIES.items()]
    return [":START_ID", ":END_ID", ":TYPE", *props]


def _header_line(names: list[str]) -> str:
    return ",".join(names) + "\n"  # header names come from the schema: no quoting needed


def _column(name: str) -> str:
    return f"row.`{name}`"


def _typed(header: str) -> str:
    kind = header.split(":", 1)[1]
    return _CONVERT[kind].format(_column(header))


def _url(folder: str, name: str) -> str:
    return f"file:///{quote(folder)}/{quote(name)}"


def _in_batches(load: str, body: str) -> str:
    return f"{load}\nCALL {{ WITH row {body} }} IN TRANSACTIONS OF {_BATCH} ROWS"


def load_csv_statements(folder: str) -> list[str]:
    """LOAD CSV statements that recreate the graph from the folder ``folder`` copied into a
    Neo4j server's import directory: constraints, then nodes, then relationships.

    A relationship type may join several label pairs; each pair gets its own statement that
    matches both ends by label and id (an index seek), and a row whose ends are of other labels
    matches nothing there, so every row is created exactly once."""
    statements = list(neo4j_schema())
    for label in NODE_PROPERTIES:
        props = ", ".join([f"id: {_column('id:ID')}"]
                          + [f"{h.split(':')[0]}: {_typed(h)}" for h in _node_header(label)[1:-1]])
        load = f"LOAD CSV WITH HEADERS FROM '{_url(folder, node_file(label))}' AS row"
        statements.append(_in_batches(load, f"CREATE (:{label} {{{props}}})"))
    props = ", ".join(f"{h.split(':')[0]}: {_typed(h)}" for h in _rel_header()[3:])
    for edge_type, pairs in EDGE_ENDPOINTS.items():
        load = f"LOAD CSV WITH HEADERS FROM '{_url(folder, rel_file(edge_type))}' AS row"
        for source, target in pairs:
            body = (f"MATCH (a:{source} {{id: {_column(':START_ID')}}}) MATCH (b:{target} {{id: {_column(':END_ID')}}}) "
                    f"CREATE (a)-[:{edge_type} {{{props}}}]->(b)")
            statements.append(_in_batches(load, body))
    return statements


def _import_sh() -> str:
    nodes = " \\\n    ".join(f'--nodes="$here/{node_file(label)}"' for label in NODE_PROPERTIES)
    rels = " \\\n    ".join(f'--relationships="$here/{rel_file(edge_type)}"' for edge_type in EDGE_ENDPOINTS)
    constraints = "\n".join(f"#   {statement};" for statement in neo4j_schema())
    return f"""#!/bin/sh
# Recreate the pledgegraph graph in a NEW, EMPTY Neo4j 5 database with neo4j-admin (the server
# must be stopped, or the database must not exist yet). Usage: ./import.sh [DATABASE]  (default neo4j)
# Then start the server and create the uniqueness constraints (cypher-shell or Browser):
{constraints}
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
neo4j-admin database import full "${{1:-neo4j}}" --multiline-fields=true \\
    {nodes} \\
    {rels}
"""


def _readme(name: str, warnings: list[str]) -> str:
    notes = "".join(f"\nNote: {warning}\n" for warning in warnings)
    return f"""pledgegraph graph export: CSV files in the neo4j-admin import layout
(written by `pledgegraph export --format csv`).

  nodes_<Label>.csv   id:ID, one column per property (name:type), :LABEL
  rels_<TYPE>.csv     :START_ID, :END_ID, :TYPE, one column per property (name:type)

Every string is quoted (an inner quote doubled), an empty field is an absent property.

1. Into a new database, with neo4j-admin (fastest; server stopped):

     sh {name}/import.sh [DATABASE]

2. Into a running server, with LOAD CSV: copy the folder `{name}` into the server's
   import directory (server.directories.import) keeping its name, then run

     cypher-shell -f {name}/import.cypher

   import.cypher creates the constraints, then the nodes, then the relationships, in
   transactions of {_BATCH} rows (in Neo4j Browser, prefix each statement with :auto).
   Run it on an empty database: it creates, it does not merge.
   LOAD CSV reads a backslash before a quote or a backslash as an escape unless the server
   sets dbms.import.csv.legacy_quote_escaping=false; neo4j-admin reads the files as written.

These files are for Neo4j, not for a spreadsheet: values are written exactly as stored, so
one starting with =, +, - or @ would run as a formula in Excel or LibreOffice. For a
spreadsheet use `pledgegraph export --format xlsx` (the ledger, whose cells are always text).
{notes}"""


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")  # a newline inside a value stays as it is


def _has_backslash(snapshot: Snapshot) -> bool:
    texts = [node.id for node in snapshot.nodes] + [
        value for item in (*snapshot.nodes, *snapshot.edges) for value in item.props.values() if isinstance(value, str)]
    return any("\\" in text for text in texts)


def write_csv_folder(snapshot: Snapshot, folder: Path, name: str) -> list[str]:
    """Write the CSV files, import.sh, import.cypher and README.txt into ``folder`` (a scratch
    folder that will be renamed to ``name``); returns warnings for the person exporting."""
    warnings = []
    if _has_backslash(snapshot):
        warnings.append("some values contain a backslash: for import.cypher, the server needs "
                        "dbms.import.csv.legacy_quote_escaping=false (neo4j-admin needs nothing)")
    for label in NODE_PROPERTIES:
        header = _node_header(label)
        lines = [_line([node.id, *(node.props[p] for p in NODE_PROPERTIES[label]), str(label)])
                 for node in snapshot.nodes_of(label)]
        _write(folder / node_file(label), _header_line(header) + "".join(lines))
    for edge_type in EDGE_ENDPOINTS:
        lines = [_line([edge.source.id, edge.target.id, str(edge_type), *(edge.props[p] for p in EDGE_PROPERTIES)])
                 for edge in snapshot.edges_of(edge_type)]
        _write(folder / rel_file(edge_type), _header_line(_rel_header()) + "".join(lines))
    script = "// Recreate the graph from this folder, copied into a Neo4j server's import directory (README.txt).\n"
    script += "".join(statement + ";\n" for statement in load_csv_statements(name))
    _write(folder / "import.cypher", script)
    _write(folder / "import.sh", _import_sh())
    (folder / "import.sh").chmod(0o755)
    _write(folder / "README.txt", _readme(name, warnings))
    return warnings
