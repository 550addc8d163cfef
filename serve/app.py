"""The web app over an open, read-only store: a JSON API and the page that uses it.

:func:`create_app` is pure — it builds the app around a store someone else opened (read-only,
so the engine itself refuses writes) and closes; ``pledgegraph serve`` opens the store, binds
the socket and runs uvicorn. The API answers in the shapes the command line prints:
``/api/query/<name>`` is byte for byte ``pledgegraph query <name> --param … --format json``
(parameters typed by the same rule, :mod:`pledgegraph.queries.params`), ``/api/cypher`` goes
through the same guard as ``query`` (:mod:`pledgegraph.graph.guard`) and answers a write with
403 and a one-line reason; ``/api/subgraph`` gives the nodes a console result named, with the
edges among them, in the shape of ``/api/graph``. One lock serialises the store: an embedded
connection is one connection, and a panel is a handful of short reads.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from pledgegraph.errors import PledgeGraphError, QueryError
from pledgegraph.graph.guard import Refused
from pledgegraph.graph.store import Result, Store
from pledgegraph.queries.format import format_result
from pledgegraph.queries.library import Page, named_queries, run_named
from pledgegraph.queries.params import typed_value
from pledgegraph.serve.canvas import MAX_SUBGRAPH, neighbourhood, subgraph
from pledgegraph.serve.names import NoEntity
from pledgegraph.serve.panel_pages import PANEL_LIMIT, page_lists, panel_page
from pledgegraph.serve.panels import entity_panel
from pledgegraph.serve.search import search
from pledgegraph.serve.search_index import SearchIndex
from pledgegraph.serve.security import SecurityMiddleware, allowed_hosts
from pledgegraph.serve.source import SourceUnavailable, document_source
from pledgegraph.viz.html import VIS_DIR
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

__all__ = ["create_app", "MAX_ROWS", "MAX_SUBGRAPH", "QUERY_SECONDS"]

MAX_ROWS = 1000
"""Rows ``/api/cypher`` returns at most; the answer says when it cut (``X-Rows-Truncated``).
The store stops reading after one more, so a statement matching millions costs no memory."""
QUERY_SECONDS = 10.0
"""How long a console statement may run before it is stopped (``serve --query-timeout``)."""
_STATIC = Path(__file__).resolve().parent / "static"
_MAX_BODY = 256 * 1024


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _json(value: Any) -> JSONResponse:
    return JSONResponse(value)


def _rows(result: Result, headers: dict[str, str] | None = None) -> Response:
    """The rows as ``query --format json`` prints them (NaN and infinity as null)."""
    return Response(format_result(result, "json"), media_type="application/json", headers=headers)


def _more_headers(request: Request, result: Result) -> dict[str, str] | None:
    """When rows follow this page: ``X-More-Rows`` (the next offset) and a ``Link`` to the next
    page, the request's own parameters with ``offset`` moved on. The body stays the page alone."""
    if not isinstance(result, Page) or not result.more:
        return None
    query = {**request.query_params, "offset": str(result.next_offset)}
    url = request.url.replace(query=urlencode(query))
    return {"X-More-Rows": f"offset={result.next_offset}",
            "Link": f'<{url.path}?{url.query}>; rel="next"'}


def _reason(error: Refused) -> str:
    """The guard's one-line reason, without the command line's advice about ``--write``
    (this server never writes)."""
    text = str(error)
    if "; pass --write" in text:
        return text.split("; pass --write")[0] + "; this server only reads"
    return text.replace(" (and with --write change it)", "")


def _int(value: str | None) -> int | None:
    if value in (None, ""):
        return None
    typed = typed_value(value)
    if not isinstance(typed, int):
        raise QueryError(f"{value!r} is not a whole number")
    return typed


