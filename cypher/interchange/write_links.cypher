// Writes an import batch's relationships, once the caller has read which exist already
// (interchange/links_by_key, in the same transaction, over records the import holds): the
// new ones are created, the changed ones have their properties replaced. Neither needs a
// MERGE, whose check-then-create Neo4j plans with eager steps that cost more than the
// writes themselves. Rows whose ends are missing are not written, so the caller compares
// `written` with the number of rows it sent.
// Parameters: $created (list of {from, type, to, props}; type checked against
//             service/seed/graph.py, keys not on the map), $updated (the same, keys on it)
// Returns: one row: written (count)
CALL () {
  UNWIND $created AS row
  MATCH (a:MapNode {id: row.from})
  MATCH (b:MapNode {id: row.to})
  CREATE (a)-[r:$(row.type)]->(b)
  SET r = row.props
  RETURN count(r) AS created
}
CALL () {
  UNWIND $updated AS row
  MATCH (:MapNode {id: row.from})-[r:$(row.type) {key: row.props.key}]->(:MapNode {id: row.to})
  SET r = row.props
  RETURN count(r) AS updated
}
RETURN created + updated AS written
