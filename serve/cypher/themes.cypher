// The themes the store holds.
// params:
MATCH (t:Theme) RETURN t.id AS id, t.name AS name ORDER BY name
