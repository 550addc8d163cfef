"""Commands that work on a graph store: load, query, owners, deps, portfolio, stats, schema, remove.

Each command parses its options, opens the store named by --db / --neo4j, calls one library
function and formats the answer. Library errors become one-line messages and exit code 1;
an ambiguous name lists the candidates and exits 2.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click
from pledgegraph.errors import PledgeGraphError
from pledgegraph.graph.model import EDGE_ENDPOINTS, EDGE_PROPERTIES, NODE_PROPERTIES
from pledgegraph.graph.store import DEFAULT_DB, Store, open_store
from pledgegraph.loaders.aliases import load_aliases
from pledgegraph.loaders.lexicon import use as use_folders
from pledgegraph.pipeline import BATCH_ROWS, LoadReport, discover, load_paths, remove_document
from pledgegraph.prepare import default_jobs
from pledgegraph.queries import run as lookups
from pledgegraph.queries.format import format_result, page_note
from pledgegraph.queries.library import named_queries, run_named
from pledgegraph.queries.params import parse_params
from pledgegraph.textfmt import render_table

__all__ = ["register", "LEXICON", "use_lexicon"]

LEXICON = click.option(
    "--lexicon", "lexicon_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
    help="A folder of your own word lists, named like the shipped ones in loaders/data/ "
         "(e.g. body_suffixes.txt): their entries are added, '-entry' lines take one out. "
         "Repeatable; also $PLEDGEGRAPH_LEXICON.")


def use_lexicon(folders: tuple[Path, ...]) -> None:
    """Extend the vocabulary with ``folders`` for this command (checked first: a misnamed
    file or a malformed row is refused with file:line)."""
    if not folders:
        return
    try:
        use_folders(folders)
    except PledgeGraphError as error:
        raise click.BadParameter(str(error), param_hint="--lexicon") from None

_FORMAT = click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
                       show_default=True, help="Output format.")


def _with_store(command: Callable[..., Any] | None = None, *, writes: bool | str = False) -> Any:
    """Add --db / --neo4j, open the store, pass it as ``store``, turn errors into messages.

    The store opens read-only unless ``writes`` is True, or names the flag that asks to write
    (``writes="write"`` for query --write): a read never creates a store, and the engine itself
    refuses to write. --db / --neo4j may also come before the command (``pledgegraph --db x.db
    stats``); given after it they win."""
    if command is None:
        return lambda function: _with_store(function, writes=writes)

    @click.option("--db", type=click.Path(dir_okay=True, path_type=Path), default=None,
                  help=f"Embedded LadybugDB path (default ./{DEFAULT_DB} or $PLEDGEGRAPH_DB).")
    @click.option("--neo4j", "neo4j_uri", metavar="URI", default=None,
                  help="Use the Neo4j server at URI (e.g. bolt://localhost:7687) instead.")
    @wraps(command)
    def wrapper(db: Path | None, neo4j_uri: str | None, **kwargs: Any) -> None:
        group = click.get_current_context().find_root().params
        if db is None and neo4j_uri is None:
            db, neo4j_uri = group.get("db"), group.get("neo4j_uri")
        write = writes if isinstance(writes, bool) else bool(kwargs.get(writes))
        try:
            with open_store(db, neo4j_uri, read_only=not write) as store:
                if getattr(store, "notice", None):
                    click.echo(f"warning: {store.notice}", err=True)
                command(store=store, **kwargs)
        except lookups.Ambiguous as error:
            click.echo(f"error: {error}", err=True)
            click.echo(render_table(["candidate", "id"], [(m.name, m.id) for m in error.candidates]), err=True)
            sys.exit(2)
        except PledgeGraphError as error:
            raise click.ClickException(str(error)) from None

    return wrapper


def _params(pairs: tuple[str, ...], json_pairs: tuple[str, ...] = ()) -> dict[str, Any]:
    """--param / --param-json, typed by :mod:`pledgegraph.queries.params`; a bad one is a usage error."""
    try:
        return parse_params(pairs, json_pairs)
    except PledgeGraphError as error:
        raise click.BadParameter(str(error), param_hint="--param / --param-json") from None


def _summary(store: Store, before: dict, report: LoadReport) -> str:
    after = store.counts()
    rows = [(kind, name, before[kind][name], after[kind][name]) for kind in ("nodes", "edges") for name in after[kind]]
    lines = [render_table(["", "type", "before", "after"], rows)]
    lines.append(f"{len(report.loaded)} loaded, {len(report.unchanged)} unchanged, {len(report.failed)} failed"
                 + (f" ({report.other_files} other files in the folders are not plans)" if report.other_files else ""))
    for cycle in report.cycles:
        lines.append("warning: dependency cycle: " + " → ".join(cycle + cycle[:1]))
    return "\n".join(lines)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Re-extract documents even when their bytes are unchanged.")
@click.option("--batch-rows", type=click.IntRange(min=1), default=BATCH_ROWS, show_default=True,
              help="Nodes and edges written per transaction. Smaller loses less to a crash, larger loads faster.")
@click.option("--aliases", "aliases_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Your own body registry, one body a line: 'full name = alias = alias'. Give it on every load.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes extracting while the store writes [default: one per core, at most 4; none on one core]; "
                   "0 extracts in the loading process.")
@LEXICON
@_with_store(writes=True)
def load(store: Store, paths: tuple[Path, ...], force: bool, batch_rows: int, aliases_file: Path | None,
         jobs: int | None, lexicon_dirs: tuple[Path, ...]) -> None:
    """Extract plan files (or every plan under directories) and store their graph.

    Documents are written in batches, one transaction each, and a document replaces what it
    contributed before, so loading is idempotent, no document is ever half-written, and an
    interrupted load can simply be run again. Unchanged documents are skipped. Failed files
    are listed at the end and the exit code is 1.

    Abbreviated body names resolve to one body per jurisdiction through the shipped registry
    (区发改委 = 区发展和改革委员会); --aliases adds yours. Bodies' ids depend on it, so use the
    same file on every load into one store (--force re-keys documents already loaded).

    --lexicon DIR adds your vocabulary to the shipped word lists (loaders/data/): a file
    DIR/body_suffixes.txt with the row "攻坚队 | department | yes" makes 区治水攻坚队 a body. Like --aliases,
    give it on every load into one store (--force re-extracts what was loaded without it).

    \b
    Examples:
      pledgegraph load samples/
      pledgegraph load plans/*.txt --db city.db
      pledgegraph load plans/ --neo4j bolt://localhost:7687
      pledgegraph load plans/ --aliases our_bodies.txt
      pledgegraph load plans/ --lexicon our_words/
    """
    use_lexicon(lexicon_dirs)
    aliases = load_aliases(aliases_file) if aliases_file else None
    found = discover(paths)
    before = store.counts()
    with click.progressbar(length=len(found.files), label="loading", file=sys.stderr,
                           item_show_func=lambda p: p.name if p else "") as bar:
        report = load_paths(store, paths, force=force, progress=lambda path: bar.update(1, path),
                            batch_rows=batch_rows, aliases=aliases, jobs=default_jobs() if jobs is None else jobs,
                            found=found)
    click.echo(_summary(store, before, report))
    for _path, message in report.failed:
        click.echo(f"failed: {message}", err=True)
    if report.stopped:
        click.echo(f"error: the load stopped with {report.left} documents left: {report.stopped}", err=True)
    if report.failed or report.stopped:
        sys.exit(1)


@click.command()
@click.argument("cypher")
@click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A query parameter, used as $KEY (repeatable). A plain number (7, -3, 2.5) is a number, "
                   "anything else (007, 1_000, nan) text.")
@click.option("--param-json", "json_pairs", multiple=True, metavar="KEY=JSON",
              help='A parameter given as JSON: a list, true, null, or text that looks like a number ("7").')
@_FORMAT
@click.option("--write", is_flag=True, help="Allow a query that changes the graph.")
@_with_store(writes="write")
def query(store: Store, cypher: str, pairs: tuple[str, ...], json_pairs: tuple[str, ...], fmt: str,
          write: bool) -> None:
    """Run CYPHER (or a named query by its name) and print the rows.

    Values go in as parameters, never into the text: --param name=value, used as $name.
    A query runs read-only, in the engine itself, unless --write is given. One statement per
    call; statements that read or write files, load extensions, change tables or
    administer the database (LOAD, COPY, ATTACH, INSTALL, EXPORT, CALL of anything but the
    catalog …) are refused, even with --write.

    \b
    Named queries: {names}

    A named query answers one page: --param limit=N (default 100, at most 10,000) rows from
    --param offset=K (default 0), in a total order, so pages never overlap. When more rows
    follow, a line on stderr says so ("rows 1–100; more: --param offset=100").

    \b
    Examples:
      pledgegraph query "MATCH (b:Body) RETURN b.name AS body LIMIT 10"
      pledgegraph query search --param text=隧道 --format json
      pledgegraph query 'MATCH (p:Plan) WHERE p.doc IN $docs RETURN p.issuer AS issuer' \\
          --param-json 'docs=["qinglan_2024_work_plan.txt"]'
    """
    params = _params(pairs, json_pairs)
    note = None
    if cypher in named_queries() or _BARE_NAME.fullmatch(cypher.strip()):
        result = run_named(store, cypher.strip(), params)
        note = page_note(result, named_queries()[cypher.strip()].defaults)
    else:
        result = store.query(cypher, params, write=write)
    click.echo(format_result(result, fmt))
    if note:  # on stderr: stdout stays the rows alone (JSON stays one array)
        click.echo(note, err=True)


# A bare word is a named query's name, never Cypher (no statement is one word long).
_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")

query.help = (query.help or "").replace("{names}", ", ".join(named_queries()))


def _lookup_command(name: str, function: Callable[[Store, str], Any], argument: str, doc: str) -> click.Command:
    @click.argument(argument)
    @_FORMAT
    @_with_store
    def command(store: Store, fmt: str, **kwargs: Any) -> None:
        click.echo(format_result(function(store, kwargs[argument]), fmt))

    command.__doc__ = doc
    return click.command(name)(command)


owners = _lookup_command("owners", lookups.owners, "name", """Which bodies own a project: role, evidence and source document.

    NAME may be part of the project's name or an alias; when several projects match, the
    candidates are listed (exit code 2).

    \b
    Example:
      pledgegraph owners 越江隧道
    """)
deps = _lookup_command("deps", lookups.deps, "name", """What a project depends on, directly or through other projects.

    \b
    Example:
      pledgegraph deps 历史文化街区
    """)
portfolio = _lookup_command("portfolio", lookups.portfolio, "body", """The projects and tasks a body leads or cooperates on.

    Besides its own, a subdistrict, town or district lists the work a plan gave to a
    collective it is one of (各街镇, 各街道, 各区政府 …), with that collective in the "via"
    column.

    \b
    Example:
      pledgegraph portfolio 区住房集团
    """)


@click.command()
@click.argument("name")
@_FORMAT
@_with_store
def status(store: Store, fmt: str, name: str) -> None:
    """How a project went, document by document: plan, mid-year report, next year's plan.

    Each row is one thing a document says of the project — its own mention, or a later
    document's follow-up linked to it (TRACKS) — with the status and the evidence. The table
    ends with the project's path, each document's furthest status in order.

    \b
    Example:
      pledgegraph status 越江隧道
      → planned (work_plan 2023计划.txt) → completed (midyear_report 2023半年报.txt)
    """
    result = lookups.status(store, name)
    click.echo(format_result(result, fmt))
    if fmt == "table" and result.rows:
        click.echo(lookups.progress_line(result))


@click.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_with_store
def stats(store: Store, fmt: str) -> None:
    """Count the nodes per label and the edges per type in the store."""
    counts = store.counts()
    if fmt == "json":
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    rows = [(kind, name, n) for kind in ("nodes", "edges") for name, n in counts[kind].items()]
    click.echo(render_table(["", "type", "count"], rows))


def _lines(names: list[str], width: int = 46) -> list[str]:
    """``names`` joined by commas into lines of at most ``width`` columns (none cut short)."""
    lines = [""]
    for name in names:
        piece = f"{lines[-1]}, {name}" if lines[-1] else name
        if len(piece) > width and lines[-1]:
            lines[-1] += ","
            lines.append(name)
        else:
            lines[-1] = piece
    return lines


@click.command()
def schema() -> None:
    """Print the graph schema: node labels with their properties, edge types with endpoints."""
    rows = [(label if i == 0 else "", line) for label, props in NODE_PROPERTIES.items()
            for i, line in enumerate(_lines(["id", *props]))]
    click.echo(render_table(["node label", "properties"], rows))
    click.echo()
    edges = [(kind, "; ".join(f"{a}→{b}" for a, b in pairs)) for kind, pairs in EDGE_ENDPOINTS.items()]
    click.echo(render_table(["edge type", "endpoints"], edges))
    click.echo()
    click.echo("Every edge has the properties: " + ", ".join(EDGE_PROPERTIES))


@click.command()
@click.argument("doc")
@_with_store(writes=True)
def remove(store: Store, doc: str) -> None:
    """Remove everything document DOC (its file name) contributed to the graph.

    Shared bodies and projects stay while another document still uses them.
    """
    if not remove_document(store, doc):
        raise click.ClickException(f"{doc}: not in the store (see: pledgegraph query plan_summary)")
    click.echo(f"removed {doc}")


def _theme(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from pledgegraph.viz.focus import check_theme

    try:
        return None if value is None else check_theme(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command()
@click.option("--focus", metavar="NAME", help="Centre on a project, body or theme (e.g. economy).")
@click.option("--depth", type=click.IntRange(1, 6), default=2, show_default=True, help="Steps around the focus.")
@click.option("--theme", callback=_theme, help="Only commitments under this theme (and what they touch).")
@click.option("--district", help="Only what plans of this district contributed.")
@click.option("--status", type=click.Choice(["planned", "in_progress", "completed"]), help="Only this status.")
@click.option("--max-nodes", type=click.IntRange(1), default=500, show_default=True,
              help="Cap; keeps every kind in proportion and says how many of each it left out.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("pledgegraph.html"),
              show_default=True, help="Where to write the HTML page (its folder must exist; it appears whole or not at all).")
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the default browser.")
@_with_store
def viz(store: Store, focus: str | None, depth: int, theme: str | None, district: str | None,
        status: str | None, max_nodes: int, output: Path, open_browser: bool) -> None:
    """Draw the stored graph as one interactive HTML page that works offline.

    Colours and shapes tell the kinds of node apart (see the legend); red solid edges are
    lead responsibility, orange dashed ones cooperation. Click a node for its details and
    the evidence it came from; type a name in the search box to find it.

    \b
    Examples:
      pledgegraph viz --open
      pledgegraph viz --focus 越江隧道 --depth 2 -o tunnel.html
      pledgegraph viz --theme social_welfare --status in_progress
    """
    from pledgegraph.outputs import check_target, write_text
    from pledgegraph.viz.focus import find_focus
    from pledgegraph.viz.html import render_html
    from pledgegraph.viz.subgraph import read_view

    check_target(output)  # before the work: a path that cannot be written fails at once
    view = read_view(store, find_focus(store, focus) if focus else None, depth, theme, district, status, max_nodes)
    write_text(output, render_html(view, title=f"pledgegraph — {view.note}"))
    if view.graph.number_of_nodes() == 0:
        click.echo(f"warning: the view is empty ({view.note}): nothing in the store matches", err=True)
    click.echo(f"wrote {output} ({view.graph.number_of_nodes()} nodes, {view.graph.number_of_edges()} edges; {view.note})")
    if open_browser:
        import webbrowser

        webbrowser.open(output.resolve().as_uri())


def register(group: click.Group) -> None:
    """Add the store commands to the CLI group."""
    for command in (load, query, owners, deps, portfolio, status, stats, schema, remove, viz):
        group.add_command(command)
