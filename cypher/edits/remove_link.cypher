// Removes the relationship of this type from one map node to another.
// Parameters: $from, $type, $to
// Returns: one row per relationship removed: props (as they were)
MATCH (:MapNode {id: $from})-[r:$($type)]->(:MapNode {id: $to})
WITH r, properties(r) AS props
DELETE r
RETURN props
