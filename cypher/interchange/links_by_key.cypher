// The properties of the relationships with the given keys, where they exist already.
// Parameters: $rows (list of {from, type, to, key})
// Returns: one row per relationship found: key, props
UNWIND $rows AS row
MATCH (:MapNode {id: row.from})-[r:$(row.type) {key: row.key}]->(:MapNode {id: row.to})
RETURN row.key AS key, properties(r) AS props
