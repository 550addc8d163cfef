"""The analysed text: furniture cut, widths folded, broken lines joined — spans kept.

Every analysed character remembers the offset of the original character it came from
(``origin``), so whatever later stages find is reported as a span of the loaded file:

* web-page furniture before the title and after the body is left out, judged by shape
  (key:value fields, form fields ending in ``:*``, lines without Chinese, breadcrumbs) and
  by the vocabulary in ``data/furniture_*.txt``;
* full-width ASCII forms fold to ASCII one for one; zero-width and format characters go;
  spaces go unless they separate two Latin words; a tab or a run of spaces inside a line
  (two table cells) becomes one tab;
* line breaks inside a phrase are removed — where the next line plainly continues the last,
  and in a document visibly wrapped mid-phrase wherever a line ends without punctuation;
* a document flattened onto one line is broken at its spaces and before outline markers.

Lines are joined by one ``\n``, which maps to the origin of the character after it; a span's
trailing breaks are ignored, so a span never reaches into text it does not contain.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from dataclasses import dataclass

from pledgegraph.loaders.chars import FOLDABLE, NUMERALS, fold, line_spans
from pledgegraph.loaders.furniture import body_range
from pledgegraph.loaders.lines import Line, repair
from pledgegraph.loaders.outline import match_marker

__all__ = ["NormalizedText", "normalize"]

_FLAT_MIN = 800  # a line this long with markers after its spaces is a flattened document

_GAP = re.compile(r"[ \x00]+")
_CELL = "\t"
_SPACES = (" ", "\u3000", "\u00a0", "\t")
# Zero-width first: at a sentence end a "(" must be tried as a marker before as a bracket.
_FLAT_EVENT = re.compile(rf"(?<=[。;!?])(?=[(\d{NUMERALS}①-⑳])|[“《(【]|[”》)】]|。|[ \x00]+")
_OPENERS = frozenset("“《(【")
_CLOSING_BRACKETS = frozenset("”》)】")
_FLAT_CUE = re.compile(rf"(?:[ \u3000]|[。;；!！?？])[(（]?[{NUMERALS}]{{1,3}}[、)）]")


@dataclass(frozen=True)
class NormalizedText:
    """The analysed text and, per character, its offset in the original (+ end sentinel)."""

    text: str
    origin: array  # len(text) + 1 offsets into the original, non-decreasing
    body_start: int  # the original range judged to be the document (furniture excluded)
    body_end: int

    def to_analysed(self, start: int, end: int) -> tuple[int, int]:
        """The analysed span that covers the original span ``[start, end)``."""
        origin, text = self.origin, self.text
        first = bisect_left(origin, start, 0, len(text))
        while first < len(text) and text[first] == "\n" and origin[first] == origin[first + 1]:
            first += 1  # a break maps to the start of the line after it: the span starts on that line
        return first, max(first, bisect_left(origin, end, 0, len(text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the analysed span ``[start, end)`` (an empty span stays empty)."""
        text, origin = self.text, self.origin  # called for every record: locals, not attributes
        start = max(0, min(start, len(text)))
        end = max(start, min(end, len(text)))
        while end > start and text[end - 1] == "\n":  # a break maps to the next line's start
            end -= 1
        if end == start:
            return origin[start], origin[start]
        return origin[start], origin[end - 1] + 1


# -- characters -----------------------------------------------------------------------------

def _wordish(ch: str) -> bool:
    return ch < "\u2000" and ch.isalnum()


def _is_cell_gap(original: str, left: int, right: int) -> bool:
    """A tab, or two or more spaces, inside a line: the border between two table cells."""
    gap = original[left:right]
    return "\t" in gap or sum(gap.count(space) for space in _SPACES) >= 2


_IOTA = array("q")


def _iota(stop: int) -> array:
    """0, 1, 2 … up to at least ``stop``. An origin map is runs of consecutive offsets; a slice
    of this copies a run in one step, where a ``range`` converts each integer (most of the time
    normalising took). Kept between documents, 8 bytes per character of the longest one seen;
    replaced, never grown in place, so a concurrent reader never sees it change."""
    global _IOTA
    iota = _IOTA
    if len(iota) < stop:
        iota = _IOTA = array("q", range(max(stop, len(iota) + (1 << 16))))
    return iota


