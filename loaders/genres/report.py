"""A progress report (工作总结, 完成情况, 执行情况, 政府工作报告): what was done reports status
(completed, under way); a report's 下半年/明年 half is a plan again."""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.genres.kinds import kind_of, titled
from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.tense import heading_tense, reported_spans
from pledgegraph.loaders.lexicon import words

__all__ = ["ProgressReport"]

_OPENING = 16  # an opening heading is this short


class ProgressReport:
    name = "progress_report"

    def detect(self, layout: Layout) -> float:
        if kind_of(layout) in ("midyear_report", "gov_report"):
            return 1.0
        # Untitled, opening on its summary half: "一、上半年工作总结" (maybe with its text on the
        # same line, when the lines were lost).
        for block in layout.blocks[:3]:
            head = block.text[:_OPENING]
            for word in words("summary_words"):
                if word in head and heading_tense(head.split(word, 1)[0] + word) == "reported":
                    return 0.9
        return 0.0

    def layout(self, layout: Layout) -> Layout:
        layout = titled(layout)
        end = layout.blocks[-1].end if layout.blocks else 0
        spans = reported_spans(layout.blocks, end)
        kind = kind_of(layout) or "midyear_report"
        if not spans and kind == "midyear_report":  # a report without halves reports throughout
            start = layout.title_span[1] if layout.title_span else 0
            spans = ((start, end),)
        return replace(layout.with_genre(self.name), kind=kind, reported=spans)
