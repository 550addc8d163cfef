"""Query results as a table, JSON or CSV.

CSV is for spreadsheets, which run a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a tab
or carriage return before one) as a formula: ``=HYPERLINK(...)`` in a plan's text would become a
live link. Such a text cell gets a leading ``'`` (OWASP's advice), which a spreadsheet shows as
text; numbers stay numbers (``-5`` is no formula).

JSON has no NaN or infinity: like JavaScript's ``JSON.stringify``, a non-finite number is
written as ``null``, so the output always parses (table and CSV print ``nan`` / ``inf``).
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from pledgegraph.graph.store import Result
from pledgegraph.textfmt import render_table

__all__ = ["format_result", "csv_cell", "page_note"]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """``value`` as a CSV cell a spreadsheet shows as text, never runs as a formula.

    >>> csv_cell("=1+1"), csv_cell("-5"), csv_cell(-5), csv_cell("a=b")
    ("'=1+1", "'-5", '-5', 'a=b')
    """
    text = _cell(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


def page_note(result: Result, defaults: dict[str, Any] | None = None) -> str | None:
    """The line that says more rows follow a page (``rows 101–200; more: --param offset=200``),
    or None when this page is the last. It repeats a limit other than the default, so the
    command it gives asks for the same page size.

    >>> from pledgegraph.queries.library import Page
    >>> page_note(Page(["n"], [[1], [2]], offset=100, limit=2, more=True), {"limit": 100})
    'rows 101–102; more: --param offset=102 --param limit=2'
    """
    if not getattr(result, "more", False):
        return None
    start, end = result.offset + 1, result.offset + len(result.rows)
    again = "" if (defaults or {}).get("limit") == result.limit else f" --param limit={result.limit}"
    return f"rows {start}–{end}; more: --param offset={result.next_offset}{again}"


def format_result(result: Result, fmt: str = "table") -> str:
    """``result`` rendered as ``table`` (aligned for CJK), ``json`` (a list of objects) or ``csv``."""
    if fmt == "json":
        return json.dumps(_finite(result.records()), ensure_ascii=False, indent=2, allow_nan=False)
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow([csv_cell(name) for name in result.columns])
        writer.writerows([[csv_cell(v) for v in row] for row in result.rows])
        return out.getvalue().rstrip("\n")
    if not result.rows:
        return "(no rows)"
    return render_table(result.columns, [[_cell(v) for v in row] for row in result.rows]) + f"\n({len(result.rows)} rows)"
