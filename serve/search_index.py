"""Search without a scan of the store: the searched text held in memory, read once.

LadybugDB has no text index, so ``search_commitments`` tested every commitment's text with
CONTAINS (5 M characters at a thousand plans: 35–60 ms a search) and "did you mean" read every
name (650 ms). The index reads projects and commitments once, in the order their search
queries return them, and lays each kind's searched fields end to end in one string, so a search
is ``str.find`` over that string (3 ms at a thousand plans when nothing matches) and a hit's
record is found by bisecting the record starts. It answers exactly what the queries answer —
the same rows, the same order, the same cap — which tests/test_search_index.py checks on both
stores; until it is built, and whenever the graph it was read from has changed, search runs the
queries instead.

Another process may load into the store while the server runs. A read-only LadybugDB store
goes on reading the file as it opened it (``Store.frozen``), so its index stays true; on a
Neo4j server every commit shows at once, so before it answers the index compares a fingerprint
— every plan's id and text hash, and the number of projects, bodies and commitments; only
``load`` and ``remove`` write, and each changes one of them (7 ms at a thousand plans) — and on
a change answers nothing and reads the store again in the background.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

from pledgegraph.graph.store import Store
from pledgegraph.serve.names import serve_query

__all__ = ["SearchIndex", "Snapshot", "CAP", "first_names", "KIND_RANK"]

KIND_RANK = {"Project": 0, "Body": 1, "Theme": 2, "Plan": 3, "Commitment": 4}
"""The order hits of equal quality come in, and which node a shared name offers first."""

CAP = 200
"""Rows each kind's search query returns at most (``LIMIT 200`` in serve/cypher/search_*)."""
_GAP = "\x00"
"""Between two fields and after each record: no name or text holds it, so a find never spans two."""


class _Haystack:
    """Records' searched fields laid end to end in one string, in the records' order."""

    def __init__(self, records: Sequence[dict[str, Any]], fields: Sequence[str]) -> None:
        parts, self.starts, at = [], [], 0
        for record in records:
            part = _GAP.join((record[field] or "").replace(_GAP, " ") for field in fields) + _GAP
            self.starts.append(at)
            parts.append(part)
            at += len(part)
        self.text, self.records = "".join(parts), records

    def find(self, text: str, cap: int) -> list[dict[str, Any]]:
        """The first ``cap`` records, in order, one of whose fields holds ``text``."""
        found, at = [], self.text.find(text)
        while at >= 0 and len(found) < cap:
            k = bisect_right(self.starts, at) - 1
            found.append(self.records[k])
            at = self.text.find(text, self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text))
        return found


def fingerprint(store: Store) -> tuple:
    """What a load or a removal changes (see the module's docstring); two reads, 7 ms at a thousand plans."""
    plans = tuple(sorted((row["id"], row["sha256"] or "") for row in serve_query(store, "index_fingerprint")))
    counts = serve_query(store, "index_counts")[0]
    return plans, counts["projects"], counts["bodies"], counts["commitments"]


class Snapshot:
    """The searched text of one state of the graph, and the rows the search queries would return."""

    def __init__(self, store: Store, lock: AbstractContextManager | None = None) -> None:
        lock = lock or threading.Lock()

        def read(name: str) -> list[dict[str, Any]]:
            with lock:  # one statement at a time: requests wait for one read, not for the whole build
                return serve_query(store, name)

        with lock:
            self.fingerprint = fingerprint(store)
        projects, commitments, bodies = read("index_projects"), read("index_commitments"), read("index_bodies")
        plans = {row["id"]: row for row in read("index_plans")}
        for row in commitments:
            plan = plans.get(row.pop("plan"), {})
            row.update(issuer=plan.get("issuer"), year=plan.get("year"), title=plan.get("title"))
        self._projects = _Haystack(projects, ("name", "aliases"))
        self._commitments = _Haystack(commitments, ("name", "text"))
        self.names = first_names([{"label": "Project", "id": r["id"], "name": r["name"]} for r in projects]
                                 + [{"label": "Body", "id": r["id"], "name": r["name"]} for r in bodies]
                                 + [{"label": "Plan", "id": r["id"], "name": r["title"]} for r in plans.values()])
        """Name → (label, id) for "did you mean", as :func:`first_names` gives it."""

    def rows(self, query: str, text: str) -> list[dict[str, Any]] | None:
        """What serve/cypher/``query``.cypher returns for ``text``; None for a query it does not hold."""
        haystack = {"search_projects": self._projects, "search_commitments": self._commitments}.get(query)
        if haystack is None or _GAP in text:
            return None
        return [dict(row) for row in haystack.find(text, CAP)]


def first_names(rows: list[dict[str, Any]]) -> dict[str, tuple[str, str]]:
    """Name → (label, id) of the ``names`` rows: a name several nodes share offers the first by
    kind and id, whichever store answered."""
    named: dict[str, tuple[str, str]] = {}
    for row in sorted(rows, key=lambda row: (KIND_RANK[row["label"]], row["id"])):
        if row["name"]:
            named.setdefault(row["name"], (row["label"], row["id"]))
    return named


class SearchIndex:
    """The snapshot of the store the server reads, built in the background and rebuilt when the
    graph changes. ``lock`` is the one the server's requests hold around the store."""

    def __init__(self, store: Store, lock: AbstractContextManager) -> None:
        self._store, self._lock = store, lock
        self._snapshot: Snapshot | None = None
        self._worker: threading.Thread | None = None
        self._closed = False
        self.error: str | None = None
        """Why the last build failed (the store closed, a read failed); search then runs the queries."""

    def start(self) -> None:
        """Read the store in the background, unless a read is under way already."""
        if self._closed or (self._worker is not None and self._worker.is_alive()):
            return
        self._worker = threading.Thread(target=self._run, name="pledgegraph-search-index", daemon=True)
        self._worker.start()

    def _run(self) -> None:
        try:
            snapshot = Snapshot(self._store, self._lock)
        except Exception as error:  # noqa: BLE001 — the queries answer instead; the reason is kept
            self.error = f"{type(error).__name__}: {error}"
            return
        if not self._closed:
            self._snapshot, self.error = snapshot, None

    def wait(self, seconds: float | None = None) -> bool:
        """Wait for a build under way; whether a snapshot is held."""
        if self._worker is not None:
            self._worker.join(seconds)
        return self._snapshot is not None

    def current(self) -> Snapshot | None:
        """The snapshot when it still describes the graph — called with the store's lock held — or
        None (and a rebuild started) when the graph changed or none is built yet."""
        snapshot = self._snapshot
        if snapshot is None:
            return None
        if not self._store.frozen and fingerprint(self._store) != snapshot.fingerprint:
            self._snapshot = None
            self.start()
            return None
        return snapshot

    def close(self) -> None:
        """Stop using the store: waits for a read under way, before the store is closed."""
        self._closed = True
        if self._worker is not None:
            self._worker.join()
        self._snapshot = None
