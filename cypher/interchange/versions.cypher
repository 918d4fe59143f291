// Locks the records an import batch is about to write (in id order) and reads the version
// each is at, on the map or retired, so the batch writes only over what was checked.
// Parameters: $ids (sorted)
// Returns: one row per id found: id, version, retired
UNWIND $ids AS id
CALL (id) {
  MATCH (n:MapNode {id: id}) RETURN n
  UNION
  MATCH (n:Retired {id: id}) RETURN n
}
SET n._lock = true
REMOVE n._lock
RETURN n.id AS id, n.version AS version, n:Retired AS retired
