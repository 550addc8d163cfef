"""A duty list (职责分工): units one by one, each heading the duties it owns
(layout/duties.py). Inside an item the heading's body is the implicit actor of every task."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.duties import read_duties
from pledgegraph.loaders.layout.record import Block, DutyItem

__all__ = ["DutyList"]


def _end(layout: Layout) -> int:
    return layout.blocks[-1].end if layout.blocks else 0


class DutyList:
    name = "duty_list"

    def __init__(self) -> None:
        # The duties of the blocks last detected: layout() follows detect() on the same blocks.
        self._last: tuple[tuple[Block, ...], tuple[DutyItem, ...]] | None = None

    def _duties(self, layout: Layout) -> tuple[DutyItem, ...]:
        if self._last is None or self._last[0] is not layout.blocks:
            self._last = (layout.blocks, tuple(read_duties(layout.blocks, _end(layout))))
        return self._last[1]

    def detect(self, layout: Layout) -> float:
        return 1.0 if self._duties(layout) else 0.0

    def layout(self, layout: Layout) -> Layout:
        # A duty item ends where a table begins: the table's rows name their own owners.
        items = []
        for item in self._duties(layout):
            stop = min([t.start for t in layout.tables if item.start < t.start < item.end] + [item.end])
            items.append(replace(item, end=stop))
        return replace(layout.with_genre(self.name), duties=tuple(items))
