"""Extraction record → the nodes and edges one document contributes to the graph.

Bodies enter the graph when they act in it — as issuer, owner or cooperator — not for every
mention: a graph of who owns what has no use for a name that owns nothing. Targets that sit
outside any task hang off the plan itself.

A collective owner (各街镇, 各区政府, 相关部门) is a Body of kind ``collective``. Where the gazetteer
knows its members (the subdistricts and towns of the issuer's district, the districts of its
city), each is a Body too — keyed as its own plan would key its issuer — with a ``MEMBER_OF``
edge to the collective, carrying the mention (the task or project naming the collective) as
provenance and ``rule = "gazetteer"``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from pledgegraph.graph.model import Edge, EdgeType, GraphDoc, Label, Node, add_spelling
from pledgegraph.loaders.aliases import BodyAliases
from pledgegraph.loaders.collective import (
    COLLECTIVE_KIND,
    Collective,
    Member,
    collective,
    collective_place,
    members,
)
from pledgegraph.loaders.find.bodies import body_kind
from pledgegraph.loaders.find.targets.restated import similar_metrics
from pledgegraph.loaders.record import ISSUER_BODY_KIND, Commitment, Extraction, Issuer, Project, Target
from pledgegraph.loaders.resolve import (
    body_key,
    body_place,
    canonical_body_name,
    issuer_path,
    key_city,
    keyed_issuer,
    project_key,
)

__all__ = ["build_graph"]



def _prov(doc: str, span: tuple[int, int], evidence: str) -> dict[str, Any]:
    return {"doc": doc, "span_start": span[0], "span_end": span[1], "evidence": evidence[:500]}


class _Builder:
    """Collects nodes by id and edges by key, so repeats within one document collapse."""

    def __init__(self, record: Extraction, aliases: BodyAliases | None) -> None:
        self.record = record
        self.aliases = aliases
        self.doc = record.doc
        self.issuer = keyed_issuer(record.issuer, record.doc)  # the issuer ids are made from
        self.nodes: dict[str, Node] = {}
        self.edges: dict[tuple, Edge] = {}
        self.keys: dict[str, tuple[str, Collective | None]] = {}  # a body's name → its key, and it read as a collective

    def node(self, label: Label, node_id: str, **props: Any) -> Node:
        if node_id not in self.nodes:
            self.nodes[node_id] = Node(label, node_id, props)
        return self.nodes[node_id]

    def edge(self, kind: EdgeType, source: Node, target: Node, span: tuple[int, int], evidence: str,
             role: str | None = None, status: str | None = None, rule: str | None = None) -> None:
        edge = Edge(kind, source, target, {"role": role, "status": status, "rule": rule,
                                           **_prov(self.doc, span, evidence)})
        self.edges.setdefault(edge.key, edge)

    def body(self, name: str, span: tuple[int, int], evidence: str, kind: str | None = None) -> Node:
        """The node of the body ``name`` names (the registry and the issuer's places decide
        which, resolve.body_key); every spelling met is kept, the fullest as its name. A
        collective (各街镇) is linked to the members the gazetteer knows (MEMBER_OF)."""
        issuer = self.issuer
        if name not in self.keys:  # one document names the same few bodies again and again
            # The issuer's own name keys as the issuer (for an unknown issuer: this document's).
            keyed = issuer.name if name == self.record.issuer.name else name
            self.keys[name] = (body_key(keyed, issuer, self.aliases), collective(canonical_body_name(name, self.aliases)))
        key, group = self.keys[name]
        if key in self.nodes:
            props = self.nodes[key].props
            props["name"], props["aliases"] = add_spelling(props["name"], props["aliases"], name)
            return self.nodes[key]
        node = self.node(Label.BODY, key, name=name, aliases="", kind=COLLECTIVE_KIND if group else kind or body_kind(name),
                         jurisdiction=self._jurisdiction(name, key, issuer), **_prov(self.doc, span, evidence))
        if group is not None:
            for member in members(group, collective_place(issuer)):
                self.edge(EdgeType.MEMBER_OF, self.member(member, span, evidence), node, span, evidence,
                          rule="gazetteer")
        return node

    def _jurisdiction(self, name: str, key: str, issuer: Issuer) -> str:
        path, _ = body_place(name, issuer, self.aliases)
        return path if key.startswith(f"body:{path}|") else "/".join(
            part for part in (key_city(issuer), *path.split("/")) if part)

    def member(self, member: Member, span: tuple[int, int], evidence: str) -> Node:
        """A collective's member as its own plan's issuer would be keyed (a district plan's 各街道
        include the 街道 whose own plan is loaded next: one node)."""
        place = member.place
        issuer = Issuer(member.name, place.level, place.district or None, place.city or None, place.province or None)
        key = body_key(member.name, issuer, self.aliases)
        if key in self.nodes:
            return self.nodes[key]
        kind = ISSUER_BODY_KIND.get(place.level) or body_kind(member.name)
        return self.node(Label.BODY, key, name=member.name, aliases="", kind=kind,
                         jurisdiction=self._jurisdiction(member.name, key, issuer), **_prov(self.doc, span, evidence))


def _places(b: _Builder, issuer_node: Node) -> None:
    issuer = b.record.issuer
    city = issuer.city or issuer.province
    plan_span = (0, 0)
    city_node = b.node(Label.PLACE, f"place:{city}", name=city, level="city",
                       **_prov(b.doc, plan_span, city)) if city else None
    district_node = None
    if issuer.district:
        district_node = b.node(Label.PLACE, f"place:{key_city(issuer)}/{issuer.district}", name=issuer.district,
                               level="district", **_prov(b.doc, plan_span, issuer.district))
        if city_node is not None:
            b.edge(EdgeType.PART_OF, district_node, city_node, plan_span, f"{issuer.district} ⊂ {city}")
    parent = district_node or city_node
    if parent is not None:
        b.edge(EdgeType.PART_OF, issuer_node, parent, plan_span, f"{issuer.name} ⊂ {parent.props['name']}")


def _commitment_name(commitment: Commitment) -> str:
    """Its section's heading when the commitment is that section; else (a table row, a step
    cut from a paragraph, a section's own text) its own first sentence."""
    heading = commitment.section[-1] if commitment.section else ""
    if heading and commitment.text.startswith(heading[:12]):
        return heading
    first = re.split(r"[。;；\n\t]", commitment.text.strip(), maxsplit=1)[0]
    return first[:40] or heading


