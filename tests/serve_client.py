"""Helpers for the serve tests (not a test module): a loaded store served on a free port, and
plain HTTP requests whose headers the test chooses (Host, Origin) — what a browser or an
attacker's page would send."""

from __future__ import annotations

import http.client
import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pledgegraph.graph.store import open_store
from pledgegraph.pipeline import load_paths

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
# Names holding markup: the page must show them as text and never run them.
HOSTILE = """恶意街道2024年工作计划
一、城市建设
1.推进《<img src=x onerror=window.__pwned=2>》建设,配合区住房集团推进“O'B\\"}{”小区改造。
2.实施《<script>window.__pwned=1</script>》计划,建成“</script><b>x”广场。
"""


def plans_folder(folder: Path, extra: dict[str, str] | None = None) -> Path:
    """The sample plans and the hostile one (and ``extra``: file name → text), copied into ``folder/plans``."""
    plans = folder / "plans"
    plans.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        shutil.copy(sample, plans / sample.name)
    (plans / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    for name, text in (extra or {}).items():
        (plans / name).write_text(text, encoding="utf-8")
    return plans


def load_store(kind: str, folder: Path, neo4j_uri: str | None = None, extra: dict[str, str] | None = None):
    """Load the plans into a fresh store of ``kind`` and reopen it read-only, as serve does."""
    plans = plans_folder(folder, extra)
    if kind == "ladybug":
        with open_store(folder / "graph.db") as store:
            assert not load_paths(store, [plans]).failed
        return open_store(folder / "graph.db", read_only=True), ["--db", str(folder / "graph.db")]
    with open_store(neo4j=neo4j_uri) as store:
        store.query("MATCH (n) DETACH DELETE n", write=True)
        assert not load_paths(store, [plans]).failed
    return open_store(neo4j=neo4j_uri, read_only=True), ["--neo4j", neo4j_uri]


def request(server: Any, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
            ) -> tuple[int, dict[str, str], str]:
    """``method path`` to the server: (status, headers with lower-case names, text)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    sent = {"Host": f"127.0.0.1:{server.port}", **(headers or {})}
    data = None if body is None else json.dumps(body).encode()
    if data is not None:
        sent.setdefault("Content-Type", "application/json")
    connection.request(method, quote(path, safe="/?=&:%|"), body=data, headers=sent)
    response = connection.getresponse()
    text = response.read().decode("utf-8")
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, text


def get_json(server: Any, path: str) -> Any:
    status, _, text = request(server, "GET", path)
    assert status == 200, text
    return json.loads(text)
