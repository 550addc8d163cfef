// What a body leads or cooperates on — its own, and what was given to a collective it is a member of — with theme, year, rule and span.
// params: body
MATCH (b:Body {id: $body})
OPTIONAL MATCH (b)-[:MEMBER_OF]->(g:Body)
WITH b, collect(DISTINCT g.id) AS collectives
UNWIND collectives + [b.id] AS owner
MATCH (o:Body {id: owner})-[r:RESPONSIBLE_FOR]->(w)
OPTIONAL MATCH (p:Plan) WHERE p.doc = r.doc
RETURN r.role AS role, CASE WHEN w.text IS NULL THEN 'project' ELSE 'task' END AS kind, w.id AS id,
       w.name AS name, w.status AS status, w.theme AS theme, p.year AS year, r.doc AS document, p.id AS plan_id,
       CASE WHEN o.id = b.id THEN '' ELSE o.name END AS via, CASE WHEN o.id = b.id THEN '' ELSE o.id END AS via_id,
       r.rule AS rule, r.evidence AS evidence, r.span_start AS span_start, r.span_end AS span_end
ORDER BY via, role DESC, kind, year, document, span_start, id
