// Every plan as the search index names it.
// params:
MATCH (n:Plan)
RETURN n.id AS id, n.title AS title, n.issuer AS issuer, n.year AS year
