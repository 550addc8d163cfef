// The owners of each commitment of a plan, with the rule that decided each.
// params: plan
MATCH (p:Plan {id: $plan})-[:CONTAINS]->(c:Commitment)<-[r:RESPONSIBLE_FOR]-(b:Body)
RETURN c.id AS commitment, b.id AS id, b.name AS name, r.role AS role, r.rule AS rule
ORDER BY commitment, role DESC, name, id
