"""The lexicon: every shipped word list well-formed, and users' folders extending it
(``--lexicon``), checked before use, in the loading process and in its workers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.errors import LoadError
from pledgegraph.graph.store import open_store
from pledgegraph.loaders.lexicon import Lexicon, _entries, check_format, lexicon, use

PLAN = "关于做好汛期防御工作的安排\n\n一、工作任务\n1.加强隐患排查，由区治水攻坚队牵头，完成全区排查。\n"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _shipped_lexicon_after():
    yield
    use([])  # no test leaves its words behind for the next


@pytest.fixture
def words(tmp_path) -> Path:
    folder = tmp_path / "words"
    folder.mkdir()
    (folder / "body_suffixes.txt").write_text("# our organ endings\n攻坚队 | department | yes\n", encoding="utf-8")
    return folder


def test_every_shipped_file_is_well_formed():
    shipped = Lexicon()
    names = shipped.shipped_names()
    assert len(names) > 50
    for name in names:
        text = shipped.text(name)
        check_format(name, text)  # raises on a malformed row
        if name.endswith(".txt"):
            assert text.startswith("#"), f"{name}: no header comment saying what the list is"
            entries = _entries(text)
            assert entries, f"{name}: empty"
            if "|" not in text.split("\n", 1)[1]:  # a word list: no word twice
                assert len(set(entries)) == len(entries), f"{name}: {[e for e in entries if entries.count(e) > 1]}"
            assert not any(entry.startswith("-") for entry in entries), f"{name}: '-' is the removal mark"
        else:
            assert name == "gazetteer.csv"


def test_a_users_folder_adds_words_and_takes_them_out(tmp_path):
    folder = tmp_path / "words"
    folder.mkdir()
    shipped = Lexicon().words("status_completed")
    gone = sorted(shipped)[0]
    (folder / "status_completed.txt").write_text(f"# ours\n已办结归档\n-{gone}\n", encoding="utf-8")
    extended = Lexicon([folder]).words("status_completed")
    assert extended == (shipped - {gone}) | {"已办结归档"}
    rows = Lexicon([folder]).table("body_suffixes")
    assert rows == Lexicon().table("body_suffixes")  # a file the folder lacks is the shipped one


def test_extract_with_a_lexicon_finds_the_users_organ(tmp_path, words):
    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    without = CliRunner().invoke(cli, ["extract", str(plan), "--format", "json"])
    assert '"body": "区治水攻坚队"' not in without.stdout and '"name": "区治水攻坚队"' not in without.stdout
    result = CliRunner().invoke(cli, ["extract", str(plan), "--format", "json", "--lexicon", str(words)])
    assert result.exit_code == 0, result.output
    assert '"body": "区治水攻坚队"' in result.stdout


@pytest.mark.parametrize("jobs", ["0", "2"])
def test_load_with_a_lexicon_in_the_loader_and_in_its_workers(tmp_path, words, jobs):
    plans = tmp_path / "plans"
    plans.mkdir()
    for n in range(30):  # enough that a load with jobs starts worker processes
        (plans / f"{n:02d}.txt").write_text(PLAN.replace("汛期", f"第{n + 1}号汛期"), encoding="utf-8")
    db = tmp_path / "g.db"
    result = CliRunner().invoke(cli, ["load", str(plans), "--db", str(db), "-j", jobs, "--lexicon", str(words)])
    assert result.exit_code == 0, result.output
    with open_store(db, read_only=True) as store:
        owners = store.query("MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(:Commitment) WHERE b.name = $name "
                             "RETURN count(r)", {"name": "区治水攻坚队"}).rows[0][0]
    assert owners == 30


def test_a_misnamed_file_is_refused_with_the_close_names(tmp_path, words):
    (words / "body_sufixes.txt").write_text("攻坚队 | department | yes\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"body_sufixes\.txt: not a lexicon file the extractor reads; "
                                        r"did you mean body_suffixes\.txt"):
        use([words])
    assert lexicon().folders == ()  # nothing changed


def test_a_row_that_does_not_fit_the_table_is_refused_with_its_line(tmp_path, words):
    (words / "body_suffixes.txt").write_text("# ours\n攻坚队 | department | yes\n专班 | department\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", "x.txt", "--lexicon", str(words)])
    assert result.exit_code == 2
    assert f"{words / 'body_suffixes.txt'}:3: 2 columns, expected 3 or 4 ('|'-separated)" in result.output


def test_a_missing_lexicon_folder_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["extract", "x.txt", "--lexicon", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "no such lexicon folder" in result.output
