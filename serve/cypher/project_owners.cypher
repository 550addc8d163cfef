// The bodies responsible for a project, per document: role, the rule that decided it, the evidence and its span.
// params: project
MATCH (b:Body)-[r:RESPONSIBLE_FOR]->(j:Project {id: $project})
OPTIONAL MATCH (p:Plan) WHERE p.doc = r.doc
RETURN b.id AS body_id, b.name AS body, r.role AS role, r.rule AS rule, r.doc AS document, p.id AS plan_id,
       p.title AS plan_title, p.year AS year, r.evidence AS evidence, r.span_start AS span_start, r.span_end AS span_end
ORDER BY role DESC, document, body, span_start
