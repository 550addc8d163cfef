"""Characters of the analysed text, shared by every stage that looks at raw lines.

Folding is one character in, one character out (full-width ASCII forms to ASCII, odd spaces to
a space, invisibles to NUL), so a folded line keeps the offsets of the original line: the
layout stage reads folded lines with original offsets, normalise builds on the same table.
"""

from __future__ import annotations

import re

__all__ = ["CJK", "NUMERALS", "DIGITS", "ZEROS", "TEN", "POWERS", "LEGAL_DIGITS", "LEGAL_DIGITS_TRADITIONAL",
           "LEGAL_POWERS", "HEAVENLY_STEMS", "EARTHLY_BRANCHES", "DATE_UNITS", "FOLD", "FOLDABLE", "fold", "line_spans"]

# The CJK Unified Ideographs block: what "a Chinese character" means everywhere in the loaders.
CJK = re.compile(r"[\u4e00-\u9fff]")
# The Chinese digits outline markers and ordinals count with (一、 (十二) 第三条): a character
# class, like the punctuation classes, not vocabulary.
NUMERALS = "一二三四五六七八九十"
# The other numeral characters, as number systems (dates, Word's list formats), not words:
# positional digits 0–9 (二〇二三年), the ways a zero is written, ten and the powers of ten,
# the banker's (大写) digits and powers, and the cyclic ordinals 甲乙丙… and 子丑寅….
DIGITS = "〇一二三四五六七八九"
ZEROS = "〇○零"
TEN = "十"
POWERS = "十百千"
LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
LEGAL_DIGITS_TRADITIONAL = "零壹貳參肆伍陸柒捌玖"
LEGAL_POWERS = "拾佰仟"
HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"
EARTHLY_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
# The calendar's units after a number (2023年3月5日): a number followed by one is a date.
DATE_UNITS = "年月日"
LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# Anything outside these ranges may need folding or removal (full-width forms, odd spaces,
# invisibles); a line without such a character is taken as it is, skipping str.translate.
FOLDABLE = re.compile(r"[^\n\u0020-\u007e\u00a1-\u00ac\u00ae-\u05ff\u0700-\u070e\u0710-\u180d\u180f-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u2fff\u3001-\ufdff\ufe10-\ufefe\uff5f-\ufff8]")


def _fold_table() -> dict[int, str]:
    """One character in, one out: widths folded, spaces unified, invisibles marked NUL."""
    table = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
    table.update(dict.fromkeys([0x3000, 0xA0, 0x09, 0x202F, 0x205F, *range(0x2000, 0x200B)], " "))
    invisible = [0x00, 0xAD, 0x61C, 0x6DD, 0x70F, 0x180E, 0xFEFF, *range(0x600, 0x606), *range(0x200B, 0x2010),
                 *range(0x202A, 0x202F), *range(0x2060, 0x2070), *range(0xFE00, 0xFE10), *range(0xFFF9, 0xFFFC),
                 *range(0x01, 0x09), *range(0x0E, 0x20), *range(0x7F, 0x85), *range(0x86, 0xA0)]
    table.update(dict.fromkeys(invisible, "\x00"))
    return table


FOLD = _fold_table()
FOLD_CHARS = {chr(code): folded for code, folded in FOLD.items()}


def fold(text: str) -> str:
    """``text.translate(FOLD)``, by replacing the few distinct foldable characters a line holds:
    ``str.translate`` looks every character up in the table, which is several times slower.
    The same: every key of the table is FOLDABLE, and no replacement is another key."""
    for ch in set(FOLDABLE.findall(text)):
        folded = FOLD_CHARS.get(ch)
        if folded is not None:
            text = text.replace(ch, folded)
    return text



def line_spans(original: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of every physical line, breaks excluded."""
    spans, cursor = [], 0
    for found in LINE_BREAK.finditer(original):
        spans.append((cursor, found.start()))
        cursor = found.end()
    spans.append((cursor, len(original)))
    return spans
