"""Typed records passed between loader stages, and the extraction record they end in.

Two coordinate systems exist and never mix:

* *mentions* (``…Mention``) are found by the extract stage in the **analysed** text that
  :mod:`pledgegraph.loaders.normalize` produces; their ``start``/``end`` index that text;
* *output records* carry ``span``: offsets into the **original** document text, so a user
  can always slice the evidence back out of the file they loaded.

:func:`Extraction.to_dict` gives exactly the JSON shape of ``shared/gold/SCHEMA.md`` (plus
provenance fields the scorer ignores).
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "THEMES",
    "ISSUER_BODY_KIND",
    "STATUSES",
    "BodyMention",
    "ProjectMention",
    "TargetMention",
    "Issuer",
    "Theme",
    "Owner",
    "Commitment",
    "Project",
    "Body",
    "Target",
    "Relation",
    "Extraction",
]

THEMES = (
    "economy",
    "rural_revitalization",
    "urban_development",
    "ecology_environment",
    "governance_digital",
    "public_safety",
    "social_welfare",
    "education",
    "health",
    "culture_sports",
    "party_building",
    "government_self_building",
)

# The body kind of an issuer, by its level (Issuer.level).
ISSUER_BODY_KIND = {"district": "district_gov", "subdistrict": "subdistrict_gov", "town": "town_gov",
                    "department": "department"}
STATUSES = ("planned", "in_progress", "completed")
PROJECT_KINDS = ("construction", "renovation", "program", "platform", "campaign", "event", "plan_study")

Span = tuple[int, int]


# --- mentions: what the extract stage finds, in analysed-text offsets -------------------


@dataclass(frozen=True)
class BodyMention:
    """An organisation named in the text (a government, department, company, school …);
    ``rule`` names the finder that found it (organ, suffix, list.head, subject …)."""

    name: str
    kind: str
    start: int
    end: int
    rule: str = ""


@dataclass(frozen=True)
class ProjectMention:
    """A named, concrete undertaking (works, programme, platform, event, title pursued …)."""

    name: str
    kind: str
    start: int
    end: int
    rule: str = ""  # the finder that found it (loaders/projects_finders.py, projects_lists.py)


@dataclass(frozen=True)
class TargetMention:
    """A quantified promise: ``value`` ``unit`` compared by ``comparator`` (= >= <= ~).

    ``start``/``end`` cover the number and its unit; ``evidence`` is the clause around it (or,
    for a table cell, the row up to the cell). A range ("1-2个") is ``value`` its upper end,
    comparator <=, and ``low`` its lower end. ``unit_span`` is where the unit is written, so
    the record can quote it as printed (a full-width ％ stays ％). ``reported`` is set where the
    clause itself says the figure is done (已完成…), ``rule`` names the rule that found it.
    """

    metric: str
    value: float
    unit: str
    comparator: str
    start: int
    end: int
    evidence: str
    low: float | None = None
    rule: str = "prose.figure"
    unit_span: tuple[int, int] | None = None
    reported: bool = False


# --- output records: original-text spans ------------------------------------------------


@dataclass(frozen=True)
class Issuer:
    """The body that issued a plan, placed in the hierarchy (see loaders/decide/issuer.py).

    ``rule`` names how it was found (envelope.sender, envelope.signer, title, text.place,
    unknown); ``co_issuers`` are the other bodies that sent or signed the notice;
    ``drafted_by`` is the body that drew up a plan the issuer forwards."""

    name: str
    level: str  # province | city | district | county | subdistrict | town | department
    district: str | None
    city: str | None = None
    province: str | None = None
    ambiguous: bool = False
    rule: str = ""
    co_issuers: tuple[str, ...] = ()
    drafted_by: str | None = None

    @property
    def known(self) -> bool:
        """Whether the extractor named the issuer (its rule is not ``unknown``)."""
        return self.rule.split("+")[0] != "unknown"

    def to_dict(self) -> dict:
        out = {"name": self.name, "level": self.level, "district": self.district}
        if self.city:
            out["city"] = self.city
        if self.province:
            out["province"] = self.province
        if self.ambiguous:
            out["ambiguous"] = True
        if self.rule:
            out["rule"] = self.rule
        if self.co_issuers:
            out["co_issuers"] = list(self.co_issuers)
        if self.drafted_by:
            out["drafted_by"] = self.drafted_by
        return out


@dataclass(frozen=True)
class Theme:
    heading: str
    theme: str
    span: Span

    def to_dict(self) -> dict:
        return {"heading": self.heading, "theme": self.theme, "span": list(self.span)}


@dataclass(frozen=True)
class Owner:
    body: str
    role: str  # lead | cooperate
    evidence: str = ""
    rule: str = ""  # the rule that decided it (loaders/decide/owners.py)

    def to_dict(self) -> dict:
        out = {"body": self.body, "role": self.role}
        if self.evidence:
            out["evidence"] = self.evidence
        if self.rule:
            out["rule"] = self.rule
        return out


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True)
class Target:
    """A quantified target as the record gives it. Beyond SCHEMA.md: ``low`` (a range's lower
    end, the value being its upper end), ``reported`` (a figure the document reports as done,
    not a promise) and ``rule`` (what found it: prose.*, table.*)."""

    metric: str
    value: float
    unit: str
    comparator: str
    evidence: str
    span: Span
    low: float | None = None
    reported: bool = False
    rule: str = "prose.figure"

    def to_dict(self) -> dict:
        out = {
            "metric": self.metric,
            "value": _number(self.value),
            "unit": self.unit,
            "comparator": self.comparator,
            "evidence": self.evidence,
            "span": list(self.span),
            "reported": self.reported,
            "rule": self.rule,
        }
        if self.low is not None:
            out["low"] = _number(self.low)
        return out


@dataclass(frozen=True)
class Commitment:
    id: str
    text: str
    span: Span
    section: tuple[str, ...]
    theme: str | None
    owners: tuple[Owner, ...]
    projects: tuple[str, ...]
    deadline: str | None
    status: str
    targets: tuple[Target, ...] = ()
    reported: bool = False  # the document reports this as work done (a report, a review)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text,
            "span": list(self.span),
            "section": list(self.section),
            "theme": self.theme,
            "owners": [o.to_dict() for o in self.owners],
            "projects": list(self.projects),
            "deadline": self.deadline,
            "status": self.status,
            "targets": [t.to_dict() for t in self.targets],
            "reported": self.reported,
        }


@dataclass(frozen=True)
class Project:
    name: str
    aliases: tuple[str, ...]
    kind: str
    status: str
    owners: tuple[Owner, ...]
    evidence: str
    span: Span
    rule: str = ""  # the finder rule of its first mention

    def to_dict(self) -> dict:
        out = {
            "name": self.name,
            "aliases": list(self.aliases),
            "kind": self.kind,
            "status": self.status,
            "owners": [o.to_dict() for o in self.owners],
            "evidence": self.evidence,
            "span": list(self.span),
        }
        if self.rule:
            out["rule"] = self.rule
        return out


@dataclass(frozen=True)
class Body:
    """A body the plan names, as written; ``rule`` says what made it one: the finder that named
    it (``organ``, ``suffix``, ``list.lines`` …), ``owner.<rule>`` for an owner no finder named,
    ``issuer`` / ``co_issuer`` / ``drafter`` for the envelope's bodies."""

    name: str
    kind: str
    evidence: str
    span: Span
    rule: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "evidence": self.evidence, "span": list(self.span),
                "rule": self.rule}


