"""Read a plan file into text: the format by suffix, the encoding detected.

Formats are a registry (suffix → :class:`Reader`) so html/docx/pdf readers slot in without
touching the stages after this one. The decoded text is kept exactly — only a byte-order
mark is dropped — because every span the pipeline reports indexes it.

Encodings, cheapest test first: a BOM (UTF-8, UTF-16/32 LE/BE) decides outright; UTF-16
without a BOM shows itself by NULs in every other byte; otherwise strict UTF-8, then strict
GB18030 (a superset of GBK/GB2312), and only when both fail or yield mojibake,
charset-normalizer. A decoding is accepted only if it looks like text: no NUL or other
binary control characters, few accented Latin letters, and Chinese characters that are
mostly common ones — double-encoded or wrongly decoded text is full of rare characters.

Sizes are bounded: a file over :data:`MAX_FILE_BYTES` is refused before it is read, and a
plan whose text passes :data:`MAX_PLAN_CHARS` after reading, each with one line naming the
file and the limit (Word and web-page readers have limits of their own, in ``word.py`` and
``formats.py``).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from pledgegraph.errors import LoadError
from pledgegraph.loaders.chars import CJK

__all__ = ["Document", "MAX_FILE_BYTES", "MAX_PLAN_CHARS", "Reader", "READERS", "decode_bytes", "read_document",
           "register_reader"]

MAX_PLAN_CHARS = 5_000_000
"""Characters a plan may have. The biggest real plans have about 20,000; this leaves room for
whole compilations (a 10 MB text file of Chinese is about 3.5 million) while refusing what
would take the extractor many minutes and gigabytes."""
MAX_FILE_BYTES = 64 * 1024 * 1024
"""Bytes a plan file may have, checked before reading it: in UTF-32 even this is 16 million
characters, and a web page, Word file or PDF of a plan within MAX_PLAN_CHARS fits in it."""
_MB = 1024 * 1024

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0/C1 controls other than tab, line feed, vertical tab, form feed, carriage return and a
# DOS end-of-file mark: a text file has none of them.
_BINARY = re.compile(r"[\x00-\x08\x0e-\x19\x1b-\x1f\x7f-\x9f]")
# Accented Latin letters: every Chinese character read as Latin-1/cp1252 starts with one
# (ä å æ ç è é …), while Chinese text — quotes “”, dots · and symbols ² ° included — has none.
_LATIN_JUNK = re.compile(r"[\u00c0-\u00ff]")
_UTF16_HIGH = frozenset([0x00, 0x20, 0x30, 0xFF, *range(0x4E, 0xA0)])
_SAMPLE = 20000
_JUNK_MAX = 0.05  # accented Latin letters per non-space character
_COMMON_MIN = 0.7  # share of common characters among the Chinese characters
_COMMON_SAMPLE = 3000  # characters looked at, about as many Chinese ones


class Reader(Protocol):
    """Turns a file's bytes into ``(text, encoding)``; raises LoadError naming ``name``."""

    def __call__(self, data: bytes, name: str) -> tuple[str, str]: ...


@dataclass(frozen=True)
class Document:
    """A plan as read: its text exactly as decoded, and where it came from."""

    path: str
    name: str
    text: str
    encoding: str
    sha256: str  # of the raw bytes, so a re-encoded copy is a different document version


def _high_byte_share(sample: bytes) -> float:
    """Share of bytes that are the high byte of an ASCII, CJK, CJK-punctuation or full-width char."""
    return sum(1 for byte in sample if byte in _UTF16_HIGH) / max(1, len(sample))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is the high byte of the character — NUL for
    ASCII, 0x4E–0x9F for Chinese — while the other bytes vary freely."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = _high_byte_share(sample[0::2]), _high_byte_share(sample[1::2])
    if odd > 0.9 and even < 0.6:
        return "utf-16-le"
    if even > 0.9 and odd < 0.6:
        return "utf-16-be"
    return None


@lru_cache(maxsize=32768)
def _is_common(ch: str) -> bool:
    """In the first level of GB2312 (simplified) or of Big5 (traditional): everyday characters
    (cached: a few thousand characters make up any plan)."""
    try:
        lead = ch.encode("gb2312")[0]
        if 0xB0 <= lead <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


