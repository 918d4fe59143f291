// Deletes a node, on the map or retired, with its relationships (an admin's action; the
// audit events about it stay).
// Parameters: $id, $version
// Returns: one row if the node was at $version: props (as they were)
CALL () {
  MATCH (n:MapNode {id: $id}) RETURN n
  UNION
  MATCH (n:Retired {id: $id}) RETURN n
}
WITH n, properties(n) AS props
WHERE n.version = $version
DETACH DELETE n
RETURN props
