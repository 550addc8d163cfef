// The commitments under a theme, with their targets and deadlines.
// params: theme, limit=100, offset=0
// lists: sorted
// page: the theme's commitments in a total order (document, heading, id), before their targets
// are gathered. Sorting the commitment × target rows instead took LadybugDB 60–80 ms for the
// first page of a theme with 9,000 commitments (the join materialised before the sort); the
// commitments alone sort in ~13 ms and the page's targets are found by id in ~4.
MATCH (c:Commitment)-[:UNDER_THEME]->(:Theme {name: $theme})
RETURN c.id AS id ORDER BY c.doc, c.name, c.id SKIP $offset LIMIT $limit
// rows: each commitment of the page by its id, with its targets as one list.
UNWIND $page AS id
MATCH (c:Commitment {id: id})
OPTIONAL MATCH (c)-[:HAS_TARGET]->(x:Target)
WITH id, collect(DISTINCT CASE WHEN x IS NULL THEN NULL
                               ELSE {metric: x.metric, comparator: x.comparator, value: x.value, low: x.low,
                                     unit: x.unit, id: x.id} END) AS targets
MATCH (c:Commitment {id: id})
RETURN c.doc AS document, c.name AS commitment, c.deadline AS deadline, c.status AS status, targets, c.id AS id
ORDER BY document, commitment, id
