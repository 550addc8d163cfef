"""The ``serve`` command: a local, read-only web app over the store (:mod:`pledgegraph.serve`).

It opens the store read-only (--db / --neo4j, shared with the other store commands), binds the
socket, prints the URL and serves until Ctrl-C.
"""

from __future__ import annotations

import click
from pledgegraph.cli_graph import _with_store
from pledgegraph.graph.store import Store

__all__ = ["register"]


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback lets other machines read the graph (a warning says so).")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--query-timeout", type=click.FloatRange(0.1, 3600), default=10, show_default=True, metavar="SECONDS",
              help="Stop a console (/api/cypher) statement that runs longer than this.")
@click.option("--open", "open_browser", is_flag=True, help="Open the app in the default browser.")
@_with_store
def serve(store: Store, host: str, port: int, query_timeout: float, open_browser: bool) -> None:
    """Explore the graph in a browser: search, who owns what, the source text, the network.

    A local web app over the store, read-only (the engine refuses writes, and every Cypher
    statement passes the same guard as `query`). The page needs no network: its scripts are
    served by the app (vis-network from the installed pyvis). It answers only requests
    naming the host it serves, and refuses POSTs from other sites. Ctrl-C stops it.

    \b
    API (JSON):
      GET  /api/query/NAME?PARAM=VALUE   what `query NAME --param … --format json` prints
      POST /api/cypher {"query", "params"}   read-only Cypher, at most 1000 rows and
                                         --query-timeout seconds
      GET  /api/search?q=TEXT            ranked hits, or "did you mean" suggestions
      GET  /api/entity/ID                the panel of a project, body, plan, theme …
      GET  /api/graph/ID                 the node and its neighbours
      GET  /api/source/DOC?start=&end=   the document's text, with a span

    \b
    Examples:
      pledgegraph serve --open
      pledgegraph serve --db city.db --port 9000
      pledgegraph serve --neo4j bolt://localhost:7687
    """
    from pledgegraph.errors import StoreError
    from pledgegraph.serve.run import Server
    from pledgegraph.serve.security import is_loopback

    if not is_loopback(host):
        click.echo(f"warning: --host {host} is not loopback: anyone who can reach this machine can read the graph",
                   err=True)
    try:
        server = Server(store, host, port, query_timeout)
    except OSError as error:
        raise StoreError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None
    click.echo(f"serving {server.url} (read-only; Ctrl-C stops)")

    def opened() -> None:
        if open_browser:
            import webbrowser

            webbrowser.open(server.url)

    server.run(on_ready=opened)
    click.echo("stopped")


def register(group: click.Group) -> None:
    """Add the serve command to the CLI group."""
    group.add_command(serve)
