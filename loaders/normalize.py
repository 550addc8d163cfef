"""The analysed text: furniture cut, widths folded, broken lines joined — spans kept.

Every analysed character remembers the offset of the original character it came from
(``origin``), so whatever later stages find can be reported as a span of the file the user
loaded. The transformations:

* web-page furniture before the title and after the body (metadata lines, feedback forms)
  is left out, judged by the vocabulary in ``data/furniture_*.txt``;
* full-width ASCII forms fold to ASCII one for one; zero-width and format characters go;
* line breaks inside a phrase are removed — everywhere when a document is visibly
  hard-wrapped mid-phrase, otherwise only where the next line plainly continues the last;
* a whole document on one line is broken at its spaces so its outline can be segmented.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass

from pledgegraph.loaders.lexicon import words
from pledgegraph.loaders.outline import match_marker

__all__ = ["NormalizedText", "normalize"]

_SENTENCE_END = "。！？；;!?:："
_CONTINUES_NEXT = "、,，(（“‘《"
_CONTINUES_PREVIOUS = ",，、。;；:：)）”’》.%"
_ONE_LINE_MIN = 1500  # a line this long with inline markers is a flattened document
_FRAGMENT_MAX = 12  # lines shorter than this without end punctuation are wrap fragments
_BROKEN_RATIO = 0.12
_MIN_FRAGMENTS = 5  # a handful of short lines in a short text are headings, not wrap damage
_TITLE_MAX = 40
_CELL = "\t"  # table cells flattened onto one line stay apart
_HEAD_LINES = 12  # metadata lines may sit just below the title, never deep in the body


@dataclass(frozen=True)
class NormalizedText:
    """The analysed text and, per character, its offset in the original (+ end sentinel)."""

    text: str
    origin: array
    body_start: int
    body_end: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the analysed span ``[start, end)``."""
        start = max(0, min(start, len(self.text)))
        end = max(start, min(end, len(self.text)))
        if end == start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _fold(ch: str) -> str:
    """One character in, at most one out: full-width ASCII to ASCII, format characters to ''."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if ch == "\u3000" or ch == "\t" or ch == "\xa0":
        return " "
    if unicodedata.category(ch) in ("Cf", "Cc") and ch != "\n":
        return ""
    return ch


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch in "。，、；：？！“”‘’《》（）【】"


@dataclass
class _Line:
    chars: list[str]
    origins: list[int]
    blank_before: bool = False

    @property
    def text(self) -> str:
        return "".join(self.chars)


def _fold_line(original: str, start: int, end: int) -> _Line:
    """Fold one original line; spaces next to CJK vanish, other runs of spaces become one.

    In a flattened document (one very long line) spaces are the only trace of the line
    breaks, so there every run of spaces is kept as one space for the caller to split on.
    """
    keep_spaces = end - start >= _ONE_LINE_MIN
    chars, origins = [], []
    for index in range(start, end):
        raw = original[index]
        folded = _fold(raw)
        if not folded:
            continue
        if folded == " " and chars and (raw == "\t" or original[index + 1:index + 2] in (" ", "\u3000", "\t")):
            # A tab or a run of spaces separates table cells: keep one separator.
            if chars[-1] != _CELL:
                chars.append(_CELL)
                origins.append(index)
            continue
        if folded == " ":
            if not chars or chars[-1] in (" ", _CELL):
                continue
        elif not keep_spaces and chars and chars[-1] == " " and (_is_cjk(folded) or _is_cjk(chars[-2] if len(chars) > 1 else "")):
            chars.pop()
            origins.pop()
        chars.append(folded)
        origins.append(index)
    while chars and chars[-1] in (" ", _CELL):
        chars.pop()
        origins.pop()
    return _Line(chars, origins)


def _line_spans(original: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, cursor = [], start
    while cursor <= end:
        newline = original.find("\n", cursor, end)
        stop = end if newline < 0 else newline
        spans.append((cursor, stop))
        if newline < 0:
            break
        cursor = newline + 1
    return spans


def _is_furniture(line: str, vocabulary: frozenset[str]) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    if any(word in stripped for word in vocabulary):
        return len(stripped) < 80
    return stripped.endswith("*") or (len(stripped) <= 3 and not re.search(r"[\u4e00-\u9fff]", stripped))


def _body_range(original: str) -> tuple[int, int]:
    """Cut leading metadata lines and a trailing feedback/navigation block."""
    spans = _line_spans(original, 0, len(original))
    head_words, tail_words = words("furniture_head"), words("furniture_tail")
    first = 0
    while first < len(spans) - 1 and _is_furniture(original[slice(*spans[first])], head_words):
        first += 1
    last, cut = len(spans) - 1, None
    while last > first:
        line = original[slice(*spans[last])].strip()
        if not _is_furniture(line, tail_words) and len(line) > 20:
            break
        if any(word in line for word in tail_words):
            cut = last
        last -= 1
    end = spans[cut][0] if cut is not None else len(original)
    return spans[first][0], max(spans[first][0], end)


def _split_flat_line(line: _Line) -> list[_Line]:
    """A flattened document: every space separates two blocks; each block becomes a line."""
    out, current = [], _Line([], [])
    for ch, origin in zip(line.chars, line.origins, strict=True):
        if ch in (" ", _CELL):
            if current.chars:
                out.append(current)
            current = _Line([], [])
            continue
        current.chars.append(ch)
        current.origins.append(origin)
    if current.chars:
        out.append(current)
    return out


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """Many short lines ending mid-phrase: the document was wrapped inside sentences."""
    fragments = sum(
        1 for line in lines
        if line.chars and len(line.chars) < _FRAGMENT_MAX and line.text[-1] not in _SENTENCE_END
        and not (match_marker(line.text) and len(line.chars) > 3)
    )
    return fragments >= _MIN_FRAGMENTS and fragments > _BROKEN_RATIO * max(1, len(lines))


def _is_heading(line: str) -> bool:
    marker = match_marker(line)
    return marker is not None and len(line.strip()) > len(marker.text)


def _joins(previous: str, current: _Line, hard_wrapped: bool, is_title: bool) -> bool:
    """Whether ``current`` continues ``previous`` on the same logical line."""
    if current.blank_before or not previous or is_title:
        return False
    marker = match_marker(previous)
    if marker is not None and previous.strip() == marker.text:
        return True  # "一、" alone on its line: the heading follows
    if match_marker(current.text) or previous[-1] in _SENTENCE_END:
        return False
    if current.text[0] in _CONTINUES_PREVIOUS or previous[-1] in _CONTINUES_NEXT:
        return True
    return hard_wrapped and not _is_heading(previous)


def _logical_lines(original: str, start: int, end: int) -> list[_Line]:
    lines: list[_Line] = []
    blank = False
    head_words = words("furniture_head")
    for count, (line_start, line_end) in enumerate(_line_spans(original, start, end)):
        line = _fold_line(original, line_start, line_end)
        if count < _HEAD_LINES and len(line.chars) < 80 and any(word in line.text for word in head_words):
            line.chars.clear()  # metadata between the title and the body (发布时间, 浏览次数 …)
        if not line.chars:
            blank = True
            continue
        if len(line.chars) >= _ONE_LINE_MIN and line.text.count(" ") > 3:
            parts = _split_flat_line(line)
        else:
            parts = [line]
        parts[0].blank_before = blank
        lines.extend(parts)
        blank = False
    hard_wrapped = _is_hard_wrapped(lines)
    merged: list[_Line] = []
    for index, line in enumerate(lines):
        previous = merged[-1].text if merged else ""
        is_title = (index == 1 and len(previous) <= _TITLE_MAX and "," not in previous
                    and match_marker(previous) is None)
        if merged and _joins(previous, line, hard_wrapped, is_title):
            merged[-1].chars.extend(line.chars)
            merged[-1].origins.extend(line.origins)
        else:
            merged.append(line)
    return merged


def normalize(original: str) -> NormalizedText:
    """The analysed text of ``original`` with its origin map."""
    body_start, body_end = _body_range(original)
    chars: list[str] = []
    origins = array("l")
    for line in _logical_lines(original, body_start, body_end):
        if chars:
            chars.append("\n")
            origins.append(origins[-1] + 1)
        chars.extend(line.chars)
        origins.extend(line.origins)
    origins.append(body_end if not chars else max(origins[-1] + 1, min(body_end, len(original))))
    return NormalizedText("".join(chars), origins, body_start, body_end)
