"""The outline of a plan as a section tree; its leaves are the tasks (commitments).

Marker families nest in the order a document first uses them, which covers plans that start
at (一), run item numbers 1…34 through several 一、 sections, or restart 1. under each (一).
A marker counts only at the start of a line and only when its number is plausible (1, or the
next number of its family), so "2023年…" or a stray "(3)" does not open a section. Two kinds
of section have no line-start marker: inline items 一是/二是 (at least two in a row), and
*lead* sections — a short line ending in 。 followed by its paragraph, as hard-wrapped plans
write their unnumbered sub-tasks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgegraph.loaders.outline import INLINE_ITEM, cn_number, match_marker

__all__ = ["Section", "segment", "leaves", "section_path"]

_HEADING_MAX = 60
_LEAD_MAX = 30


@dataclass(frozen=True)
class Section:
    marker: str
    style: str
    level: int
    heading: str
    start: int
    end: int
    body_start: int
    children: tuple[Section, ...] = ()


@dataclass
class _Open:
    """A section under construction."""

    marker: str
    style: str
    number: int
    heading: str
    start: int
    body_start: int
    children: list[Section] = field(default_factory=list)
    end: int = -1


def _lines(text: str) -> list[tuple[int, str]]:
    out, cursor = [], 0
    for line in text.split("\n"):
        out.append((cursor, line))
        cursor += len(line) + 1
    return out


def _heading(line: str) -> str:
    """A heading line whole, or for an item with its text on the same line its first sentence."""
    sentence = line.split("。", 1)[0]
    return sentence[:_HEADING_MAX]


def _is_lead(line: str, next_line: str | None) -> bool:
    stripped = line.strip()
    return (
        next_line is not None
        and len(stripped) <= _LEAD_MAX
        and stripped.endswith("。")
        and stripped.count("。") == 1
        and "," not in stripped
        and match_marker(next_line) is None
        and len(next_line.strip()) > len(stripped)
    )


class _Builder:
    """Stack of open sections; closing one freezes it into its parent's children."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root = _Open("", "root", 0, "", 0, 0)
        self.stack: list[_Open] = [self.root]
        self.last_number: dict[str, int] = {}

    def _close_top(self, end: int) -> None:
        section = self.stack.pop()
        section.end = end
        self.stack[-1].children.append(_freeze(section, len(self.stack)))

    def plausible(self, style: str, number: int) -> bool:
        # A family starts (or restarts) at 1 and otherwise counts on by one.
        return number == 1 or number == self.last_number.get(style, -1) + 1

    def open(self, style: str, number: int, marker: str, heading: str, start: int, body_start: int) -> None:
        while self.stack[-1].style == "lead":
            self._close_top(start)
        styles = [s.style for s in self.stack]
        if style in styles:
            while self.stack[-1].style != style:
                self._close_top(start)
            self._close_top(start)
        self.stack.append(_Open(marker, style, number, heading, start, body_start))
        self.last_number[style] = number

    def open_lead(self, heading: str, start: int, body_start: int) -> None:
        if self.stack[-1].style == "lead":
            self._close_top(start)
        self.stack.append(_Open("", "lead", 0, heading, start, body_start))

    def finish(self) -> Section:
        end = len(self.text)
        while len(self.stack) > 1:
            self._close_top(end)
        self.root.end = end
        return _freeze(self.root, 0)


def _freeze(section: _Open, level: int) -> Section:
    return Section(section.marker, section.style, level, section.heading, section.start, section.end,
                   section.body_start, tuple(section.children))


def _split_inline(section: Section, text: str) -> Section:
    """一是…二是…三是… inside a leaf's text become its children (two or more, in sequence)."""
    if section.children:
        return Section(section.marker, section.style, section.level, section.heading, section.start,
                       section.end, section.body_start,
                       tuple(_split_inline(child, text) for child in section.children))
    if section.style == "root":
        return section
    found, expected = [], 1
    for match in INLINE_ITEM.finditer(text, section.body_start, section.end):
        if cn_number(match.group(1)) == expected:
            found.append(match)
            expected += 1
    if len(found) < 2:
        return section
    items = []
    for index, match in enumerate(found):
        end = found[index + 1].start() if index + 1 < len(found) else section.end
        items.append(Section(match.group(0), "cn_shi", section.level + 1,
                             _heading(text[match.start():end]), match.start(), end, match.end()))
    return Section(section.marker, section.style, section.level, section.heading, section.start,
                   section.end, section.body_start, tuple(items))


def segment(text: str) -> Section:
    """The section tree of an analysed text; the root spans all of it."""
    builder = _Builder(text)
    lines = _lines(text)
    for index, (offset, line) in enumerate(lines):
        if not line.strip():
            continue
        marker = match_marker(line)
        next_line = next((ln for _, ln in lines[index + 1:] if ln.strip()), None)
        if marker is not None and marker.style != "cn_shi" and len(line.strip()) > len(marker.text):
            if builder.plausible(marker.style, marker.number):
                heading_text = _heading(line.strip())
                whole_line = len(heading_text) >= len(line.strip())
                body_start = offset + len(line) + 1 if whole_line else offset
                builder.open(marker.style, marker.number, marker.text, heading_text, offset, body_start)
                continue
        if len(builder.stack) > 1 and _is_lead(line, next_line):
            builder.open_lead(line.strip(), offset, offset + len(line) + 1)
    root = builder.finish()
    return _split_inline(root, text)


def leaves(root: Section) -> list[Section]:
    """Sections without children, in document order (none when the root has no outline)."""
    out: list[Section] = []

    def walk(section: Section) -> None:
        for child in section.children:
            if child.children:
                walk(child)
            else:
                out.append(child)

    walk(root)
    return out


def section_path(root: Section, leaf: Section) -> tuple[str, ...]:
    """Headings from the top-level section down to ``leaf`` (the root itself excluded)."""
    path: list[str] = []

    def walk(section: Section) -> bool:
        for child in section.children:
            if child.start <= leaf.start < child.end or child is leaf:
                path.append(child.heading)
                if child is leaf or walk(child):
                    return True
                path.pop()
        return False

    walk(root)
    return tuple(path)
