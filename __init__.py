"""pledgegraph: government work plans in, a knowledge graph of commitments out.

The public API is small: :func:`extract_file` turns one plan into an extraction record
(the shape in ``shared/gold/SCHEMA.md``). It is imported lazily so that ``import
pledgegraph`` (and the CLI's start-up) does not pay for every stage.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_document", "extract_file"]


def __getattr__(name: str):
    if name in {"extract_document", "extract_file"}:
        from pledgegraph.loaders import extract

        return getattr(extract, name)
    raise AttributeError(f"module 'pledgegraph' has no attribute {name!r}")
