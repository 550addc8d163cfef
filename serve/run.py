"""Run the app: bind the socket first (so ``--port 0`` knows its port before the app is
built around it), then uvicorn on it until Ctrl-C or :meth:`Server.stop`.

uvicorn's access log is off: request lines hold search text and ids, and the server prints
only its URL. No credential ever reaches a page or a log — the store was opened before, and
its URI is never shown.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Callable

import uvicorn
from pledgegraph.graph.store import Store
from pledgegraph.serve.app import QUERY_SECONDS, create_app
from pledgegraph.serve.panel_pages import PANEL_LIMIT

__all__ = ["Server", "bind", "url_of"]


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (``port`` 0: a free one)."""
    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    # IPPROTO_TCP named, not left 0: asyncio turns Nagle off (TCP_NODELAY) only on connections
    # whose socket says it is TCP, and accepted sockets copy the listener's. Without it every
    # answer's body waited 40 ms for the client's delayed ACK of its headers.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def url_of(host: str, port: int) -> str:
    name = f"[{host.strip('[]')}]" if ":" in host else host
    return f"http://{name}:{port}/"


class Server:
    """The app over ``store`` on a bound socket; :meth:`run` in the foreground or
    :meth:`start` in a thread (tests, ``--open``)."""

    def __init__(self, store: Store, host: str = "127.0.0.1", port: int = 8765,
                 query_seconds: float = QUERY_SECONDS, panel_limit: int = PANEL_LIMIT) -> None:
        self.socket = bind(host, port)
        self.host = host.strip("[]")
        self.port = self.socket.getsockname()[1]
        self.url = url_of(self.host, self.port)
        app = create_app(store, self.host, self.port, query_seconds, panel_limit)
        self.search_index = app.state.search_index
        config = uvicorn.Config(app,
                                log_level="warning", access_log=False,
                                lifespan="off", server_header=False)
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    def run(self, on_ready: Callable[[], None] | None = None) -> None:
        """Serve until Ctrl-C. uvicorn shuts down on SIGINT / SIGTERM and then raises the signal
        again for the program to see; Ctrl-C is how this command is meant to end, so its
        KeyboardInterrupt ends it quietly."""
        if on_ready is not None:
            threading.Thread(target=self._when_started, args=(on_ready,), daemon=True).start()
        self.search_index.start()
        try:
            self._server.run(sockets=[self.socket])
        except KeyboardInterrupt:
            pass
        finally:
            self.search_index.close()
            self.socket.close()

    def _when_started(self, on_ready: Callable[[], None]) -> None:
        while not self._server.started and not self._server.should_exit:
            threading.Event().wait(0.05)
        if self._server.started:
            on_ready()

    def start(self) -> Server:
        """Serve in a background thread; returns once the server answers."""
        self._thread = threading.Thread(target=self._server.run, kwargs={"sockets": [self.socket]}, daemon=True)
        self._thread.start()
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the server stopped while starting")
            threading.Event().wait(0.02)
        self.search_index.start()
        return self

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.search_index.close()  # before whoever opened the store closes it
        self.socket.close()
