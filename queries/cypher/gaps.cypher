// Commitments that lack an owner, a target or a deadline.
// params: limit=100, offset=0
// What is missing is asked with EXISTS (no counting), so the page of gaps (document, heading, id)
// is chosen before anything is gathered. Every commitment has a document (its plan's) and a
// heading; saying so lets Neo4j walk its (doc, name, id) index in order and stop at the page.
MATCH (c:Commitment)
WHERE c.doc IS NOT NULL AND c.name IS NOT NULL AND c.id IS NOT NULL
  AND (c.deadline IS NULL OR NOT EXISTS { MATCH (:Body)-[:RESPONSIBLE_FOR]->(c) }
       OR NOT EXISTS { MATCH (c)-[:HAS_TARGET]->(:Target) })
WITH c ORDER BY c.doc, c.name, c.id SKIP $offset LIMIT $limit
RETURN c.doc AS document, c.name AS commitment,
       NOT EXISTS { MATCH (:Body)-[:RESPONSIBLE_FOR]->(c) } AS no_owner,
       NOT EXISTS { MATCH (c)-[:HAS_TARGET]->(:Target) } AS no_target,
       c.deadline IS NULL AS no_deadline
ORDER BY document, commitment, c.id
