"""Read a plan file into text: the format by suffix, the encoding detected.

Formats are a registry (suffix → reader) so html/docx/pdf readers slot in without touching
the stages after this one. The decoded text is kept exactly — only a byte-order mark is
dropped — because every span the pipeline reports indexes it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pledgegraph.errors import LoadError

__all__ = ["Document", "read_document", "decode_bytes", "READERS", "register_reader"]

Reader = Callable[[bytes, str], tuple[str, str]]

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 controls other than tab/newline/carriage return/form feed: binary, not text.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Characters that show up when UTF-8 bytes are decoded as a legacy code page (mojibake).
_MOJIBAKE = re.compile(r"[ÃÂâ€™œžŸ¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÀÁÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞßàáãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ]")


@dataclass(frozen=True)
class Document:
    """A plan as read: its text exactly as decoded, and where it came from."""

    path: str
    name: str
    text: str
    encoding: str
    sha256: str


def _utf16_by_nuls(data: bytes) -> str | None:
    """UTF-16 without a BOM shows NULs in every other byte for ASCII and many for CJK."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.3 and even_nuls < half * 0.05:
        return "utf-16-le"
    if even_nuls > half * 0.3 and odd_nuls < half * 0.05:
        return "utf-16-be"
    return None


def _looks_like_text(text: str) -> bool:
    if _BINARY.search(text):
        return False
    letters = sum(1 for ch in text[:20000] if not ch.isspace())
    if not letters:
        return True
    junk = len(_MOJIBAKE.findall(text[:20000])) + text[:20000].count("\ufffd")
    return junk / letters < 0.05


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was in; raises LoadError naming ``name``."""
    candidates: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            candidates = [encoding]
            break
    else:
        guessed = _utf16_by_nuls(data)
        candidates = [guessed] if guessed else ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        text = text.removeprefix("\ufeff")
        if _looks_like_text(text):
            return text, encoding.replace("-sig", "")
        raise LoadError(f"{name}: not plain text (binary content or mojibake in {encoding})")
    return _detect(data, name)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for the rare file the fast path cannot decode

    best = from_bytes(data).best()
    if best is None:
        raise LoadError(f"{name}: cannot detect the text encoding (binary file?)")
    text = str(best)
    if not _looks_like_text(text) or not _CJK.search(text):
        raise LoadError(f"{name}: decodes only as mojibake ({best.encoding}); re-save it as UTF-8")
    return text, best.encoding


def _read_text(data: bytes, name: str) -> tuple[str, str]:
    return decode_bytes(data, name)


READERS: dict[str, Reader] = {".txt": _read_text, ".md": _read_text, ".text": _read_text}


def register_reader(suffix: str, reader: Reader) -> None:
    """Add a reader for files ending in ``suffix`` (the extension point for new formats)."""
    READERS[suffix.lower()] = reader


def read_document(path: str | Path) -> Document:
    """Read one plan file; LoadError names the file and the problem."""
    path = Path(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise LoadError(f"{path}: unsupported format {path.suffix or '(no suffix)'!r} (supported: {known})")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LoadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise LoadError(f"{path}: is a directory") from None
    except OSError as error:
        raise LoadError(f"{path}: cannot read ({error.strerror})") from None
    if not data.strip():
        raise LoadError(f"{path}: empty file")
    text, encoding = reader(data, str(path))
    if not text.strip():
        raise LoadError(f"{path}: no text")
    return Document(str(path), path.name, text, encoding, hashlib.sha256(data).hexdigest())
