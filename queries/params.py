"""Query parameters typed from text, by one rule the command line (and later the web server) share.

A value is a number only when it is written as one plainly: ASCII digits with an optional minus,
no leading zero, no underscore, no exponent — ``7``, ``-12``, ``2.5``. Everything else stays the
text it was: ``007`` (a code), ``1_000``, ``1e3``, ``nan``, ``inf``, full-width ``７``. Anything
else (a list, true, null, a number kept as text) is given as JSON, where NaN and Infinity are
refused because they are not JSON.

>>> typed_value("007"), typed_value("7"), typed_value("2.5")
('007', 7, 2.5)
>>> parse_params(["year=2024"], ['docs=["a.txt"]'])
{'year': 2024, 'docs': ['a.txt']}
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from pledgegraph.errors import QueryError

__all__ = ["typed_value", "json_value", "parse_params"]

_INTEGER = re.compile(r"-?(?:0|[1-9][0-9]*)", re.ASCII)
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)\.[0-9]+", re.ASCII)
_INT64 = range(-(1 << 63), 1 << 63)  # what both stores can hold


def typed_value(text: str) -> Any:
    """``text`` as an int or float when written plainly as one, else ``text`` itself."""
    if _INTEGER.fullmatch(text):
        if int(text) not in _INT64:
            raise QueryError(f"{text} is beyond a 64-bit integer")
        return int(text)
    if _DECIMAL.fullmatch(text):
        return float(text)
    return text


def json_value(text: str) -> Any:
    """``text`` parsed as JSON (NaN and Infinity refused)."""
    def no_constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON value")

    try:
        return json.loads(text, parse_constant=no_constant)
    except ValueError as error:
        raise QueryError(f"not JSON ({error})") from None


def parse_params(pairs: Iterable[str], json_pairs: Iterable[str] = ()) -> dict[str, Any]:
    """``key=value`` pairs (typed by :func:`typed_value`) and ``key=JSON`` pairs as a dict."""
    params = {}
    for items, parse in ((pairs, typed_value), (json_pairs, json_value)):
        for pair in items:
            key, sep, value = pair.partition("=")
            if not sep or not key:
                raise QueryError(f"{pair!r} is not key=value")
            try:
                params[key] = parse(value)
            except QueryError as error:
                raise QueryError(f"{key}: {error}") from None
    return params
