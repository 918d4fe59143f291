// The relationships among a set of drawn nodes, of the given types.
// Parameters: $ids, $types
// Returns: one row per relationship: id (its stable key), source, target, type, props
MATCH (a:MapNode)-[r]->(b:MapNode)
WHERE a.id IN $ids AND b.id IN $ids AND type(r) IN $types
RETURN r.key AS id, a.id AS source, b.id AS target, type(r) AS type, properties(r) AS props
ORDER BY id
