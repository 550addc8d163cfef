// How many projects, bodies and commitments there are: with index_fingerprint, what tells the
// search index that the graph changed.
// params:
MATCH (p:Project) WITH count(p) AS projects
MATCH (b:Body) WITH projects, count(b) AS bodies
MATCH (c:Commitment) RETURN projects, bodies, count(c) AS commitments
