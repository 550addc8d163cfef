// Each commitment and what makes it accountable: a named owner, a measurable target, a deadline, a named deliverable.
// params: limit=100, offset=0
// lists: sorted
// The page of commitments (document, position, id) is chosen before their owners, targets and
// deliverables are counted.
MATCH (issuer:Body)-[:ISSUED]->(p:Plan)-[:CONTAINS]->(c:Commitment)
WITH issuer, p, c ORDER BY p.doc, c.span_start, c.id, issuer.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (lead:Body)-[:RESPONSIBLE_FOR {role: 'lead'}]->(c)
WITH issuer, p, c, collect(DISTINCT lead.name) AS leads, collect(DISTINCT lead.id) AS lead_ids,
     count(DISTINCT CASE WHEN lead.id <> issuer.id OR issuer.kind <> 'district_gov' THEN lead.id END) AS owners
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH p, c, leads, lead_ids, owners, count(t) AS targets
OPTIONAL MATCH (c)-[:CONCERNS]->(x:Project)
WITH p, c, leads, lead_ids, owners, targets, count(x) AS deliverables
RETURN p.doc AS document, c.theme AS theme, c.name AS commitment, c.text AS task, leads, lead_ids,
       owners > 0 AS has_owner, targets > 0 AS has_target, c.deadline IS NOT NULL AS has_deadline,
       deliverables > 0 AS has_deliverable, c.span_start AS span_start, c.id AS id
ORDER BY document, span_start, id
