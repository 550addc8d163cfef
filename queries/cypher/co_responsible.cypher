// Bodies that share responsibility with a body: how many projects and commitments they share.
// params: body, limit=100, offset=0
MATCH (b:Body {id: $body})-[:RESPONSIBLE_FOR]->(x)<-[:RESPONSIBLE_FOR]-(o:Body)
WHERE o.id <> b.id
WITH o, count(DISTINCT x.id) AS shared
RETURN o.name AS body, shared
ORDER BY shared DESC, body, o.id
SKIP $offset LIMIT $limit
