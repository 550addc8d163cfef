"""What a structure genre reads from a document's blocks, read once: ``read_layout`` asks a
genre to ``detect`` and then, on the same blocks, to lay out, and reading tables or duties is
a tenth of an extraction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from pledgegraph.loaders.layout.record import Block

__all__ = ["ReadOnce"]

T = TypeVar("T")


class ReadOnce(Generic[T]):
    """``read(blocks)``, remembered for the blocks last read (the very tuple, not an equal one)."""

    def __init__(self, read: Callable[[tuple[Block, ...]], T]) -> None:
        self._read = read
        self._last: tuple[tuple[Block, ...], T] | None = None

    def __call__(self, blocks: tuple[Block, ...]) -> T:
        if self._last is None or self._last[0] is not blocks:
            self._last = (blocks, self._read(blocks))
        return self._last[1]
