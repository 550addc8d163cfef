"""The tasks of a document: outline leaves of its prose and rows of its tables.

The layout says which stretches hold no prose tasks (the notice wrapper, tables, appendix
headings); the outline is read from the analysed text with those stretches blanked out, so a
table's cells never become sections and a section never runs into a table. Each table row is
a task of its own, under its table's title and group row. Offsets here are analysed offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from pledgegraph.loaders.layout import Layout, Row, Table
from pledgegraph.loaders.normalize import NormalizedText
from pledgegraph.loaders.segment import Section, leaves, section_path, segment

__all__ = ["Task", "read_tasks", "blank_out"]

_HEADING_MAX = 40
_TASK_MIN = 8


@dataclass(frozen=True)
class Task:
    start: int
    end: int
    section: tuple[str, ...]
    source: str  # outline | paragraph | table_row
    row: Row | None = None
    table: Table | None = None


def blank_out(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but its line breaks turned into spaces."""
    chars = list(text)
    for start, end in spans:
        for index in range(max(0, start), min(end, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)


def _excluded(layout: Layout, normalized: NormalizedText) -> list[tuple[int, int]]:
    return [normalized.to_analysed(start, end) for start, end in layout.excluded()]


def _clip(start: int, end: int, text: str, excluded: list[tuple[int, int]]) -> int:
    """A task ends where an excluded stretch begins inside it, trailing blanks dropped."""
    for ex_start, _ in excluded:
        if start < ex_start < end:
            end = ex_start
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _table_follows(text: str, position: int, excluded: list[tuple[int, int]]) -> bool:
    """Whether an excluded stretch starts right after ``position`` (blanks between)."""
    after = position
    while after < len(text) and text[after].isspace():
        after += 1
    return any(start <= after < max(end, start + 1) for start, end in excluded)


def _paragraphs(text: str) -> list[Section]:
    """A plan without outline numbering: each paragraph that reads as a task is one."""
    sections, cursor = [], 0
    for paragraph in text.split("\n"):
        line = paragraph.strip()
        heading_like = len(line) <= _HEADING_MAX and not any(mark in line for mark in "。,，;；")
        if len(line) >= _TASK_MIN and not heading_like:
            heading = line.split("。", 1)[0][:60]
            sections.append(Section("", "paragraph", 1, heading, cursor, cursor + len(paragraph), cursor, ()))
        cursor += len(paragraph) + 1
    return sections


def _own_texts(root: Section, text: str, excluded: list[tuple[int, int]]) -> list[Task]:
    """A section with subsections may say something of its own before them ("各街镇进一步梳理…，
    重点整治项目须满足：一是…二是…"): that text is a task too."""
    out: list[Task] = []
    stack = [(root, ())]
    while stack:
        section, path = stack.pop()
        for child in section.children:
            stack.append((child, (*path, child.heading)))
        if not section.children or section is root:
            continue
        start = section.body_start
        end = _clip(start, section.children[0].start, text, excluded)
        own = text[start:end].strip()
        if len(own) >= _TASK_MIN and any(mark in own for mark in "。;；,，"):
            while text[start].isspace():
                start += 1
            out.append(Task(start, end, path, "outline"))
    return out


def _row_task(table: Table, row: Row, normalized: NormalizedText, outline: tuple[str, ...]) -> Task:
    content = [cell for cell in row.cells if cell.role != "number" and cell.start >= row.start]
    first = min((cell.start for cell in content), default=row.start)
    start, end = normalized.to_analysed(first, row.end)
    section = outline + tuple(part for part in (table.title, row.section, row.number) if part)
    return Task(start, end, section, "table_row", row, table)


def _path_to(root: Section, position: int) -> tuple[str, ...]:
    """The headings of the sections that contain ``position`` (a table inside 一、城市建设)."""
    path: list[str] = []
    section = root
    while True:
        inner = next((c for c in section.children if c.start <= position < c.end), None)
        if inner is None:
            return tuple(path)
        path.append(inner.heading)
        section = inner


def read_tasks(layout: Layout, normalized: NormalizedText) -> tuple[Section, list[Task]]:
    """The outline of the prose and every task, in document order."""
    excluded = _excluded(layout, normalized)
    text = normalized.text
    root = segment(blank_out(text, excluded))
    outline = [leaf for leaf in leaves(root) if leaf is not root]
    tasks: list[Task] = []
    if outline:
        for leaf in outline:
            end = _clip(leaf.start, leaf.end, text, excluded)
            if end <= leaf.body_start and _table_follows(text, end, excluded):
                continue  # only the heading of a table: the rows are its tasks
            if text[leaf.start:end].strip():
                tasks.append(Task(leaf.start, end, section_path(root, leaf), "outline"))
        tasks += _own_texts(root, text, excluded)
    else:
        for paragraph in _paragraphs(blank_out(text, excluded)):
            end = _clip(paragraph.start, paragraph.end, text, excluded)
            if text[paragraph.start:end].strip():
                tasks.append(Task(paragraph.start, end, (paragraph.heading,), "paragraph"))
    for table in layout.tables:
        outline_path = _path_to(root, normalized.to_analysed(table.start, table.start)[0])
        tasks += [_row_task(table, row, normalized, outline_path) for row in table.rows]
    tasks.sort(key=lambda task: (task.start, task.end))
    return root, tasks
