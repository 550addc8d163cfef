"""Every file a command writes goes through pledgegraph.outputs: whole or not at all, never
through a link or onto a device, a read-only file refused, permission bits kept, and a full
disk (a real 1 MB tmpfs) a one-line error that leaves no scratch file behind.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.graph.store import open_store
from pledgegraph.outputs import OutputError, check_target, make_folder, write_text
from pledgegraph.pipeline import load_paths

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _root_only(what: str) -> None:
    if os.geteuid() != 0:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs as root and must test {what}")
        pytest.skip(f"{what} needs root")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("outputs") / "graph.db"
    with open_store(path) as store:
        assert not load_paths(store, [SAMPLES]).failed
    return path


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


def _export(db: Path, fmt: str, out: Path):
    return _run("export", "--format", fmt, "-o", str(out), "--db", str(db))


def _listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


# --- what may be replaced ----------------------------------------------------------------------


def test_a_symlink_is_refused_and_what_it_points_to_is_untouched(db, tmp_path):
    real = tmp_path / "real.json"
    real.write_text("mine", encoding="utf-8")
    link = tmp_path / "plans.json"
    link.symlink_to(real)
    for command in (["export", "--format", "json", "-o", str(link)], ["viz", "-o", str(link)]):
        result = _run(*command, "--db", str(db))
        assert result.exit_code == 1, command
        assert result.stderr == (f"Error: {link} is a symbolic link; only a regular file is ever replaced "
                                 "(give another path)\n")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "mine"
    dangling = tmp_path / "dangling.html"
    dangling.symlink_to(tmp_path / "nowhere")
    assert _run("viz", "-o", str(dangling), "--db", str(db)).exit_code == 1
    assert dangling.is_symlink() and not (tmp_path / "nowhere").exists()
    assert _listing(tmp_path) == ["dangling.html", "plans.json", "real.json"]


def test_a_fifo_a_device_and_a_directory_are_refused(db, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = _export(db, "cypher", fifo)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {fifo} is a FIFO (named pipe); only a regular file is ever replaced (give another path)\n"
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(OutputError, match=rf"^{folder} is a directory; give the name of a file to write$"):
        write_text(folder, "x")
    _root_only("a device node")
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null, not the system's
    result = _run("viz", "-o", str(device), "--db", str(db))
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {device} is a character device; only a regular")
    assert stat.S_ISCHR(os.lstat(device).st_mode)
    assert _listing(tmp_path) == ["folder", "null", "pipe"]


def test_a_read_only_file_is_refused_not_chmodded(db, tmp_path):
    out = tmp_path / "plans.graphml"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    result = _export(db, "graphml", out)
    assert result.exit_code == 1
    assert result.stderr == f"Error: {out} is read-only; make it writable or give another path\n"
    assert out.read_text(encoding="utf-8") == "keep me" and stat.S_IMODE(out.stat().st_mode) == 0o444
    assert _listing(tmp_path) == ["plans.graphml"]


def test_a_replaced_file_keeps_its_mode_and_owner(db, tmp_path):
    out = tmp_path / "ledger.xlsx"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    if os.geteuid() == 0:
        os.chown(out, 1234, 1234)
    result = _export(db, "xlsx", out)
    assert result.exit_code == 0, result.output
    status = out.stat()
    assert stat.S_IMODE(status.st_mode) == 0o640
    if os.geteuid() == 0:
        assert (status.st_uid, status.st_gid) == (1234, 1234)
    assert out.read_bytes()[:2] == b"PK"  # a real xlsx now
    fresh = tmp_path / "fresh.json"
    assert _export(db, "json", fresh).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask  # not a scratch file's 0600


def test_a_csv_folder_that_is_a_link_is_refused(db, tmp_path):
    real = tmp_path / "real"
    assert _export(db, "csv", real).exit_code == 0
    before = {p.name: p.read_bytes() for p in real.iterdir()}
    link = tmp_path / "csv"
    link.symlink_to(real)
    result = _export(db, "csv", link)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {link} is a symbolic link, not a directory")
    assert link.is_symlink() and {p.name: p.read_bytes() for p in real.iterdir()} == before


def test_every_writer_refuses_a_missing_folder_in_one_line(db, tmp_path):
    missing = tmp_path / "missing"
    for fmt, name in (("xlsx", "l.xlsx"), ("graphml", "g.graphml"), ("json", "g.json"), ("cypher", "g.cypher"),
                      ("csv", "csv")):
        result = _export(db, fmt, missing / name)
        assert result.exit_code == 1, fmt
        assert result.stderr == f"Error: {missing / name}: {missing} does not exist\n", fmt
    result = _run("extract", str(SAMPLES / "qinglan_2024_work_plan.txt"), "-o", str(missing / "out"))
    assert result.exit_code == 1 and result.stderr == f"Error: {missing / 'out'}: {missing} does not exist\n"
    assert not missing.exists()


def test_an_output_folder_may_be_a_link_to_a_folder(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "out").symlink_to(real)
    make_folder(tmp_path / "out")  # the records go inside it; the link is never replaced
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=rf"^{tmp_path / 'file'} is a file; give a folder to write the files into$"):
        make_folder(tmp_path / "file")
    assert check_target(tmp_path / "new.json") is None


# --- a full disk ---------------------------------------------------------------------------------


@pytest.fixture()
def full_disk(tmp_path):
    """A 1 MB tmpfs, filled to the last byte after ``old.json`` was written into it."""
    _root_only("a tmpfs mount")
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"cannot mount a tmpfs: {done.stderr.strip()}")
    try:
        (mount / "old.json").write_text('{"old": true}\n', encoding="utf-8")
        with (mount / "filler").open("wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
            except OSError as error:
                assert error.errno == errno.ENOSPC
        yield mount
    finally:
        if subprocess.run(["umount", str(mount)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "--lazy", str(mount)], check=True)  # a writer left a file open


def test_a_full_disk_is_one_line_and_leaves_nothing_behind(db, full_disk):
    disk = full_disk
    for fmt, name in (("xlsx", "l.xlsx"), ("graphml", "g.graphml"), ("json", "old.json"), ("cypher", "g.cypher"),
                      ("csv", "csv")):
        result = _export(db, fmt, disk / name)
        assert result.exit_code == 1, (fmt, result.output)
        assert result.stderr == f"Error: {disk / name}: cannot write it (No space left on device)\n", fmt
    result = _run("viz", "-o", str(disk / "v.html"), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr == f"Error: {disk / 'v.html'}: cannot write it (No space left on device)\n"
    plans = sorted(str(p) for p in SAMPLES.glob("*.txt"))
    result = _run("extract", *plans, "-o", str(disk / "records"))
    assert result.exit_code == 1
    first = disk / "records" / f"{Path(plans[0]).stem}.json"
    assert result.stderr == f"Error: {first}: cannot write it (No space left on device) (0 of 4 record(s) written)\n"
    assert _listing(disk) == ["filler", "old.json", "records"] and _listing(disk / "records") == []
    assert json.loads((disk / "old.json").read_text(encoding="utf-8")) == {"old": True}
