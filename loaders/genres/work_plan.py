"""A work plan or key-task list (工作计划, 工作要点, 重点工作安排): numbered sections of tasks,
owned by the issuer unless a task names its owners. The fallback kind."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.genres.kinds import kind_of, titled
from pledgegraph.loaders.layout import Layout

__all__ = ["WorkPlan"]


class WorkPlan:
    name = "work_plan"

    def detect(self, layout: Layout) -> float:
        return 0.8 if kind_of(layout) in ("work_plan", "key_tasks") else 0.0

    def layout(self, layout: Layout) -> Layout:
        layout = titled(layout)
        kind = "key_tasks" if kind_of(layout) == "key_tasks" else "work_plan"
        return replace(layout.with_genre(self.name), kind=kind)
