// One line per loaded plan: issuer, district, year, type and what it holds.
// params:
MATCH (b:Body)-[:ISSUED]->(p:Plan)
OPTIONAL MATCH (p)-[:CONTAINS]->(c:Commitment)
WITH b, p, count(DISTINCT c.id) AS commitments
OPTIONAL MATCH (p)-[:CONTAINS]->(:Commitment)-[:CONCERNS]->(x:Project)
WITH b, p, commitments, count(DISTINCT x.id) AS projects
OPTIONAL MATCH (p)-[:CONTAINS]->(:Commitment)-[:HAS_TARGET]->(t:Target)
RETURN p.doc AS document, b.name AS issuer, coalesce(p.district, '') AS district, p.year AS year,
       p.doc_type AS doc_type, commitments, projects, count(DISTINCT t.id) AS targets
ORDER BY document
