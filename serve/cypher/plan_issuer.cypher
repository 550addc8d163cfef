// The body that issued a plan.
// params: plan
MATCH (b:Body)-[:ISSUED]->(p:Plan {id: $plan})
RETURN b.id AS id, b.name AS name
ORDER BY id
