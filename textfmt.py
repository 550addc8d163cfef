"""Plain-text tables that line up with Chinese text in a terminal.

CJK characters take two terminal columns; padding by ``len()`` would skew every column, so
widths are measured with :func:`unicodedata.east_asian_width`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from pledgegraph.loaders.record import Extraction

__all__ = ["display_width", "render_table", "render_extraction_table"]

_MAX_CELL = 48


def display_width(text: str) -> int:
    """Terminal columns ``text`` occupies."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int = _MAX_CELL) -> str:
    text = " ".join(str(text).split())
    if display_width(text) <= limit:
        return text
    out, width = [], 0
    for ch in text:
        width += display_width(ch)
        if width > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def render_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A fixed-width table; cells are clipped to keep lines readable."""
    cells = [[_clip(str(c)) for c in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out)


def _owners(owners) -> str:
    return "; ".join(f"{o.body}({'牵头' if o.role == 'lead' else '配合'})" for o in owners)


def render_extraction_table(record: Extraction) -> str:
    """A readable summary of one extraction: header, themes, projects, targets, bodies."""
    issuer = record.issuer
    place = " / ".join(p for p in (issuer.district, issuer.city) if p) or "unresolved"
    parts = [
        f"== {record.doc}: {issuer.name} ({issuer.level}, {place}), {record.year}, {record.doc_type}",
        f"   {len(record.themes)} themes, {len(record.commitments)} commitments, {len(record.projects)} projects, "
        f"{len(record.bodies)} bodies, {len(record.targets)} targets, {len(record.relations)} relations",
    ]
    if record.themes:
        parts += ["", render_table(["theme", "heading"], [(t.theme, t.heading) for t in record.themes])]
    if record.projects:
        rows = [(p.name, p.kind, p.status, _owners(p.owners)) for p in record.projects]
        parts += ["", render_table(["project", "kind", "status", "owners"], rows)]
    if record.targets:
        rows = [(t.metric, f"{t.comparator} {t.value:g} {t.unit}", t.evidence) for t in record.targets]
        parts += ["", render_table(["target", "value", "evidence"], rows)]
    if record.bodies:
        parts += ["", render_table(["body", "kind"], [(b.name, b.kind) for b in record.bodies])]
    for warning in record.warnings:
        parts.append(f"warning: {warning}")
    return "\n".join(parts) + "\n"
