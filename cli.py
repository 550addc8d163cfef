"""The ``pledgegraph`` command line: each command parses, calls one library function, formats.

Library errors (:class:`pledgegraph.errors.PledgeGraphError`) become one-line messages naming
the file and the problem; a batch goes on past a broken file and exits non-zero at the end.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from pledgegraph import __version__
from pledgegraph.cli_graph import LEXICON, use_lexicon
from pledgegraph.errors import PledgeGraphError
from pledgegraph.loaders.extract import extract_file
from pledgegraph.loaders.record import Extraction
from pledgegraph.outputs import OutputError, make_folder, write_text
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
      pledgegraph serve --open                     # … or in the local, read-only web app
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


def _json_targets(files: tuple[Path, ...], out_dir: Path) -> dict[Path, Path]:
    """Where ``extract -o`` writes each file's record: ``DIR/<sub-folders>/<stem>.json``, the
    sub-folders being the file's own below the folder all FILES share (``plans/*.txt`` gives a
    flat ``DIR/<stem>.json``; ``a/plan.txt b/plan.txt`` gives ``DIR/a/plan.json`` and
    ``DIR/b/plan.json``). Two files that would still share a record (``plan.txt`` and
    ``plan.docx`` side by side) are refused before anything is written."""
    sources = {path: Path(os.path.abspath(path)) for path in files}
    common = Path(os.path.commonpath([source.parent for source in sources.values()]))
    targets = {path: out_dir / source.parent.relative_to(common) / f"{source.stem}.json"
               for path, source in sources.items()}
    claimed: dict[Path, Path] = {}
    for path, target in targets.items():
        other = claimed.setdefault(target, path)
        if sources[other] != sources[path]:
            raise click.UsageError(f"{other} and {path} would both be written to {target}; "
                                   "extract them in separate runs (or to separate -o folders)")
    return targets


def _write_record(record: Extraction, target: Path, out_dir: Path) -> None:
    for folder in reversed(target.relative_to(out_dir).parents[:-1]):
        make_folder(out_dir / folder)
    write_text(target, json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n")


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="table: readable summary [default]; json: the extraction record of SCHEMA.md "
                   "(implied by -o).")
@click.option("--output-dir", "-o", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write one JSON record per plan into DIR (created if missing; its parent must exist) "
                   "instead of printing: DIR/<name>.json, keeping the plans' sub-folders below the "
                   "folder they share. Implies --format json.")
@LEXICON
def extract(files: tuple[Path, ...], fmt: str | None, output_dir: Path | None, lexicon_dirs: tuple[Path, ...]) -> None:
    """Extract commitments, projects, owners, targets and themes from plan FILES.

    Each FILE is one plan (.txt or .md, in UTF-8, GB18030/GBK or UTF-16). With one file,
    --format json prints one JSON object; with several, one object per line (JSON Lines).
    A file that cannot be read is reported on stderr and the rest still run; the exit code
    is 1 if any failed.

    -o DIR writes the records as files instead (JSON; --format table cannot go with it).
    Plans from different folders keep those folders below DIR, so a/plan.txt and
    b/plan.txt become DIR/a/plan.json and DIR/b/plan.json; two plans that would still
    share a record are refused before anything is written. Each record is written whole
    or not at all; a record that cannot be written (a full disk) stops the run.

    \b
    Examples:
      pledgegraph extract samples/*.txt
      pledgegraph extract plan.txt --format json > plan.json
      pledgegraph extract plans/*.txt -o extracted/
      pledgegraph extract plan.txt --lexicon our_words/   # with your own word lists added
    """
    use_lexicon(lexicon_dirs)
    if output_dir is not None and fmt == "table":
        raise click.UsageError("-o/--output-dir writes JSON records; drop --format table (or drop -o to print the tables)")
    fmt = fmt or ("json" if output_dir is not None else "table")
    targets: dict[Path, Path] = {}
    if output_dir is not None:
        targets = _json_targets(files, output_dir)
        try:
            make_folder(output_dir)
        except PledgeGraphError as error:
            raise click.ClickException(str(error)) from None
    failures: list[tuple[Path, str]] = []
    many, written = len(files) > 1, 0
    for path in files:
        try:
            record = extract_file(path)
        except PledgeGraphError as error:
            failures.append((path, str(error)))
            click.echo(f"error: {error}", err=True)
            continue
        if output_dir is not None:
            try:
                _write_record(record, targets[path], output_dir)
            except OutputError as error:  # about DIR, not this plan: the next would fail the same way
                raise click.ClickException(f"{error} ({written} of {len(files)} record(s) written)") from None
            written += 1
        elif fmt == "json":
            data = record.to_dict()
            click.echo(json.dumps(data, ensure_ascii=False) if many else json.dumps(data, ensure_ascii=False, indent=2))
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
from pledgegraph.cli_serve import register as register_serve  # noqa: E402

register_audit(cli)
register_export(cli)
register_serve(cli)


def main() -> None:
    """Entry point of the ``pledgegraph`` script."""
    cli(prog_name="pledgegraph")
