"""Every word list the extractor reads: shipped under ``loaders/data/``, extendable by users.

One object, :class:`Lexicon`, owns the vocabulary (as jieba's ``Tokenizer`` owns its
dictionary): files are read lazily, once, and a user's folders add to them, as jieba's
``load_userdict`` does. Keeping every list in data files, not code, keeps the rules general
and reviewable: no name from a particular plan belongs in them, only the vocabulary of
government plans.

Formats: a **word list** is a UTF-8 text file, one entry per line; a **table** is a
``|``-separated file whose first column is the key (``主办单位 | lead``; an empty key where
the file says so); in both ``#`` starts
a comment and blank lines are skipped. ``.csv`` files (the gazetteer) are read whole.

A **user folder** (``pledgegraph load --lexicon DIR``, or ``$PLEDGEGRAPH_LEXICON``, several
joined by ``:``) holds files named like the shipped ones; their entries are added after the
shipped ones, and a line ``-entry`` takes a shipped entry out (a word list's word, a table's
row by its key). A file name the extractor does not use, or a row whose columns do not fit
the shipped table, is refused with one line naming the file and line (a misspelt file name
would otherwise change nothing, silently).
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from pledgegraph.errors import LoadError

__all__ = ["Lexicon", "lexicon", "use", "words", "table", "column", "alternation", "data_text", "ENV"]

ENV = "PLEDGEGRAPH_LEXICON"
# Files that are not vocabulary (licences) and are never extended.
_NOT_VOCABULARY = frozenset({"GAZETTEER_LICENSE.txt"})


class Lexicon:
    """The shipped data files plus the user's folders, each file read once."""

    def __init__(self, folders: Sequence[str | Path] = ()) -> None:
        self.folders = tuple(Path(folder) for folder in folders)
        self._shipped = resources.files("pledgegraph.loaders").joinpath("data")
        self._text: dict[str, str] = {}
        self._words: dict[str, frozenset[str]] = {}
        self._tables: dict[str, tuple[tuple[str, ...], ...]] = {}
        self._columns: dict[tuple[str, str, int], tuple[str, ...]] = {}
        for folder in self.folders:
            self._check_folder(folder)

    # -- what the extractor reads --------------------------------------------------------

    def shipped_names(self) -> list[str]:
        """The file names of the shipped vocabulary."""
        return sorted(entry.name for entry in self._shipped.iterdir()
                      if entry.is_file() and entry.name not in _NOT_VOCABULARY)

    def text(self, filename: str) -> str:
        """The shipped text of ``filename`` followed by the users' files of that name."""
        if filename not in self._text:
            parts = [self._shipped.joinpath(filename).read_text(encoding="utf-8")]
            parts += [_read(folder / filename) for folder in self.folders if (folder / filename).is_file()]
            self._text[filename] = "\n".join(parts)
        return self._text[filename]

    def words(self, name: str) -> frozenset[str]:
        """The word list ``<name>.txt`` as a set (user additions in, ``-word`` lines out)."""
        if name not in self._words:
            entries = _entries(self.text(f"{name}.txt"))
            dropped = {entry[1:].strip() for entry in entries if entry.startswith("-")}
            self._words[name] = frozenset(e for e in entries if not e.startswith("-") and e not in dropped)
        return self._words[name]

    def table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """The rows of ``<name>.txt``, each split on ``|`` and stripped, shipped rows first;
        a user's ``-key`` line drops the rows of that key."""
        if name not in self._tables:
            rows = [tuple(cell.strip() for cell in entry.split("|")) for entry in _entries(self.text(f"{name}.txt"))]
            dropped = {row[0][1:].strip() for row in rows if row[0].startswith("-")}
            self._tables[name] = tuple(row for row in rows if not row[0].startswith("-") and row[0] not in dropped)
        return self._tables[name]

    def column(self, name: str, value: str, at: int = 1) -> tuple[str, ...]:
        """The keys of table ``<name>.txt`` whose column ``at`` is ``value``, in file order
        (kept: the grammar asks for the same few roles inside its loops)."""
        key = (name, value, at)
        if key not in self._columns:
            self._columns[key] = tuple(row[0] for row in self.table(name) if len(row) > at and row[at] == value)
        return self._columns[key]

    # -- checking a user's folder ----------------------------------------------------------

    def _check_folder(self, folder: Path) -> None:
        if not folder.is_dir():
            raise LoadError(f"{folder}: no such lexicon folder")
        shipped = self.shipped_names()
        for path in sorted(folder.iterdir()):
            if path.name.startswith(".") or not path.is_file():
                continue
            if path.name not in shipped:
                close = difflib.get_close_matches(path.name, shipped, n=3, cutoff=0.6)
                hint = f"; did you mean {' or '.join(close)}?" if close else " (see loaders/data/ for the names)"
                raise LoadError(f"{path}: not a lexicon file the extractor reads{hint}")
            check_format(path.name, _read(path), shipped_text=self._shipped.joinpath(path.name).read_text("utf-8"),
                         where=str(path))


