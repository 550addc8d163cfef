// Projects and bodies whose name contains the text.
// params: text, limit=100, offset=0
MATCH (n:Project) WHERE n.name CONTAINS $text OR n.aliases CONTAINS $text
RETURN 'project' AS kind, n.name AS name, n.id AS id
UNION ALL
MATCH (n:Body) WHERE n.name CONTAINS $text
RETURN 'body' AS kind, n.name AS name, n.id AS id
