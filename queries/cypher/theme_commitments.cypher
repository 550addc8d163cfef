// The commitments under a theme, with their targets and deadlines.
// params: theme, limit=100, offset=0
// One row per commitment and target (or none), ordered by document, heading, commitment id,
// then the target, so pages never overlap.
MATCH (c:Commitment)-[:UNDER_THEME]->(t:Theme {name: $theme})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(x:Target)
WITH c, x ORDER BY c.doc, c.name, c.id, coalesce(x.metric, ''), coalesce(x.value, 0.0), coalesce(x.unit, ''), x.id
SKIP $offset LIMIT $limit
RETURN c.doc AS document, c.name AS commitment, coalesce(c.deadline, '') AS deadline, c.status AS status,
       coalesce(x.metric, '') AS metric, coalesce(x.comparator, '') AS comparator,
       coalesce(x.value, 0.0) AS value, coalesce(x.unit, '') AS unit
ORDER BY document, commitment, c.id, metric, value, unit, x.id
