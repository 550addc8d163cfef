// Who owns a project: lead and cooperating bodies, with the evidence and the source document.
// params: project, limit=100, offset=0
MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(p:Project {id: $project})
RETURN p.name AS project, b.name AS body, r.role AS role, r.doc AS document, r.evidence AS evidence
ORDER BY role DESC, document, body, b.id, r.span_start, evidence
SKIP $offset LIMIT $limit
