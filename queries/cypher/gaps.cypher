// Commitments that lack an owner, a target or a deadline.
// params:
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)
OPTIONAL MATCH (o:Body)-[:RESPONSIBLE_FOR]->(c)
OPTIONAL MATCH (c)-[:HAS_TARGET]->(t:Target)
WITH p, c, count(DISTINCT o.id) AS owners, count(DISTINCT t.id) AS targets
WHERE owners = 0 OR targets = 0 OR c.deadline IS NULL
RETURN p.doc AS document, c.name AS commitment, owners = 0 AS no_owner, targets = 0 AS no_target,
       c.deadline IS NULL AS no_deadline
ORDER BY document, commitment
