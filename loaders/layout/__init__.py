"""The layout stage: a document's structure read from its physical lines (see record.py)."""

from pledgegraph.loaders.layout.blocks import read_blocks
from pledgegraph.loaders.layout.record import Block, Cell, DutyItem, Envelope, Layout, Named, Row, Table

__all__ = ["Block", "Cell", "DutyItem", "Envelope", "Layout", "Named", "Row", "Table", "read_blocks"]
