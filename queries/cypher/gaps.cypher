// Commitments that lack an owner, a target or a deadline.
// params: limit=100, offset=0
// What is missing is asked with EXISTS (no counting), so the page of gaps (document, heading, id)
// is chosen before anything is gathered.
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)
WHERE c.deadline IS NULL OR NOT EXISTS { MATCH (:Body)-[:RESPONSIBLE_FOR]->(c) }
      OR NOT EXISTS { MATCH (c)-[:HAS_TARGET]->(:Target) }
WITH p, c ORDER BY p.doc, c.name, c.id SKIP $offset LIMIT $limit
RETURN p.doc AS document, c.name AS commitment,
       NOT EXISTS { MATCH (:Body)-[:RESPONSIBLE_FOR]->(c) } AS no_owner,
       NOT EXISTS { MATCH (c)-[:HAS_TARGET]->(:Target) } AS no_target,
       c.deadline IS NULL AS no_deadline
ORDER BY document, commitment, c.id
