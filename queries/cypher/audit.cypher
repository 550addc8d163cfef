// Each commitment and what makes it accountable: a named owner, a measurable target, a deadline, a named deliverable.
// params: limit=100, offset=0
// lists: sorted
// page: the commitments in a total order (document, position, id), before anything is counted.
MATCH (c:Commitment)
// Every commitment has a document and a span; saying so lets Neo4j read the page off its
// (doc, span_start, id) index in order rather than sort every commitment.
WHERE c.doc IS NOT NULL AND c.span_start IS NOT NULL AND c.id IS NOT NULL
RETURN c.id AS id ORDER BY c.doc, c.span_start, c.id SKIP $offset LIMIT $limit
// rows: each commitment of the page by its id (see ledger.cypher for why each step finds it
// again); its plan is the plan of its document, the issuer the body that issued that plan.
UNWIND $page AS id
MATCH (c:Commitment {id: id})
MATCH (p:Plan) WHERE p.doc = c.doc
MATCH (issuer:Body)-[:ISSUED]->(p)
OPTIONAL MATCH (lead:Body)-[:RESPONSIBLE_FOR {role: 'lead'}]->(c)
WITH id, p.doc AS document, collect(DISTINCT lead.name) AS leads, collect(DISTINCT lead.id) AS lead_ids,
     count(DISTINCT CASE WHEN lead.id <> issuer.id OR issuer.kind <> 'district_gov' THEN lead.id END) AS owners
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH id, document, leads, lead_ids, owners, count(t) AS targets
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:CONCERNS]->(x:Project)
WITH id, document, leads, lead_ids, owners, targets, count(x) AS deliverables
MATCH (c:Commitment {id: id})
RETURN document, c.theme AS theme, c.name AS commitment, c.text AS task, leads, lead_ids,
       owners > 0 AS has_owner, targets > 0 AS has_target, c.deadline IS NOT NULL AS has_deadline,
       deliverables > 0 AS has_deliverable, c.span_start AS span_start, c.id AS id
ORDER BY document, span_start, id