@dataclass(frozen=True)
class Relation:
    type: str  # depends_on | supports | cooperates
    source: str
    target: str
    evidence: str
    span: Span

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "from": self.source,
            "to": self.target,
            "evidence": self.evidence,
            "span": list(self.span),
        }


@dataclass(frozen=True)
class Extraction:
    """Everything pledgegraph learned from one plan document."""

    doc: str
    issuer: Issuer
    year: int | None
    doc_type: str
    themes: tuple[Theme, ...] = ()
    commitments: tuple[Commitment, ...] = ()
    projects: tuple[Project, ...] = ()
    bodies: tuple[Body, ...] = ()
    targets: tuple[Target, ...] = ()
    relations: tuple[Relation, ...] = ()
    source: str = ""
    sha256: str = ""
    warnings: tuple[str, ...] = field(default=())
    genre: tuple[str, ...] = ()  # the genres that read the document (loaders/genres)
    title: str | None = None  # the plan's own title
    issued: str | None = None  # the date its envelope was signed (ISO)

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "issuer": self.issuer.to_dict(),
            "year": self.year,
            "doc_type": self.doc_type,
            "themes": [t.to_dict() for t in self.themes],
            "commitments": [c.to_dict() for c in self.commitments],
            "projects": [p.to_dict() for p in self.projects],
            "bodies": [b.to_dict() for b in self.bodies],
            "targets": [t.to_dict() for t in self.targets],
            "relations": [r.to_dict() for r in self.relations],
            "source": self.source,
            "sha256": self.sha256,
            "warnings": list(self.warnings),
            "genre": list(self.genre),
            "title": self.title,
            "issued": self.issued,
        }
