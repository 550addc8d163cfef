"""Read commands through the CLI: they never create a store, never answer for another name,
type parameters predictably, print valid JSON and say in one line what is wrong (issue 11:
items 5, 9, 10, 15, 16)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli
from pledgegraph.graph.model import EDGE_PROPERTIES, NODE_PROPERTIES

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

READ_COMMANDS = [
    ["stats"], ["owners", "越江隧道"], ["portfolio", "区房管局"], ["deps", "越江隧道"], ["status", "越江隧道"],
    ["query", "plan_summary"], ["query", "MATCH (p:Plan) RETURN p.doc AS doc"], ["audit"],
    ["viz", "-o", "{tmp}/v.html"], ["export", "--format", "json", "-o", "{tmp}/g.json"],
]


def _run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reads") / "graph.db"
    result = _run("load", str(SAMPLES), "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


def _command(args: list[str], tmp: Path) -> list[str]:
    return [a.replace("{tmp}", str(tmp)) for a in args]


@pytest.mark.parametrize("args", READ_COMMANDS, ids=lambda a: a[0])
def test_a_read_on_a_mistyped_db_creates_nothing_and_says_so(tmp_path, args):
    missing = tmp_path / "typo" / "graph.db"
    result = _run(*_command(args, tmp_path), "--db", str(missing))
    assert result.exit_code == 1
    assert f"no store at {missing}" in result.stderr and "pledgegraph load" in result.stderr
    assert not (tmp_path / "typo").exists()
    assert not (tmp_path / "v.html").exists() and not (tmp_path / "g.json").exists()


@pytest.mark.parametrize("args", READ_COMMANDS[:3], ids=lambda a: a[0])
def test_a_read_in_a_fresh_directory_creates_no_default_store(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PLEDGEGRAPH_DB", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = _run(*args)
    assert result.exit_code == 1 and "no store at pledgegraph.db" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_db_and_neo4j_work_before_the_command(db, tmp_path):
    before = _run("--db", str(db), "stats", "--format", "json")
    assert before.exit_code == 0, before.output
    assert json.loads(before.output)["nodes"]["Plan"] == 4
    assert _run("--db", str(db), "owners", "越江隧道").exit_code == 0
    elsewhere = tmp_path / "other.db"
    loaded = _run("--db", str(elsewhere), "load", str(SAMPLES / "qinglan_2024_work_plan.txt"))
    assert loaded.exit_code == 0 and "1 loaded" in loaded.output
    # After the command wins.
    assert json.loads(_run("--db", str(db), "stats", "--db", str(elsewhere), "--format", "json").output)["nodes"]["Plan"] == 1
    both = _run("--neo4j", "bolt://127.0.0.1:1", "stats", "--db", str(db))
    assert both.exit_code == 0  # the command's --db replaces the group's store
    clash = _run("stats", "--db", str(db), "--neo4j", "bolt://127.0.0.1:1")
    assert clash.exit_code == 1 and "give one of them" in clash.stderr


# --- item 5: a close name is offered, never taken --------------------------------------------


@pytest.mark.parametrize("name", ["滨江隧道", "越江燧道"])
def test_a_name_nothing_contains_is_not_answered_for_another(db, name):
    result = _run("owners", name, "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"no project named like '{name}'; did you mean: 澜江路越江隧道" in result.stderr


def test_the_lookup_examples_in_the_main_help_work_on_the_samples(db):
    examples = re.findall(r"pledgegraph (owners|portfolio|status) (\S+)", _run("--help").output)
    assert ("owners", "越江隧道") in examples
    for command, name in examples:
        result = _run(command, name, "--db", str(db))
        assert result.exit_code == 0 and "(no rows)" not in result.output, (command, name, result.output)


# --- unknown named queries and other one-line errors ------------------------------------------


def test_an_unknown_named_query_suggests_or_lists(db):
    typo = _run("query", "plan_sumary", "--db", str(db))
    assert typo.exit_code == 1 and "no named query 'plan_sumary'; did you mean: plan_summary" in typo.stderr
    unknown = _run("query", "everything", "--db", str(db))
    assert unknown.exit_code == 1 and "named queries: audit, " in unknown.stderr
    assert "Parser" not in typo.stderr + unknown.stderr


@pytest.mark.parametrize(("uri", "message"), [
    ("http://localhost:7474", "not a Neo4j URI: scheme 'http'"),
    ("bolt://localhost:notaport", "not a Neo4j URI: bad port"),
    ("bolt://localhost:99999", "not a Neo4j URI: bad port"),
    ("bolt://[::1", "not a Neo4j URI: malformed address"),
    ("bolt://:7687", "not a Neo4j URI: no host"),
    ("localhost:7687", "not a Neo4j URI: no scheme"),
    ("bolt://neo4j:s3cret@localhost:x", "not a Neo4j URI: bad port"),
])
def test_a_bad_neo4j_uri_is_one_line(uri, message):
    result = _run("stats", "--neo4j", uri)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stderr.strip().splitlines() == [f"Error: {message} (expected bolt://host:7687 or neo4j://host:7687)"]
    assert "s3cret" not in result.stderr


def test_a_damaged_text_page_is_one_line_naming_the_file(db, tmp_path):
    damaged = tmp_path / "damaged.db"
    data = bytearray(db.read_bytes())
    needle = "澜川区".encode()
    at = data.find(needle)
    assert at >= 0
    while at >= 0:
        data[at + 1] = 0xFF  # no longer UTF-8
        at = data.find(needle, at + 1)
    damaged.write_bytes(bytes(data))
    for args in (["export", "--format", "json", "-o", str(tmp_path / "g.json")], ["viz", "-o", str(tmp_path / "v.html")],
                 ["query", "plan_summary"]):
        result = _run(*args, "--db", str(damaged))
        assert result.exit_code == 1, (args, result.output)
        assert isinstance(result.exception, SystemExit)
        assert result.stderr.startswith(f"Error: {damaged}: the database is damaged"), result.stderr
    assert not (tmp_path / "g.json").exists() and not (tmp_path / "v.html").exists()


def test_schema_lists_every_property_whole(db):
    text = _run("schema").output
    assert "…" not in text
    words = set(re.findall(r"\w+", text))
    for props in NODE_PROPERTIES.values():
        assert set(props) <= words
    assert set(EDGE_PROPERTIES) <= words


# --- item 9: parameters -----------------------------------------------------------------------


@pytest.mark.parametrize(("given", "expected"), [
    ("7", 7), ("-12", -12), ("0", 0), ("2.5", 2.5), ("-0.25", -0.25),
    ("007", "007"), ("1_000", "1_000"), ("１２", "１２"), ("1e3", "1e3"), ("nan", "nan"), ("inf", "inf"),
    ("+5", "+5"), (".5", ".5"), ("5.", "5."), ("0x1F", "0x1F"), ("隧道", "隧道"), ("", ""),
])
def test_a_param_is_a_number_only_when_written_plainly(db, given, expected):
    result = _run("query", "RETURN $v AS v", "--param", f"v={given}", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"v": expected}]


def test_a_param_beyond_64_bits_is_refused(db):
    result = _run("query", "RETURN $v AS v", "--param", "v=9223372036854775808", "--db", str(db))
    assert result.exit_code == 2 and "beyond a 64-bit integer" in result.stderr


def test_param_json_gives_text_that_looks_like_a_number_and_lists(db):
    result = _run("query", "MATCH (p:Plan) WHERE p.doc IN $docs RETURN p.doc AS doc, $code AS code",
                  "--param-json", 'docs=["qinglan_2024_work_plan.txt"]', "--param-json", 'code="007"',
                  "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"doc": "qinglan_2024_work_plan.txt", "code": "007"}]
    nan = _run("query", "RETURN $v AS v", "--param-json", "v=NaN", "--db", str(db))
    assert nan.exit_code == 2 and "NaN is not a JSON value" in nan.stderr


def test_json_output_stays_valid_with_nan_and_infinity(store):
    from pledgegraph.queries.format import format_result

    result = store.query("RETURN 0.0 / 0.0 AS nan, 1.0E308 * 10.0 AS big, [1.5, 0.0 / 0.0] AS l")
    assert json.loads(format_result(result, "json")) == [{"nan": None, "big": None, "l": [1.5, None]}]


def test_query_write_still_writes(tmp_path):
    path = tmp_path / "graph.db"
    assert _run("load", str(SAMPLES / "qinglan_2024_work_plan.txt"), "--db", str(path)).exit_code == 0
    refused = _run("query", "MATCH (t:Target) DETACH DELETE t", "--db", str(path))
    assert refused.exit_code == 1 and "--write" in refused.stderr
    done = _run("query", "MATCH (t:Target) DETACH DELETE t", "--write", "--db", str(path))
    assert done.exit_code == 0, done.output
    assert json.loads(_run("stats", "--db", str(path), "--format", "json").output)["nodes"]["Target"] == 0
