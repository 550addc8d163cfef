// One line per loaded plan: issuer, district, year, type and what it holds.
// params: limit=100, offset=0
// The page of plans (document, id) is chosen before what they hold is counted.
MATCH (b:Body)-[:ISSUED]->(p:Plan)
WITH b, p ORDER BY p.doc, p.id, b.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (p)-[:CONTAINS]->(c:Commitment)
WITH b, p, count(DISTINCT c.id) AS commitments
OPTIONAL MATCH (p)-[:CONTAINS]->(:Commitment)-[:CONCERNS]->(x:Project)
WITH b, p, commitments, count(DISTINCT x.id) AS projects
OPTIONAL MATCH (p)-[:CONTAINS]->(:Commitment)-[:HAS_TARGET]->(t:Target)
WITH b, p, commitments, projects, count(DISTINCT t.id) AS targets
RETURN p.doc AS document, b.name AS issuer, coalesce(p.district, '') AS district, p.year AS year,
       p.doc_type AS doc_type, commitments, projects, targets
ORDER BY document, p.id, b.id