def create_app(store: Store, host: str = "127.0.0.1", port: int = 8765,
               query_seconds: float = QUERY_SECONDS, panel_limit: int = PANEL_LIMIT) -> Starlette:
    """The app serving ``store`` at ``http://host:port`` (the Host header it will accept); a
    console statement is stopped after ``query_seconds``, and a panel's long lists hold
    ``panel_limit`` rows unless a request asks for another page size. ``app.state.search_index``
    is the in-memory search (:mod:`.search_index`); whoever runs the app starts and closes it
    (:class:`~.run.Server` does), and until it is built search runs its queries."""
    lock = threading.Lock()
    index = SearchIndex(store, lock)

    def guarded(handler: Callable[[Request], Response]) -> Callable[[Request], Response]:
        def endpoint(request: Request) -> Response:
            try:
                with lock:
                    return handler(request)
            except Refused as error:
                return _error(403, _reason(error))
            except (NoEntity, SourceUnavailable) as error:
                return _error(404, str(error))
            except PledgeGraphError as error:
                return _error(400, str(error))

        return endpoint

    def query(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in named_queries():
            try:
                run_named(store, name)
            except QueryError as error:
                return _error(404, str(error))
        params = {key: typed_value(value) for key, value in request.query_params.items()}
        result = run_named(store, name, params)
        return _rows(result, _more_headers(request, result))

    def cypher(request: Request) -> Response:
        raw = request.scope["pledgegraph.body"]
        try:
            body = json.loads(raw or b"null")
        except ValueError:
            return _error(400, "the body is not JSON: send {\"query\": \"MATCH …\", \"params\": {…}}")
        if not isinstance(body, dict) or not isinstance(body.get("query"), str):
            return _error(400, "send {\"query\": \"MATCH …\", \"params\": {…}}")
        params = body.get("params") or {}
        if not isinstance(params, dict):
            return _error(400, "params must be an object")
        result = store.query_within(body["query"], params, query_seconds, MAX_ROWS)
        if len(result.rows) > MAX_ROWS:
            return _rows(Result(result.columns, result.rows[:MAX_ROWS]),
                         {"X-Rows-Truncated": str(MAX_ROWS)})
        return _rows(result)

    def among(request: Request) -> Response:
        """The nodes a console result named, with the edges among them (the canvas's shape)."""
        try:
            body = json.loads(request.scope["pledgegraph.body"] or b"null")
        except ValueError:
            return _error(400, "the body is not JSON: send {\"ids\": [\"body:…\", …]}")
        if not isinstance(body, dict) or "ids" not in body:
            return _error(400, "send {\"ids\": [\"body:…\", …]}")
        return _json(subgraph(store, body["ids"]))

    def catalogue(request: Request) -> Response:
        return _json([{"name": q.name, "description": q.description, "params": list(q.params), "defaults": q.defaults}
                      for q in named_queries().values()])

    def find(request: Request) -> Response:
        return _json(search(store, request.query_params.get("q", ""), index.current()))

    def entity(request: Request) -> Response:
        limit = _int(request.query_params.get("limit"))
        limit, offset = panel_page(panel_limit if limit is None else limit, _int(request.query_params.get("offset")))
        return _json(page_lists(entity_panel(store, request.path_params["id"], limit, offset), limit, offset))

    def graph(request: Request) -> Response:
        return _json(neighbourhood(store, request.path_params["id"]))

    def source(request: Request) -> Response:
        start, end = _int(request.query_params.get("start")), _int(request.query_params.get("end"))
        return _json(document_source(store, request.path_params["doc"], start, end))

    def with_body(handler: Callable[[Request], Response]) -> Callable[[Request], Awaitable[Response]]:
        """``handler`` behind the lock, once the body is read (at most ``_MAX_BODY`` bytes)."""
        async def read_body(request: Request) -> Response:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > _MAX_BODY:
                    return _error(413, f"a query body may have at most {_MAX_BODY} bytes")
            request.scope["pledgegraph.body"] = body
            return await run_in_threadpool(guarded(handler), request)

        return read_body

    def page(request: Request) -> Response:
        return FileResponse(_STATIC / "index.html", headers={"Cache-Control": "no-store"})

    def vendor(request: Request) -> Response:
        name = request.path_params["file"]
        if name not in ("vis-network.min.js", "vis-network.css"):
            return _error(404, "not found")
        return FileResponse(VIS_DIR / name)

    routes = [
        Route("/", page),
        Route("/api/queries", guarded(catalogue)),
        Route("/api/query/{name}", guarded(query)),
        Route("/api/cypher", with_body(cypher), methods=["POST"]),
        Route("/api/subgraph", with_body(among), methods=["POST"]),
        Route("/api/search", guarded(find)),
        Route("/api/entity/{id:path}", guarded(entity)),
        Route("/api/graph/{id:path}", guarded(graph)),
        Route("/api/source/{doc:path}", guarded(source)),
        Route("/vendor/{file}", vendor),
        Route("/favicon.ico", lambda request: Response(status_code=204)),
        Mount("/static", StaticFiles(directory=_STATIC)),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(SecurityMiddleware, hosts=allowed_hosts(host, port))])
    app.state.search_index = index
    return app
