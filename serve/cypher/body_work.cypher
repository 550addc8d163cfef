// What a body leads or cooperates on — its own, and what was given to a collective it is a member of — with theme, year, rule and span.
// params: body
// Two parts, not UNWIND owners … MATCH (o {id: owner}): LadybugDB joined that by scanning every
// RESPONSIBLE_FOR edge (300 ms a body at 1,000 plans, 2 ms this way). panels.py orders the rows.
MATCH (b:Body {id: $body})-[r:RESPONSIBLE_FOR]->(w)
OPTIONAL MATCH (p:Plan) WHERE p.doc = r.doc
RETURN r.role AS role, CASE WHEN w.text IS NULL THEN 'project' ELSE 'task' END AS kind, w.id AS id,
       w.name AS name, w.status AS status, w.theme AS theme, p.year AS year, r.doc AS document, p.id AS plan_id,
       '' AS via, '' AS via_id,
       r.rule AS rule, r.evidence AS evidence, r.span_start AS span_start, r.span_end AS span_end
UNION ALL
MATCH (b:Body {id: $body})-[:MEMBER_OF]->(o:Body)-[r:RESPONSIBLE_FOR]->(w)
OPTIONAL MATCH (p:Plan) WHERE p.doc = r.doc
RETURN r.role AS role, CASE WHEN w.text IS NULL THEN 'project' ELSE 'task' END AS kind, w.id AS id,
       w.name AS name, w.status AS status, w.theme AS theme, p.year AS year, r.doc AS document, p.id AS plan_id,
       o.name AS via, o.id AS via_id,
       r.rule AS rule, r.evidence AS evidence, r.span_start AS span_start, r.span_end AS span_end
