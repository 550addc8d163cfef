// A body's portfolio: the projects it leads or cooperates on, with their status and source.
// params: body
MATCH (b:Body {id: $body})-[r:RESPONSIBLE_FOR]->(p:Project)
RETURN b.name AS body, r.role AS role, p.name AS project, p.status AS status, r.doc AS document
ORDER BY role DESC, project, document
