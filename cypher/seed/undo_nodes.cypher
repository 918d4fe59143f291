// Undoes a failed load's node writes: deletes the nodes it created (with any relationship
// they have) and puts back the properties of those it changed (a node's kind label comes
// from its id, so a load never changes it).
// Parameters: $created (list of ids), $updated (list of {id, before})
// Returns: one row: deleted, restored (counts)
CALL (*) {
  UNWIND $created AS id
  MATCH (n:MapNode {id: id})
  DETACH DELETE n
  RETURN count(*) AS deleted
}
CALL (*) {
  UNWIND $updated AS row
  MATCH (n:MapNode {id: row.id})
  SET n = row.before
  RETURN count(*) AS restored
}
RETURN deleted, restored
