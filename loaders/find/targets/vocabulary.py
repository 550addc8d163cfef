"""The vocabulary of quantified targets, read once from ``loaders/data`` and compiled into the
patterns the finders share.

No word lives here: units, magnitudes, numerals, comparators and the words that shape a
metric are data files (``target_*.txt``, ``numerals.txt``); this module only turns them into
alternations, longest word first, so the grammar in the other modules stays readable.
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.lexicon import alternation, table, words

__all__ = [
    "alternation",
    "guarded",
    "role_words",
    "numeral_values",
    "numeral_chars",
    "multipliers",
    "units",
    "comparators",
    "comparators_by",
    "not_comparators",
]



@cache
def _roles(name: str) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """Rows of a ``word | role | unless`` table grouped by role, file order kept."""
    grouped: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for row in table(name):
        word, role = row[0], row[1] if len(row) > 1 else ""
        unless = tuple(row[2].split()) if len(row) > 2 else ()
        grouped.setdefault(role, []).append((word, unless))
    return {role: tuple(rows) for role, rows in grouped.items()}


@cache
def role_words(name: str, role: str) -> tuple[str, ...]:
    """The words of ``role`` in table ``name``, longest first."""
    return tuple(sorted({word for word, _ in _roles(name).get(role, ())}, key=lambda w: (-len(w), w)))


def _guard(word: str, unless: tuple[str, ...]) -> str:
    """``word`` as a regex that fails where the text spells one of the longer ``unless`` words
    around it: 与 | 参与 → ``(?<!参)与``, 共 | 共享 → ``共(?!享)``."""
    behind, ahead = [], []
    for longer in unless:
        at = longer.find(word)
        if at < 0:
            continue
        if longer[:at]:
            behind.append(f"(?<!{re.escape(longer[:at])})")
        if longer[at + len(word):]:
            ahead.append(re.escape(longer[at + len(word):]))
    return "".join(behind) + re.escape(word) + (f"(?!{'|'.join(ahead)})" if ahead else "")


@cache
def guarded(name: str, role: str) -> str:
    """An alternation of the ``role`` words of table ``name``, each guarded by its exceptions."""
    rows = sorted(_roles(name).get(role, ()), key=lambda row: (-len(row[0]), row[0]))
    return "|".join(_guard(word, unless) for word, unless in rows)


@cache
def numeral_values() -> dict[str, tuple[int, str]]:
    """Chinese numeral → (value, digit | power)."""
    return {row[0]: (int(row[1]), row[2]) for row in table("numerals")}


@cache
def numeral_chars(kind: str = "all") -> str:
    """The numeral characters as the inside of a regex class: ``all``, ``first`` (what a
    number may start with: a digit other than zero, or 十) or ``digit``."""
    values = numeral_values()
    if kind == "digit":
        chosen = [ch for ch, (_, k) in values.items() if k == "digit"]
    elif kind == "first":
        chosen = [ch for ch, (value, k) in values.items() if (k == "digit" and value) or value == 10]
    else:
        chosen = list(values)
    return "".join(re.escape(ch) for ch in chosen)


@cache
def multipliers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(every magnitude, the magnitudes that are a unit alone), longest first."""
    rows = table("target_multipliers")
    every = sorted((row[0] for row in rows), key=lambda w: (-len(w), w))
    alone = sorted((row[0] for row in rows if len(row) > 1 and row[1] == "alone"), key=lambda w: (-len(w), w))
    return tuple(every), tuple(alone)


@cache
def units() -> tuple[str, ...]:
    """The units a figure may end in, longest first."""
    return tuple(sorted(words("target_units"), key=lambda w: (-len(w), w)))


@cache
def comparators(where: str) -> tuple[tuple[str, str], ...]:
    """(word, comparator) of the comparator words used ``where``, longest first."""
    rows = [(word, comparator) for word, comparator, side in table("target_comparators") if side == where]
    return tuple(sorted(rows, key=lambda row: -len(row[0])))


@cache
def comparators_by(where: str, edge: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """:func:`comparators` grouped by their first (``edge`` 0) or last (-1) character, order
    kept: a figure's neighbour character picks the few words worth testing."""
    grouped: dict[str, list[tuple[str, str]]] = {}
    for row in comparators(where):
        grouped.setdefault(row[0][edge], []).append(row)
    return {ch: tuple(rows) for ch, rows in grouped.items()}


@cache
def not_comparators() -> tuple[str, ...]:
    """Words that end (or, after a unit, start) with a comparator character but compare nothing."""
    return tuple(words("target_not_comparators"))
