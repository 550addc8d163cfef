"""Durable under faults (issue 11, item 1): a load that meets a full disk stops with one line
and the store still opens with every batch committed before; a log torn by a crash is
replayed up to the tear. The full disk is a real one: a small tmpfs mounted for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.graph.store import open_store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = sorted((REPO / "samples").glob("*.txt"))


def _plans(folder: Path, copies: int) -> Path:
    """``copies`` × the sample plans, each copy its own document."""
    folder.mkdir()
    for n in range(copies):
        for sample in SAMPLES:
            (folder / f"{n:03d}_{sample.name}").write_bytes(sample.read_bytes())
    return folder


def _load(folder: Path, db: Path) -> subprocess.CompletedProcess:
    """In a child process: if LadybugDB aborted on the full disk, it must not take pytest along."""
    return subprocess.run([sys.executable, "-m", "pledgegraph", "load", str(folder), "--db", str(db),
                           "-j", "0", "--batch-rows", "2000"], capture_output=True, text=True, timeout=900)


def _count(db: Path) -> int:
    with open_store(db, read_only=True) as store:
        return store.query("MATCH (p:Plan) RETURN count(p)").rows[0][0]


@pytest.fixture
def small_disk(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root (CI runs as root)")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", str(mount)], check=True)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_stops_the_load_and_keeps_what_was_committed(small_disk, tmp_path):
    folder = _plans(tmp_path / "plans", 60)
    db = small_disk / "graph.db"
    first = _load(folder, db)
    assert first.returncode == 1, first.stderr[-2000:]
    assert "terminate called" not in first.stderr and "Traceback" not in first.stderr
    [stopped] = [line for line in first.stderr.splitlines() if line.startswith("error:")]
    assert "not enough disk space for the next write" in stopped and str(db) in stopped
    loaded = int(first.stdout.splitlines()[-1].split(" loaded")[0])
    assert 0 < loaded < len(list(folder.iterdir()))
    assert _count(db) == loaded  # it opens, and holds every batch written before the stop
    subprocess.run(["mount", "-o", "remount,size=400m", str(small_disk)], check=True)
    second = _load(folder, db)  # space freed: the same command finishes the load
    assert second.returncode == 0, second.stderr[-2000:]
    assert f"{len(list(folder.iterdir())) - loaded} loaded, {loaded} unchanged, 0 failed" in second.stdout
    assert _count(db) == len(list(folder.iterdir()))


def test_a_log_torn_by_a_crash_is_replayed_up_to_the_tear(tmp_path):
    folder = _plans(tmp_path / "plans", 3)
    db = tmp_path / "graph.db"
    # Write batches, then die before the checkpoint that folds the log into the main file.
    script = ("import os, sys\n"
              "from pledgegraph.graph.store import open_store\n"
              "from pledgegraph.pipeline import load_paths\n"
              "store = open_store(sys.argv[1])\n"
              "store.flush = lambda: None\n"
              "report = load_paths(store, [sys.argv[2]], batch_rows=500)\n"
              "print(len(report.loaded))\n"
              "os._exit(0)\n")
    done = subprocess.run([sys.executable, "-c", script, str(db), str(folder)], capture_output=True, text=True,
                          check=True)
    committed = int(done.stdout)
    wal = db.with_name(db.name + ".wal")
    with wal.open("ab") as log:  # what a write cut off by a full disk or a kill leaves behind
        log.write(os.urandom(3000))
    torn = wal.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(db), "query", "MATCH (p:Plan) RETURN count(p) AS n", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert f"warning: {db}: its log was cut short" in result.stderr
    assert json.loads(result.stdout) == [{"n": committed}]
    assert wal.read_bytes() == torn  # the read recovered in memory and wrote nothing
    again = CliRunner().invoke(cli, ["load", str(folder), "--db", str(db), "-j", "0"])
    assert again.exit_code == 0, again.output
    assert f"0 loaded, {committed} unchanged, 0 failed" in again.stdout
    assert _count(db) == committed