def _fold_range(original: str, start: int, end: int) -> Line:
    """Fold ``original[start:end]``; drop invisibles and spaces, except one between two words."""
    folded = original[start:end]
    if FOLDABLE.search(folded):
        folded = fold(folded)
    iota = _iota(end)
    if " " not in folded and "\x00" not in folded:
        return Line(folded, iota[start:end])  # no gap (most lines of Chinese text): kept whole
    parts: list[str] = []
    origins = array("q")
    cursor = 0
    for gap in _GAP.finditer(folded):
        left, right = gap.span()
        parts.append(folded[cursor:left])
        origins.extend(iota[start + cursor:start + left])
        inside = left and right < len(folded)
        if inside and _is_cell_gap(original, start + left, start + right):
            parts.append(_CELL)  # table cells flattened onto one line stay apart
            origins.append(start + left)
        elif inside and _wordish(folded[left - 1]) and _wordish(folded[right]):
            space = gap.group().find(" ")
            if space >= 0:
                parts.append(" ")
                origins.append(start + left + space)
        cursor = right
    parts.append(folded[cursor:])
    origins.extend(iota[start + cursor:end])
    return Line("".join(parts), origins)


def _is_flat(raw: str) -> bool:
    """A document (or a long part of one) written on a single line, its breaks lost."""
    return len(raw) >= _FLAT_MIN and len(_FLAT_CUE.findall(raw)) >= 2


def _flat_cuts(folded: str) -> list[tuple[int, int]]:
    """Where a flattened line breaks: spaces outside quotes and brackets that do not sit
    between two words, and just before a line-start marker that follows a sentence end."""
    cuts, depth = [], 0
    for event in _FLAT_EVENT.finditer(folded):
        token, (left, right) = event.group(), event.span()
        if not token:
            marker = match_marker(folded[left:left + 16])
            if not depth and marker is not None and marker.style != "cn_shi":
                cuts.append((left, left))
        elif token in _OPENERS:
            depth += 1
        elif token in _CLOSING_BRACKETS:
            depth = max(0, depth - 1)
        elif token == "。":
            depth = 0  # an unbalanced quote must not swallow the rest of the document
        elif not depth and " " in token and not (
                left and right < len(folded) and _wordish(folded[left - 1]) and _wordish(folded[right])):
            cuts.append((left, right))
    return cuts


def _fold_line(original: str, start: int, end: int) -> list[Line]:
    """One physical line as one analysed line, or several when it is a flattened document."""
    raw = original[start:end]
    if not _is_flat(raw):
        line = _fold_range(original, start, end)
        return [line] if line.text else []
    lines, cursor = [], 0
    for left, right in [*_flat_cuts(fold(raw)), (len(raw), len(raw))]:
        piece = _fold_range(original, start + cursor, start + left)
        if piece.text:
            lines.append(piece)
        cursor = right
    return lines


# -- furniture ------------------------------------------------------------------------------

def _logical_lines(original: str, spans: list[tuple[int, int]], kept: frozenset[int]) -> list[Line]:
    lines: list[Line] = []
    blank = False
    for line_start, line_end in spans:
        parts = _fold_line(original, line_start, line_end)
        if not parts:
            blank = True
            continue
        parts[0].blank_before = blank
        if parts[0].origins and parts[0].origins[0] in kept:
            parts[0].flags.add("kept")
        lines.extend(parts)
        blank = False
    return repair(lines)


def normalize(original: str, kept: frozenset[int] = frozenset()) -> NormalizedText:
    """The analysed text of ``original`` with its origin map. A line whose first character
    sits at an offset in ``kept`` starts a line of its own whatever line repair makes of it
    (the layout keeps table cells and envelope lines apart)."""
    spans = line_spans(original)
    body_start, body_end = body_range(original, spans)
    body = [(max(a, body_start), min(b, body_end)) for a, b in spans if b >= body_start and a <= body_end]
    texts: list[str] = []
    origins = array("q")
    for line in _logical_lines(original, body, kept):
        if texts:
            origins.append(line.origins[0])  # the break maps to the start of the next line
        texts.append(line.text)
        origins.extend(line.origins)
    origins.append(origins[-1] + 1 if texts else body_start)
    return NormalizedText("\n".join(texts), origins, body_start, body_end)
