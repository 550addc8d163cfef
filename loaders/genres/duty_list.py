"""A duty list (职责分工): units one by one, each heading the duties it owns
(layout/duties.py). Inside an item the heading's body is the implicit actor of every task."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.genres.once import ReadOnce
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.duties import read_duties
from pledgegraph.loaders.layout.record import Block, DutyItem

__all__ = ["DutyList"]


def _read(blocks: tuple[Block, ...]) -> tuple[DutyItem, ...]:
    return read_duties(blocks, blocks[-1].end if blocks else 0)  # to the end of the text


class DutyList:
    name = "duty_list"

    def __init__(self) -> None:
        self._duties = ReadOnce(_read)

    def detect(self, layout: Layout) -> float:
        return 1.0 if self._duties(layout.blocks) else 0.0

    def layout(self, layout: Layout) -> Layout:
        # A duty item ends where a table begins: the table's rows name their own owners.
        items = []
        for item in self._duties(layout.blocks):
            stop = min([t.start for t in layout.tables if item.start < t.start < item.end] + [item.end])
            items.append(replace(item, end=stop))
        return replace(layout.with_genre(self.name), duties=tuple(items))
