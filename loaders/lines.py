"""Repairing line breaks: which breaks end a paragraph and which only wrap a phrase.

Plans arrive hard-wrapped mid-phrase (copied from PDFs, pasted from web pages) or with every
heading on its own line; a line joins the one before it only when the text says it continues
(punctuation, a marker alone on its line, a page-width wrap), never across a heading, a title,
a field line (牵头单位:…) or a lead sentence.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from pledgegraph.loaders.furniture import FURNITURE_LINE_MAX
from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.outline import match_marker

__all__ = ["Line", "repair"]

_SENTENCE_END = "。!?;:…"
_CLOSERS = "”’\"'"
_CONTINUES_NEXT = "、,(“‘《【"  # a line ending in one of these is unfinished
_CONTINUES_PREVIOUS = ",、。;:)”’》】%!?."  # a line starting with one of these continues the last
_HEADING_MAX = 40  # a marker line this short without 。 is a heading, never glued to its text
_LEAD_MAX = 24  # a one-sentence line this short ending in 。 is an unnumbered sub-heading
_BARE_HEADING_MAX = 20  # an unpunctuated line this short between paragraphs is a heading
_WRAPPED_MIN = 5  # a handful of broken lines in a short text are headings, not wrap damage
_WRAPPED_RATIO = 0.12
_FULL_MIN = 24  # columns: shorter lines say nothing about a page width
_FULL_SLACK = 2  # columns a full line may fall short of the margin (a wide char did not fit)
_FULL_SHARE = 0.5
_HEAD_LINES = 12  # metadata lines may sit just below the title, never deep in the body
_FIELD = re.compile(r"^[\u4e00-\u9fff]{2,6}:\S")  # 牵头单位:… 完成时限:… — one field per line


@dataclass
class Line:
    text: str
    origins: array  # of "q": per character, its offset in the original
    blank_before: bool = False
    alone: bool = False  # stands on its own line: never glued to the next one by wrap repair
    full: bool = False  # as wide as the page: broken at the margin, not by the author
    marker: str | None = None  # the outline marker the line starts with
    flags: set[str] = field(default_factory=set)


# -- line joining ---------------------------------------------------------------------------

def _ends_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS)[-1:] in tuple(_SENTENCE_END)


def _marker_of(text: str) -> str | None:
    marker = match_marker(text)
    return marker.text if marker is not None else None


def _is_heading(line: Line) -> bool:
    """A marker line short enough, and without 。, to be a heading rather than a paragraph."""
    return line.marker is not None and len(line.text) <= _HEADING_MAX and "。" not in line.text


def _is_field(text: str) -> bool:
    """One labelled value on a short line of its own (牵头单位:区发改委)."""
    return len(text) <= _HEADING_MAX and _FIELD.match(text) is not None


def _is_lead(text: str) -> bool:
    """A short one-sentence line ending in 。 (an unnumbered sub-heading)."""
    return len(text) <= _LEAD_MAX and text.endswith("。") and text.count("。") == 1 and text[0] not in _CONTINUES_PREVIOUS


def _stands_alone(lines: list[Line], index: int) -> bool:
    """A line that is not a wrap fragment: a marker heading, the title, a field, or a short
    unpunctuated heading between a finished sentence and a longer paragraph."""
    line = lines[index]
    text = line.text
    if line.full:
        return False
    if "title" in line.flags or _is_heading(line) or _is_field(text):
        return True
    if len(text) > _BARE_HEADING_MAX or index + 1 == len(lines):
        return False
    after = lines[index + 1].text
    opened = not index or line.blank_before or _ends_sentence(lines[index - 1].text) or _is_heading(lines[index - 1])
    return opened and len(after) >= max(_BARE_HEADING_MAX, 2 * len(text)) and after[0] not in _CONTINUES_PREVIOUS


def _is_wrapped(lines: list[Line]) -> bool:
    """Many lines end mid-phrase — no end punctuation, not standing alone, and the next line
    starts neither a marker nor a new paragraph: the text was broken inside sentences."""
    damaged = 0
    for index, line in enumerate(lines[:-1]):
        following = lines[index + 1]
        if not (_ends_sentence(line.text) or line.alone or following.blank_before
                or following.marker or _is_field(following.text)):
            damaged += 1
    return damaged >= _WRAPPED_MIN and damaged > _WRAPPED_RATIO * len(lines)


def _joins(lines: list[Line], index: int, previous: Line, wrapped: bool) -> bool:
    """Whether ``lines[index]`` continues ``previous`` on the same logical line."""
    current, prev = lines[index], previous.text
    if "kept" in current.flags:
        return False  # the layout keeps this line apart (a table cell, an envelope line)
    if previous.marker is not None and prev == previous.marker:
        return current.marker is None  # "一、" alone: its heading follows
    if current.marker is not None:
        return False
    if current.text[0] in _CONTINUES_PREVIOUS or prev[-1] in _CONTINUES_NEXT:
        return True
    if previous.full and not current.blank_before and (current.full or not _is_field(current.text)):
        return True
    if current.blank_before or _ends_sentence(prev) or previous.alone or _is_heading(previous):
        return False
    if _is_field(current.text) or not wrapped or "preamble" in current.flags:
        return False
    after = lines[index + 1] if index + 1 < len(lines) else None
    # A lead sentence after a complete-looking line keeps its own line when its paragraph follows.
    return not (_is_lead(current.text) and len(prev) >= _BARE_HEADING_MAX and after is not None
                and len(after.text) > len(current.text) and after.text[0] not in _CONTINUES_PREVIOUS
                and after.marker is None)


def _columns(text: str) -> int:
    """Display width: two columns per Chinese character, one per ASCII character."""
    return len(text.encode("gb18030", errors="replace"))


def _mark_full_lines(lines: list[Line]) -> None:
    """In a text hard-wrapped at a fixed width (extracted from a PDF) most lines are equally
    wide; those lines end at the margin, even where the break happens to follow a 。."""
    widths = [_columns(line.text) for line in lines]
    counts = Counter(width for width in widths if width >= _FULL_MIN)
    if sum(counts.values()) < _WRAPPED_MIN:
        return
    share, margin = max((sum(counts[w - d] for d in range(_FULL_SLACK + 1)), w) for w in counts)
    if share < _FULL_SHARE * sum(counts.values()):
        return
    for line, width in zip(lines[:-1], widths, strict=False):
        line.full = margin - _FULL_SLACK <= width <= margin


def _mark_lines(lines: list[Line]) -> None:
    """Note each line's marker; flag the title and the preamble (lines before the first
    marker, where a notice's addressee, signature and date lines must stay apart)."""
    for line in lines:
        line.marker = _marker_of(line.text)
    first = next((index for index, line in enumerate(lines) if line.marker is not None), 1)
    for line in lines[:first]:
        line.flags.add("preamble")
    if lines and len(lines[0].text) <= _HEADING_MAX and lines[0].marker is None \
            and not any(mark in lines[0].text for mark in "。,:"):
        lines[0].flags.add("title")


