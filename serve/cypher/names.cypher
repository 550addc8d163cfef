// Every project, body and plan name, for "did you mean" when a search finds nothing.
// params:
MATCH (n:Project) RETURN 'Project' AS label, n.id AS id, n.name AS name
UNION ALL
MATCH (n:Body) RETURN 'Body' AS label, n.id AS id, n.name AS name
UNION ALL
MATCH (n:Plan) RETURN 'Plan' AS label, n.id AS id, n.title AS name
