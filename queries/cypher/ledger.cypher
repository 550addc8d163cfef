// The 台账 (ledger): one row per commitment with its plan, owners, projects, targets, deadline, status and evidence.
// params: limit=100, offset=0
// lists: sorted
// The page of commitments is chosen first (document, position, id: a total order), and only its
// rows gather owners, projects and targets: the first page costs a page, not the whole graph.
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)
WITH p, c ORDER BY p.doc, c.span_start, c.id SKIP $offset LIMIT $limit
OPTIONAL MATCH (lead:Body)-[:RESPONSIBLE_FOR {role: 'lead'}]->(c)
WITH p, c, collect(DISTINCT lead.name) AS lead
OPTIONAL MATCH (helper:Body)-[:RESPONSIBLE_FOR {role: 'cooperate'}]->(c)
WITH p, c, lead, collect(DISTINCT helper.name) AS cooperating
OPTIONAL MATCH (c)-[:CONCERNS]->(x:Project)
WITH p, c, lead, cooperating, collect(DISTINCT x.name) AS projects
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH p, c, lead, cooperating, projects,
     collect(DISTINCT CASE WHEN t IS NULL THEN NULL
                           ELSE {metric: t.metric, comparator: t.comparator, value: t.value, low: t.low, unit: t.unit,
                                 span_start: t.span_start, id: t.id} END) AS targets
RETURN p.doc AS document, p.issuer AS issuer, p.district AS district, p.year AS year, c.section AS section,
       c.theme AS theme, c.name AS commitment, c.text AS task, lead, cooperating, projects, targets,
       c.deadline AS deadline, c.status AS status, c.span_start AS span_start, c.span_end AS span_end,
       c.evidence AS evidence, c.id AS id
ORDER BY document, span_start, id