def _drop_head_metadata(lines: list[Line]) -> list[Line]:
    """Metadata between the title and the body (发布时间 … 浏览次数 …) is furniture too.

    Only by vocabulary: a dropped line inside the text is the one place where an analysed
    span's original range holds text the span does not, so it must be certain furniture."""
    kept: list[Line] = []
    for index, line in enumerate(lines):
        if index < _HEAD_LINES and "preamble" in line.flags and len(line.text) <= FURNITURE_LINE_MAX \
                and any(word in line.text for word in words("furniture_head")):
            if index + 1 < len(lines):
                lines[index + 1].blank_before = True
            continue
        kept.append(line)
    return kept


def repair(lines: list[Line]) -> list[Line]:
    """Join the lines that only wrap a phrase; keep the breaks that end one."""
    _mark_lines(lines)
    lines = _drop_head_metadata(lines)
    _mark_full_lines(lines)
    for index, line in enumerate(lines):
        line.alone = _stands_alone(lines, index)
    wrapped = _is_wrapped(lines)
    merged: list[Line] = []
    for index, line in enumerate(lines):
        if merged and _joins(lines, index, merged[-1], wrapped):
            merged[-1].text += line.text
            merged[-1].origins.extend(line.origins)
            merged[-1].alone, merged[-1].full = line.alone, line.full
        else:
            merged.append(line)
    return merged
