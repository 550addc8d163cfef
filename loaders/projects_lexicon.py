"""The vocabulary of the project stage: every word list it reads, loaded once from ``data/``.

The rules in :mod:`.projects_rules`, :mod:`.projects_finders`, :mod:`.projects_lists` and
:mod:`.projects_named` name a list or a grammatical role (``grammar("conjunction")``), never a
word: the words are data (``data/project_*.txt``), reviewable and extendable without code.
Patterns built from the lists are compiled on first use and kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from pledgegraph.loaders.lexicon import alternation, table, words

__all__ = [
    "HARD",
    "SOFT",
    "STOP",
    "word_set",
    "grammar",
    "chars",
    "alternation",
    "one_of",
    "ending_pattern",
    "cues",
    "place_cues",
    "quantity",
    "year_pattern",
    "lengths_by_last",
    "sizes_by_last",
    "ends_with_word",
    "longest_ending",
    "starts_with_word",
    "suffix_pattern",
    "trie_pattern",
    "suffix_kind",
    "min_core",
    "suffix_context",
    "FAMILIES",
    "family_tails",
    "family_uses",
    "family_rule",
    "family_stops",
    "family_of",
    "uses_before",
]

HARD = "hard boundaries"
SOFT = "project_soft_boundaries"
STOP = frozenset(",，。;；:：、!！?？\n\t 《》\"“”")


@cache
def word_set(name: str) -> frozenset[str]:
    """A word list, or ``HARD``: the boundary words that always end a name."""
    if name == HARD:
        return (word_set("project_boundaries") | word_set("project_clause_words")) - word_set(SOFT)
    return frozenset(w for line in words(name) for w in line.split())


@cache
def _rows(name: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """A ``key | … | words`` table: every column but the last is the key, the last the words."""
    out: dict[tuple[str, ...], tuple[str, ...]] = {}
    for row in table(name):
        out[row[:-1]] = out.get(row[:-1], ()) + tuple(row[-1].split())
    return out


def grammar(role: str) -> tuple[str, ...]:
    """The function words of one grammatical role (``data/project_grammar.txt``)."""
    return _rows("project_grammar")[(role,)]


def chars(*roles: str) -> str:
    """The one-character words of ``roles``, escaped for a character class."""
    return "".join(re.escape(w) for role in roles for w in grammar(role))


def one_of(role: str) -> str:
    """A group matching any word of a grammatical role."""
    return alternation(grammar(role))



@cache
def ending_pattern(name: str) -> re.Pattern[str]:
    """Matches a text that ends in a word of the list ``name``."""
    return re.compile(f"{alternation(word_set(name))}$")


def cues(kind: str, where: str) -> tuple[str, ...]:
    """The words that give a name ``kind`` from ``where`` (``data/project_kind_cues.txt``)."""
    return _rows("project_kind_cues").get((kind, where), ())


def place_cues(role: str) -> tuple[str, ...]:
    return _rows("project_place_cues")[(role,)]


@cache
def quantity() -> str:
    """The pattern of a quantity: a number (digits or numerals) and a measure ("5个", "3处")."""
    number = chars("numeral", "two", "hundred", "thousand")
    return (rf"[\d{number}.]+{alternation(grammar('magnitude'))}?"
            rf"{alternation(word_set('project_measures'))}")


@cache
def year_pattern() -> re.Pattern[str]:
    """A year or a span of years in a name (2023年, 2023-2025)."""
    return re.compile(rf"(?:19|20)\d\d{alternation(grammar('year'))}|\d{{4}}-\d{{4}}")


def lengths_by_last(entries: Iterable[str]) -> dict[str, tuple[int, ...]]:
    """Last character → the lengths of the words ending in it, longest first: only those can
    end at a given position, so most positions cost one dict lookup instead of a try per length."""
    sizes: dict[str, set[int]] = {}
    for word in entries:
        sizes.setdefault(word[-1], set()).add(len(word))
    return {ch: tuple(sorted(found, reverse=True)) for ch, found in sizes.items()}


@cache
def sizes_by_last(name: str) -> dict[str, tuple[int, ...]]:
    return lengths_by_last(word_set(name))


@cache
def _max_len(name: str) -> int:
    return max(len(w) for w in word_set(name))


@cache
def _first_chars(name: str) -> frozenset[str]:
    return frozenset(word[0] for word in word_set(name))


def longest_ending(text: str, end: int, sizes: dict[str, tuple[int, ...]], found: frozenset[str]) -> int:
    """:func:`ends_with_word` for ``0 < end <= len(text)``, its lexicon looked up by the caller
    (a left-edge scan asks at every character)."""
    for size in sizes.get(text[end - 1], ()):
        if size <= end and text[end - size:end] in found:
            return size
    return 0


def ends_with_word(text: str, end: int, vocabulary: str) -> int:
    """Length of the longest word of ``vocabulary`` ending at ``end`` (0 if none)."""
    found = word_set(vocabulary)
    if 0 < end <= len(text):
        return longest_ending(text, end, sizes_by_last(vocabulary), found)
    for size in range(min(_max_len(vocabulary), end), 0, -1):
        if text[end - size:end] in found:
            return size
    return 0


def starts_with_word(text: str, start: int, vocabulary: str) -> int:
    """Length of the longest word (two characters or more) of ``vocabulary`` at ``start``."""
    if text[start:start + 1] not in _first_chars(vocabulary):
        return 0  # no word starts with this character (or the text ends here)
    found = word_set(vocabulary)
    for size in range(_max_len(vocabulary), 1, -1):
        if text[start:start + size] in found:
            return size
    return 0


# --- name suffixes --------------------------------------------------------------------------


# The suffix families: a proper name, words for what it serves (``use``), then a tail of the
# family; each file's tails join the name suffixes, with the family's kind.
FAMILIES = ("project_facilities", "project_events", "project_titles")


@cache
def family_tails(family: str) -> dict[str, str]:
    """tail → kind of one family; a title tail is any qualifier before any unit."""
    rows = _rows(family)
    kind = rows[("kind",)][0]
    tails = rows.get(("tail",), ())
    tails += tuple(q + u for q in rows.get(("qualifier",), ()) for u in rows.get(("unit",), ()))
    return dict.fromkeys(tails, kind)


def family_rule(family: str) -> str:
    """The rule id a family's finds carry (suffix.facility, suffix.event, suffix.title)."""
    return _rows(family)[("rule",)][0]


