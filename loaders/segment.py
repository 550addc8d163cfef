"""The outline of a plan as a section tree; its leaves are the tasks (commitments).

Three passes over the analysed text (one line per paragraph or heading, see normalize):

1. **Numbered sections.** A marker counts only at the start of a line, only with text after
   it, and only when its number is plausible (1, or the next number of its family), so
   "2023年…", "1.5亿元" or a stray "(3)" does not open a section. Families nest in the order
   a document first uses them — plans may start at (一), run item numbers 1…34 through
   several 一、 sections, or restart 1. under each (一) — except that a family the official
   convention ranks above every family met so far (一、 > (一) > 1. > (1) > ①) goes on top, so
   a numbered list in a preamble cannot swallow the whole document. A paragraph that
   addresses the audience (同志们, 各位代表) is the speech's epilogue: it closes the outline.
2. **Lead sections.** In a section without numbered children, unnumbered sub-tasks are
   written as a short sentence ending in 。 — on a line of its own above its paragraph
   ("着力发展在线经济。"), or opening the paragraph ("经济指标回升向好。1-6月…"). Two or
   more such paragraphs make each one a ``lead`` section; a single one is just text.
3. **Inline items.** 一是…二是…三是… inside a leaf, two or more in sequence from 一, become
   its ``cn_shi`` children; each runs to the next item or to the end of its paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache

from pledgegraph.loaders.chars import NUMERALS
from pledgegraph.loaders.lexicon import alternation, column
from pledgegraph.loaders.outline import cn_number, match_marker

__all__ = ["Section", "segment", "leaves", "section_path"]

_HEADING_MAX = 60
_LEAD_LINE_MAX = 30  # a lead on a line of its own
_LEAD_SENTENCE_MAX = 16  # a lead opening its paragraph
_CONVENTION = ("cn_dun", "cn_paren", "num_dot", "num_paren", "circled")
_TRAILING = ",;:、 "
_ITEM = re.compile(rf"(?:^|(?<=[。;,:、!?]))第?([{NUMERALS}]{{1,2}})是(?=[\u4e00-\u9fff“\"])", re.M)


@cache
def _vocative() -> re.Pattern[str]:
    """各位代表、同志们: a speech's address to its audience (data/vocatives.txt), no heading."""
    heads = alternation(column("vocatives", "head"))
    whole = alternation(column("vocatives", "whole"))
    return re.compile(rf"(?:{heads}[\u4e00-\u9fff]{{2,4}}[、,])*(?:{whole}|{heads}[\u4e00-\u9fff]{{2,4}})[,!:]")


@dataclass(frozen=True)
class Section:
    """A span of the analysed text under one heading, with its subsections."""

    marker: str  # "一、" "(一)" "1." "(1)" "①" "一是"; "" for lead sections and the root
    style: str  # cn_dun, cn_paren, num_dot, num_paren, circled, cn_shi, lead, root
    level: int  # 0 for the root
    heading: str  # marker + heading text (a heading line, or the first sentence), ≤ 60 chars
    start: int
    end: int  # the whole section, children included; trailing line breaks excluded
    body_start: int  # where the section's own text after its heading starts
    children: tuple[Section, ...] = ()


@dataclass
class _Open:
    """A section under construction."""

    marker: str
    style: str
    heading: str
    start: int
    body_start: int
    end: int = -1
    children: list[_Open] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, str]]:
    out, cursor = [], 0
    for line in text.split("\n"):
        out.append((cursor, line))
        cursor += len(line) + 1
    return out


def _heading(text: str, start: int, stop: int) -> tuple[str, int]:
    """The heading of a section whose text begins at ``start`` — its first sentence, or its
    line when the line has none — and where the section's own text after it begins."""
    line_end = text.find("\n", start, stop)
    line_end = stop if line_end < 0 else line_end
    full_stop = text.find("。", start, line_end)
    if full_stop < 0 or full_stop == line_end - 1:
        heading, after = text[start:line_end], min(line_end + 1, stop)
    else:
        heading, after = text[start:full_stop], full_stop + 1
    return heading.rstrip("。").rstrip(_TRAILING)[:_HEADING_MAX], max(after, start)


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in "\n ":
        end -= 1
    return end


