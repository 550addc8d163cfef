"""Members of collectives that only the graph knows: the 街道 of a district the gazetteer lacks.

The gazetteer names the members of most collectives when a document is built (loaders/build.py,
``rule = "gazetteer"``). A place it does not hold — a new or renamed subdistrict, a district
outside its data — is known once its own plan is loaded: that plan's issuer is the place's
government, PART_OF its district. So after every load and removal the store is asked which
such governments lie in the jurisdiction of a collective's plan, and each becomes a member
(``rule = "graph"``), with the collective's mention (document, span, evidence) as provenance.
The links are worked out whole each time and written only where they changed, so they follow
documents in and out of the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pledgegraph.graph.cypher import Statement, create_edges
from pledgegraph.graph.model import EdgeType, Label
from pledgegraph.graph.store import Store

__all__ = ["COLLECTIVE_MENTIONS", "PLACED_BODIES", "graph_members", "link_members"]

RULE = "graph"
# Kinds of issuer whose collectives are made of its place's members (a 街道's own 各居民区 are
# below the district its PART_OF edge names, so a subdistrict's or town's plan is left out).
_BELOW_DISTRICT = ("subdistrict_gov", "town_gov")

# The mentions and the places are read apart: every document that names a body writes its own
# PART_OF edge, so joining the issuer's PART_OF in one pattern repeated each mention once per
# document of its issuer — 2.2 million rows for 14 thousand mentions at 10,000 plans.
COLLECTIVE_MENTIONS = (
    f"MATCH (c:{Label.BODY} {{kind: 'collective'}})-[r:{EdgeType.RESPONSIBLE_FOR}]->(:{Label.COMMITMENT})"
    f"<-[:{EdgeType.CONTAINS}]-(p:{Label.PLAN})<-[:{EdgeType.ISSUED}]-(i:{Label.BODY}) WHERE NOT (i.kind IN $below) "
    "RETURN c.id AS collective, c.name AS name, p.doc AS doc, r.span_start AS span_start, r.span_end AS span_end, "
    "r.evidence AS evidence, i.id AS issuer ORDER BY doc, span_start, collective"
)
PLACED_BODIES = (f"MATCH (b:{Label.BODY})-[:{EdgeType.PART_OF}]->(s:{Label.PLACE}) "
                 "RETURN DISTINCT b.id AS body, s.id AS place ORDER BY body, place")
_MEMBERSHIPS = (f"MATCH (b:{Label.BODY})-[m:{EdgeType.MEMBER_OF}]->(c:{Label.BODY}) "
                "RETURN b.id AS body, c.id AS collective, m.rule AS rule, m.doc AS doc")


def graph_members(mentions: list[dict[str, Any]], placed: list[dict[str, Any]], held: set[tuple[str, str]],
                  admits: Callable[[str, str], bool],
                  place_of: Callable[[str], str | None]) -> dict[tuple[str, str, str], dict[str, Any]]:
    """(member, collective, doc) → the MEMBER_OF row to hold: every body placed (``placed``:
    body, place) in the place of the issuer of a collective's plan (``mentions``), that ``admits(collective name, place name)`` accepts, and
    that no gazetteer link (``held``: member, collective) already joins to it."""
    # Only governments of a subdistrict or town can be members, so the placed bodies are
    # narrowed to them once; and whether a collective admits a place is asked once per pair.
    # Both used to be worked out per mention and body: at 10,000 plans, tens of millions of
    # calls, the slowest step of a load.
    by_place: dict[str, list[tuple[str, str]]] = {}
    places_of: dict[str, list[str]] = {}  # a body → the places it is PART_OF
    for row in placed:
        places_of.setdefault(row["body"], []).append(row["place"])
        if (governed := place_of(row["body"])) is not None:
            by_place.setdefault(row["place"], []).append((row["body"], governed))
    admitted: dict[tuple[str, str], bool] = {}
    wanted: dict[tuple[str, str, str], dict[str, Any]] = {}
    for mention in mentions:
        for body, place in (pair for within in places_of.get(mention["issuer"], ())
                            for pair in by_place.get(within, ())):
            key = (body, mention["collective"], mention["doc"])
            if body == mention["issuer"] or key in wanted or (body, mention["collective"]) in held:
                continue
            if (asked := (mention["name"], place)) not in admitted:
                admitted[asked] = admits(*asked)
            if not admitted[asked]:
                continue
            wanted[key] = {"source": body, "target": mention["collective"], "role": "", "status": "", "rule": RULE,
                           "doc": mention["doc"], "span_start": mention["span_start"],
                           "span_end": mention["span_end"], "evidence": mention["evidence"]}
    return wanted


def link_members(store: Store, admits: Callable[[str, str], bool], place_of: Callable[[str], str | None]) -> int:
    """Bring the graph-known memberships up to date; the number of links written (0 when they
    were already right). ``place_of`` names the subdistrict or town a body id is the
    government of (None for any other body); ``admits`` says whether a collective (by name) has members of a
    place's level (by the place's name)."""
    memberships = store.query(_MEMBERSHIPS).records()
    held = {(row["body"], row["collective"]) for row in memberships if row["rule"] != RULE}
    present = {(row["body"], row["collective"], row["doc"]) for row in memberships if row["rule"] == RULE}
    wanted = graph_members(store.query(COLLECTIVE_MENTIONS, {"below": list(_BELOW_DISTRICT)}).records(),
                           store.query(PLACED_BODIES).records(), held, admits, place_of)
    if set(wanted) != present:
        statements: list[Statement] = [
            (f"MATCH ()-[m:{EdgeType.MEMBER_OF}]->() WHERE m.rule = $rule DELETE m", {"rule": RULE})]
        if wanted:
            statements.append((create_edges(EdgeType.MEMBER_OF, Label.BODY, Label.BODY),
                               {"rows": list(wanted.values())}))
        store.execute_plan(statements)
        store.cleanup()
        return len(wanted)
    return 0
