// The relationship of this type from one map node to another, if there is one.
// Parameters: $from, $type, $to
// Returns: at most one row: props
MATCH (:MapNode {id: $from})-[r:$($type)]->(:MapNode {id: $to})
RETURN properties(r) AS props
LIMIT 1
