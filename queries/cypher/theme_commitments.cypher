// The commitments under a theme, with their targets and deadlines.
// params: theme, limit=100, offset=0
// One row per commitment and target (or none), ordered by document, heading, commitment id,
// then the target, so pages never overlap. Only plain values go into the sort (sorting rows
// that carry whole nodes took LadybugDB twice as long).
MATCH (c:Commitment)-[:UNDER_THEME]->(t:Theme {name: $theme})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(x:Target)
WITH c.doc AS document, c.name AS commitment, coalesce(c.deadline, '') AS deadline, c.status AS status,
     coalesce(x.metric, '') AS metric, coalesce(x.comparator, '') AS comparator,
     coalesce(x.value, 0.0) AS value, coalesce(x.unit, '') AS unit, c.id AS commitment_id, x.id AS target_id
ORDER BY document, commitment, commitment_id, metric, value, unit, target_id
SKIP $offset LIMIT $limit
RETURN document, commitment, deadline, status, metric, comparator, value, unit
