// One node's outgoing relationships of the given types, on the map or retired, for the
// before and after of an audit event.
// Parameters: $id, $types (null for every type)
// Returns: one row per relationship: type, to, props
CALL () {
  MATCH (n:MapNode {id: $id}) RETURN n
  UNION
  MATCH (n:Retired {id: $id}) RETURN n
}
MATCH (n)-[r]->(m)
WHERE $types IS NULL OR type(r) IN $types
RETURN type(r) AS type, m.id AS to, properties(r) AS props
ORDER BY type, to, r.key
