// Plans whose title, issuer or document name contains the text.
// params: text
MATCH (n:Plan) WHERE n.title CONTAINS $text OR n.issuer CONTAINS $text OR n.doc CONTAINS $text
RETURN n.id AS id, n.doc AS document, n.title AS title, n.issuer AS issuer, n.year AS year
ORDER BY year, document
LIMIT 200
