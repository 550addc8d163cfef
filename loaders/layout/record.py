"""The layout of a document: frozen records of its structure, spans into the original text.

The layout is read before line repair, from the physical lines of the file, so table cells and
envelope lines are still apart; every span here indexes the *original* text (what the user
loaded), never the analysed text. Genres (``loaders/genres``) fill these records in; later
stages read them and never write them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

__all__ = ["Block", "Named", "Envelope", "Cell", "Row", "Table", "DutyItem", "Layout", "COLUMN_ROLES"]

Span = tuple[int, int]

# What a table column holds, by its header (data/table_headers.txt maps header words to these).
COLUMN_ROLES = ("number", "task", "subtask", "deadline", "lead", "cooperate", "responsible", "leader",
                "place", "quantity", "unit", "note", "other")


@dataclass(frozen=True)
class Block:
    """One non-empty physical line: folded text (one character per original character,
    surrounding spaces stripped) and its span in the original."""

    text: str
    start: int
    end: int
    blank_before: bool = False


@dataclass(frozen=True)
class Named:
    """A body named by the layout (a sender, a signer, a drafter), as written."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Envelope:
    """The notice that wraps or forwards a plan (关于印发《…》的通知) — or a plan's own
    addressee and signature lines when it has no notice title."""

    title: str | None  # the notice's title line, as written
    title_span: Span | None
    verb: str | None  # 印发 / 转发 / 下发 / 批转 / 下达 …
    senders: tuple[Named, ...]  # named in the title before 关于/印发
    signers: tuple[Named, ...]  # the signature lines, in order
    seal: Named | None  # "(X代章)": the body whose seal stands in for the signer's
    drafted_by: Named | None  # 转发区X局制订的《…》: the body that wrote the forwarded plan
    addressees: str | None  # the 主送 line, without its colon
    doc_number: str | None  # 文号, e.g. 嘉府发〔2026〕4号
    date: str | None  # the signing date, ISO (2026-02-12)
    inner_title: str | None  # the forwarded plan's own title, as printed above it
    inner_span: Span | None
    wrapper: tuple[Span, ...]  # stretches that belong to the notice, not to the plan


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int
    role: str  # one of COLUMN_ROLES
    header: str = ""  # the column's header, as printed (a quantity's metric)


@dataclass(frozen=True)
class Row:
    """One task row of a table. ``section`` is the group row above it (一 / 推进…), ``carried``
    names the roles whose cells were copied down from a merged cell above."""

    number: str
    cells: tuple[Cell, ...]
    section: str | None
    start: int
    end: int
    carried: tuple[str, ...] = ()

    def cell(self, role: str) -> Cell | None:
        return next((c for c in self.cells if c.role == role), None)

    def cells_of(self, role: str) -> tuple[Cell, ...]:
        return tuple(c for c in self.cells if c.role == role)


@dataclass(frozen=True)
class Table:
    """A table the source flattened to one cell per paragraph, rebuilt as rows × cells."""

    title: str | None
    header: tuple[tuple[str, str], ...]  # (header text, role) in column order
    rows: tuple[Row, ...]
    start: int
    end: int
    unit: str | None = None  # "单位：亩" printed above the table
    kind: str = "tasks"  # tasks | allocation (rows are places or bodies given a quantity) | indicators
    labels: tuple[Span, ...] = ()  # the header cells that head a column holding cells (its label)
    totals: tuple[Row, ...] = ()  # total rows (合计 …): no task, but figures of the table


@dataclass(frozen=True)
class DutyItem:
    """A stretch of text whose duties belong to the body that heads it (职责分工 lists:
    "（一）区绿化市容局" above its duties, or "1.镇规建生态办负责…")."""

    body: str
    body_start: int
    body_end: int
    start: int
    end: int
    rule: str  # duty.heading (the body alone on its line) | duty.inline (the body opens the item)


@dataclass(frozen=True)
class Layout:
    """Everything the genres learned of a document's structure."""

    blocks: tuple[Block, ...]
    title: str | None = None
    title_span: Span | None = None
    envelope: Envelope | None = None
    tables: tuple[Table, ...] = ()
    duties: tuple[DutyItem, ...] = ()
    appendices: tuple[Span, ...] = ()  # appendix heading lines (附件1, 附表) — no tasks
    reported: tuple[Span, ...] = ()  # stretches that report past work (a review, a summary)
    genres: tuple[str, ...] = ()
    kind: str = "work_plan"  # the document kind a genre settled on (see genres/)
    notes: tuple[str, ...] = field(default=())

    def with_genre(self, name: str, **changes: object) -> Layout:
        """This layout with genre ``name`` added and ``changes`` applied."""
        return replace(self, genres=(*self.genres, name), **changes)

    def excluded(self) -> tuple[Span, ...]:
        """Stretches that hold no prose tasks: the notice wrapper, tables, appendix headings."""
        spans = list(self.envelope.wrapper if self.envelope else ())
        spans += [(t.start, t.end) for t in self.tables] + list(self.appendices)
        return tuple(sorted(spans))
