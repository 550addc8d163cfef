// Commitments whose heading or text contains the text.
// params: text
MATCH (p:Plan)-[:CONTAINS]->(n:Commitment) WHERE n.name CONTAINS $text OR n.text CONTAINS $text
RETURN n.id AS id, n.name AS name, n.text AS text, p.issuer AS issuer, p.year AS year, p.title AS title
ORDER BY id
LIMIT 200
