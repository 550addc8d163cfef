"""Quantified promises in running text: a value with its literal unit and a comparator.

"全年新增养老床位475张" → 475 张 =, "3500余户" → 3500 户 >=, "增长5%左右" → 5 % ~,
"控制在380人以内" → 380 人 <=, "惠及1.3万余人次" → 1.3 万人次 >=. The unit is kept as written
(万平米 stays 万平米) so a reader can find it in the text. Figures in a list share one value
after 各 ("开工、竣工各100万平方米"); a bare figure right after a target takes its unit
("竣工不少于20台,开工不少于25").
"""

from __future__ import annotations

import re
from functools import cache

from pledgegraph.loaders.find.targets.compare import comparator_of
from pledgegraph.loaders.find.targets.context import is_period, promised, reported
from pledgegraph.loaders.find.targets.figures import excluded, figure_pattern, unit_span, value_and_unit
from pledgegraph.loaders.find.targets.metric import (
    distributed,
    from_word_before,
    is_change,
    lead_words,
    metric_of,
    starts_change,
)
from pledgegraph.loaders.find.targets.vocabulary import alternation, comparators, role_words
from pledgegraph.loaders.record import TargetMention
from pledgegraph.loaders.spans import CLAUSE_MARKS, SENTENCE_MARKS, clause

__all__ = ["find_targets", "inherit_pattern"]

_SENTENCE_BREAK = re.compile(f"[{re.escape(SENTENCE_MARKS)}]")
_INHERIT_REACH = 12  # how far after a target a bare figure may sit and still share its unit


@cache
def inherit_pattern() -> re.Pattern[str]:
    """A bare figure at a clause's end, after an optional comparator or linking word."""
    lead = [word for word, _ in comparators("before")] + list(role_words("target_metric_words", "linking"))
    first = "".join(sorted({re.escape(word[0]) for word in lead}))
    # The leading lookahead (a word's or the figure's first character) changes no match; it
    # only spares the search trying the whole pattern at every position.
    return re.compile(rf"(?=[{first}\d])(?P<word>{alternation(lead)})?(?<![\d.])(?P<num>\d+(?:\.\d+)?)"
                      r"(?=[,，。;；\n]|$)")


def _inherited(text: str, previous: TargetMention, position: int) -> TargetMention | None:
    """"竣工不少于20台,开工不少于25": a bare figure right after a target takes its unit."""
    match = inherit_pattern().search(text, position, min(len(text), position + 2 * _INHERIT_REACH))
    if (not match or match.start() - position > _INHERIT_REACH or "\n" in text[position:match.start()]
            or match.end() < len(text) and text[match.end()] not in CLAUSE_MARKS):
        return None
    before = text[match.start("num") - 1:match.start("num")]
    if before.isascii() and before.isalnum() or before in ("-", ".") or before in role_words(
            "target_count_words", "ordinal"):
        return None
    clause_start, clause_end = clause(text, match.start(), match.end())
    comparator = dict(comparators("before")).get(match.group("word") or "", previous.comparator)
    metric = lead_words().sub("", text[clause_start:match.start()]) or previous.metric
    return TargetMention(metric, float(match.group("num")), previous.unit, comparator, match.start(), match.end(),
                         text[clause_start:clause_end], rule="prose.inherited", reported=previous.reported)


def _same_unit_before(text: str, found: list[TargetMention], unit: str, start: int) -> str:
    """The metric of the nearest earlier target in the same paragraph with the same unit: a
    figure whose clause names nothing goes on counting it."""
    paragraph = text.rfind("\n", 0, start) + 1
    for earlier in reversed(found):
        if earlier.start < paragraph:
            break
        if earlier.unit == unit and earlier.metric:
            return earlier.metric
    return ""


def find_targets(text: str) -> list[TargetMention]:
    """Every quantified target in ``text``, in order, offsets into ``text``.

    >>> [(t.value, t.unit, t.comparator) for t in find_targets("竣工不少于20台,开工不少于25")]
    [(20.0, '台', '>='), (25.0, '台', '>=')]
    """
    found: list[TargetMention] = []
    for match in figure_pattern().finditer(text):
        if excluded(text, match):
            continue
        value, unit, low = value_and_unit(match)
        start = match.start()
        comparator, stop, word = comparator_of(text, match, unit, low)
        clause_start, clause_end = clause(text, start, stop)
        if not promised(text, match, word, clause_start, clause_end):
            continue
        evidence = text[clause_start:clause_end]
        period = is_period(text, match)
        metrics = distributed(text, clause_start, start) or [
            metric_of(text, clause_start, start, stop, clause_end, after_unit=not period)]
        same_sentence = found and not _SENTENCE_BREAK.search(text, found[-1].end, start)
        if same_sentence and is_change(metrics[0]):
            metrics = [found[-1].metric + metrics[0]]  # "财政收入2.75亿元,同比增长74%"
        elif not metrics[0]:  # "确保达到120MW,力争达到180MW", "…特色园5座,总计达10座"
            metrics = [_same_unit_before(text, found, unit, start) or text[start:stop]]
        rule = "prose.period" if period else "prose.range" if low is not None else "prose.figure"
        # "从438座增加到1000座": the figure a change starts from is the present, not the target
        done = reported(text, clause_start, start) or (from_word_before(text, start) and starts_change(text, stop))
        for metric in metrics:
            found.append(TargetMention(metric, value, unit, comparator, start, stop, evidence, low, rule,
                                       unit_span(match), done))
        inherited = _inherited(text, found[-1], stop)
        if inherited is not None:
            found.append(inherited)
    return found
