"""A task-division table (任务分工表, 重点工作任务分工表, 职责清单 …): tasks as rows, with their
deadline and their lead, cooperating or responsible units as cells (layout/tables.py)."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.genres.once import ReadOnce
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.tables import read_tables

__all__ = ["TaskTable"]


class TaskTable:
    name = "task_table"

    def __init__(self) -> None:
        self._tables = ReadOnce(read_tables)

    def detect(self, layout: Layout) -> float:
        return 1.0 if self._tables(layout.blocks) else 0.0

    def layout(self, layout: Layout) -> Layout:
        return replace(layout.with_genre(self.name), tables=self._tables(layout.blocks))
