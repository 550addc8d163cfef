"""Word's automatic list numbering, rendered as Word shows it: 一、 （一） 1. ① 甲 …

A Word paragraph can carry its outline number as a property rather than as text: ``w:numPr``
(a list instance ``numId`` and a level ``ilvl``, on the paragraph or inherited from its
style) points into ``word/numbering.xml``, where the instance names an abstract definition
(``abstractNumId``, possibly overriding a level's start or whole definition) whose levels say
how to count (``w:start``, ``w:lvlRestart``) and how to write the number (``w:numFmt``,
``w:lvlText`` such as ``%1、`` or ``（%2）``). python-docx returns only the typed text, so without
this the outline stage would see neither 一、 nor 1. and flatten the plan.

Counting follows Word: list instances of one abstract definition share its counters (a new
instance continues the list unless it overrides a level's start, which restarts that level
at its first paragraph); numbering a level resets the deeper levels unless their
``lvlRestart`` says otherwise; paragraphs are counted in document order, table cells
included. Bullets and hidden numbers add no text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pledgegraph.loaders.chars import (
    DIGITS,
    EARTHLY_BRANCHES,
    HEAVENLY_STEMS,
    LEGAL_DIGITS,
    LEGAL_DIGITS_TRADITIONAL,
    LEGAL_POWERS,
    POWERS,
    TEN,
)

__all__ = ["Numbering", "format_number"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEVELS = 9
_DIGITS = DIGITS
_LEGAL_SIMPLIFIED = (LEGAL_DIGITS, LEGAL_POWERS)
_LEGAL_TRADITIONAL = (LEGAL_DIGITS_TRADITIONAL, LEGAL_POWERS)
_STEMS = HEAVENLY_STEMS
_BRANCHES = EARTHLY_BRANCHES
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
# Enclosed forms exist only for small numbers; past them Word writes plain digits.
_ENCLOSED = {
    "decimalEnclosedCircle": ("\u2460", 20),  # ①
    "decimalEnclosedCircleChinese": ("\u2460", 20),
    "decimalEnclosedFullstop": ("\u2488", 20),  # ⒈
    "decimalEnclosedParen": ("\u2474", 20),  # ⑴
    "ideographEnclosedCircle": ("\u3220", 10),  # ㈠
}
_COUNTING = frozenset(("chineseCounting", "taiwaneseCounting"))
_COUNTING_THOUSAND = frozenset(("chineseCountingThousand", "taiwaneseCountingThousand", "japaneseCounting"))
_DIGITAL = frozenset(("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"))
_PUNCTUATION_END = "、.．,，:：;；)）]】」』 \u3000"


def _tens(n: int, digits: str, ten: str) -> str:
    """1–99 as read aloud: 一 … 十, 十一, 二十, 二十一."""
    high, low = divmod(n, 10)
    return (digits[high] if high > 1 else "") + (ten if high else "") + (digits[low] if low else "")


def _reading(n: int, digits: str, units: str) -> str:
    """1–9999 in the counting-thousand style: 一百〇五, 一百一十, 二千〇一十."""
    if n < 100:
        return _tens(n, digits, units[0])
    out, zero = "", False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        digit = n // value % 10
        if digit:
            out += (digits[0] if zero and out else "") + digits[digit] + unit
            zero = False
        elif out:
            zero = True
    return out


def _letters(n: int, upper: bool) -> str:
    letter = chr((ord("A") if upper else ord("a")) + (n - 1) % 26)
    return letter * ((n - 1) // 26 + 1)  # Word: … Z, AA, BB


def _roman(n: int) -> str:
    out = ""
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out += numeral * count
    return out


def format_number(n: int, fmt: str) -> str:
    """``n`` written in Word's number format ``fmt`` (``w:numFmt``); unknown formats as decimal.

    >>> [format_number(n, "chineseCounting") for n in (1, 10, 11, 20, 34)]
    ['一', '十', '十一', '二十', '三十四']
    >>> format_number(3, "decimalEnclosedCircle"), format_number(2, "ideographTraditional")
    ('③', '乙')
    """
    if fmt == "none":
        return ""
    if n <= 0:
        return str(n)
    if fmt in _COUNTING:
        return _tens(n, _DIGITS, TEN) if n < 100 else "".join(_DIGITS[int(d)] for d in str(n))
    if fmt in _COUNTING_THOUSAND and n < 10000:
        return _reading(n, _DIGITS, POWERS)
    if fmt in _DIGITAL:
        return "".join(_DIGITS[int(d)] for d in str(n))
    legal = {"chineseLegalSimplified": _LEGAL_SIMPLIFIED, "ideographLegalTraditional": _LEGAL_TRADITIONAL}.get(fmt)
    if legal and n < 10000:
        return _reading(n, *legal)
    if fmt in _ENCLOSED and n <= _ENCLOSED[fmt][1]:
        return chr(ord(_ENCLOSED[fmt][0]) + n - 1)
    if fmt == "ideographTraditional" and n <= 10:
        return _STEMS[n - 1]
    if fmt == "ideographZodiac" and n <= 12:
        return _BRANCHES[n - 1]
    if fmt == "ideographZodiacTraditional" and n <= 60:
        return _STEMS[(n - 1) % 10] + _BRANCHES[(n - 1) % 12]
    if fmt in ("upperLetter", "lowerLetter"):
        return _letters(n, fmt == "upperLetter")
    if fmt in ("upperRoman", "lowerRoman") and n < 4000:
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


# --- definitions ----------------------------------------------------------------------------


def _val(parent, tag: str) -> str | None:
    child = parent.find(f"{_W}{tag}") if parent is not None else None
    return None if child is None else child.get(f"{_W}val")


def _int(value: str | None, default: int | None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One ``w:lvl``: how a level counts and how its number is written."""

    start: int = 1
    fmt: str = "decimal"
    text: str = ""  # lvlText: %1 … %9 stand for the levels' current numbers
    restart: int | None = None  # lvlRestart: None = after any higher level, 0 = never
    legal: bool = False  # isLgl: every level's number in decimal
    suffix: str = "tab"
    style: str | None = None  # a paragraph style linked to this level
    hidden: bool = False

    @classmethod
    def parse(cls, lvl) -> Level:
        run = lvl.find(f"{_W}rPr")
        vanish = run is not None and run.find(f"{_W}vanish") is not None and _val(run, "vanish") not in ("0", "false")
        legal = lvl.find(f"{_W}isLgl") is not None and _val(lvl, "isLgl") not in ("0", "false")
        return cls(start=_int(_val(lvl, "start"), 1), fmt=_val(lvl, "numFmt") or "decimal",
                   text=_val(lvl, "lvlText") or "", restart=_int(_val(lvl, "lvlRestart"), None), legal=legal,
                   suffix=_val(lvl, "suff") or "tab", style=_val(lvl, "pStyle"), hidden=vanish)


