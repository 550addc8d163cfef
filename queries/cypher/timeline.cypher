// What each document says of a project, earliest first: its mentions, and later follow-ups (TRACKS) that name it.
// params: project, limit=100, offset=0
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[r:CONCERNS]->(j:Project {id: $project})
RETURN p.year AS year, CASE p.doc_type WHEN 'midyear_report' THEN 1 ELSE 0 END AS stage, p.doc_type AS doc_type,
       p.doc AS document, r.status AS status, r.evidence AS evidence
UNION
MATCH (j:Project {id: $project})<-[:CONCERNS]-(:Commitment)<-[t:TRACKS]-(c:Commitment)<-[:CONTAINS]-(p:Plan)
WHERE t.evidence CONTAINS j.name
RETURN p.year AS year, CASE p.doc_type WHEN 'midyear_report' THEN 1 ELSE 0 END AS stage, p.doc_type AS doc_type,
       p.doc AS document, t.status AS status, t.evidence AS evidence
