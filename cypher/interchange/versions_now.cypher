// The version each record is at now, on the map or retired, without locking it: an import
// that has just taken its holds compares them with the versions its check read.
// Parameters: $ids
// Returns: one row per id found: id, version, retired
UNWIND $ids AS id
CALL (id) {
  MATCH (n:MapNode {id: id}) RETURN n
  UNION
  MATCH (n:Retired {id: id}) RETURN n
}
RETURN n.id AS id, n.version AS version, n:Retired AS retired
