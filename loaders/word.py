"""The Word (.docx) reader: paragraphs and table rows in document order, numbering included.

A .docx is a zip of XML parts, and a zip can claim or hide any size: a few hundred kilobytes
that unpack to gigabytes of XML would hold the loader for minutes at gigabytes of memory.
So the package is unpacked here, not by python-docx: only the XML parts (the text lives
there; images, fonts and embedded files are left packed and handed on empty), refused when
the zip directory declares more than :data:`MAX_DOCX_XML_BYTES` and again when the bytes
actually unpacked pass it (a forged directory is not trusted), then given to python-docx
as an uncompressed package.

Automatic list numbering (``numbering.xml``) is rendered in front of each paragraph as Word
shows it (:mod:`.word_numbering`), so the outline stage sees 一、 and 1. as in a text plan.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from pledgegraph.errors import LoadError
from pledgegraph.loaders.word_numbering import Numbering

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["MAX_DOCX_XML_BYTES", "MAX_DOCX_PARTS", "read_docx"]

MAX_DOCX_XML_BYTES = 64 * 1024 * 1024
"""Unpacked XML a Word file may hold. A 20,000-character plan has well under 1 MB; a plan at
the 5-million-character limit about 50 MB."""
MAX_DOCX_PARTS = 10_000
"""Files inside a Word package (a real one has tens)."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_XML_PARTS = (".xml", ".rels")
_CHUNK = 1 << 20
_CELL_PAD = " \xa0\u3000"
_MB = 1024 * 1024


def _unpacked(data: bytes, name: str) -> bytes:
    """The package again, uncompressed, with only its XML parts filled in; LoadError past the limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:  # ValueError: a corrupt directory entry
        raise LoadError(f"{name}: not a readable Word file ({_reason(error)})") from None
    if len(members) > MAX_DOCX_PARTS:
        raise LoadError(f"{name}: Word file has {len(members):,} parts (the limit is {MAX_DOCX_PARTS:,})")
    xml = [m for m in members if m.filename.lower().endswith(_XML_PARTS) and not m.is_dir()]
    declared = sum(m.file_size for m in xml)
    if declared > MAX_DOCX_XML_BYTES:
        raise LoadError(f"{name}: Word file unpacks to {declared / _MB:,.0f} MB of XML "
                        f"(the limit is {MAX_DOCX_XML_BYTES // _MB} MB)")
    out = io.BytesIO()
    unpacked = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as package:
        for member in members:
            if member.is_dir():
                continue
            if member not in xml:
                package.writestr(member.filename, b"")
                continue
            parts = []
            try:
                with archive.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        unpacked += len(chunk)
                        if unpacked > MAX_DOCX_XML_BYTES:
                            raise LoadError(f"{name}: Word file unpacks to more than {MAX_DOCX_XML_BYTES // _MB} MB "
                                            "of XML (the limit; its zip directory understates the sizes)")
                        parts.append(chunk)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as error:
                raise LoadError(f"{name}: not a readable Word file ({member.filename}: {_reason(error)})") from None
            package.writestr(member.filename, b"".join(parts))
    return out.getvalue()


def _part_element(document, relationship: str):
    try:
        return document.part.part_related_by(relationship).element
    except (KeyError, AttributeError):  # no such part, or one python-docx keeps as raw bytes
        return None


def _numbering(document) -> Numbering:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return Numbering(_part_element(document, RT.NUMBERING), _part_element(document, RT.STYLES))


def _labels(body, numbering: Numbering) -> dict:
    """The number shown before each numbered paragraph, counted in document order."""
    labels = {}
    for paragraph in body.iter(f"{_W}p"):
        if label := numbering.label(paragraph):
            labels[paragraph] = label
    return labels


def _body_blocks(parent, document, labels: dict) -> Iterator[str]:
    """Lines of the body in document order: paragraphs, and table rows where the table sits."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        if child.tag == f"{_W}p":
            yield labels.get(child, "") + Paragraph(child, document).text
        elif child.tag == f"{_W}tbl":
            yield from _table_rows(Table(child, document), labels)
        elif child.tag == f"{_W}sdt":  # a content control wrapping body paragraphs
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                yield from _body_blocks(content, document, labels)


def _cell_text(cell, labels: dict) -> str:
    return " ".join(labels.get(p._p, "") + p.text for p in cell.paragraphs).strip(_CELL_PAD)


def _table_rows(table, labels: dict) -> Iterator[str]:
    """One line per row; a merged cell python-docx repeats across its grid columns once."""
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(_cell_text(cell, labels).split("\n")).strip(_CELL_PAD))
        yield "\t".join(cells).rstrip("\t")


def read_docx(data: bytes, name: str) -> tuple[str, str]:
    """The text of a Word (.docx) file, paragraphs and table rows interleaved in their order."""
    import docx

    package = _unpacked(data, name)
    try:
        document = docx.Document(io.BytesIO(package))
        body = document.element.body
        lines = list(_body_blocks(body, document, _labels(body, _numbering(document))))
    except Exception as error:  # zip, XML and package errors all mean the same to the user
        raise LoadError(f"{name}: not a readable Word file ({_reason(error)})") from None
    text = "\n".join(lines).strip("\n")
    if not text.strip():
        raise LoadError(f"{name}: Word file has no text")
    return text, "docx"


def _reason(error: Exception) -> str:
    """The first line of an exception's message, or its type when it has none."""
    message = str(error).strip().splitlines()
    return message[0][:160] if message else type(error).__name__
