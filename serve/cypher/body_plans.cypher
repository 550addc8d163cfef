// The plans a body issued.
// params: body
MATCH (b:Body {id: $body})-[:ISSUED]->(p:Plan)
RETURN p.id AS id, p.doc AS document, p.title AS title, p.year AS year, p.doc_type AS doc_type
ORDER BY year, document
