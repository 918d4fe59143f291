// Creates a map node with its kind label and properties (which carry its id and version 1).
// Parameters: $id, $label (checked against service/model/ids.py), $props
// Returns: one row: props
CREATE (n:MapNode {id: $id})
SET n:$($label)
SET n = $props
RETURN properties(n) AS props
