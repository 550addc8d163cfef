// One line per loaded plan: issuer, district, year, type and what it holds.
// params: limit=100, offset=0
// page: the plans by document (a plan's id is made from its document: a total order), before
// what they hold is counted.
MATCH (p:Plan)
RETURN p.id AS id ORDER BY p.doc, p.id SKIP $offset LIMIT $limit
// rows: each plan of the page by its id, counted in one pass (a commitment's projects and
// targets are few, so their product is small; LadybugDB runs one pass far faster than three),
// its issuer found after the counting (before it, LadybugDB joined whole tables: 4x slower).
UNWIND $page AS id
MATCH (p:Plan {id: id})
OPTIONAL MATCH (p)-[:CONTAINS]->(c:Commitment)
OPTIONAL MATCH (c)-[:CONCERNS]->(x:Project)
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH id, count(DISTINCT c.id) AS commitments, count(DISTINCT x.id) AS projects, count(DISTINCT t.id) AS targets
MATCH (b:Body)-[:ISSUED]->(p:Plan {id: id})
RETURN p.doc AS document, b.name AS issuer, coalesce(p.district, '') AS district, p.year AS year,
       p.doc_type AS doc_type, commitments, projects, targets
ORDER BY document, issuer
