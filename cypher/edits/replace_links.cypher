// Replaces, for each node given, its outgoing relationships of the given types with the
// rows given. Every target was checked to be on the map before this runs.
// Parameters: $nodes (list of {id, types, rows: list of {type, to, props}}; types checked in service/editing)
// Returns: one row: removed, written
UNWIND $nodes AS node
MATCH (n:MapNode {id: node.id})
CALL (n, node) {
  OPTIONAL MATCH (n)-[old]->()
  WHERE type(old) IN node.types
  DELETE old
  RETURN count(old) AS removed
}
CALL (n, node) {
  UNWIND node.rows AS row
  MATCH (m:MapNode {id: row.to})
  CREATE (n)-[r:$(row.type)]->(m)
  SET r = row.props
  RETURN count(r) AS written
}
RETURN sum(removed) AS removed, sum(written) AS written
