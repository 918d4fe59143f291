// Removes the relationships of this type from one map node to another: all of them when
// $key is null, else the one with that key (a person's seat among their seats on a body).
// Parameters: $from, $type, $to, $key
// Returns: one row per relationship removed: props (as they were)
MATCH (:MapNode {id: $from})-[r:$($type)]->(:MapNode {id: $to})
WHERE $key IS NULL OR r.key = $key
WITH r, properties(r) AS props
DELETE r
RETURN props
