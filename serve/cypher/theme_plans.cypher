// A theme's plans with how many of its commitments each holds: the panel orders them (year,
// document) and picks the plans a page of commitments falls in. Grouping the theme's
// commitments costs a tenth of ordering them (LadybugDB sorts only by reading every row).
// params: theme
MATCH (p:Plan)-[:CONTAINS]->(c:Commitment)-[:UNDER_THEME]->(t:Theme {id: $theme})
RETURN p.id AS id, p.year AS year, count(c) AS commitments
