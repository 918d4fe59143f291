// Replaces an organization's aliases (a merge gives the survivor the duplicate's names).
// Parameters: $id, $aliases
// Returns: one row: props
MATCH (o:MapNode:Organization {id: $id})
SET o.aliases = $aliases
RETURN properties(o) AS props
