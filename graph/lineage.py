"""Lineage: a body's commitment followed from one of its documents to the next.

A plan promises, the mid-year report says how far it got, next year's plan picks it up again.
When a later document of the same issuing body mentions the same project as an earlier one,
or restates the same task, the later commitment TRACKS the earlier one; the edge carries what
the later document says (its status and evidence) and belongs to the later document, so
removing either document removes the link.

Links are worked out in the store, after documents are written, for every body that issued a
plan not yet linked (``Plan.linked``): a load killed between writing and linking is finished
by the next load, even when every file is unchanged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from pledgegraph.graph.cypher import create_edges
from pledgegraph.graph.model import EdgeType, Label
from pledgegraph.graph.store import Store

__all__ = ["Mention", "Link", "find_links", "STAGE", "link_lineage", "relink_plan", "read_mentions"]

# Order of documents within a year: plans before the reports on them. A gov_report looks
# back on the year before and plans this one, so it counts as a plan of its year.
# queries/cypher/timeline.cypher orders its rows by the same rule (a CASE on doc_type).
STAGE = {"midyear_report": 1}
# Two names of one project: the shorter one inside the longer, and long enough to mean it
# (庞家南荫堂 / 庞家南荫堂迁移工程); shorter names collide by chance.
MIN_CONTAINED = 4
# Two task texts restating one task: share of character bigrams (Dice), when no project joins them.
TEXT_SIMILARITY = 0.6
ISSUERS_PER_TRANSACTION = 200
# Plans whose mentions are read at once: a chunk's mentions are all in memory together (at
# 10,000 plans one chunk of 200 issuers held most of the store, 1.6 GB).
PLANS_PER_TRANSACTION = 400


@dataclass(frozen=True)
class Mention:
    """One commitment of one document, with what lineage needs to know of it."""

    commitment: str
    doc: str
    issuer: str
    year: int
    stage: int
    text: str
    status: str
    span: tuple[int, int]
    # project id → (names it goes by, status here, evidence here, span here)
    projects: dict[str, tuple[tuple[str, ...], str, str, tuple[int, int]]] = field(default_factory=dict, hash=False)

    @property
    def when(self) -> tuple[int, int]:
        return (self.year, self.stage)

    @cached_property
    def bigrams(self) -> frozenset[str]:
        """Computed once: a body's history is compared pair by pair on every relink."""
        return frozenset(self.text[i:i + 2] for i in range(len(self.text) - 1))


@dataclass(frozen=True)
class Link:
    later: str
    earlier: str
    doc: str
    status: str
    evidence: str
    span: tuple[int, int]

    def row(self) -> dict[str, Any]:
        return {"source": self.later, "target": self.earlier, "doc": self.doc, "status": self.status,
                "evidence": self.evidence, "span_start": self.span[0], "span_end": self.span[1], "role": "", "rule": ""}


