"""A real Neo4j 5.26 for tests: the Maven test harness started by neo4j-harness/src/Launcher.java.

Bolt listens on a free loopback port with auth off; the server stops when this process closes
its standard input (so it dies with the test run) or when :meth:`Neo4jTestServer.stop` is called.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

HARNESS = Path(__file__).resolve().parents[1] / "neo4j-harness"
START_TIMEOUT = 120.0


def neo4j_unavailable_reason() -> str | None:
    """Why a Neo4j test server cannot run here, or None when it can."""
    for tool in ("java", "javac", "mvn"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Neo4j tests need Java 17 and Maven)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Neo4jTestServer:
    """Start with ``with Neo4jTestServer() as server: server.uri``."""

    def __init__(self) -> None:
        self.uri = ""
        self._process: subprocess.Popen[str] | None = None
        self._data = Path(tempfile.mkdtemp(prefix="pledgegraph-neo4j-"))
        self._stderr: list[str] = []

    def start(self) -> Neo4jTestServer:
        subprocess.run([str(HARNESS / "install.sh")], check=True, capture_output=True, text=True)
        port = _free_port()
        classpath = f"{HARNESS / 'classes'}{os.pathsep}{HARNESS / 'lib' / '*'}"
        self._process = subprocess.Popen(
            ["java", "-Xms256m", "-Xmx1g", "-XX:+UseSerialGC", "-cp", classpath, "Launcher", str(port), str(self._data)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        threading.Thread(target=self._drain_stderr, daemon=True).start()
        deadline = time.monotonic() + START_TIMEOUT
        assert self._process.stdout is not None
        while time.monotonic() < deadline:
            line = self._process.stdout.readline()
            if line.startswith("READY "):
                self.uri = line.split()[1]
                return self
            if not line and self._process.poll() is not None:
                break
        self.stop()
        raise RuntimeError("Neo4j test server did not start:\n" + "".join(self._stderr[-40:]))

    def _drain_stderr(self) -> None:
        assert self._process is not None and self._process.stderr is not None
        for line in self._process.stderr:
            self._stderr.append(line)

    def stop(self) -> None:
        if self._process is not None:
            if self._process.stdin:
                self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        shutil.rmtree(self._data, ignore_errors=True)

    def __enter__(self) -> Neo4jTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
