"""A five-year or long-term plan (“十五五”规划, 2021—2025年规划) that opens with a review of the
last period: the review reports results, it makes no new commitments."""

from __future__ import annotations

import re
from dataclasses import replace

from pledgegraph.loaders.chars import NUMERALS, TEN
from pledgegraph.loaders.genres.kinds import kind_of, titled
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.tense import reported_spans

__all__ = ["FiveYearPlan"]

# "十四五" (the 14th five-year period) or "2021—2025": the plan's period.
_PERIOD = re.compile(rf"{TEN}[{NUMERALS[:9]}]{NUMERALS[4]}|(?:19|20)\d\d\s*[-—–~至]\s*(?:19|20)\d\d")


class FiveYearPlan:
    name = "five_year_plan"

    def detect(self, layout: Layout) -> float:
        title = titled(layout).title or ""
        if kind_of(layout) == "five_year_plan":
            return 0.95 if _PERIOD.search(title) else 0.7
        return 0.0

    def layout(self, layout: Layout) -> Layout:
        layout = titled(layout)
        end = layout.blocks[-1].end if layout.blocks else 0
        return replace(layout.with_genre(self.name), kind="five_year_plan",
                       reported=reported_spans(layout.blocks, end))
