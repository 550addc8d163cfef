"""A real Neo4j 5.26 for tests: Maven Central's test harness, started by neo4j-harness/start.sh.

    with Neo4jTestServer() as server:
        driver = GraphDatabase.driver(server.uri, auth=None)

Bolt listens on a loopback port the OS picks when the JVM binds it (so parallel runs never race
for a port), with auth off and no HTTP. ``LOAD CSV FROM 'file:///x.csv'`` reads ``import_dir/x.csv``
(like a server's import directory), so a CSV export can be loaded the way a user without
neo4j-admin would. The JVM also stops by itself when this process dies, because its stdin (our
pipe) then closes. Not a conftest: a session fixture wraps
:class:`Neo4jTestServer` and skips with :func:`neo4j_unavailable_reason`.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from collections import deque
from pathlib import Path
from typing import IO

__all__ = ["HARNESS", "Neo4jStartError", "Neo4jTestServer", "neo4j_unavailable_reason", "neo4j_version"]

HARNESS = Path(__file__).resolve().parents[1] / "neo4j-harness"
INSTALL_TIMEOUT = 900.0  # a cold Maven download of ~150 MB takes about two minutes
START_TIMEOUT = 120.0  # ~5 s on an idle 2-core box; generous for a loaded CI machine
STOP_TIMEOUT = 30.0
MAVEN_CENTRAL = ("repo.maven.apache.org", 443)
_TAIL_LINES = 60  # of the server's output, kept for error messages
_VERSION = re.compile(r"<neo4j\.version>([^<]+)</neo4j\.version>")


class Neo4jStartError(RuntimeError):
    """The harness could not be installed, or the server did not print READY in time."""


def neo4j_version() -> str:
    """The harness version pinned in neo4j-harness/pom.xml (what the server will report)."""
    match = _VERSION.search((HARNESS / "pom.xml").read_text(encoding="utf-8"))
    if match is None:
        raise ValueError(f"no <neo4j.version> in {HARNESS / 'pom.xml'}")
    return match.group(1)


def _installed() -> bool:
    """Mirrors install.sh's own up-to-date test, so a ready harness needs neither mvn nor javac."""
    target = HARNESS / "target"
    stamp = target / "lib" / ".pom-sha256"
    launcher = target / "classes" / "Launcher.class"
    if not (stamp.is_file() and launcher.is_file()):
        return False
    pom_hash = hashlib.sha256((HARNESS / "pom.xml").read_bytes()).hexdigest()
    built = launcher.stat().st_mtime
    fresh = built >= (HARNESS / "src" / "Launcher.java").stat().st_mtime and built >= stamp.stat().st_mtime
    return stamp.read_text().strip() == pom_hash and fresh


def _java_major() -> int:
    probe = subprocess.run(["java", "-XshowSettings:properties", "-version"],
                           capture_output=True, text=True, timeout=60)
    found = re.search(r"java\.specification\.version = (\d+)(?:\.(\d+))?", probe.stderr)
    if found is None:
        return 0
    major = int(found.group(1))
    return int(found.group(2) or 0) if major == 1 else major  # "1.8" is Java 8


def _in_local_maven_repo(version: str) -> bool:
    jar = f"org/neo4j/test/neo4j-harness/{version}/neo4j-harness-{version}.jar"
    return (Path.home() / ".m2" / "repository" / jar).is_file()


def _maven_central_reachable(timeout: float = 3.0) -> bool:
    try:
        socket.create_connection(MAVEN_CENTRAL, timeout=timeout).close()
    except OSError:
        return False
    return True


def neo4j_unavailable_reason() -> str | None:
    """Why the Neo4j test server cannot run on this machine, or None when it can.

    Checks cheapest first and never downloads: a fixture calls it to skip with a clear reason.
    """
    if shutil.which("java") is None:
        return "java is not installed (the Neo4j 5.26 test server needs Java 17 or 21)"
    if (major := _java_major()) < 17:
        return f"Java {major or '?'} is too old (the Neo4j 5.26 test server needs Java 17 or 21)"
    if _installed():
        return None
    if shutil.which("javac") is None:
        return "javac is not installed (compiling neo4j-harness/src/Launcher.java needs a JDK 17)"
    if shutil.which("mvn") is None:
        return "mvn is not installed (Maven fetches the Neo4j test harness jars)"
    version = neo4j_version()
    if not _in_local_maven_repo(version) and not _maven_central_reachable():
        return (f"the Neo4j {version} harness jars are neither in neo4j-harness/target/lib nor in ~/.m2, "
                f"and Maven Central ({MAVEN_CENTRAL[0]}) is unreachable (offline?)")
    return None


