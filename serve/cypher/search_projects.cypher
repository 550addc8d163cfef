// Projects whose name or aliases contain the text.
// params: text
MATCH (n:Project) WHERE n.name CONTAINS $text OR n.aliases CONTAINS $text
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.jurisdiction AS detail
ORDER BY name, id
LIMIT 200
