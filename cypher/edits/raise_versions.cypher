// Moves the version of each node on the map with the given ids on by one: a relationship
// added to or removed from them changes what a reader of either record saw, so an edit
// made at the version read before is told CONFLICT. The caller holds their locks.
// Parameters: $ids
// Returns: one row per node: id, version (the new one)
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
SET n.version = n.version + 1
RETURN n.id AS id, n.version AS version
