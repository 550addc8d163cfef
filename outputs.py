"""Writing output files: a file appears whole at its path, or not at all, and only ever as a file.

Every command that writes a file (``export``, ``viz -o``, ``extract -o``, the screenshot script)
goes through here. The content is written to a scratch file beside the target — in the same
directory, so the final rename stays on one file system and is atomic — flushed to disk, then
renamed over the target; any failure (a full disk included) removes the scratch and leaves
whatever was at the target untouched.

The target must be a regular file or absent. A symbolic link, a device, a FIFO, a socket or a
directory is refused, never replaced (as root, ``-o /dev/stdout`` would otherwise swap the
device node for a file). A read-only file is refused too: its mode says "do not overwrite", and
nothing here changes a mode to get round that. A file that is replaced keeps its permission bits
(and, when root writes it, its owner). The folder a file goes into must already exist: nothing
here creates a folder the user did not name as the output itself (an export's csv folder,
``extract``'s output folder). Errors are one line naming the path and the reason.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from pledgegraph.errors import PledgeGraphError

__all__ = ["OutputError", "check_target", "write_file", "write_text", "write_bytes", "make_folder", "write_folder"]


class OutputError(PledgeGraphError):
    """An output could not be written (the message names the path and the reason)."""


_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a directory"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISREG, "a file"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "something other than a file")


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _stat(path: Path) -> os.stat_result | None:
    """``lstat`` of ``path`` (the link itself, never what it points to), None when absent."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # a missing folder is reported as such
        return None
    except OSError as error:
        raise OutputError(f"{path}: cannot look at it ({_reason(error)})") from None


def _read_only(path: Path, status: os.stat_result) -> bool:
    # No write bit at all is read-only even for root, whom os.access always lets write.
    return not status.st_mode & 0o222 or not os.access(path, os.W_OK, follow_symlinks=False)


def _check_folder(target: Path) -> None:
    folder = target.parent
    if not folder.is_dir():
        problem = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(f"{target}: {folder} {problem}")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{target}: cannot write into {folder} (permission denied)")


def check_target(target: Path) -> os.stat_result | None:
    """Raise :class:`OutputError` unless ``target`` may be written as a file: its folder exists
    and it is absent or a writable regular file. Returns its status when it exists."""
    target = Path(target)
    status = _stat(target)
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(f"{target} is a directory; give the name of a file to write")
    if status is not None and not stat.S_ISREG(status.st_mode):
        raise OutputError(f"{target} is {_kind(status.st_mode)}; only a regular file is ever replaced "
                          "(give another path)")
    _check_folder(target)
    if status is not None and _read_only(target, status):
        raise OutputError(f"{target} is read-only; make it writable or give another path")
    return status


def _scratch(target: Path, suffix: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{suffix}")


def _keep_owner_and_mode(scratch: Path, old: os.stat_result | None) -> None:
    if old is None:
        return
    if os.geteuid() == 0 and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        os.chown(scratch, old.st_uid, old.st_gid)  # before chmod: chown clears set-id bits
    os.chmod(scratch, stat.S_IMODE(old.st_mode))


def _flush(path: Path) -> None:
    """Data on disk before the rename: a full disk shows here at the latest, and a crash just
    after the rename never leaves an empty file in place of the old one."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_file(target: Path, write: Callable[[Path], None]) -> None:
    """``write(scratch)`` then rename the scratch file over ``target`` (see the module's rules)."""
    target = Path(target)
    old = check_target(target)
    scratch = _scratch(target, "part")
    try:
        # Made here, exclusively, so the writer opens a file of ours, never a planted link.
        os.close(os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        write(scratch)
        _flush(scratch)
        _keep_owner_and_mode(scratch, old)
        os.replace(scratch, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            scratch.unlink(missing_ok=True)
        raise OutputError(f"{target}: cannot write it ({_reason(error)})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            scratch.unlink(missing_ok=True)
        raise


def write_text(target: Path, text: str) -> None:
    """``text`` as UTF-8 at ``target``, line endings exactly as given."""
    write_file(target, lambda scratch: scratch.write_text(text, encoding="utf-8", newline=""))


def write_bytes(target: Path, data: bytes) -> None:
    write_file(target, lambda scratch: scratch.write_bytes(data))


def make_folder(folder: Path) -> None:
    """Create the output folder ``folder`` if it is missing (its parent must exist). Files are
    written inside it, never over it, so a link to a folder is fine; anything else is refused."""
    folder = Path(folder)
    if folder.is_dir():
        return
    status = _stat(folder)
    if status is not None:
        raise OutputError(f"{folder} is {_kind(status.st_mode)}; give a folder to write the files into")
    if not folder.parent.is_dir():
        problem = "is not a folder" if folder.parent.exists() else "does not exist"
        raise OutputError(f"{folder}: {folder.parent} {problem}")
    try:
        folder.mkdir()
    except OSError as error:
        raise OutputError(f"{folder}: cannot create it ({_reason(error)})") from None


def write_folder(target: Path, write: Callable[[Path], None], owned: Callable[[str], bool]) -> None:
    """``write(scratch_folder)`` then put the folder at ``target``.

    An existing ``target`` is replaced only when it is empty or holds nothing but files an
    earlier export of the same kind wrote (``owned(name)``): an export never deletes a
    person's other files. It keeps its permission bits; a link or a read-only folder is refused."""
    target = Path(target)
    old = _stat(target)
    if old is not None and not stat.S_ISDIR(old.st_mode):
        raise OutputError(f"{target} is {_kind(old.st_mode)}, not a directory; give a folder to write the files into")
    _check_folder(target)
    if old is not None:
        if _read_only(target, old):
            raise OutputError(f"{target} is read-only; make it writable or give another folder")
        strangers = sorted(name for name in os.listdir(target) if not owned(name))
        if strangers:
            raise OutputError(f"{target} holds files this export did not write ({', '.join(strangers[:3])}); "
                              "give a new or empty folder")
    scratch = _scratch(target, "part")
    try:
        scratch.mkdir()
        write(scratch)
        for path in scratch.iterdir():
            _flush(path)
        _keep_owner_and_mode(scratch, old)
        if old is not None:
            retired = _scratch(target, "old")
            os.rename(target, retired)
            try:
                os.rename(scratch, target)
            except OSError:
                os.rename(retired, target)  # the old folder back where it was
                raise
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.rename(scratch, target)
    except OSError as error:
        shutil.rmtree(scratch, ignore_errors=True)
        raise OutputError(f"{target}: cannot write it ({_reason(error)})") from None
    except BaseException:
        shutil.rmtree(scratch, ignore_errors=True)
        raise
