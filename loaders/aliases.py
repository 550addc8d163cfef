"""The body registry: every name a kind of body goes by, resolved to one canonical name.

Plans abbreviate freely — 区发改委 in one, 区发展和改革委员会 in the next — and a graph that
keeps both has two owners for one department. The registry (``data/body_aliases.txt``, which
users extend with their own file) maps each alias to its full name; an entry applies to a
whole name or to the end of one after an administrative prefix, so "发改委 → 发展和改革委员会"
makes 区发改委, 闵行区发改委 and 市发改委 into their full names, each in its own jurisdiction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from pledgegraph.errors import LoadError
from pledgegraph.loaders.jurisdiction import place_endings
from pledgegraph.loaders.lexicon import alternation, data_text

__all__ = ["BodyAliases", "shipped_aliases", "load_aliases"]


@cache
def _admin_prefix() -> re.Pattern[str]:
    """What may stand before an alias: nothing, a bare level (区, 市 …), or place names ending
    in one (data/place_levels.txt)."""
    return re.compile(rf"^(?:[\u4e00-\u9fff]{{0,12}}?{alternation(e for e, _ in place_endings())})?$")



_REMEMBERED = 65536  # resolved names a registry keeps before it starts again


@dataclass(frozen=True)
class BodyAliases:
    """alias → canonical name; the longest alias that fits wins."""

    canonical: dict[str, str]

    def resolve(self, name: str) -> str:
        """``name`` with the alias it ends in replaced by the canonical name (unchanged if none)."""
        resolved = self._resolved.get(name)
        if resolved is None:
            if len(self._resolved) >= _REMEMBERED:
                self._resolved.clear()
            resolved = self._resolved[name] = self._resolve(name)
        return resolved

    def __getstate__(self) -> dict[str, dict[str, str]]:
        return {"canonical": self.canonical}  # sent to worker processes without its caches

    def _resolve(self, name: str) -> str:
        for alias in self._by_last_character.get(name[-1:], ()):
            if name.endswith(alias) and _admin_prefix().match(name[: -len(alias)]):
                return name[: -len(alias)] + self.canonical[alias]
        return name

    @cached_property
    def _by_last_character(self) -> dict[str, tuple[str, ...]]:
        """The aliases a name ending in a character can end in, longest first: a name is
        tried against a handful of them, not the whole registry."""
        by_last: dict[str, list[str]] = {}
        for alias in sorted(self.canonical, key=lambda a: (-len(a), a)):
            by_last.setdefault(alias[-1], []).append(alias)
        return {last: tuple(aliases) for last, aliases in by_last.items()}

    @cached_property
    def _resolved(self) -> dict[str, str]:
        """Names already resolved (a load resolves the same names in document after document)."""
        return {}

    def extended(self, other: BodyAliases) -> BodyAliases:
        return BodyAliases({**self.canonical, **other.canonical})


def _parse(text: str, source: str) -> BodyAliases:
    """Lines ``full name = alias = alias``; ``#`` starts a comment. An alias given two
    different full names is an error naming the line, never a silent choice."""
    canonical: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        names = [part.strip() for part in line.split("=")]
        if len(names) < 2 or not all(names):
            raise LoadError(f"{source}:{number}: expected 'full name = alias [= alias …]', got {raw.strip()!r}")
        full = names[0]
        for alias in names[1:]:
            held = canonical.get(alias)
            if held is not None and held != full:
                raise LoadError(f"{source}:{number}: {alias!r} is already an alias of {held!r}")
            if alias != full:
                canonical[alias] = full
    return BodyAliases(canonical)


@cache
def shipped_aliases() -> BodyAliases:
    """The registry shipped with pledgegraph."""
    return _parse(data_text("body_aliases.txt"), "body_aliases.txt")


def load_aliases(path: str | Path) -> BodyAliases:
    """The shipped registry extended (and, where they differ, overridden) by a user's file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LoadError(f"{path}: aliases file not found") from None
    except UnicodeDecodeError:
        raise LoadError(f"{path}: aliases file is not UTF-8 text") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read the aliases file ({error.strerror})") from None
    return shipped_aliases().extended(_parse(text, str(path)))
