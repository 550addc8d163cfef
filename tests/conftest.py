"""Shared fixtures: where ../shared lives, and the seed plans in it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("PLEDGEGRAPH_SHARED", REPO.parent / "shared"))
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"the shared seeds are not at {SHARED} (set PLEDGEGRAPH_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def seed_paths(shared: Path) -> list[Path]:
    return sorted((shared / "seeds").glob("*.txt"))
