// A theme's commitments, plan by plan, with their lead bodies.
// params: theme
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[:UNDER_THEME]->(t:Theme {id: $theme})
OPTIONAL MATCH (b:Body)-[:RESPONSIBLE_FOR {role: 'lead'}]->(c)
RETURN p.id AS plan_id, p.doc AS document, p.title AS title, p.issuer AS issuer, p.year AS year, c.id AS id,
       c.name AS name, c.deadline AS deadline, c.status AS status, c.span_start AS span_start, b.id AS lead_id,
       b.name AS lead
ORDER BY year, document, span_start, id, lead_id