def check_format(filename: str, text: str, shipped_text: str | None = None, where: str | None = None) -> None:
    """Raise LoadError (file:line and the problem) unless ``text`` is a well-formed lexicon
    file: a table's rows have as many columns as the shipped table's rows (some tables have
    optional trailing columns: any count the shipped rows use is fine), no empty key, and a
    ``.csv`` has the shipped header's number of columns."""
    where = where or filename
    reference = shipped_text if shipped_text is not None else text
    if filename.endswith(".csv"):
        width = len(reference.splitlines()[0].split(","))
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip() and len(line.split(",")) != width:
                raise LoadError(f"{where}:{number}: {len(line.split(','))} columns, expected {width}")
        return
    widths = {len(entry.split("|")) for entry in _entries(reference) if not entry.startswith("-")}
    # A table may key a row by the empty string on purpose (organ_roles: a bare place name).
    empty_key = any(not entry.split("|")[0].strip() for entry in _entries(reference))
    for number, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        cells = [cell.strip() for cell in entry.split("|")]
        if not cells[0].lstrip("-").strip() and not (empty_key and not entry.startswith("-")):
            raise LoadError(f"{where}:{number}: an entry with no key")
        if entry.startswith("-") and len(cells) == 1:
            continue  # a removal names the key alone
        if len(cells) not in widths:
            expected = " or ".join(str(w) for w in sorted(widths))
            raise LoadError(f"{where}:{number}: {len(cells)} columns, expected {expected} ('|'-separated)")


def _entries(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise LoadError(f"{path}: not UTF-8 text ({error.reason} at byte {error.start})") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None


def _folders_from_env() -> tuple[str, ...]:
    return tuple(part for part in os.environ.get(ENV, "").split(os.pathsep) if part)


@cache
def lexicon() -> Lexicon:
    """The lexicon of this process: the shipped files plus the folders of ``$PLEDGEGRAPH_LEXICON``."""
    return Lexicon(_folders_from_env())


def use(folders: Iterable[str | Path]) -> Lexicon:
    """Read ``folders`` (checked first) on top of the shipped files from now on, in this
    process and in the worker processes it starts (through ``$PLEDGEGRAPH_LEXICON``).
    Everything built from the old vocabulary is forgotten (the extractor's caches)."""
    folders = [str(Path(folder)) for folder in folders]
    chosen = Lexicon(folders)  # raises before anything changes
    if folders:
        os.environ[ENV] = os.pathsep.join(folders)
    else:
        os.environ.pop(ENV, None)
    lexicon.cache_clear()
    _forget_derived()
    return chosen


def _forget_derived() -> None:
    """Clear every cache the extractor built from words (patterns, sets, tables): they are
    ``functools.cache`` functions of the ``pledgegraph.loaders`` modules."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("pledgegraph.loaders") or module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and value is not lexicon:
                value.cache_clear()


def data_text(filename: str) -> str:
    """The text of one data file, the user's additions after the shipped text."""
    return lexicon().text(filename)


def words(name: str) -> frozenset[str]:
    """The word list ``data/<name>.txt`` as a frozen set."""
    return lexicon().words(name)


def table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of ``data/<name>.txt``, each split on ``|`` and stripped, in file order."""
    return lexicon().table(name)


def column(name: str, value: str, at: int = 1) -> tuple[str, ...]:
    """The keys of table ``data/<name>.txt`` whose column ``at`` is ``value``, in file order."""
    return lexicon().column(name, value, at)


def alternation(entries: Iterable[str]) -> str:
    """``entries`` as a regex group matching any of them literally, longest first (so 服务于
    wins over 服务): ``(?:服务于|服务)``. Grammar is built from data with it; no word list is
    written into a pattern."""
    ordered = sorted(set(entries), key=lambda entry: (-len(entry), entry))
    return "(?:" + "|".join(re.escape(entry) for entry in ordered) + ")" if ordered else "(?!)"
