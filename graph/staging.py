"""Staging rows as CSV files for LadybugDB to read (``LOAD FROM``, ``COPY FROM``).

Why CSV files: a statement fed ``$rows`` pays a per-value conversion of Python parameters
that dominates ``UNWIND $rows … CREATE`` (~4 s for 50k rows here), and pandas/Arrow frames
would add a large dependency; writing CSV text and letting the engine's reader parse it was
~0.9 s for the same 50k rows. The dialect is fixed and spelt out in the statements that read
it (graph/cypher.py): every string is quoted with ``"`` doubled inside it, so commas, quotes
and line breaks in evidence text survive; an unquoted empty field is null while ``""`` is the
empty string, as in the row path.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = ["csv_field", "csv_records", "write_csv", "write_records"]


def csv_field(value: Any) -> str:
    """One value as a CSV field LadybugDB reads back as the same value.

    >>> [csv_field(v) for v in (None, "", 'a "b",\\nc', True, 3, 2.5)]
    ['', '""', '"a ""b"",\\nc"', 'true', '3', '2.5']
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return '"' + value.replace('"', '""') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _column(kind: str, values: tuple[Any, ...]) -> list[str]:
    """One column's fields. Column by column, so a text column (most of them) is one list
    comprehension with no call per value: staging was a third of a bulk write's time."""
    if kind == "STRING":
        return ["" if v is None else '"' + v.replace('"', '""') + '"' if v.__class__ is str else csv_field(v)
                for v in values]
    if kind == "INT64":
        return ["" if v is None else str(v) if v.__class__ is int else csv_field(v) for v in values]
    return [csv_field(v) for v in values]


def csv_records(rows: list[tuple[Any, ...]], kinds: Sequence[str]) -> str:
    """``rows`` as CSV records, each ending in a line break ("" for no rows); ``kinds`` is the
    LadybugDB type of each column ("" for any)."""
    if not rows:
        return ""
    fields = [_column(kind, values) for kind, values in zip(kinds, zip(*rows, strict=True), strict=True)]
    return "\n".join(map(",".join, zip(*fields, strict=True))) + "\n"


def write_records(path: Path, columns: Sequence[str], records: Sequence[str]) -> int:
    """Write a header and ``records`` (texts of whole records, as :func:`csv_records` makes
    them) to ``path`` (UTF-8); the bytes written."""
    data = (",".join(columns) + "\n" + "".join(records)).encode("utf-8")
    path.write_bytes(data)
    return len(data)


def write_csv(path: Path, columns: Sequence[str], rows: list[tuple[Any, ...]],
              kinds: Sequence[str] | None = None) -> int:
    """Write a header and ``rows`` to ``path`` (UTF-8); the bytes written. ``kinds`` is the
    LadybugDB type of each column (default: any)."""
    return write_records(path, columns, [csv_records(rows, kinds if kinds is not None else [""] * len(columns))])