def _same_project(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    for x in a:
        for y in b:
            short, long = sorted((x, y), key=len)
            if short == long or (len(short) >= MIN_CONTAINED and short in long):
                return True
    return False


def _similarity(a: Mention, b: Mention) -> float:
    """Dice coefficient of the two task texts' character bigrams."""
    x, y = a.bigrams, b.bigrams
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _project_links(later: Mention, earlier: Mention) -> list[Link]:
    links = []
    for project, (names, status, evidence, span) in later.projects.items():
        if any(project == other or _same_project(names, other_names)
               for other, (other_names, *_rest) in earlier.projects.items()):
            links.append(Link(later.commitment, earlier.commitment, later.doc, status or later.status, evidence, span))
    return links  # one link per project they share: each says what the later document says of it


def _link_documents(later: list[Mention], earlier: list[Mention]) -> list[Link]:
    """Links from ``later``'s commitments to ``earlier``'s: by a shared project, else (for a
    commitment no project links) to the one earlier task it restates, if any."""
    links = []
    for mention in later:
        by_project = [link for other in earlier for link in _project_links(mention, other)]
        if by_project:
            links += by_project
            continue
        scored = [(_similarity(mention, other), other) for other in earlier]
        score, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is not None and score >= TEXT_SIMILARITY:
            links.append(Link(mention.commitment, best.commitment, mention.doc, mention.status,
                              mention.text[:120], mention.span))
    return links


def find_links(mentions: Iterable[Mention]) -> list[Link]:
    """Every TRACKS link among ``mentions``: between documents of one issuer, later → earlier."""
    by_issuer: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in mentions:
        by_issuer[mention.issuer][mention.doc].append(mention)
    links = []
    for documents in by_issuer.values():
        for a, b in combinations(sorted(documents), 2):
            first, second = documents[a], documents[b]
            if first[0].when == second[0].when:
                continue  # neither follows the other
            later, earlier = (first, second) if first[0].when > second[0].when else (second, first)
            links += _link_documents(later, earlier)
    return sorted(links, key=lambda link: (link.later, link.earlier))


# -- reading and writing the store ------------------------------------------------------------

UNLINKED_ISSUERS = (f"MATCH (b:{Label.BODY})-[:{EdgeType.ISSUED}]->(p:{Label.PLAN}) WHERE p.linked IS NULL "
                    "RETURN DISTINCT b.id AS issuer ORDER BY issuer")

ISSUER_PLANS = (f"UNWIND $issuers AS issuer MATCH (b:{Label.BODY} {{id: issuer}})-[:{EdgeType.ISSUED}]->(p:{Label.PLAN}) "
                "RETURN b.id AS issuer, p.year AS year, p.doc_type AS doc_type")

READ_MENTIONS = (
    f"UNWIND $issuers AS issuer MATCH (b:{Label.BODY} {{id: issuer}})-[:{EdgeType.ISSUED}]->(p:{Label.PLAN}) "
    f"MATCH (p)-[:{EdgeType.CONTAINS}]->(c:{Label.COMMITMENT}) "
    f"OPTIONAL MATCH (c)-[r:{EdgeType.CONCERNS}]->(j:{Label.PROJECT}) "
    "RETURN b.id AS issuer, p.doc AS doc, p.year AS year, p.doc_type AS doc_type, c.id AS commitment, "
    "c.text AS text, c.status AS status, c.span_start AS span_start, c.span_end AS span_end, "
    "j.id AS project, j.name AS name, j.aliases AS aliases, r.status AS project_status, "
    "r.evidence AS evidence, r.span_start AS project_start, r.span_end AS project_end "
    "ORDER BY doc, commitment, project"
)


def read_mentions(rows: Iterable[dict[str, Any]]) -> list[Mention]:
    """Mentions from READ_MENTIONS rows (one row per commitment and project it concerns).
    Plans without a year cannot be placed in time and are left out."""
    found: dict[str, Mention] = {}
    for row in rows:
        if row["year"] is None:
            continue
        mention = found.get(row["commitment"])
        if mention is None:
            mention = found[row["commitment"]] = Mention(
                row["commitment"], row["doc"], row["issuer"], row["year"], STAGE.get(row["doc_type"], 0),
                row["text"] or "", row["status"] or "", (row["span_start"], row["span_end"]))
        if row["project"] is not None:
            names = (row["name"], *(a for a in (row["aliases"] or "").split("; ") if a))
            mention.projects[row["project"]] = (names, row["project_status"] or "", row["evidence"] or "",
                                                (row["project_start"], row["project_end"]))
    return list(found.values())


def relink_plan(issuers: list[str], links: list[Link]) -> list[tuple[str, dict[str, Any]]]:
    """Statements replacing the TRACKS links of ``issuers``' commitments with ``links``, and
    marking their plans linked."""
    plans = f"UNWIND $issuers AS issuer MATCH (b:{Label.BODY} {{id: issuer}})-[:{EdgeType.ISSUED}]->(p:{Label.PLAN})"
    statements: list[tuple[str, dict[str, Any]]] = [
        (f"{plans} MATCH (p)-[:{EdgeType.CONTAINS}]->(c:{Label.COMMITMENT})-[t:{EdgeType.TRACKS}]->() DELETE t",
         {"issuers": issuers}),
    ]
    if links:
        statements.append((create_edges(EdgeType.TRACKS, Label.COMMITMENT, Label.COMMITMENT),
                           {"rows": [link.row() for link in links]}))
    statements.append((f"{plans} SET p.linked = true", {"issuers": issuers}))
    return statements


def link_lineage(store: Store) -> int:
    """Work out the links of every body that issued a plan not linked yet; the number made.
    Bodies go a chunk at a time (one transaction each), so memory stays flat on a big load."""
    issuers = [row[0] for row in store.query(UNLINKED_ISSUERS).rows]
    made = 0
    for chunk, linkable in _chunks(store, issuers):
        mentions = read_mentions(store.query(READ_MENTIONS, {"issuers": chunk}).records()) if linkable else []
        links = find_links(mentions)
        store.execute_plan(relink_plan(chunk, links))
        made += len(links)
    return made


def _chunks(store: Store, issuers: list[str]) -> list[tuple[list[str], bool]]:
    """``issuers`` in chunks of at most ISSUERS_PER_TRANSACTION bodies and (unless one body
    has more) PLANS_PER_TRANSACTION plans, each with whether any link can be found in it. A
    body whose plans all fall at one time (one year, one stage) links nothing — no plan of it
    follows another — so its mentions are not read; a city's first year of plans is mostly such."""
    plans: dict[str, int] = defaultdict(int)
    times: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for start in range(0, len(issuers), ISSUERS_PER_TRANSACTION):
        for row in store.query(ISSUER_PLANS, {"issuers": issuers[start:start + ISSUERS_PER_TRANSACTION]}).records():
            plans[row["issuer"]] += 1
            if row["year"] is not None:  # as read_mentions: a plan without a year is not placed in time
                times[row["issuer"]].add((row["year"], STAGE.get(row["doc_type"], 0)))
    chunks: list[tuple[list[str], bool]] = []
    for linkable in (False, True):
        chunk: list[str] = []
        held = 0
        for issuer in issuers:
            if (len(times[issuer]) > 1) != linkable:
                continue
            weight = plans[issuer] if linkable else 0
            if chunk and (len(chunk) == ISSUERS_PER_TRANSACTION or held + weight > PLANS_PER_TRANSACTION):
                chunks.append((chunk, linkable))
                chunk, held = [], 0
            chunk.append(issuer)
            held += weight
        if chunk:
            chunks.append((chunk, linkable))
    return chunks
