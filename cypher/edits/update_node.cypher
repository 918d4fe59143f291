// Replaces a node's properties, only if it is still at the version the editor read.
// Parameters: $id, $version, $props (including the new version)
// Returns: one row if the node was at $version: props
MATCH (n:MapNode {id: $id})
WHERE n.version = $version
SET n = $props
RETURN properties(n) AS props
