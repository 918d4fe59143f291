// One node by global id, whether on the map or retired (for includeRetired).
// Parameters: $id
// Returns: at most one row: id, props
CALL () {
  MATCH (n:MapNode {id: $id}) RETURN n
  UNION
  MATCH (n:Retired {id: $id}) RETURN n
}
RETURN n.id AS id, properties(n) AS props
