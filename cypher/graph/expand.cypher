// One step of a breadth-first walk for `graph`: the nodes next to the frontier that are
// not yet in the drawing, over the given relationship types and to the given labels;
// organizations only of the given type, if one is given.
// Parameters: $frontier (ids), $seen (ids already drawn), $types, $labels (empty: any),
//             $organizationType (null: any), $limit
// Returns: one row per new node: id, props
UNWIND $frontier AS id
MATCH (:MapNode {id: id})-[r]-(m:MapNode)
WHERE type(r) IN $types AND NOT m.id IN $seen
  AND (size($labels) = 0 OR any(label IN labels(m) WHERE label IN $labels))
  AND ($organizationType IS NULL OR NOT m:Organization OR m.type = $organizationType)
WITH DISTINCT m
ORDER BY m.id
LIMIT $limit
RETURN m.id AS id, properties(m) AS props
