"""The command line, driven the way a user drives it (click's CliRunner on the real commands)."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner
from pledgegraph.cli import cli

PLAN = """虹桥街道2024年工作计划
一、稳中求进,推动经济高质量发展
1.做强招商引资。全年新增注册企业500家以上,配合区投资促进办推进“虹桥云谷”园区建设。
2.优化营商环境。深化“一网通办”改革,年底前实现高频事项全程网办。
二、聚焦民生,提升公共服务水平
1.完善养老服务。新增养老床位50张,三季度建成长者照护之家1家。
"""


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))


def test_every_command_has_help_text():
    for path, command in _commands(cli):
        assert command.help and len(command.help) > 40, path
        result = CliRunner().invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, path
        assert "Usage:" in result.output


@pytest.fixture()
def plan_file(tmp_path):
    path = tmp_path / "虹桥街道2024年工作计划.txt"
    path.write_text(PLAN, encoding="utf-8")
    return path


def test_extract_json_is_the_schema_record(plan_file):
    result = CliRunner().invoke(cli, ["extract", str(plan_file), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["doc"] == plan_file.name
    assert record["issuer"]["name"] == "虹桥街道"
    assert record["issuer"]["district"] == "长宁区"
    assert record["year"] == 2024 and record["doc_type"] == "work_plan"
    assert [t["theme"] for t in record["themes"]] == ["economy", "social_welfare"]
    assert len(record["commitments"]) == 3
    values = {(t["value"], t["unit"], t["comparator"]) for t in record["targets"]}
    assert {(500, "家", ">="), (50, "张", "=")} <= values
    deadlines = [c["deadline"] for c in record["commitments"]]
    assert deadlines == ["2024-12-31", "2024-12-31", "2024-09-30"]  # 全年 = by year end
    for key in ("themes", "commitments", "projects", "bodies", "targets", "relations"):
        assert isinstance(record[key], list)


def test_extract_json_output_dir_writes_one_file_per_plan(plan_file, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(plan_file), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = list(out.glob("*.json"))
    assert [p.stem for p in written] == [plan_file.stem]
    assert json.loads(written[0].read_text(encoding="utf-8"))["issuer"]["name"] == "虹桥街道"


def test_extract_table_names_issuer_and_targets(plan_file):
    result = CliRunner().invoke(cli, ["extract", str(plan_file)])
    assert result.exit_code == 0, result.output
    assert "虹桥街道 (subdistrict, 长宁区 / 上海市), 2024, work_plan" in result.output
    assert ">= 500 家" in result.output


def test_batch_goes_on_past_a_bad_file_and_exits_nonzero(plan_file, tmp_path):
    missing = tmp_path / "missing.txt"
    result = CliRunner().invoke(cli, ["extract", str(missing), str(plan_file), "--format", "json"])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1 and json.loads(lines[0])["issuer"]["name"] == "虹桥街道"
    assert "missing.txt" in result.stderr
    assert "1 of 2 file(s) failed" in result.stderr


def _example_lines(help_text: str) -> list[str]:
    """The lines under an "Example:" / "Examples:" heading of a command's help source."""
    lines, inside = [], False
    for line in help_text.splitlines():
        text = line.strip().lstrip("\b").strip()
        if text in ("Example:", "Examples:"):
            inside = True
        elif not text:
            inside = False
        elif inside:
            lines.append(text)
    return lines


def test_every_help_keeps_its_examples_on_their_own_lines():
    examples = 0
    for path, command in _commands(cli):
        output = CliRunner().invoke(cli, [*path, "--help"]).output
        assert "\\b" not in output and "\b" not in output, path  # click's no-rewrap marker, never shown
        shown = {line.strip() for line in output.splitlines()}
        for line in _example_lines(command.help or ""):
            assert line in shown, (path, line)
            examples += 1
    assert examples >= 20  # the test looks at the examples of every command that has them


def test_extract_o_implies_json_and_refuses_table(plan_file, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(plan_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert json.loads((out / f"{plan_file.stem}.json").read_text(encoding="utf-8"))["issuer"]["name"] == "虹桥街道"
    result = CliRunner().invoke(cli, ["extract", str(plan_file), "--format", "table", "-o", str(tmp_path / "t")])
    assert result.exit_code == 2
    assert "-o/--output-dir writes JSON records; drop --format table" in result.stderr
    assert not (tmp_path / "t").exists()


def test_extract_o_keeps_plans_of_the_same_name_apart(tmp_path):
    for folder, issuer in (("a", "虹桥街道"), ("b/c", "新华路街道")):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "plan.txt").write_text(PLAN.replace("虹桥街道", issuer), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "a" / "plan.txt"), str(tmp_path / "b/c/plan.txt"),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert written == ["a/plan.json", "b/c/plan.json"]
    assert json.loads((out / "b/c/plan.json").read_text(encoding="utf-8"))["issuer"]["name"] == "新华路街道"
    assert json.loads((out / "a/plan.json").read_text(encoding="utf-8"))["issuer"]["name"] == "虹桥街道"


def test_extract_o_refuses_two_plans_that_would_share_a_record(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "plan.txt"), str(tmp_path / "plan.md"), "-o", str(out)])
    assert result.exit_code == 2
    assert (f"Error: {tmp_path / 'plan.txt'} and {tmp_path / 'plan.md'} would both be written to "
            f"{out / 'plan.json'}; extract them in separate runs") in result.stderr
    assert not out.exists()
