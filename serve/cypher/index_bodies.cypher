// Every body's name, for "did you mean" from the search index.
// params:
MATCH (n:Body)
RETURN n.id AS id, n.name AS name