def _plan(b: _Builder) -> tuple[Node, Node]:
    record, issuer = b.record, b.record.issuer
    plan = b.node(Label.PLAN, f"plan:{record.doc}", name=record.doc, issuer=issuer.name, district=issuer.district,
                  year=record.year, doc_type=record.doc_type, source=record.source, sha256=record.sha256,
                  genre="+".join(record.genre), title=record.title, issued=record.issued,
                  **_prov(b.doc, (0, 0), record.doc))
    issuer_node = b.body(issuer.name, (0, 0), issuer.name, ISSUER_BODY_KIND.get(issuer.level))
    b.edge(EdgeType.ISSUED, issuer_node, plan, (0, 0), f"{issuer.name} issued {record.doc}", rule=issuer.rule)
    for name in issuer.co_issuers:
        b.edge(EdgeType.CO_ISSUED, b.body(name, (0, 0), name), plan, (0, 0), f"{name} co-issued {record.doc}")
    if issuer.drafted_by:
        drafter = b.body(issuer.drafted_by, (0, 0), issuer.drafted_by)
        b.edge(EdgeType.DRAFTED, drafter, plan, (0, 0), f"{issuer.drafted_by} drafted {record.doc}")
    _places(b, issuer_node)
    return plan, issuer_node


def _projects(b: _Builder) -> dict[str, tuple[Node, Project]]:
    """Project nodes, and a map from every name a project goes by to its node and record."""
    by_name: dict[str, tuple[Node, Project]] = {}
    jurisdiction = issuer_path(b.issuer, b.aliases)  # every project of a plan is its issuer's
    for project in b.record.projects:
        node = b.node(Label.PROJECT, project_key(project.name, b.issuer, b.aliases, jurisdiction), name=project.name,
                      aliases="; ".join(project.aliases), kind=project.kind, status=project.status,
                      jurisdiction=jurisdiction, **_prov(b.doc, project.span, project.evidence))
        for name in (project.name, *project.aliases):
            by_name[name] = (node, project)
        _project_owners(b, project, node)
    return by_name


def _project_owners(b: _Builder, project: Project, node: Node) -> None:
    for owner in project.owners:
        body = b.body(owner.body, project.span, owner.evidence or project.evidence)
        b.edge(EdgeType.RESPONSIBLE_FOR, body, node, project.span, owner.evidence or project.evidence, owner.role,
               rule=owner.rule)


