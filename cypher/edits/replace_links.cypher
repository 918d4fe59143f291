// Replaces one node's outgoing relationships of the given types with the rows given.
// Every target was checked to be on the map before this runs.
// Parameters: $id, $types, $rows (list of {type, to, props}; types checked in service/editing)
// Returns: one row: removed, written
MATCH (n:MapNode {id: $id})
CALL (n) {
  OPTIONAL MATCH (n)-[old]->()
  WHERE type(old) IN $types
  DELETE old
  RETURN count(old) AS removed
}
CALL (n) {
  UNWIND $rows AS row
  MATCH (m:MapNode {id: row.to})
  CREATE (n)-[r:$(row.type)]->(m)
  SET r = row.props
  RETURN count(r) AS written
}
RETURN removed, written
