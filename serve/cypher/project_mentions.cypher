// The commitments that mention a project, with the status each document gives it and the span of the mention.
// params: project
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[r:CONCERNS]->(j:Project {id: $project})
RETURN p.id AS plan_id, p.doc AS document, p.title AS plan_title, p.year AS year, p.doc_type AS doc_type,
       c.id AS id, c.name AS name, r.status AS status, r.evidence AS evidence, r.span_start AS span_start,
       r.span_end AS span_end
ORDER BY year, document, span_start, id
