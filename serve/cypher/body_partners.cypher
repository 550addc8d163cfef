// The bodies sharing work with a body, most shared first.
// params: body
MATCH (b:Body {id: $body})-[:RESPONSIBLE_FOR]->(x)<-[:RESPONSIBLE_FOR]-(o:Body)
WHERE o.id <> b.id
RETURN o.id AS id, o.name AS name, count(DISTINCT x.id) AS shared
ORDER BY shared DESC, name, id
LIMIT 50
