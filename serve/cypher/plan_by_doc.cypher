// A plan by its document id: where it was read from and the hash of its bytes.
// params: doc
MATCH (p:Plan) WHERE p.doc = $doc
RETURN p.id AS id, p.doc AS document, p.title AS title, p.issuer AS issuer, p.year AS year, p.source AS source,
       p.sha256 AS sha256
