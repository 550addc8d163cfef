"""What the kind genres share: the title, found once, and the kind it announces."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.title import find_title, title_kind

__all__ = ["titled", "kind_of"]


def titled(layout: Layout) -> Layout:
    """``layout`` with its title, when no wrapper has set one."""
    if layout.title is not None:
        return layout
    found = find_title(layout.blocks)
    return replace(layout, title=found[0], title_span=found[1]) if found else layout


def kind_of(layout: Layout) -> str | None:
    return title_kind(titled(layout).title)
