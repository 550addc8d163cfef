// What a project depends on, directly or through other projects (up to five steps).
// params: project, limit=100, offset=0
MATCH (p:Project {id: $project})-[:DEPENDS_ON*1..5]->(d:Project)
RETURN DISTINCT p.name AS project, d.name AS depends_on, d.status AS status
ORDER BY depends_on, status
SKIP $offset LIMIT $limit
