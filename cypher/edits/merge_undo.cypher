// The merge a retired organization record went through, to undo it: the record kept, and
// what the merge moved (JSON text; null for a merge made before merges kept it).
// Parameters: $duplicate
// Returns: at most one row: survivor, undo
MATCH (:Retired {id: $duplicate})-[m:MERGED_INTO]->(kept:MapNode:Organization)
RETURN kept.id AS survivor, m.undo AS undo
