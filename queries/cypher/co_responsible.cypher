// Bodies that share responsibility with a body: how many projects and commitments they share.
// params: body
MATCH (b:Body {id: $body})-[:RESPONSIBLE_FOR]->(x)<-[:RESPONSIBLE_FOR]-(o:Body)
WHERE o.id <> b.id
RETURN o.name AS body, count(DISTINCT x.id) AS shared
ORDER BY shared DESC, body
