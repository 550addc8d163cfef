"""What ``viz --focus NAME`` and ``viz --theme NAME`` mean: a theme, a project or a body.

A focus is looked up as a theme (its canonical name), then a project, then a body, with the
same loose matching as ``owners`` (part of a name, an alias). When none of the three has it,
the error says all three were searched and offers the closest names of all three kinds — as
"did you mean", never taken in its place. A ``--theme`` filter must be one of the twelve
themes; a mistyped one is refused the same way instead of drawing an empty page.
"""

from __future__ import annotations

import difflib

from pledgegraph.errors import QueryError
from pledgegraph.graph.model import Label
from pledgegraph.graph.store import Store
from pledgegraph.loaders.record import THEMES
from pledgegraph.queries import run as lookups

__all__ = ["find_focus", "check_theme", "did_you_mean"]


def did_you_mean(text: str, names: list[str]) -> str:
    """``"; did you mean 'a' or 'b'?"`` for the closest of ``names``, or ``""``."""
    close = difflib.get_close_matches(text, sorted(set(names)), n=3, cutoff=0.5)
    return "; did you mean " + " or ".join(repr(name) for name in close) + "?" if close else ""


def check_theme(theme: str) -> str:
    """``theme`` if it is one of :data:`THEMES`; else :class:`ValueError` with a suggestion."""
    if theme in THEMES:
        return theme
    raise ValueError(f"no theme named {theme!r}{did_you_mean(theme, list(THEMES))} (themes: {', '.join(THEMES)})")


def _names(store: Store) -> list[str]:
    names = list(THEMES)
    for label in (Label.PROJECT, Label.BODY):
        names += [row[0] for row in store.query(f"MATCH (n:{label}) RETURN n.name AS name").rows if row[0]]
    return names


def find_focus(store: Store, name: str) -> tuple[str, Label]:
    """The node ``name`` means as a focus: ``(id, label)``. Raises :class:`lookups.Ambiguous`
    when several projects (or bodies) match, :class:`QueryError` naming all three kinds when
    nothing does."""
    if name in THEMES:
        return f"theme:{name}", Label.THEME
    for kind, label in (("project", Label.PROJECT), ("body", Label.BODY)):
        try:
            return lookups.find(store, name, kind).id, label
        except lookups.NotFound:
            continue
    raise QueryError(f"no project, body or theme named like {name!r}{did_you_mean(name, _names(store))}")
