"""An action or implementation plan (行动方案, 实施方案, 三年行动计划, 实施意见, 任务分工方案):
tasks that carry their owners (（责任单位：…）, （A牵头，B配合）, bare （A、B）)."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.genres.kinds import kind_of, titled
from pledgegraph.loaders.layout import Layout

__all__ = ["ActionPlan"]


class ActionPlan:
    name = "action_plan"

    def detect(self, layout: Layout) -> float:
        return 0.9 if kind_of(layout) in ("action_plan", "task_division") else 0.0

    def layout(self, layout: Layout) -> Layout:
        layout = titled(layout)
        return replace(layout.with_genre(self.name), kind=kind_of(layout) or "action_plan")