@dataclass(frozen=True)
class Instance:
    """One ``w:num``: its abstract definition and the levels it overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


def _levels(parent) -> dict[int, Level]:
    return {_int(lvl.get(f"{_W}ilvl"), 0): Level.parse(lvl) for lvl in parent.findall(f"{_W}lvl")}


class Numbering:
    """The numbering definitions of one document and the counters of a pass through it.

    ``label(p)`` must be called for every paragraph in document order: it advances the
    counters and returns the text Word shows before that paragraph ("" for none)."""

    def __init__(self, numbering, styles) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}  # numbering style → abstract that defines it
        self._uses_style: dict[str, str] = {}  # abstract → numbering style it takes its levels from
        self._instances: dict[str, Instance] = {}
        self._styles: dict[str, tuple[str | None, str | None, str | None]] = {}  # numId, ilvl, basedOn
        self._counters: dict[str, list[int | None]] = {}
        self._seen: set[str] = set()
        if numbering is not None:
            self._read_numbering(numbering)
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                self._styles[style.get(f"{_W}styleId") or ""] = (
                    _val(num_pr, "numId"), _val(num_pr, "ilvl"), _val(style, "basedOn"))

    def _read_numbering(self, numbering) -> None:
        for abstract in numbering.findall(f"{_W}abstractNum"):
            key = abstract.get(f"{_W}abstractNumId") or ""
            self._abstract[key] = _levels(abstract)
            if (link := _val(abstract, "styleLink")) is not None:
                self._style_link[link] = key
            if (link := _val(abstract, "numStyleLink")) is not None:
                self._uses_style[key] = link
        for num in numbering.findall(f"{_W}num"):
            starts, levels = {}, {}
            for override in num.findall(f"{_W}lvlOverride"):
                ilvl = _int(override.get(f"{_W}ilvl"), 0)
                if (start := _int(_val(override, "startOverride"), None)) is not None:
                    starts[ilvl] = start
                if (lvl := override.find(f"{_W}lvl")) is not None:
                    levels[ilvl] = Level.parse(lvl)
            self._instances[num.get(f"{_W}numId") or ""] = Instance(_val(num, "abstractNumId") or "", starts, levels)

    def _style_numbering(self, style: str | None) -> tuple[str | None, str | None]:
        """numId and ilvl a paragraph style gives, following basedOn (at most 20 steps)."""
        num_id = ilvl = None
        for _ in range(20):
            if style is None or style not in self._styles:
                break
            own_id, own_lvl, based_on = self._styles[style]
            num_id = num_id if num_id is not None else own_id
            ilvl = ilvl if ilvl is not None else own_lvl
            if num_id is not None:
                break
            style = based_on
        return num_id, ilvl

    def _abstract_of(self, instance: Instance) -> str:
        """The abstract definition holding the levels, through a numbering style link if any."""
        key = instance.abstract
        for _ in range(5):
            link = self._uses_style.get(key)
            if link is None:
                break
            linked = self._style_link.get(link)
            if linked is None:  # the style names a list instance instead
                num_id, _ = self._style_numbering(link)
                linked = self._instances[num_id].abstract if num_id in self._instances else None
            if linked is None or linked == key:
                break
            key = linked
        return key

    def label(self, paragraph) -> str:
        """The number Word shows before ``paragraph`` (a ``w:p`` element), counting it."""
        ppr = paragraph.find(f"{_W}pPr")
        num_pr = ppr.find(f"{_W}numPr") if ppr is not None else None
        style = _val(ppr, "pStyle")
        num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if num_id is None:
            style_id, style_lvl = self._style_numbering(style)
            num_id, ilvl = style_id, ilvl if ilvl is not None else style_lvl
        instance = self._instances.get(num_id or "")
        if instance is None:
            return ""  # no numbering, numId 0 (numbering removed), or an unknown list
        abstract = self._abstract_of(instance)
        levels = {**self._abstract.get(abstract, {}), **instance.levels}
        if ilvl is None:
            ilvl = next((str(k) for k, lvl in sorted(levels.items()) if style and lvl.style == style), "0")
        level_index = min(max(_int(ilvl, 0), 0), _LEVELS - 1)
        level = levels.get(level_index)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract, [None] * _LEVELS)
        if num_id not in self._seen:
            self._seen.add(num_id)
            for index, start in instance.starts.items():
                if 0 <= index < _LEVELS:
                    counters[index] = start - 1
        current = counters[level_index]
        counters[level_index] = level.start if current is None else current + 1
        for deeper in range(level_index + 1, _LEVELS):
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or restart - 1 >= deeper or (restart != 0 and level_index < restart):
                counters[deeper] = None
        if level.hidden or level.fmt == "bullet":
            return ""
        return self._render(level, levels, counters)

    @staticmethod
    def _render(level: Level, levels: dict[int, Level], counters: list[int | None]) -> str:
        out, text, i = [], level.text, 0
        while i < len(text):
            if text[i] == "%" and i + 1 < len(text) and text[i + 1] in "123456789":
                index = int(text[i + 1]) - 1
                shown = levels.get(index, Level())
                value = counters[index] if counters[index] is not None else shown.start
                out.append(format_number(value, "decimal" if level.legal and shown.fmt != "none" else shown.fmt))
                i += 2
            else:
                out.append(text[i])
                i += 1
        label = "".join(out)
        # Word follows the number with a tab (layout, not text: a tab here would split a table
        # cell), a space or nothing. "1." needs nothing more; a bare "1" needs a space.
        if label and level.suffix != "nothing" and (level.suffix == "space" or label[-1] not in _PUNCTUATION_END):
            label += " "
        return label
