"""The wheel ships every sub-package and data file; README and CI run the same test command.

The repo root is the package (package-dir {"pledgegraph": "."}), so a sub-package missing
from pyproject's explicit list would import fine in editable mode yet vanish from the wheel.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOT_PACKAGES = {"tests", "samples", "bench", "scripts", ".ci", ".venv", "neo4j-harness", "build", "dist"}
# Never needed to build the wheel, and large (the venv, ~150 MB of harness jars, databases).
HEAVY = {REPO / ".venv", REPO / ".git", REPO / "neo4j-harness" / "target", REPO / "build", REPO / "dist"}
CACHES = shutil.ignore_patterns("*.db", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info")


def _skip_in_copy(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if Path(folder, n) in HEAVY} | CACHES(folder, names)


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory) -> set[str]:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("src")
    # Build from a copy so the build never writes into the working tree.
    shutil.copytree(REPO, build / "pledgegraph", ignore=_skip_in_copy)
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
                    str(build / "pledgegraph")], check=True, capture_output=True)
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def _repo_packages() -> list[str]:
    """Every directory below the root with an __init__.py, found on disk rather than read from pyproject."""
    roots = [d for d in REPO.iterdir() if d.is_dir() and d.name not in NOT_PACKAGES and not d.name.startswith(".")]
    return sorted(str(init.parent.relative_to(REPO)).replace("/", ".") for root in roots for init in root.rglob("__init__.py"))


def test_every_sub_package_is_in_the_wheel(wheel_names):
    packages = _repo_packages()
    assert "loaders" in packages
    for package in packages:
        assert f"pledgegraph/{package.replace('.', '/')}/__init__.py" in wheel_names, package


def test_top_level_modules_are_exactly_the_root_py_files(wheel_names):
    shipped = {n.split("/", 1)[1] for n in wheel_names if n.count("/") == 1 and n.startswith("pledgegraph/")}
    assert shipped == {p.name for p in REPO.glob("*.py")}


def test_lexicons_ship_and_tests_do_not(wheel_names):
    data = {Path(n).name for n in wheel_names if n.startswith("pledgegraph/loaders/data/")}
    lexicons = {p.name for p in (REPO / "loaders" / "data").iterdir() if p.suffix in {".txt", ".csv"}}
    assert any(name.endswith(".txt") for name in lexicons)
    assert lexicons <= data
    leaked = tuple(f"{prefix}{d}/" for d in NOT_PACKAGES for prefix in ("pledgegraph/", ""))
    assert [n for n in wheel_names if n.startswith(leaked)] == []


def test_readme_and_ci_run_the_same_test_command():
    if not (REPO / "README.md").exists():
        pytest.skip("README.md does not exist yet: nothing to compare .ci/run's test command with")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", readme, flags=re.S)
    readme_commands = {line.split("#")[0].strip() for block in blocks for line in block.splitlines()
                       if line.startswith("uv run pytest")}
    ci_lines = [line for line in (REPO / ".ci" / "run").read_text().splitlines() if "# README test command" in line]
    assert len(ci_lines) == 1, "exactly one line of .ci/run must be marked '# README test command'"
    ci_command = ci_lines[0].split("||")[0].split("#")[0].strip()
    assert readme_commands == {ci_command}


def test_the_web_app_ships_its_page_and_queries(wheel_names):
    shipped = {n.removeprefix("pledgegraph/") for n in wheel_names if n.startswith("pledgegraph/serve/")}
    on_disk = {str(p.relative_to(REPO)) for folder in ("static", "cypher") for p in (REPO / "serve" / folder).iterdir()}
    assert {"serve/static/index.html", "serve/static/app.js", "serve/static/app.css"} <= on_disk
    assert on_disk <= shipped
