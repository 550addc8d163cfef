"""The ``pledgegraph`` command line: each command parses, calls one library function, formats.

Library errors (:class:`pledgegraph.errors.PledgeGraphError`) become one-line messages naming
the file and the problem; a batch goes on past a broken file and exits non-zero at the end.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from pledgegraph import __version__
from pledgegraph.errors import PledgeGraphError
from pledgegraph.loaders.extract import extract_file
from pledgegraph.loaders.record import Extraction
from pledgegraph.textfmt import render_extraction_table

__all__ = ["main", "cli"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="pledgegraph")
@click.option("--db", type=click.Path(dir_okay=True, path_type=Path), default=None,
              help="Embedded LadybugDB path for the store commands (also accepted after the command).")
@click.option("--neo4j", "neo4j_uri", metavar="URI", default=None,
              help="Neo4j server for the store commands, e.g. bolt://localhost:7687.")
def cli(db: Path | None, neo4j_uri: str | None) -> None:
    """Turn Chinese government work plans into a knowledge graph of commitments and owners.

    \b
    Typical use:
      pledgegraph load plans/                      # extract every plan into ./pledgegraph.db
      pledgegraph viz --open                       # explore the graph in a browser (offline)
      pledgegraph owners 越江隧道                   # which bodies own a project, with evidence
      pledgegraph query "MATCH (p:Project) RETURN p.name AS name LIMIT 5"
      pledgegraph extract plan.txt --format json   # the extraction record (SCHEMA.md)

    \b
    Stores: the embedded LadybugDB file ./pledgegraph.db by default (--db PATH or
    $PLEDGEGRAPH_DB), or a Neo4j 5 server with --neo4j bolt://host:7687 (or $NEO4J_URI;
    credentials from $NEO4J_USERNAME / $NEO4J_PASSWORD, database from $NEO4J_DATABASE).
    --db / --neo4j go before or after the command. Commands that only read open the store
    read-only and never create one.
    """


def _write_json(record: Extraction, out_dir: Path | None, many: bool) -> None:
    data = record.to_dict()
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / f"{Path(record.doc).stem}.json"
        partial = target.with_suffix(".json.part")
        # Write then rename, so an interrupted run never leaves a half-written record.
        partial.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        partial.replace(target)
    elif many:
        click.echo(json.dumps(data, ensure_ascii=False))
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable summary; json: the extraction record of SCHEMA.md.")
@click.option("--output-dir", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --format json: write one DIR/<name>.json per plan instead of printing.")
def extract(files: tuple[Path, ...], fmt: str, output_dir: Path | None) -> None:
    """Extract commitments, projects, owners, targets and themes from plan FILES.

    Each FILE is one plan (.txt or .md, in UTF-8, GB18030/GBK or UTF-16). With one file,
    --format json prints one JSON object; with several, one object per line (JSON Lines).
    A file that cannot be read is reported on stderr and the rest still run; the exit code
    is 1 if any failed.

    \b
    Examples:
      pledgegraph extract samples/*.txt
      pledgegraph extract plan.txt --format json > plan.json
      pledgegraph extract plans/*.txt --format json -o extracted/
    """
    failures: list[tuple[Path, str]] = []
    many = len(files) > 1
    for path in files:
        try:
            record = extract_file(path)
        except PledgeGraphError as error:
            failures.append((path, str(error)))
            click.echo(f"error: {error}", err=True)
            continue
        if fmt == "json":
            _write_json(record, output_dir, many)
        else:
            click.echo(render_extraction_table(record))
    if failures:
        click.echo(f"{len(failures)} of {len(files)} file(s) failed: "
                   + ", ".join(str(p) for p, _ in failures), err=True)
        sys.exit(1)


from pledgegraph.cli_graph import register  # noqa: E402  (commands that use a store)

register(cli)

from pledgegraph.cli_audit import register as register_audit  # noqa: E402
from pledgegraph.cli_export import register as register_export  # noqa: E402

register_audit(cli)
register_export(cli)


def main() -> None:
    """Entry point of the ``pledgegraph`` script."""
    cli(prog_name="pledgegraph")