class _Outline:
    """Pass 1: a stack of open numbered sections; ranks decide which ones a marker closes."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = _Open("", "root", "", 0, 0)
        self.stack = [self.root]
        self.rank: dict[str, int] = {}
        self.last_number: dict[str, int] = {}

    def plausible(self, style: str, number: int) -> bool:
        return number == 1 or number == self.last_number.get(style, -1) + 1

    def _rank(self, style: str) -> int:
        """Ranks follow the official convention (一、 > (一) > 1. > (1) > ①) among the families a
        document uses, whenever it first uses them: a (一) met after 1. items (a list in 基本原则,
        then 四、重点任务 (一) 1. 2.) still ranks above 1."""
        if style not in self.rank:
            self.rank[style] = _CONVENTION.index(style)
        return self.rank[style]

    def close_top(self, end: int) -> None:
        section = self.stack.pop()
        section.end = _trimmed_end(self.text, section.start, end)
        self.stack[-1].children.append(section)

    def open(self, style: str, number: int, marker: str, start: int) -> None:
        rank = self._rank(style)
        while len(self.stack) > 1 and self.rank[self.stack[-1].style] >= rank:
            self.close_top(start)
        heading, body_start = _heading(self.text, start, len(self.text))
        self.stack.append(_Open(marker, style, heading, start, body_start))
        self.last_number[style] = number

    def close_all(self, end: int) -> None:
        while len(self.stack) > 1:
            self.close_top(end)


def _numbered(text: str, lines: list[tuple[int, str]]) -> _Open:
    outline = _Outline(text)
    for offset, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        marker = match_marker(line)
        if (marker is not None and marker.style in _CONVENTION and len(stripped) > len(marker.text)
                and outline.plausible(marker.style, marker.number)):
            outline.open(marker.style, marker.number, marker.text, offset + len(line) - len(line.lstrip()))
        elif _vocative().match(stripped):
            outline.close_all(offset)
    outline.close_all(len(text))
    outline.root.end = len(text)
    return outline.root


def _is_lead_line(line: str, next_line: str | None) -> bool:
    return (next_line is not None and len(line) <= _LEAD_LINE_MAX and line.endswith("。")
            and line.count("。") == 1 and line.count(",") <= 1 and not _ITEM.match(line)
            and match_marker(next_line) is None and len(next_line) > len(line) and line[0] not in ",、;:)”")


def _opening_lead(line: str) -> int:
    """Length of a short lead sentence that opens ``line`` (0 when there is none)."""
    full_stop = line.find("。")
    if not 0 < full_stop <= _LEAD_SENTENCE_MAX or len(line) - full_stop < 2 * _LEAD_SENTENCE_MAX:
        return 0
    first = line[:full_stop]
    if any(mark in first for mark in ",、:;") or _ITEM.match(first) or _vocative().match(line):
        return 0
    return full_stop + 1


def _add_leads(section: _Open, text: str, lines: list[tuple[int, str]], starts: list[int]) -> None:
    """Pass 2: lead sections inside sections that have no numbered children."""
    if section.children:
        for child in section.children:
            _add_leads(child, text, lines, starts)
        return
    first, stop = bisect_right(starts, section.body_start - 1), bisect_right(starts, section.end - 1)
    own = [(offset, line) for offset, line in lines[first:stop] if line.strip()]
    own_line = [index for index, (_, line) in enumerate(own)
                if _is_lead_line(line, own[index + 1][1] if index + 1 < len(own) else None)]
    opening = [index for index, (_, line) in enumerate(own) if _opening_lead(line)]
    chosen = own_line if len(own_line) >= 2 else opening if len(opening) >= 2 else []
    for position, index in enumerate(chosen):
        start = own[index][0]
        end = own[chosen[position + 1]][0] if position + 1 < len(chosen) else section.end
        heading, body_start = _heading(text, start, end)
        lead = _Open("", "lead", heading, start, body_start, _trimmed_end(text, start, end))
        section.children.append(lead)


def _add_items(section: _Open, text: str) -> None:
    """Pass 3: 一是/二是 items inside leaves, in groups counting up from 一."""
    if section.children:
        for child in section.children:
            _add_items(child, text)
        return
    groups: list[list[re.Match[str]]] = []
    if text.find("是", section.body_start, section.end) < 0:
        return  # every item has one; _ITEM has no literal to skip ahead to, so it would try every position
    for found in _ITEM.finditer(text, section.body_start, section.end):
        number = cn_number(found.group(1))
        if number == 1:
            groups.append([found])
        elif groups and number == len(groups[-1]) + 1:
            groups[-1].append(found)
    for group in (g for g in groups if len(g) >= 2):
        for index, found in enumerate(group):
            if index + 1 < len(group):
                end = group[index + 1].start()
            else:
                line_end = text.find("\n", found.start(), section.end)
                end = section.end if line_end < 0 else line_end
            end = _trimmed_end(text, found.start(), end)
            heading, body_start = _heading(text, found.start(), end)
            marker = found.group(0)
            section.children.append(_Open(marker, "cn_shi", heading, found.start(), min(body_start, end), end))


def _freeze(section: _Open, level: int) -> Section:
    children = tuple(_freeze(child, level + 1) for child in sorted(section.children, key=lambda s: s.start))
    return Section(section.marker, section.style, level, section.heading, section.start, section.end,
                   min(section.body_start, section.end), children)


def segment(text: str) -> Section:
    """The section tree of an analysed text; the root spans all of it, its own text before
    the first section is the preamble."""
    lines = _lines(text)
    root = _numbered(text, lines)
    _add_leads(root, text, lines, [offset for offset, _ in lines])
    _add_items(root, text)
    return _freeze(root, 0)


def leaves(root: Section) -> list[Section]:
    """Sections without children, in document order (none when the root has no outline)."""
    out: list[Section] = []
    stack = list(reversed(root.children))
    while stack:
        section = stack.pop()
        if section.children:
            stack.extend(reversed(section.children))
        else:
            out.append(section)
    return out


def section_path(root: Section, leaf: Section) -> tuple[str, ...]:
    """Headings from the top-level section down to ``leaf`` (the root itself excluded)."""
    path: list[str] = []
    section = root
    while section is not leaf and section.children:
        starts = [child.start for child in section.children]
        index = bisect_right(starts, leaf.start) - 1
        if index < 0:
            break
        child = section.children[index]
        if child is not leaf and leaf.start >= child.end:
            break
        section = child
        path.append(section.heading)
    return tuple(path)
