// Puts a retired node back on the map with its kind label.
// Parameters: $id, $version, $label
// Returns: one row if the node was retired at $version: props
MATCH (n:Retired {id: $id})
WHERE n.version = $version
REMOVE n:Retired
SET n:MapNode, n:$($label), n.version = n.version + 1
REMOVE n.retired, n.merged_into
RETURN properties(n) AS props
