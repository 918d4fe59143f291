// Every relationship of this type from one map node to another (a person may hold two
// seats on one body).
// Parameters: $from, $type, $to
// Returns: one row per relationship: props
MATCH (:MapNode {id: $from})-[r:$($type)]->(:MapNode {id: $to})
RETURN properties(r) AS props
