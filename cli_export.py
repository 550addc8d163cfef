"""The ``export`` command: the stored graph as a 台账 spreadsheet, GraphML, JSON, CSV or Cypher.

It parses the options, opens the store (--db / --neo4j, shared with the other store commands),
calls :func:`pledgegraph.export.export_graph` and reports what it wrote.
"""

from __future__ import annotations

from pathlib import Path

import click
from pledgegraph.cli_graph import _with_store
from pledgegraph.export import FORMATS, export_graph
from pledgegraph.graph.store import Store

__all__ = ["register"]


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="xlsx: the 台账 (ledger); graphml: for Gephi; json; csv: neo4j-admin import files; "
                   "cypher: a script that recreates the graph.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The file to write (a folder for --format csv). It appears whole or not at all.")
@_with_store
def export(store: Store, fmt: str, output: Path) -> None:
    """Export the stored graph for people and other tools.

    \b
    Formats:
      xlsx     the 台账 (ledger): one row per commitment with issuer, lead and
               cooperating bodies, task, projects, targets, deadline, status and
               the evidence with its document and span; a 说明 sheet explains it
      graphml  the whole graph for Gephi or yEd (node kind in "label", edge "type")
      json     {"nodes": [...], "edges": [...]} with every property, stable order
      csv      a FOLDER of neo4j-admin import files (nodes_<Label>.csv,
               rels_<TYPE>.csv) with import.sh (neo4j-admin) and import.cypher
               (LOAD CSV, for a running server); see its README.txt
      cypher   a script that recreates the graph in an empty Neo4j 5 database

    \b
    Examples:
      pledgegraph export --format xlsx -o 台账.xlsx
      pledgegraph export --format graphml -o plans.graphml      # open in Gephi
      pledgegraph export --format csv -o plans-csv/
      pledgegraph export --format cypher -o plans.cypher --db city.db
      cypher-shell -a bolt://localhost:7687 -f plans.cypher      # into Neo4j

    The file is written beside its target and renamed into place, so a failure (a full
    disk too) leaves nothing half-written; a csv folder replaces only an earlier csv
    export. Only a regular file is replaced: a link, a device, a FIFO or a read-only file
    at the path is refused, and the folder it goes into must exist. The csv files are
    Neo4j input, kept exact (a value may start with =); for a spreadsheet use xlsx.
    """
    exported = export_graph(store, fmt, output)
    click.echo(f"wrote {exported.path} ({exported.summary})")
    for warning in exported.warnings:
        click.echo(f"warning: {warning}", err=True)


def register(group: click.Group) -> None:
    """Add the export command to the CLI group."""
    group.add_command(export)
