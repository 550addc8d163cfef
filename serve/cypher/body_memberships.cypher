// The collectives a body is a member of, and the members of a collective, with where the membership is known from.
// params: body
MATCH (b:Body {id: $body})-[m:MEMBER_OF]->(o:Body)
RETURN 'collective' AS relation, o.id AS id, o.name AS name, m.rule AS rule, m.doc AS document
UNION ALL
MATCH (o:Body)-[m:MEMBER_OF]->(b:Body {id: $body})
RETURN 'member' AS relation, o.id AS id, o.name AS name, m.rule AS rule, m.doc AS document
