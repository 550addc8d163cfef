// What changes whenever a load or a removal changes the graph: every plan and the hash of its
// text. The search index compares it (with index_counts) before it answers.
// params:
MATCH (n:Plan) RETURN n.id AS id, n.sha256 AS sha256
