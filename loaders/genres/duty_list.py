"""A duty list (职责分工): units one by one, each heading the duties it owns."""

from __future__ import annotations

from pledgegraph.loaders.layout import Layout

__all__ = ["DutyList"]


class DutyList:
    name = "duty_list"

    def detect(self, layout: Layout) -> float:
        return 0.0

    def layout(self, layout: Layout) -> Layout:
        return layout.with_genre(self.name)
