"""Atomic writes: an export appears whole at its path, or not at all.

Each writer fills a scratch file (or folder) beside the target, in the same directory so the
final rename stays on one file system and is atomic; a failure half way removes the scratch
and leaves whatever was at the target before untouched. Errors name the path and the reason.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path

from pledgegraph.errors import PledgeGraphError

__all__ = ["ExportError", "write_file", "write_folder"]


class ExportError(PledgeGraphError):
    """An export could not be written (the message names the path)."""


def _scratch(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _check_folder(target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise ExportError(f"{target}: {folder} {problem}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"{target}: cannot write into {folder} (permission denied)")


def write_file(target: Path, write: Callable[[Path], None]) -> None:
    """``write(scratch)`` then rename the scratch file over ``target``."""
    if target.is_dir():
        raise ExportError(f"{target} is a directory; give the name of a file to write")
    _check_folder(target)
    scratch = _scratch(target, "part")
    try:
        write(scratch)
        os.replace(scratch, target)
    except OSError as error:
        scratch.unlink(missing_ok=True)
        raise ExportError(f"{target}: cannot write it ({_reason(error)})") from None
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise


def write_folder(target: Path, write: Callable[[Path], None], owned: Callable[[str], bool]) -> None:
    """``write(scratch_folder)`` then put the folder at ``target``.

    An existing ``target`` is replaced only when it is empty or holds nothing but files an
    earlier export of the same kind wrote (``owned(name)``): an export never deletes a
    person's other files."""
    if target.exists() and not target.is_dir():
        raise ExportError(f"{target} exists and is not a directory; give a folder to write the files into")
    _check_folder(target)
    if target.is_dir():
        strangers = sorted(name for name in os.listdir(target) if not owned(name))
        if strangers:
            raise ExportError(f"{target} holds files this export did not write ({', '.join(strangers[:3])}); "
                              "give a new or empty folder")
    scratch = _scratch(target, "part")
    try:
        scratch.mkdir()
        write(scratch)
        if target.is_dir():
            old = _scratch(target, "old")
            os.rename(target, old)
            os.rename(scratch, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(scratch, target)
    except OSError as error:
        shutil.rmtree(scratch, ignore_errors=True)
        raise ExportError(f"{target}: cannot write it ({_reason(error)})") from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
