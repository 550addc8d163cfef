"""A task-division table (任务分工表, 重点工作任务分工表, 职责清单 …): tasks as rows, with their
deadline and their lead, cooperating or responsible units as cells (layout/tables.py)."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.record import Block, Table
from pledgegraph.loaders.layout.tables import read_tables

__all__ = ["TaskTable"]


class TaskTable:
    name = "task_table"

    def __init__(self) -> None:
        # The tables of the blocks last detected: layout() follows detect() on the same blocks,
        # and reading tables is a tenth of an extraction.
        self._last: tuple[tuple[Block, ...], tuple[Table, ...]] | None = None

    def _tables(self, blocks: tuple[Block, ...]) -> tuple[Table, ...]:
        if self._last is None or self._last[0] is not blocks:
            self._last = (blocks, read_tables(blocks))
        return self._last[1]

    def detect(self, layout: Layout) -> float:
        return 1.0 if self._tables(layout.blocks) else 0.0

    def layout(self, layout: Layout) -> Layout:
        return replace(layout.with_genre(self.name), tables=self._tables(layout.blocks))
