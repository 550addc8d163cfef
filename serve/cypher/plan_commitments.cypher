// A plan's commitments in the order of its text.
// params: plan
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(c:Commitment)
RETURN c.id AS id, c.section AS section, c.name AS name, c.text AS text, c.theme AS theme, c.deadline AS deadline,
       c.status AS status, c.reported AS reported, c.span_start AS span_start, c.span_end AS span_end
ORDER BY span_start, id
