// The projects each commitment of a plan concerns.
// params: plan
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(c:Commitment)-[r:CONCERNS]->(j:Project)
RETURN c.id AS commitment, j.id AS id, j.name AS name, r.status AS status
ORDER BY commitment, name, id
