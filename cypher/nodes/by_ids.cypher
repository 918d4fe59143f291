// The map nodes with the given global ids (ids not on the map are simply absent).
// Parameters: $ids (list of global ids)
// Returns: one row per node found: id, props (all its properties)
UNWIND $ids AS id
MATCH (n:MapNode {id: id})
RETURN n.id AS id, properties(n) AS props
