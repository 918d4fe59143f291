// Adds a relationship between two map nodes (checked to exist, and not to be joined by this
// type already, before this runs).
// Parameters: $from, $type, $to, $props
// Returns: one row: props
MATCH (a:MapNode {id: $from}), (b:MapNode {id: $to})
CREATE (a)-[r:$($type)]->(b)
SET r = $props
RETURN properties(r) AS props
