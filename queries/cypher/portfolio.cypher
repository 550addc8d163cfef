// A body's portfolio: the projects and tasks it leads or cooperates on — its own, and those a plan gave to a collective it is a member of (via: 各街镇, 各区政府 … through MEMBER_OF) — with their status and source.
// params: body, limit=100, offset=0
// The owners are the body and its collectives, reached by one to zero MEMBER_OF steps (several
// plans may draw the same membership, hence DISTINCT): both stores then walk each owner's own
// edges. Unwinding a list of owner ids and matching `{id: owner}` made LadybugDB scan every
// RESPONSIBLE_FOR edge (120–180 ms a body at a thousand plans; this way 12–30).
// Only plain values go into the sort (sorting rows that carry whole nodes is slower).
MATCH (b:Body {id: $body})-[:MEMBER_OF*0..1]->(o:Body)
WITH DISTINCT b, o
MATCH (o)-[r:RESPONSIBLE_FOR]->(w)
WITH b.name AS body, r.role AS role, CASE WHEN w.text IS NULL THEN 'project' ELSE 'task' END AS kind,
     w.name AS name, w.status AS status, CASE WHEN o.id = b.id THEN '' ELSE o.name END AS via, r.doc AS document,
     w.id AS work_id, o.id AS owner_id, r.span_start AS span_start
ORDER BY via, role DESC, kind, name, document, work_id, owner_id, span_start
SKIP $offset LIMIT $limit
RETURN body, role, kind, name, status, via, document
