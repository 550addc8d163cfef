"""Which files a load reads, and the document id each one is stored under.

A document is identified by its path relative to the folder given to ``load`` (POSIX
separators: ``a/plan.txt``), or by its bare file name when the file itself is named. So
``s/a/plan.txt`` and ``s/b/plan.txt`` loaded as ``load s/`` are two documents, and loading the
same folder again finds each under the same id. Two files given in one load that would still
share an id are refused (the second), never merged.

Nothing is skipped without saying so: a missing path, a folder with no plan files, an
unreadable sub-folder, a dangling link and a file name that is not valid text are each
reported as a problem (the load goes on with the rest and exits 1). Symlinked folders are
followed, once each (a link back up the tree is a loop, not a second copy).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Found", "Discovery", "discover"]


@dataclass(frozen=True)
class Found:
    """A plan file to read and the document id it is stored under."""

    path: Path
    doc: str


@dataclass
class Discovery:
    """What a load will read, and what it could not (path shown, one-line reason)."""

    files: list[Found] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)
    other_files: int = 0  # files under the folders that are not plans (other suffixes)


def discover(paths: Iterable[str | Path], suffixes: Iterable[str]) -> Discovery:
    """Plan files (by ``suffixes``, lower-case with the dot) named in ``paths`` or found below
    the folders named there, in a stable order, with their document ids."""
    suffixes = frozenset(suffixes)
    found = Discovery()
    seen: dict[str, Path] = {}  # document id → the file that has it
    real: set[str] = set()  # resolved files already taken: a file reached twice is read once
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            before = len(found.files)
            for file in _walk(path, suffixes, found):
                _take(found, file, file.relative_to(path).as_posix(), seen, real)
            if len(found.files) == before and not _reported_below(found, path):
                known = ", ".join(sorted(suffixes))
                found.problems.append((_shown(path), f"{_shown(path)}: no plan files in this folder ({known})"))
        elif path.is_symlink() and not path.exists():
            found.problems.append((_shown(path), f"{_shown(path)}: broken link (to {_shown(Path(os.readlink(path)))})"))
        elif not path.exists():
            found.problems.append((_shown(path), f"{_shown(path)}: no such file or folder"))
        else:
            _take(found, path, path.name, seen, real)
    return found


def _take(found: Discovery, path: Path, doc: str, seen: dict[str, Path], real: set[str]) -> None:
    shown = _shown(path)
    if not _is_text(str(path)):
        found.problems.append((shown, f"{shown}: the file name is not valid text in this system's encoding; "
                                      "rename the file"))
        return
    resolved = str(path.resolve())
    if resolved in real:
        return
    if doc in seen:
        found.problems.append((shown, f"{shown}: same document id {doc!r} as {_shown(seen[doc])}; "
                                      "load the folder that holds both so each is named by its path"))
        return
    real.add(resolved)
    seen[doc] = path
    found.files.append(Found(path, doc))


def _walk(top: Path, suffixes: frozenset[str], found: Discovery) -> list[Path]:
    """Plan files below ``top``, sorted; sub-folders it cannot read and dangling links are
    reported in ``found``. Symlinked folders are entered unless they lead back to a folder
    already being walked."""
    files: list[Path] = []
    visited: set[str] = set()

    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else top
        found.problems.append((_shown(where), f"{_shown(where)}: cannot read this folder "
                                              f"({error.strerror or error}); its plans were not loaded"))

    for folder, dirs, names in os.walk(top, onerror=unreadable, followlinks=True):
        here = os.path.realpath(folder)
        if here in visited:
            dirs[:] = []  # a link back into the tree: walked already
            continue
        visited.add(here)
        dirs.sort()
        for name in sorted(names):
            file = Path(folder, name)
            if file.is_symlink() and not file.exists():  # os.walk lists a dangling link as a file
                found.problems.append((_shown(file), f"{_shown(file)}: broken link "
                                                     f"(to {_shown(Path(os.readlink(file)))})"))
            elif file.suffix.lower() in suffixes:
                files.append(file)
            else:
                found.other_files += 1
    return sorted(files, key=lambda p: p.relative_to(top).as_posix())


def _reported_below(found: Discovery, folder: Path) -> bool:
    """A problem was already reported inside ``folder`` (no need to add 'no plan files')."""
    prefix = _shown(folder)
    return any(where == prefix or where.startswith(prefix.rstrip("/") + "/") for where, _ in found.problems)


def _is_text(name: str) -> bool:
    """A file name the store can hold: no bytes that failed to decode (surrogate escapes)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown(path: Path) -> str:
    """``path`` printable whatever bytes its name holds (undecodable bytes as \\xNN)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")
