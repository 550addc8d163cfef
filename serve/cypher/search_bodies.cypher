// Bodies whose name contains the text.
// params: text
MATCH (n:Body) WHERE n.name CONTAINS $text
RETURN n.id AS id, n.name AS name, n.kind AS kind, n.jurisdiction AS detail
ORDER BY name, id
LIMIT 200
