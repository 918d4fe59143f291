// Undoes a failed load's relationship writes: deletes those it created and puts back the
// properties of those it changed.
// Parameters: $created (list of {from, type, to, key}), $updated (list of {from, type, to, key, before})
// Returns: one row: deleted, restored (counts)
CALL (*) {
  UNWIND $created AS row
  MATCH (:MapNode {id: row.from})-[r:$(row.type) {key: row.key}]->(:MapNode {id: row.to})
  DELETE r
  RETURN count(*) AS deleted
}
CALL (*) {
  UNWIND $updated AS row
  MATCH (:MapNode {id: row.from})-[r:$(row.type) {key: row.key}]->(:MapNode {id: row.to})
  SET r = row.before
  RETURN count(*) AS restored
}
RETURN deleted, restored
