// The relationship of this type from one map node to another with this key (its ends and
// type, and for a type keyed by a property, that property), if there is one.
// Parameters: $from, $type, $to, $key
// Returns: at most one row: props
MATCH (:MapNode {id: $from})-[r:$($type)]->(:MapNode {id: $to})
WHERE r.key = $key
RETURN properties(r) AS props
LIMIT 1
