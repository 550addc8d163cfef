"""Physical lines as blocks: the raw material every genre reads its structure from.

A block is one non-empty line of the original, folded (full-width forms to ASCII, one
character for one, so offsets stay those of the original) and stripped of surrounding
spaces. Web-page furniture around the document is left out, as normalise leaves it out.
"""

from __future__ import annotations

from pledgegraph.loaders.chars import fold, line_spans
from pledgegraph.loaders.furniture import body_range
from pledgegraph.loaders.layout.record import Block
from pledgegraph.loaders.lexicon import words

__all__ = ["read_blocks", "joined", "appendix_headings"]

_STRIP = " \x00"


def read_blocks(original: str) -> tuple[Block, ...]:
    """The document's non-empty lines, in order."""
    spans = line_spans(original)
    body_start, body_end = body_range(original, spans)
    out: list[Block] = []
    blank = False
    for start, end in spans:
        start, end = max(start, body_start), min(end, body_end)
        if end <= start:
            blank = blank or start < body_end
            continue
        folded = fold(original[start:end])
        stripped = folded.strip(_STRIP)
        if not stripped:
            blank = True
            continue
        lead = len(folded) - len(folded.lstrip(_STRIP))
        first = start + lead
        out.append(Block(stripped.replace("\x00", ""), first, first + len(stripped), blank))
        blank = False
    return tuple(out)


def joined(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The blocks' texts run together (a title or cell printed over several lines)."""
    return "".join(b.text for b in blocks)


_APPENDIX_MAX = 40


def appendix_headings(blocks: tuple[Block, ...]) -> tuple[tuple[int, int], ...]:
    """Spans of the lines that head an appendix (附件, 附件2, 附表：任务分工表): no tasks."""
    heads = tuple(words("appendix_heads"))
    return tuple((b.start, b.end) for b in blocks
                 if b.text.startswith(heads) and len(b.text) <= _APPENDIX_MAX and "。" not in b.text)

