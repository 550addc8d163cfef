"""Lexicons shipped as package data under ``loaders/data/``, loaded lazily, once.

A word list is a UTF-8 text file, one entry per line; ``#`` starts a comment and blank
lines are skipped. A table is a ``|``-separated file whose first column is the key.
Keeping every list in data files (not code) keeps the rules general and reviewable: no
name from a particular plan belongs in them, only the vocabulary of government plans.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["words", "table", "data_text"]


def data_text(filename: str) -> str:
    """The text of one shipped data file."""
    return resources.files("pledgegraph.loaders").joinpath("data", filename).read_text(encoding="utf-8")


def _entries(filename: str) -> list[str]:
    out = []
    for line in data_text(filename).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@cache
def words(name: str) -> frozenset[str]:
    """The word list ``data/<name>.txt`` as a frozen set."""
    return frozenset(_entries(f"{name}.txt"))


@cache
def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.txt``, each split on ``|`` and stripped, in file order."""
    return tuple(tuple(cell.strip() for cell in row.split("|")) for row in _entries(f"{name}.txt"))
