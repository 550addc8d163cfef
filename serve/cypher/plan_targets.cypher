// The targets of each commitment of a plan.
// params: plan
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(c:Commitment)-[:HAS_TARGET]->(t:Target)
RETURN c.id AS commitment, t.id AS id, t.name AS name, t.metric AS metric, t.comparator AS comparator,
       t.value AS value, t.unit AS unit
ORDER BY commitment, t.span_start, id
