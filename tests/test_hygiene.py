"""Project hygiene: lint in any checkout, a loud missing ../shared, no dependency without a use."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = {REPO / ".venv", REPO / ".git", REPO / "neo4j-harness" / "target", REPO / "build", REPO / "dist"}
CACHES = shutil.ignore_patterns("*.db", "__pycache__", ".pytest_cache", ".ruff_cache", ".hypothesis", "*.egg-info",
                                "*.db.wal", "out")

# Distribution name → import name, for the runtime dependencies the package imports itself.
IMPORT_NAMES = {"python-docx": "docx", "charset-normalizer": "charset_normalizer"}
# Runtime dependencies nothing in the package imports (none since the viz layout is the
# package's own numpy code).
NEEDED_BY: dict[str, int] = {}


def _skip_in_copy(folder: str, names: list[str]) -> set[str]:
    return {n for n in names if Path(folder, n) in HEAVY} | CACHES(folder, names)


@pytest.mark.parametrize("folder", ["pledgegraph", "a-checkout"])
def test_ruff_passes_whatever_the_checkout_is_called(tmp_path, folder):
    # Ruff takes a folder named like the import name for first-party code, any other for an
    # installed package; the import order must be right in both.
    copy = tmp_path / folder
    shutil.copytree(REPO, copy, ignore=_skip_in_copy)
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=copy,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _pytest_without_shared(tmp_path, ci: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "PLEDGEGRAPH_SHARED")}
    env["PLEDGEGRAPH_SHARED"] = str(tmp_path / "nowhere")
    if ci:
        env["CI"] = "true"
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_gold.py"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)


def test_missing_shared_is_one_summary_line_locally(tmp_path):
    done = _pytest_without_shared(tmp_path, ci=False)
    assert done.returncode == 0, done.stdout
    counted = re.findall(r"^(\d+) tests skipped because \.\./shared is missing: .*nowhere", done.stdout, re.MULTILINE)
    skipped = re.search(r"(\d+) skipped", done.stdout.splitlines()[-1])
    assert len(counted) == 1 and skipped and counted[0] == skipped.group(1) and int(counted[0]) > 0


def test_missing_shared_fails_in_ci(tmp_path):
    done = _pytest_without_shared(tmp_path, ci=True)
    assert done.returncode == 1, done.stdout
    assert "CI must run the tests on the shared seeds" in done.stdout
    assert "skipped" not in done.stdout.splitlines()[-1]


def _dependencies() -> list[str]:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [re.match(r"[A-Za-z0-9_.-]+", spec).group(0).lower() for spec in project["dependencies"]]


def _imported_modules() -> set[str]:
    """Top-level modules the package's own code imports (tests, bench and scripts excluded)."""
    found = set()
    for path in REPO.rglob("*.py"):
        parts = path.relative_to(REPO).parts
        if parts[0] in ("tests", "bench", "scripts", ".venv", "build", "neo4j-harness", "samples"):
            continue
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", text, re.MULTILINE))
    return found


def test_every_runtime_dependency_is_imported_or_needed_by_a_call_we_make():
    imported = _imported_modules()
    for name in _dependencies():
        module = IMPORT_NAMES.get(name, name.replace("-", "_"))
        assert module in imported or name in NEEDED_BY, f"{name}: a runtime dependency nothing uses"
