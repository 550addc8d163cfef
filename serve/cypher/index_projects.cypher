// Every project's searched fields, in search_projects' order, for the search index.
// params:
MATCH (n:Project)
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.jurisdiction AS detail
ORDER BY name, id
