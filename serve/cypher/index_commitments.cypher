// Every commitment's searched fields with its plan, in search_commitments' order, for the search index.
// params:
MATCH (p:Plan)-[:CONTAINS]->(n:Commitment)
RETURN n.id AS id, n.name AS name, n.text AS text, p.id AS plan
ORDER BY id