def family_stops(family: str) -> tuple[str, ...]:
    """The grammar roles that end a family's names on the left (a conjunction: X中心和|Y食堂)."""
    return _rows(family).get(("stop",), ())


@cache
def family_uses(family: str) -> frozenset[str]:
    """The words that say whom or what a family's name serves (社区, 长者): no proper name."""
    return frozenset(_rows(family).get(("use",), ()))


@cache
def family_of() -> dict[str, str]:
    """tail → its family (a row of ``project_suffixes.txt`` may still set its kind and core)."""
    return {tail: family for family in FAMILIES for tail in family_tails(family)}


@cache
def uses_before(suffix: str) -> frozenset[str]:
    """The ``use`` words of the family ``suffix`` belongs to (none for a general suffix)."""
    family = family_of().get(suffix)
    return family_uses(family) if family else frozenset()


@cache
def _suffix_table() -> tuple[dict[str, str], dict[str, int]]:
    rows = table("project_suffixes")
    kinds = {tail: kind for family in FAMILIES for tail, kind in family_tails(family).items()}
    kinds.update({row[0]: row[1] for row in rows})
    return kinds, {row[0]: int(row[2]) for row in rows if len(row) > 2 and row[2]}


@cache
def suffix_pattern() -> re.Pattern[str]:
    """Any name suffix, longest first (so 示范街区 wins over 街区)."""
    return re.compile(trie_pattern(_suffix_table()[0]))


def trie_pattern(entries: Iterable[str]) -> str:
    """What ``alternation(entries)`` matches, as a regex trie: at each character only the words
    going on with it are tried (a flat alternation of hundreds of words tries each in turn).
    The longest word still wins: a node tries every longer word before it ends a shorter one."""
    root: dict = {}
    for word in entries:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        kids = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else f"(?:{'|'.join(kids)})"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@cache
def _suffix_sizes() -> dict[str, tuple[int, ...]]:
    return lengths_by_last(_suffix_table()[0])


def suffix_kind(name: str) -> tuple[str, str] | None:
    """The (suffix, kind) that ``name`` ends with, if any (the longest)."""
    rows = _suffix_table()[0]
    for size in _suffix_sizes().get(name[-1:], ()):
        kind = size <= len(name) and rows.get(name[-size:])
        if kind:
            return name[-size:], kind
    return None


def min_core(suffix: str) -> int:
    """The shortest core that can name something before ``suffix``."""
    return _suffix_table()[1].get(suffix, 2)


@cache
def suffix_context() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """suffix → (words after it, words before it) that make it part of a longer word."""
    return {row[0]: (tuple(row[1].split()), tuple(row[2].split()) if len(row) > 2 else ())
            for row in table("project_suffix_context")}