def _commitments(b: _Builder, plan: Node, projects: dict[str, tuple[Node, Project]]) -> None:
    record = b.record
    nodes = []
    for commitment in record.commitments:
        node = b.node(Label.COMMITMENT, f"commitment:{commitment.id}",
                      name=_commitment_name(commitment),
                      text=commitment.text, section=" / ".join(commitment.section), theme=commitment.theme,
                      deadline=commitment.deadline, status=commitment.status, reported=commitment.reported,
                      **_prov(b.doc, commitment.span, commitment.text))
        nodes.append(node)
        b.edge(EdgeType.CONTAINS, plan, node, commitment.span, commitment.text[:80])
        if commitment.theme:
            theme = b.node(Label.THEME, f"theme:{commitment.theme}", name=commitment.theme,
                           **_prov(b.doc, commitment.span, commitment.section[0] if commitment.section else ""))
            b.edge(EdgeType.UNDER_THEME, node, theme, commitment.span,
                   commitment.section[0] if commitment.section else commitment.theme)
        for owner in commitment.owners:
            body = b.body(owner.body, commitment.span, owner.evidence or commitment.text[:80])
            b.edge(EdgeType.RESPONSIBLE_FOR, body, node, commitment.span, owner.evidence or commitment.text[:80],
                   owner.role, rule=owner.rule)
        for name in commitment.projects:
            if name in projects:
                _concerns(b, node, commitment, *projects[name])
    _targets(b, plan, nodes)


def _targets(b: _Builder, plan: Node, nodes: list[Node]) -> None:
    """A Target node per target of the document, owned by the commitment whose span holds it
    (else by the plan); a commitment restating a target the document states earlier (a task
    table repeating the prose) is joined to that target too, with its own evidence."""
    record = b.record
    starts = [c.span[0] for c in record.commitments]
    stated: dict[tuple, list[tuple[Target, Node]]] = {}
    for index, target in enumerate(record.targets):
        target_node = b.node(Label.TARGET, f"target:{record.doc}:{index}", name=target.metric, metric=target.metric,
                             value=float(target.value), unit=target.unit, comparator=target.comparator,
                             low=None if target.low is None else float(target.low), reported=target.reported,
                             rule=target.rule, **_prov(b.doc, target.span, target.evidence))
        stated.setdefault(_figure(target), []).append((target, target_node))
        position = bisect_right(starts, target.span[0]) - 1
        inside = position >= 0 and target.span[1] <= record.commitments[position].span[1]
        owner = nodes[position] if inside else plan
        b.edge(EdgeType.HAS_TARGET, owner, target_node, target.span, target.evidence)
    spans = {target.span for target in record.targets}
    for commitment, node in zip(record.commitments, nodes, strict=True):
        for target in commitment.targets:
            if target.span in spans:
                continue
            first = next((n for t, n in stated.get(_figure(target), ()) if similar_metrics(t.metric, target.metric)),
                         None)
            if first is not None:
                b.edge(EdgeType.HAS_TARGET, node, first, target.span, target.evidence)


def _figure(target: Target) -> tuple:
    return target.value, target.unit, target.comparator, target.low


def _concerns(b: _Builder, node: Node, commitment: Commitment, project_node: Node, project: Project) -> None:
    """The commitment concerns the project; the edge says what this document says of it: the
    project's status here, and the sentence of the task that names it."""
    b.edge(EdgeType.CONCERNS, node, project_node, commitment.span,
           _sentence_naming(commitment.text, (project.name, *project.aliases)), status=project.status)


_SENTENCE_END = re.compile(r"[。；;！!？?\n]")


def _sentence_naming(text: str, names: tuple[str, ...]) -> str:
    """The sentence of ``text`` that names one of ``names`` (the text's start if none does)."""
    at = next((i for i in (text.find(name) for name in names) if i >= 0), -1)
    if at < 0:
        return text[:80]
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    start = max((e for e in ends if e <= at), default=0)
    end = min((e for e in ends if e > at), default=len(text))
    return text[start:end].strip()


_RELATION_EDGE = {"depends_on": EdgeType.DEPENDS_ON, "supports": EdgeType.SUPPORTS,
                  "cooperates": EdgeType.COOPERATES_WITH}


def _relations(b: _Builder, projects: dict[str, tuple[Node, Project]]) -> None:
    bodies = {n.props["name"]: n for n in b.nodes.values() if n.label == Label.BODY}
    for relation in b.record.relations:
        kind = _RELATION_EDGE[relation.type]
        source = projects.get(relation.source, (None,))[0]
        target = projects.get(relation.target, (None,))[0]
        if source is None and kind == EdgeType.COOPERATES_WITH:
            source = bodies.get(relation.source)
            target = b.body(relation.target, relation.span, relation.evidence) if source is not None else None
        if source is not None and target is not None and source.label == target.label and source is not target:
            b.edge(kind, source, target, relation.span, relation.evidence)


def build_graph(record: Extraction, aliases: BodyAliases | None = None) -> GraphDoc:
    """The nodes and edges ``record``'s document contributes, with provenance on each;
    ``aliases`` is the body registry (default: the shipped one)."""
    b = _Builder(record, aliases)
    plan, _ = _plan(b)
    projects = _projects(b)
    _commitments(b, plan, projects)
    _relations(b, projects)
    return GraphDoc(record.doc, tuple(b.nodes.values()), tuple(b.edges.values()))
