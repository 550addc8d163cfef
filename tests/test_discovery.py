"""Which files a load reads and the document id of each (issue 11, items 2, 4, 6, 8, 16):
ids are paths below the folder loaded, nothing is skipped without a message, and an issuer
the extractor cannot name never joins unrelated documents."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.pipeline import discover, load_paths

PLAN = "望川街道2023年工作计划\n\n一、城市建设\n1.推进滨河大道越江隧道建设，完成主体结构施工。\n2.新增养老床位60张，建成社区长者食堂2家。\n"
REPORT = ("望川街道2023年上半年工作总结\n\n一、城市建设\n1.滨河大道越江隧道建设已完成主体结构施工。\n"
          "2.新增养老床位60张，建成社区长者食堂2家，已全部完成。\n")
OTHER = "新桥镇2023年工作计划\n\n一、民生保障\n1.推进新桥镇社区卫生服务中心改建。\n"


def _plans(store) -> list[str]:
    return [row[0] for row in store.query("MATCH (p:Plan) RETURN p.doc ORDER BY p.doc").rows]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_two_files_of_one_name_in_different_folders_are_two_documents(store, tmp_path):
    _write(tmp_path / "s" / "a" / "plan.txt", PLAN)
    _write(tmp_path / "s" / "b" / "plan.txt", OTHER)
    report = load_paths(store, [tmp_path / "s"])
    assert sorted(report.loaded) == ["a/plan.txt", "b/plan.txt"] and not report.failed
    assert _plans(store) == ["a/plan.txt", "b/plan.txt"]
    again = load_paths(store, [tmp_path / "s"])  # the same ids again: nothing swaps, both unchanged
    assert (again.loaded, sorted(again.unchanged)) == ([], ["a/plan.txt", "b/plan.txt"])
    issuers = store.query("MATCH (b:Body)-[:ISSUED]->(p:Plan) RETURN p.doc, b.name ORDER BY p.doc").rows
    assert issuers == [["a/plan.txt", "望川街道"], ["b/plan.txt", "新桥镇"]]


def test_a_file_named_on_its_own_is_its_file_name_and_a_clash_is_refused(store, tmp_path):
    a = _write(tmp_path / "a" / "plan.txt", PLAN)
    b = _write(tmp_path / "b" / "plan.txt", OTHER)
    report = load_paths(store, [a, b])
    assert report.loaded == ["plan.txt"]
    [(where, message)] = report.failed
    assert where == str(b) and "same document id 'plan.txt'" in message and str(a) in message
    assert _plans(store) == ["plan.txt"]


def test_a_file_name_that_is_not_text_fails_alone_and_the_rest_loads(store, tmp_path):
    folder = tmp_path / "s"
    _write(folder / "good.txt", PLAN)
    bad = os.path.join(os.fsencode(folder), b"bad\xff.txt")
    with open(bad, "wb") as handle:
        handle.write(OTHER.encode("utf-8"))
    report = load_paths(store, [folder])
    assert report.loaded == ["good.txt"]
    [(where, message)] = report.failed
    assert where.endswith("bad\\xff.txt") and "not valid text" in message
    assert _plans(store) == ["good.txt"]


def test_links_are_followed_once_and_broken_ones_reported(tmp_path):
    folder = tmp_path / "s"
    _write(folder / "a" / "plan.txt", PLAN)
    _write(tmp_path / "elsewhere" / "more.txt", OTHER)
    (folder / "linked").symlink_to(tmp_path / "elsewhere")  # a symlinked folder is read
    (folder / "a" / "loop").symlink_to(folder)  # a link back up the tree is no second copy
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    found = discover([folder])
    assert [(f.doc, f.path.resolve()) for f in found.files] == [
        ("a/plan.txt", (folder / "a" / "plan.txt").resolve()),
        ("linked/more.txt", (tmp_path / "elsewhere" / "more.txt").resolve())]
    assert found.problems == [(str(folder / "gone.txt"), f"{folder / 'gone.txt'}: broken link (to {tmp_path / 'nowhere.txt'})")]


def test_missing_paths_empty_folders_and_non_plans_are_said(tmp_path):
    (tmp_path / "empty").mkdir()
    _write(tmp_path / "notes" / "readme.csv", "a,b\n")
    db = tmp_path / "g.db"
    result = CliRunner().invoke(cli, ["load", str(tmp_path / "missing"), str(tmp_path / "empty"),
                                      str(tmp_path / "notes"), "--db", str(db), "-j", "0"])
    assert result.exit_code == 1
    assert "0 loaded, 0 unchanged, 3 failed (1 other files in the folders are not plans)" in result.stdout
    errors = result.stderr.splitlines()
    assert errors[-3:] == [f"failed: {tmp_path / 'missing'}: no such file or folder",
                           f"failed: {tmp_path / 'empty'}: no plan files in this folder "
                           "(.docx, .htm, .html, .md, .pdf, .text, .txt)",
                           f"failed: {tmp_path / 'notes'}: no plan files in this folder "
                           "(.docx, .htm, .html, .md, .pdf, .text, .txt)"]
    assert "unsupported format" not in result.output


def test_an_unreadable_folder_is_reported_and_the_rest_is_found():
    """Root reads any folder, so as root the walk runs in a forked child that dropped to an
    unprivileged user, in a world-readable temporary tree."""
    top = Path(tempfile.mkdtemp(prefix="pledgegraph-perm-"))
    try:
        _write(top / "s" / "open" / "plan.txt", PLAN)
        _write(top / "s" / "locked" / "plan.txt", OTHER)
        for folder, _, _ in os.walk(top):
            os.chmod(folder, 0o755)
        os.chmod(top / "s" / "locked", 0o000)
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # pragma: no cover - runs in the child
            try:
                if os.geteuid() == 0:
                    os.setgid(65534)
                    os.setuid(65534)
                found = discover([top / "s"])
                os.write(writing, json.dumps([[f.doc for f in found.files], found.problems]).encode())
            finally:
                os._exit(0)
        os.close(writing)
        with os.fdopen(reading, "rb") as pipe:
            docs, problems = json.loads(pipe.read() or b"null")
        os.waitpid(child, 0)
        assert docs == ["open/plan.txt"]
        assert problems == [[str(top / "s" / "locked"), f"{top / 's' / 'locked'}: cannot read this folder "
                                                        "(Permission denied); its plans were not loaded"]]
    finally:
        os.chmod(top / "s" / "locked", 0o755)
        shutil.rmtree(top)


@pytest.mark.parametrize("issuer", ["望川街道", ""])
def test_an_unknown_issuer_is_a_different_body_in_every_document(store, tmp_path, issuer):
    """With the issuer named, the report follows up the plan (TRACKS); with it left out of
    both, the two documents have two unknown issuers and nothing joins them."""
    _write(tmp_path / "s" / "plan.txt", PLAN.replace("望川街道", issuer))
    _write(tmp_path / "s" / "report.txt", REPORT.replace("望川街道", issuer))
    report = load_paths(store, [tmp_path / "s"])
    assert len(report.loaded) == 2
    issuers = store.query("MATCH (b:Body)-[:ISSUED]->(p:Plan) RETURN b.id, b.name ORDER BY p.doc").rows
    tracks = store.query("MATCH (:Commitment)-[t:TRACKS]->(:Commitment) RETURN count(t)").rows[0][0]
    projects = store.query("MATCH (j:Project) RETURN count(j)").rows[0][0]
    if issuer:
        assert {row[0] for row in issuers} == {"body:|/望川街道|政府"} and tracks == 2
    else:
        assert [row[1] for row in issuers] == ["未知发文机关", "未知发文机关"]
        assert len({row[0] for row in issuers}) == 2 and tracks == 0
        assert projects == 2  # one 越江隧道 per document: nothing says they are the same works
