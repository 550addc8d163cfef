// Commitments that lack an owner, a target or a deadline.
// params: limit=100, offset=0
// page: the commitments with a gap in a total order (document, heading, id), as ids only.
// What is missing is asked with EXISTS (no counting). Every commitment has a document (its
// plan's) and a heading; saying so lets Neo4j walk its (doc, name, id) index in order and stop
// at the page. On LadybugDB (no secondary index) testing every commitment and sorting the ones
// with a gap bound the first page (38,000 commitments at a thousand plans, 86% with a gap).
// The edges' far ends carry no label: the schema lets only a Body be responsible for a
// commitment and only a Target be its target, and an unlabelled end spares LadybugDB a join
// (42 → 32 ms); sorting ids, then finding the page's commitments by id, spares it sorting the
// finished rows (~40 ms).
MATCH (c:Commitment)
WHERE c.doc IS NOT NULL AND c.name IS NOT NULL AND c.id IS NOT NULL
  AND (c.deadline IS NULL OR NOT EXISTS { MATCH (c)<-[:RESPONSIBLE_FOR]-() }
       OR NOT EXISTS { MATCH (c)-[:HAS_TARGET]->() })
RETURN c.id AS id ORDER BY c.doc, c.name, c.id SKIP $offset LIMIT $limit
// rows: what each commitment of the page lacks, counted (an EXISTS over a commitment found from
// $page made LadybugDB scan every edge: 36 ms a page against 6), a step at a time as in ledger.cypher.
UNWIND $page AS id
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)<-[r:RESPONSIBLE_FOR]-()
WITH id, count(r) AS owners
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[h:HAS_TARGET]->()
WITH id, owners, count(h) AS targets
MATCH (c:Commitment {id: id})
RETURN c.doc AS document, c.name AS commitment, owners = 0 AS no_owner, targets = 0 AS no_target,
       c.deadline IS NULL AS no_deadline
ORDER BY document, commitment, id
