// The year of the plan each of the given documents holds (what the canvas filters edges and commitments by).
// params: docs
UNWIND $docs AS doc
MATCH (p:Plan) WHERE p.doc = doc
RETURN p.doc AS doc, p.year AS year
ORDER BY doc
