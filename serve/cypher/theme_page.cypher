// A theme's commitments in the plans of one year (-1: plans of no known year) whose ids lie
// from $first to $last, with their lead bodies: one page of the theme panel, read by a range
// test rather than a list of plan ids (LadybugDB answers `IN $list` by a scan).
// params: theme, year, first, last
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[:UNDER_THEME]->(t:Theme {id: $theme})
WHERE coalesce(p.year, -1) = $year AND p.id >= $first AND p.id <= $last
OPTIONAL MATCH (b:Body)-[:RESPONSIBLE_FOR {role: 'lead'}]->(c)
RETURN p.id AS plan_id, p.doc AS document, p.title AS title, p.issuer AS issuer, p.year AS year, c.id AS id,
       c.name AS name, c.deadline AS deadline, c.status AS status, c.span_start AS span_start, b.id AS lead_id,
       b.name AS lead
ORDER BY plan_id, span_start, id, lead_id
