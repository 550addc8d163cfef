"""A notice that issues, forwards or hands down a plan (关于印发《…》的通知, 关于转发…, 下达…).

Its envelope names the issuer (sender and signers), the drafter of a forwarded plan, the
date; the plan's own title follows the date, and everything above it is the wrapper.
"""

from __future__ import annotations

from dataclasses import replace

from pledgegraph.loaders.layout import Layout
from pledgegraph.loaders.layout.envelope import read_envelope
from pledgegraph.loaders.layout.title import find_title

__all__ = ["Notice"]


class Notice:
    name = "notice"

    def detect(self, layout: Layout) -> float:
        envelope = read_envelope(layout.blocks)
        if envelope is None:
            return 0.0
        return 1.0 if envelope.title or envelope.addressees else 0.6  # 0.6: a plan signed at its end

    def layout(self, layout: Layout) -> Layout:
        envelope = read_envelope(layout.blocks)
        if envelope is None:
            return layout
        if envelope.inner_span is not None:
            title, span = envelope.inner_title, envelope.inner_span
        elif envelope.title is not None:
            title, span = envelope.title, envelope.title_span
        else:
            found = find_title(layout.blocks)
            title, span = found if found else (None, None)
        name = self.name if envelope.title or envelope.addressees else "signed"
        return replace(layout.with_genre(name), envelope=envelope, title=title, title_span=span)
