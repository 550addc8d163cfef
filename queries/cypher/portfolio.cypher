// A body's portfolio: the projects and tasks it leads or cooperates on — its own, and those a plan gave to a collective it is a member of (via: 各街镇, 各区政府 … through MEMBER_OF) — with their status and source.
// params: body, limit=100, offset=0
// Only plain values go into the sort (sorting rows that carry whole nodes is slower).
MATCH (b:Body {id: $body})
OPTIONAL MATCH (b)-[:MEMBER_OF]->(g:Body)
WITH b, collect(DISTINCT g.id) AS collectives
UNWIND collectives + [b.id] AS owner
MATCH (o:Body {id: owner})-[r:RESPONSIBLE_FOR]->(w)
WITH b.name AS body, r.role AS role, CASE WHEN w.text IS NULL THEN 'project' ELSE 'task' END AS kind,
     w.name AS name, w.status AS status, CASE WHEN o.id = b.id THEN '' ELSE o.name END AS via, r.doc AS document,
     w.id AS work_id, o.id AS owner_id, r.span_start AS span_start
ORDER BY via, role DESC, kind, name, document, work_id, owner_id, span_start
SKIP $offset LIMIT $limit
RETURN body, role, kind, name, status, via, document
