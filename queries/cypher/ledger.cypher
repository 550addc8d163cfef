// The 台账 (ledger): one row per commitment with its plan, owners, projects, targets, deadline, status and evidence.
// params: limit=100, offset=0
// lists: sorted
// page: the commitments in a total order (a commitment's doc is its plan's), before anything is
// gathered, so the first page costs a page and not the whole graph.
MATCH (c:Commitment)
// Every commitment has a document and a span; saying so lets Neo4j read the page off its
// (doc, span_start, id) index in order rather than sort every commitment.
WHERE c.doc IS NOT NULL AND c.span_start IS NOT NULL AND c.id IS NOT NULL
RETURN c.id AS id ORDER BY c.doc, c.span_start, c.id SKIP $offset LIMIT $limit
// rows: each commitment of the page found by its id. Every step groups by that id and finds the
// commitment again (LadybugDB cannot group by a node found from an UNWIND value); its plan is
// the plan of its document.
UNWIND $page AS id
MATCH (c:Commitment {id: id})
MATCH (p:Plan) WHERE p.doc = c.doc
OPTIONAL MATCH (owner:Body)-[r:RESPONSIBLE_FOR]->(c)
WITH id, p.doc AS document, p.issuer AS issuer, p.district AS district, p.year AS year,
     collect(DISTINCT CASE WHEN r.role = 'lead' THEN owner.name END) AS lead,
     collect(DISTINCT CASE WHEN r.role = 'cooperate' THEN owner.name END) AS cooperating
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:CONCERNS]->(x:Project)
WITH id, document, issuer, district, year, lead, cooperating, collect(DISTINCT x.name) AS projects
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH id, document, issuer, district, year, lead, cooperating, projects,
     collect(DISTINCT CASE WHEN t IS NULL THEN NULL
                           ELSE {metric: t.metric, comparator: t.comparator, value: t.value, low: t.low, unit: t.unit,
                                 span_start: t.span_start, id: t.id} END) AS targets
MATCH (c:Commitment {id: id})
RETURN document, issuer, district, year, c.section AS section,
       c.theme AS theme, c.name AS commitment, c.text AS task, lead, cooperating, projects, targets,
       c.deadline AS deadline, c.status AS status, c.span_start AS span_start, c.span_end AS span_end,
       c.evidence AS evidence, c.id AS id
ORDER BY document, span_start, id
