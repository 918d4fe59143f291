// Takes a node off the map without deleting it: it loses its MapNode and kind labels (so
// every read leaves it out) and gains Retired; its relationships and history stay.
// Parameters: $id, $version, $label
// Returns: one row if the node was on the map at $version: props
MATCH (n:MapNode {id: $id})
WHERE n.version = $version
REMOVE n:MapNode
REMOVE n:$($label)
SET n:Retired, n.version = n.version + 1, n.retired = toString(datetime())
RETURN properties(n) AS props
