// The commitments under a theme, with their targets and deadlines.
// params: theme
MATCH (c:Commitment)-[:UNDER_THEME]->(t:Theme {name: $theme})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(x:Target)
RETURN c.doc AS document, c.name AS commitment, coalesce(c.deadline, '') AS deadline, c.status AS status,
       coalesce(x.metric, '') AS metric, coalesce(x.comparator, '') AS comparator,
       coalesce(x.value, 0.0) AS value, coalesce(x.unit, '') AS unit
ORDER BY document, commitment, metric, value, unit