def _install() -> None:
    if _installed():
        return
    try:
        done = subprocess.run([str(HARNESS / "install.sh")], capture_output=True, text=True,
                              timeout=INSTALL_TIMEOUT)
    except subprocess.TimeoutExpired as late:
        raise Neo4jStartError(f"neo4j-harness/install.sh took over {INSTALL_TIMEOUT:.0f}s") from late
    if done.returncode != 0:
        raise Neo4jStartError(f"neo4j-harness/install.sh failed (exit {done.returncode}):\n"
                              f"{done.stderr.strip()}\n{done.stdout.strip()}".rstrip())


def _pump(stream: IO[str], tail: deque[str], lines: queue.Queue[str | None] | None) -> None:
    """Reads a pipe to its end, so the JVM never blocks on a full pipe buffer."""
    for line in stream:
        tail.append(line)
        if lines is not None:
            lines.put(line)
    if lines is not None:
        lines.put(None)  # end of file: the process has gone


class Neo4jTestServer:
    """One throwaway Neo4j: ``uri``, ``data_dir`` (a temp dir) and ``import_dir`` (inside it, for
    LOAD CSV file URLs) are set from :meth:`start` on; :meth:`stop` clears ``uri`` and deletes
    ``data_dir``."""

    def __init__(self, *, start_timeout: float = START_TIMEOUT, java_opts: str | None = None) -> None:
        self.uri = ""
        self._start_timeout = start_timeout
        self._java_opts = java_opts  # None: start.sh's defaults
        self._process: subprocess.Popen[str] | None = None
        self._pumps: list[threading.Thread] = []
        self._stdout: deque[str] = deque(maxlen=_TAIL_LINES)
        self._stderr: deque[str] = deque(maxlen=_TAIL_LINES)
        self.data_dir: Path | None = None
        self.import_dir: Path | None = None
        self._cleanup: weakref.finalize | None = None

    def start(self) -> Neo4jTestServer:
        if self._process is not None:
            raise RuntimeError("this Neo4j test server is already running")
        _install()
        self.data_dir = Path(tempfile.mkdtemp(prefix="pledgegraph-neo4j-"))
        # Removes the data even if nobody calls stop() (e.g. the test run is interrupted).
        self._cleanup = weakref.finalize(self, shutil.rmtree, self.data_dir, ignore_errors=True)
        self.import_dir = self.data_dir / "import"
        self.import_dir.mkdir()
        env = dict(os.environ)
        if self._java_opts is not None:
            env["NEO4J_TEST_JAVA_OPTS"] = self._java_opts
        self._process = subprocess.Popen(
            [str(HARNESS / "start.sh"), "0", str(self.data_dir), str(self.import_dir)], env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", errors="replace",
        )
        lines: queue.Queue[str | None] = queue.Queue()
        self._pumps = [
            threading.Thread(target=_pump, args=(self._process.stdout, self._stdout, lines), daemon=True),
            threading.Thread(target=_pump, args=(self._process.stderr, self._stderr, None), daemon=True),
        ]
        for pump in self._pumps:
            pump.start()
        self.uri = self._await_ready(lines)
        return self

    def _await_ready(self, lines: queue.Queue[str | None]) -> str:
        deadline = time.monotonic() + self._start_timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            if line.startswith("READY "):
                return line.split()[1]
        problem = self._why_not_ready()
        self.stop()
        raise Neo4jStartError(f"the Neo4j test server {problem}:\n{''.join(self._stderr)}{''.join(self._stdout)}")

    def _why_not_ready(self) -> str:
        assert self._process is not None
        try:
            status = self._process.wait(timeout=1)
        except subprocess.TimeoutExpired:
            return f"printed no READY line within {self._start_timeout:.0f}s"
        return f"exited with status {status} before it was ready"

    def stop(self) -> None:
        """Closes stdin (the launcher's cue to shut down), waits, and removes the data. Idempotent."""
        process, self._process = self._process, None
        if process is not None:
            if process.stdin is not None:
                process.stdin.close()
            if not self.uri:
                process.terminate()  # still starting: the launcher reads stdin only once ready
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            for pump in self._pumps:
                pump.join(timeout=5)
        self.uri = ""
        if self._cleanup is not None:
            self._cleanup()  # runs shutil.rmtree once

    def __enter__(self) -> Neo4jTestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