def _problem(text: str) -> str | None:
    """Why ``text`` is not a plausible decoding, or None when it is."""
    sample = text[:_SAMPLE]
    if _BINARY.search(sample) or "\x00" in text:
        return "binary content"
    visible = len(sample) - sum(sample.count(ch) for ch in " \t\r\n\u3000")
    junk = len(_LATIN_JUNK.findall(sample)) + sample.count("\ufffd")
    if visible and junk / visible > _JUNK_MAX:
        return "mojibake"
    cjk = Counter(CJK.findall(sample, 0, _COMMON_SAMPLE * 2))
    total = sum(cjk.values())
    if total >= 20 and sum(n for ch, n in cjk.items() if _is_common(ch)) / total < _COMMON_MIN:
        return "mojibake"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was in; raises LoadError naming ``name``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _accept(_strict(data[len(bom):], encoding), encoding, name)
    guessed = _utf16_without_bom(data)
    if guessed:
        return _accept(_strict(data, guessed), guessed, name)
    if b"\x00" in data:
        raise LoadError(f"{name}: not a text file (binary content)")
    problems = []
    for encoding in ("utf-8", "gb18030"):
        text = _strict(data, encoding)
        if text is None:
            continue
        problem = _problem(text)
        if problem is None:
            return text, encoding
        problems.append(f"{problem} as {encoding}")
    return _detect(data, name, problems)


def _accept(text: str | None, encoding: str, name: str) -> tuple[str, str]:
    """A BOM promised ``encoding``: the bytes must decode with it and look like text."""
    if text is None:
        raise LoadError(f"{name}: invalid {encoding} despite its byte-order mark")
    problem = _problem(text)
    if problem:
        raise LoadError(f"{name}: not plain text ({problem} in {encoding})")
    return text, encoding


def _detect(data: bytes, name: str, problems: list[str]) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for the rare file the fast path cannot decode

    best = from_bytes(data).best()
    if best is not None:
        text = str(best)
        problem = _problem(text)
        if problem is None and CJK.search(text):
            return text, best.encoding
        problems.append(f"{problem or 'no Chinese text'} as {best.encoding}")
    tried = "; ".join(problems) or "no encoding fits"
    kind = "mojibake" if any("mojibake" in p for p in problems) else "cannot decode"
    raise LoadError(f"{name}: {kind} ({tried}); re-save the file as UTF-8")


def _read_text(data: bytes, name: str) -> tuple[str, str]:
    return decode_bytes(data, name)


READERS: dict[str, Reader] = {".txt": _read_text, ".md": _read_text, ".text": _read_text}
# Web pages, Word and PDF plans (loaders/formats.py; it imports this module only lazily).
from pledgegraph.loaders.formats import FORMAT_READERS  # noqa: E402

READERS.update(FORMAT_READERS)


def register_reader(suffix: str, reader: Reader) -> None:
    """Add a reader for files ending in ``suffix`` (the extension point for new formats)."""
    READERS[suffix.lower() if suffix.startswith(".") else f".{suffix.lower()}"] = reader


def _raw_bytes(path: Path) -> bytes:
    """The file's bytes, refused past MAX_FILE_BYTES without reading more than one byte beyond it
    (the size a directory reports is not trusted: a FIFO or a growing file has none)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a directory") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror or error})") from None
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(f"{path}: file too large (over {MAX_FILE_BYTES // _MB} MB, the limit for a plan)")
    return data


def read_document(path: str | Path, doc: str | None = None) -> Document:
    """Read one plan file, stored as document ``doc`` (default: its file name; a load names
    documents by their path below the folder loaded, see :mod:`pledgegraph.discovery`);
    LoadError says in one line which file and what is wrong."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise LoadError(f"{path}: unsupported format {path.suffix or '(no suffix)'!r} (supported: {known})")
    data = _raw_bytes(path)
    if not data.strip():
        raise LoadError(f"{path}: empty file")
    text, encoding = reader(data, str(path))
    if len(text) > MAX_PLAN_CHARS:
        raise LoadError(f"{path}: plan too large ({len(text):,} characters; the limit is {MAX_PLAN_CHARS:,})")
    if not text.strip(" \t\r\n\u3000\ufeff"):
        raise LoadError(f"{path}: empty file (no text after decoding)")
    return Document(str(path), doc or path.name, text, encoding, hashlib.sha256(data).hexdigest())
